package org.hoso.extract.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hoso.core.api.model.VietnameseText;
import org.junit.jupiter.api.Test;

/**
 * The number and symbol parser and the type read from a symbol, measured on the 3,500 real document numbers of
 * {@code vilegalbert-vbpl-metadata} (train.csv: {@code id}, {@code type_level1}). The parse is right when number and
 * symbol written back give the id as printed, spaces dropped and dashes made plain (the corpus's own noise).
 */
class VilegalbertAccuracyTest {

    @Test
    void parsesAtLeast98PercentOfRealNumbersAndReportsTypeAgreement() throws IOException {
        Path csv = Corpora.corpus("vilegalbert-vbpl-metadata/data/train.csv");
        List<String[]> rows = Csv.read(Files.readString(csv, StandardCharsets.UTF_8));
        String[] head = rows.get(0);
        int id = List.of(head).indexOf("id");
        int type = List.of(head).indexOf("type_level1");
        int n = 0;
        int parsed = 0;
        int typed = 0;
        int typeExact = 0;
        int typeLevel1 = 0;
        List<String> misses = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            n++;
            String raw = r[id];
            String expected = Symbols.plainDashes(VietnameseText.nfc(raw)).replaceAll("\\s+", "");
            Optional<Symbols.Parsed> p = Symbols.parse(raw);
            if (p.isPresent() && p.get().text().equals(expected)) {
                parsed++;
            } else if (misses.size() < 25) {
                misses.add(raw.replace("\n", "⏎") + " → " + p.map(Symbols.Parsed::text).orElse("(none)"));
            }
            Optional<String> name = p.flatMap(x -> Symbols.typeOf(x.notation()));
            String label = VietnameseText.fold(r[type]);
            if (name.isPresent()) {
                typed++;
                String folded = VietnameseText.fold(name.get());
                if (folded.equals(label)) {
                    typeExact++;
                }
                // the corpus files joint circulars and resolutions under their base type
                if (folded.replace(" lien tich", "").equals(label)) {
                    typeLevel1++;
                }
            }
        }
        double parseRate = 100.0 * parsed / n;
        System.out.printf("vilegalbert: %d ids; number+symbol parsed exactly %d (%.2f %%); type read from the symbol "
                + "for %d (%.2f %%); type = type_level1 exactly %d (%.2f %% of all), with joint types under their base "
                + "type %d (%.2f %% of all, %.2f %% of those typed)%n", n, parsed, parseRate, typed, 100.0 * typed / n,
                typeExact, 100.0 * typeExact / n, typeLevel1, 100.0 * typeLevel1 / n, 100.0 * typeLevel1 / typed);
        misses.forEach(m -> System.out.println("  not parsed: " + m));
        assertTrue(parseRate >= 98.0, "parse rate " + parseRate + " % < 98 %");
    }

    /** RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks. */
    static final class Csv {
        static List<String[]> read(String s) {
            List<String[]> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(f.toString());
                    f.setLength(0);
                    rows.add(row.toArray(String[]::new));
                    row = new ArrayList<>();
                } else {
                    f.append(c);
                }
            }
            if (!f.isEmpty() || !row.isEmpty()) {
                row.add(f.toString());
                rows.add(row.toArray(String[]::new));
            }
            return rows;
        }
    }
}
