package org.hoso.extract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.model.ItemFields;
import org.hoso.digitise.api.OcrPage;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.junit.jupiter.api.Test;

/**
 * Every field of {@code vietadmin-ocr-llm-rag/EXPECTED.csv} (a real two-page official letter from Đà Nẵng and its
 * ten degraded variants), read from the ground-truth transcription and from the scans themselves through the real
 * Tesseract engine.
 */
class VietadminAccuracyTest {

    /** EXPECTED.csv column → field key (the type compared by name, number and symbol together). */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("document_type", ItemFields.TYPE);
        COLUMNS.put("number_symbol", "numberSymbol");
        COLUMNS.put("place", ItemFields.PLACE);
        COLUMNS.put("date", ItemFields.DATE);
        COLUMNS.put("issuer_parent", ItemFields.ISSUER_PARENT);
        COLUMNS.put("issuer", ItemFields.ISSUER);
        COLUMNS.put("abstract", ItemFields.ABSTRACT);
        COLUMNS.put("signer_title", ItemFields.SIGNER_TITLE);
        COLUMNS.put("signer_name", ItemFields.SIGNER);
    }

    /** A field's value as the corpus writes it: the type by its name, number and symbol as "1906/SGDĐT-CTrTT". */
    static Optional<String> value(String key, Extraction e) {
        if (key.equals(ItemFields.TYPE)) {
            return e.get(ItemFields.TYPE).map(f -> f.text());
        }
        if (key.equals("numberSymbol")) {
            return e.value(ItemFields.NUMBER).flatMap(n -> e.value(ItemFields.NOTATION).map(s -> n + "/" + s));
        }
        return e.value(key);
    }

    private record Row(Path image, Path truth, Map<String, String> fields) {
    }

    private static List<Row> rows() throws Exception {
        Path dir = Corpora.corpus("vietadmin-ocr-llm-rag");
        List<String[]> csv = VilegalbertAccuracyTest.Csv.read(Files.readString(dir.resolve("EXPECTED.csv"),
                StandardCharsets.UTF_8));
        List<String> head = List.of(csv.get(0));
        Map<String, Map<String, String>> byTruth = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (String[] r : csv.subList(1, csv.size())) {
            Map<String, String> f = new LinkedHashMap<>();
            COLUMNS.forEach((col, key) -> {
                String v = r[head.indexOf(col)];
                if (!v.isBlank()) {
                    f.put(key, v);
                }
            });
            String gt = r[head.indexOf("ground_truth_text")];
            // the degraded variants carry no fields of their own: "same ground truth" as their original
            Map<String, String> fields = byTruth.computeIfAbsent(gt, k -> f);
            rows.add(new Row(dir.resolve(r[head.indexOf("file")]), dir.resolve(gt), fields));
        }
        return rows;
    }

    @Test
    void everyFieldFromTheGroundTruthText() throws Exception {
        Score score = new Score(List.copyOf(COLUMNS.values()));
        Nd30Extractor x = new Nd30Extractor();
        for (Row r : rows().subList(0, 2)) {
            Extraction e = x.extract(ExtractionInput.ofText(Files.readString(r.truth(), StandardCharsets.UTF_8)));
            score.add(r.fields(), e, VietadminAccuracyTest::value);
            r.fields().forEach((k, v) -> assertEquals(Score.norm(v), value(k, e).map(Score::norm).orElse(""),
                    r.truth().getFileName() + " " + k));
        }
        System.out.println("vietadmin, from the ground-truth text (2 pages):\n" + score.table("field"));
    }

    @Test
    void everyFieldFromTheScansThroughTesseract() throws Exception {
        // the "v0_original" variants are the originals saved again: org.hoso.digitise's OcrAccuracyTest reads them;
        // leaving them out here saves two OCR runs of the suite's time
        List<Row> rows = rows().stream().filter(r -> !r.image().getFileName().toString().contains("_v0_")).toList();
        List<OcrPage> pages = Ocr.all(rows, r -> Ocr.read(r.image()));
        Score all = new Score(List.copyOf(COLUMNS.values()));
        Score originals = new Score(List.copyOf(COLUMNS.values()));
        Nd30Extractor x = new Nd30Extractor();
        StringBuilder perImage = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Extraction e = x.extract(ExtractionInput.ofOcr(List.of(pages.get(i))));
            all.add(r.fields(), e, VietadminAccuracyTest::value);
            if (i < 2) {
                originals.add(r.fields(), e, VietadminAccuracyTest::value);
            }
            List<String> right = new ArrayList<>();
            r.fields().forEach((k, v) -> {
                if (value(k, e).map(Score::norm).orElse("").equals(Score.norm(v))) {
                    right.add(k);
                }
            });
            perImage.append(String.format("  %s: %d/%d right %s; extracted %s%n", r.image().getFileName(),
                    right.size(), r.fields().size(), right, e.fields().keySet()));
        }
        System.out.println("vietadmin, OCR then extract, per image:\n" + perImage);
        System.out.println("vietadmin, OCR then extract, the two original scans:\n" + originals.table("field"));
        System.out.println("vietadmin, OCR then extract, all " + rows.size() + " images:\n" + all.table("field"));
        for (String key : List.of(ItemFields.TYPE, "numberSymbol", ItemFields.DATE, ItemFields.ISSUER,
                ItemFields.SIGNER_TITLE)) {
            assertEquals(1.0, originals.recall(key), "from the two original scans: " + key);
        }
        assertTrue(all.recall(ItemFields.DATE) >= 0.8, "the letter's date from most scans");
    }
}
