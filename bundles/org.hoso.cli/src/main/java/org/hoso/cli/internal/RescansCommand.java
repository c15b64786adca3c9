package org.hoso.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hoso.digitise.api.DigitisationService;
import org.hoso.digitise.api.DigitisationService.Rescan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hoso rescans --fonds CODE [--file FILECODE]}: the pages to scan again, with the reasons. */
@Command(name = "rescans")
final class RescansCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Option(names = "--fonds", required = true, paramLabel = "CODE", descriptionKey = "digitise.fonds")
    String fonds;

    @Option(names = "--file", paramLabel = "FILECODE", descriptionKey = "digitise.file")
    String file;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Reports r = hoso.reports;
        try (Services services = new Services(hoso.context)) {
            DigitisationService digitisation = services.get(DigitisationService.class);
            if (digitisation == null) {
                hoso.err().println(r.text("digitise.unavailable"));
                return 1;
            }
            List<Rescan> rescans;
            try {
                rescans = digitisation.rescans(fonds, Optional.ofNullable(file));
            } catch (IllegalArgumentException e) {
                hoso.err().println(e.getMessage());
                return 1;
            }
            if (json) {
                hoso.out().println(Json.write(json(rescans)));
            } else if (rescans.isEmpty()) {
                hoso.out().println(r.text("rescans.none"));
            } else {
                hoso.out().println(r.text("rescans.title", rescans.size()));
                for (Rescan x : rescans) {
                    hoso.out().println("  " + r.text("digitise.rescan", x.docCode(), x.page(),
                            String.join("; ", x.reasons())));
                }
            }
            return 0;
        }
    }

    static List<Object> json(List<Rescan> rescans) {
        List<Object> list = new ArrayList<>();
        for (Rescan x : rescans) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", x.fileCode());
            m.put("document", x.docCode());
            m.put("page", x.page());
            m.put("reasons", x.reasons());
            list.add(m);
        }
        return list;
    }
}
