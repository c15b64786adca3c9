package org.hoso.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hoso.core.api.SearchService;
import org.hoso.core.api.SearchService.Hit;
import org.hoso.core.api.SearchService.Query;
import org.hoso.core.api.SearchService.Results;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso search QUERY [--fonds CODE] [--json] [--limit N] [--rebuild]}: full-text and field search over the
 * catalogue and the recognised text of pages. The query language is the search bundle's (its README).
 */
@Command(name = "search")
final class SearchCommand implements Callable<Integer> {

    /** How matches are marked in the text output. */
    static final String OPEN = "«";
    static final String CLOSE = "»";

    @ParentCommand
    HosoCommand hoso;

    @Parameters(paramLabel = "QUERY", arity = "0..*", descriptionKey = "param.query")
    List<String> words = new ArrayList<>();

    @Option(names = "--fonds", paramLabel = "CODE", descriptionKey = "param.fondsCode")
    String fonds;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", descriptionKey = "option.searchLimit")
    int limit;

    @Option(names = "--rebuild", descriptionKey = "option.rebuild")
    boolean rebuild;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Reports r = hoso.reports;
        PrintWriter out = hoso.out();
        String text = String.join(" ", words).strip();
        if (text.isEmpty() && !rebuild) {
            hoso.err().println(r.text("search.noQuery"));
            return 2;
        }
        if (limit < 1 || limit > 1000) {
            hoso.err().println(r.text("error.invalid", "--limit 1..1000: " + limit));
            return 2;
        }
        SearchService search = hoso.services().get(SearchService.class);
        if (search == null) {
            hoso.err().println(r.text("search.noService"));
            return 1;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (rebuild) {
            SearchService.Rebuild b = search.rebuild();
            if (json) {
                m.put("rebuild", Map.of("files", b.files(), "items", b.items(), "pages", b.pages(), "millis",
                        b.millis()));
            } else {
                out.println(r.text("search.rebuilt", b.files(), b.items(), b.pages(), b.millis() / 1000.0));
            }
        }
        if (!text.isEmpty()) {
            Results found;
            try {
                found = search.search(new Query(text, Optional.ofNullable(fonds), limit));
            } catch (IllegalArgumentException e) {
                hoso.err().println(r.text("search.badQuery", e.getMessage()));
                return 2;
            }
            if (json) {
                m.put("query", text);
                m.put("total", found.total());
                m.put("totalExact", found.exact());
                List<Object> hits = new ArrayList<>();
                for (Hit h : found.hits()) {
                    Map<String, Object> hm = new LinkedHashMap<>();
                    hm.put("kind", h.kind() == SearchService.Kind.FILE ? "file" : "item");
                    hm.put("fonds", h.fondsCode());
                    hm.put("file", h.fileCode());
                    hm.put("document", h.docCode().orElse(null));
                    hm.put("title", h.title());
                    hm.put("snippet", h.snippet().text());
                    hm.put("highlights", h.snippet().highlights().stream().map(s -> List.of(s.start(), s.end()))
                            .toList());
                    hm.put("score", Math.round(h.score() * 1000) / 1000.0);
                    hits.add(hm);
                }
                m.put("hits", hits);
            } else {
                lines(r, found, text).forEach(out::println);
            }
        }
        if (json) {
            out.println(Json.write(m));
        }
        return 0;
    }

    /** The hits as the command line and the shell show them: a line per hit, its snippet with the matches marked. */
    static List<String> lines(Reports r, Results found, String text) {
        List<String> lines = new ArrayList<>();
        lines.add(found.total() == 0 ? r.text("search.none", text)
                : r.text(found.exact() ? "search.found" : "search.foundAtLeast", found.total(), text,
                        found.hits().size()));
        int n = 1;
        for (Hit h : found.hits()) {
            String code = h.docCode().orElse(h.fileCode());
            String kind = r.text(h.kind() == SearchService.Kind.FILE ? "search.kind.file" : "search.kind.item");
            lines.add(String.format("%3d. %s %s  %s", n++, kind, code, h.title()));
            String snippet = h.snippet().marked(OPEN, CLOSE);
            if (!snippet.isBlank() && !snippet.equals(h.title())) {
                lines.add("     " + snippet);
            }
        }
        return lines;
    }
}
