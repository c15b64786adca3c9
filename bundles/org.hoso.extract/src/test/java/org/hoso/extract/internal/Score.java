package org.hoso.extract.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.model.VietnameseText;
import org.hoso.extract.api.Extraction;

/** Per-field counts: right, wrong and missed values; precision and recall. */
final class Score {

    private static final class Counts {
        int expected;
        int extracted;
        int right;
    }

    private final Map<String, Counts> fields = new LinkedHashMap<>();

    Score(List<String> keys) {
        keys.forEach(k -> fields.put(k, new Counts()));
    }

    /** Values are compared composed, case and spacing aside. */
    static String norm(String s) {
        return VietnameseText.nfc(s).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Scores one document: {@code truth} maps field keys to the right value (absent: the document has none). */
    void add(Map<String, String> truth, Extraction e, java.util.function.BiFunction<String, Extraction,
            Optional<String>> value) {
        for (var entry : fields.entrySet()) {
            String key = entry.getKey();
            Counts c = entry.getValue();
            String want = truth.get(key);
            Optional<String> got = value.apply(key, e);
            if (want != null && !want.isBlank()) {
                c.expected++;
            }
            if (got.isPresent()) {
                c.extracted++;
                if (want != null && norm(want).equals(norm(got.get()))) {
                    c.right++;
                }
            }
        }
    }

    double precision(String key) {
        Counts c = fields.get(key);
        return c.extracted == 0 ? Double.NaN : (double) c.right / c.extracted;
    }

    double recall(String key) {
        Counts c = fields.get(key);
        return c.expected == 0 ? Double.NaN : (double) c.right / c.expected;
    }

    int expected(String key) {
        return fields.get(key).expected;
    }

    /** A Markdown table row per field. */
    String table(String title) {
        StringBuilder sb = new StringBuilder("| " + title + " | expected | extracted | right | precision | recall |\n"
                + "|---|---|---|---|---|---|\n");
        fields.forEach((k, c) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", k,
                c.expected, c.extracted, c.right, pct(precision(k)), pct(recall(k)))));
        return sb.toString();
    }

    private static String pct(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * d);
    }
}
