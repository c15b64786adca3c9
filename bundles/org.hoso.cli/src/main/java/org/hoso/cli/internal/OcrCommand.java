package org.hoso.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.DigitisedPage;
import org.hoso.digitise.api.Digitiser;
import org.hoso.digitise.api.DocumentInfo;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.ScanSource;
import org.hoso.digitise.api.UnreadablePageException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso ocr FILE... --out OUT.pdf}: digitises every page of the scans given (one worker per core) into one
 * searchable PDF/A-2b file. Needs no workspace. Exit 0 when every page was read; 1 when a file or page could not
 * be read (the others are still written).
 */
@Command(name = "ocr")
final class OcrCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "ocr.files")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "OUT.pdf", descriptionKey = "ocr.out")
    Path out;

    @Option(names = "--text", paramLabel = "OUT.txt", descriptionKey = "ocr.text")
    Path text;

    @Option(names = "--title", paramLabel = "TEXT", descriptionKey = "ocr.title")
    String title;

    @Option(names = "--identifier", paramLabel = "CODE", descriptionKey = "ocr.identifier")
    String identifier;

    @Option(names = "--lang-ocr", paramLabel = "vie", defaultValue = "vie", descriptionKey = "ocr.languages")
    String languages;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    /** One page to digitise, or the reason it could not be read. */
    private record Job(Path file, int page, UnreadablePageException problem) {
    }

    @Override
    public Integer call() throws Exception {
        Reports r = hoso.reports;
        try (Services services = new Services(hoso.context)) {
            ScanSource source = services.get(ScanSource.class);
            Digitiser digitiser = services.get(Digitiser.class);
            if (source == null || digitiser == null) {
                hoso.err().println(r.text("digitise.unavailable"));
                return 1;
            }
            List<Job> jobs = new ArrayList<>();
            for (Path f : files) {
                try {
                    for (PageInfo p : source.probe(f)) {
                        jobs.add(new Job(f, p.page(), null));
                    }
                } catch (UnreadablePageException e) {
                    jobs.add(new Job(f, 0, e));
                }
            }
            DigitiseOptions options = new DigitiseOptions(DigitiseOptions.DEFAULT.policy(),
                    new org.hoso.digitise.api.OcrOptions(languages, 3), DigitiseOptions.DEFAULT.retryBelow(), true);
            int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<DigitisedPage>> futures = new ArrayList<>();
            long start = System.nanoTime();
            try {
                for (Job j : jobs) {
                    futures.add(j.problem() != null ? null : pool.submit(() -> digitiser.digitise(
                            source.read(j.file(), j.page(), ReadOptions.DEFAULT), options)));
                }
                List<DigitisedPage> done = new ArrayList<>();
                List<Object> report = new ArrayList<>();
                int failures = 0;
                for (int i = 0; i < jobs.size(); i++) {
                    Job j = jobs.get(i);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", j.file().toString());
                    m.put("page", j.page());
                    UnreadablePageException problem = j.problem();
                    DigitisedPage page = null;
                    if (problem == null) {
                        try {
                            page = futures.get(i).get();
                        } catch (ExecutionException e) {
                            if (e.getCause() instanceof UnreadablePageException u) {
                                problem = u;
                            } else {
                                throw e;
                            }
                        }
                    }
                    if (problem != null) {
                        failures++;
                        m.put("error", problem.problem().name());
                        m.put("message", problem.message(hoso.locale));
                        if (!json) {
                            hoso.err().println(r.text("ocr.unreadable", problem.message(hoso.locale)));
                        }
                    } else {
                        done.add(page);
                        var chosen = page.chosen();
                        m.put("words", page.ocr().words().size());
                        m.put("confidence", Math.round(page.ocr().meanConfidence() * 10) / 10.0);
                        m.put("cleanup", chosen.map(a -> a.plan().steps()).orElse(List.of()));
                        m.put("attempts", page.attempts().size());
                        m.put("quality", QcCommand.issues(page.quality(), hoso.locale));
                        m.put("text", page.ocr().text());
                        if (!json) {
                            hoso.out().println(r.text("ocr.page", j.file().getFileName(), j.page(),
                                    page.ocr().words().size(), page.ocr().meanConfidence(),
                                    chosen.map(a -> String.join(" ", a.plan().steps())).orElse("-"),
                                    page.attempts().stream().mapToLong(a -> a.millis()).sum() / 1000.0));
                        }
                    }
                    report.add(m);
                }
                if (!done.isEmpty()) {
                    write(digitiser, done);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("out", done.isEmpty() ? null : out.toAbsolutePath().toString());
                    m.put("pages", done.size());
                    m.put("failed", failures);
                    m.put("seconds", Math.round(seconds * 10) / 10.0);
                    m.put("results", report);
                    hoso.out().println(Json.write(m));
                } else if (!done.isEmpty()) {
                    hoso.out().println(r.text("ocr.written", out, done.size(), seconds));
                }
                return failures == 0 ? 0 : 1;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private void write(Digitiser digitiser, List<DigitisedPage> pages) throws IOException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        String name = files.get(0).getFileName().toString();
        DocumentInfo info = new DocumentInfo(title != null ? title : name, identifier != null ? identifier : name, "",
                now, now, "vi-VN");
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".hoso-ocr-", ".part");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                digitiser.writePdf(pages, info, o);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (text != null) {
            StringBuilder sb = new StringBuilder();
            for (DigitisedPage p : pages) {
                if (!sb.isEmpty()) {
                    sb.append('\f');
                }
                sb.append(p.ocr().text()).append('\n');
            }
            Files.writeString(text, sb, StandardCharsets.UTF_8);
        }
    }
}
