package org.hoso.extract.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.model.CodeList;
import org.hoso.core.api.model.Description;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.ItemFields;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.SampleScans;
import org.hoso.digitise.api.SampleScans.Degradation;
import org.hoso.digitise.api.ColourKind;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.sample.internal.CommuneFonds;
import org.hoso.sample.internal.ScanRenderer;
import org.junit.jupiter.api.Test;

/**
 * Per-field precision and recall on documents of the sample fonds, whose metadata is known: each document laid out
 * three ways (the renderer's reading order, row by row; the two header columns one after the other; a PDF text
 * layer's rows with the columns side by side), each at three noise levels (clean; OCR-like: a few letters without
 * their diacritics, "Số: 12 /QĐ–UBND", CRLF; heavy: more of it, decomposed Unicode, "So:"), and a few pages
 * rendered, spoiled like poor scans and read by the real Tesseract engine.
 */
class GeneratedAccuracyTest {

    static final List<String> FIELDS = List.of(ItemFields.TYPE, ItemFields.NUMBER, ItemFields.NOTATION,
            ItemFields.DATE, ItemFields.PLACE, ItemFields.ISSUER, ItemFields.ISSUER_PARENT, ItemFields.ABSTRACT,
            ItemFields.SIGNER_AUTHORITY, ItemFields.SIGNER_TITLE, ItemFields.SIGNER, ItemFields.RECIPIENTS,
            ItemFields.SECRECY, ItemFields.URGENCY);
    private static final String PARENT = "UBND HUYỆN YÊN SƠN";
    private static final String MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";
    private static final String[] URGENCY = { "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" };

    /** A generated document: what the page shows and the values it should give. */
    record Sample(SampleScans.Document doc, String place, Map<String, String> truth, String secrecy,
            String urgency, List<String> recipients) {
    }

    static List<Sample> samples(int n) {
        ImportBatch batch = new CommuneFonds().inventory(2025, 120);
        List<Sample> out = new ArrayList<>();
        Random random = new Random(30);
        for (NewFile f : batch.files()) {
            for (Map<String, Field<String>> item : f.items()) {
                if (out.size() == n) {
                    return out;
                }
                out.add(sample(Description.of(item), random));
            }
        }
        return out;
    }

    /** What the page shows, from the document's catalogue fields (as hoso demo renders its sample pages). */
    private static Sample sample(Description d, Random random) {
        String typeCode = d.text(ItemFields.TYPE).orElse("");
        String typeName = typeCode.equals("22") ? "" : CodeList.builtIn(CodeList.DOCUMENT_TYPE).get(typeCode)
                .map(CodeList.Entry::vietnamese).orElse("");
        String issuer = d.text(ItemFields.ISSUER).orElse("");
        String body = issuer.startsWith("HĐND") ? "HỘI ĐỒNG NHÂN DÂN" : "ỦY BAN NHÂN DÂN";
        String place = issuer.replaceFirst("^(UBND|HĐND) xã ", "");
        LocalDate date = LocalDate.parse(d.text(ItemFields.DATE).orElseThrow());
        String dateLine = place + ", ngày " + date.getDayOfMonth() + " tháng " + date.getMonthValue() + " năm "
                + date.getYear();
        String number = d.text(ItemFields.NUMBER).orElseThrow();
        String notation = d.text(ItemFields.NOTATION).orElseThrow();
        String issuerUpper = (body + " XÃ " + place).toUpperCase(Locale.ROOT);
        SampleScans.Document doc = new SampleScans.Document(PARENT, body + " XÃ " + place, number + "/" + notation,
                dateLine, typeName, d.text(ItemFields.ABSTRACT).orElse(""),
                d.text(ItemFields.SIGNER_AUTHORITY).orElse(""), d.text(ItemFields.SIGNER_TITLE).orElse(""),
                d.text(ItemFields.SIGNER).orElse(""));
        Map<String, String> truth = new LinkedHashMap<>();
        truth.put(ItemFields.TYPE, typeCode);
        truth.put(ItemFields.NUMBER, number);
        truth.put(ItemFields.NOTATION, notation);
        truth.put(ItemFields.DATE, date.toString());
        truth.put(ItemFields.PLACE, place);
        truth.put(ItemFields.ISSUER, issuerUpper);
        truth.put(ItemFields.ISSUER_PARENT, PARENT);
        truth.put(ItemFields.ABSTRACT, doc.abstractText());
        truth.put(ItemFields.SIGNER_AUTHORITY, doc.authority());
        truth.put(ItemFields.SIGNER_TITLE, doc.signerTitle());
        truth.put(ItemFields.SIGNER, doc.signerName());
        String secrecy = d.text(ItemFields.SECRECY).orElse("");
        String urgency = random.nextInt(8) == 0 ? URGENCY[random.nextInt(URGENCY.length)] : "";
        List<String> recipients = List.of(d.text(ItemFields.RECIPIENTS).orElse("Lưu: VT.").split(";\\s*"));
        return new Sample(doc, place, truth, secrecy, urgency, recipients);
    }

    // ---- layouts -------------------------------------------------------------------------------------------------

    enum Layout {
        /** The renderer's reading order: the two header columns row by row (as Tesseract reads them). */
        ROWS,
        /** The left header column, then the right one (as a transcription or a column-aware OCR gives them). */
        COLUMNS,
        /** A PDF text layer: both columns on one line, apart by a run of spaces. */
        FLATTENED
    }

    /** The page's text and the truth for it (marks and recipients only where the layout prints them). */
    static Map.Entry<String, Map<String, String>> text(Sample s, Layout layout, long seed) {
        Map<String, String> truth = new LinkedHashMap<>(s.truth());
        if (layout == Layout.ROWS) {
            String text = new ScanRenderer().page(s.doc(), seed, 150, Degradation.NONE).text();
            truth.put(ItemFields.RECIPIENTS, "Như Điều 3; UBND huyện; Lưu: VT");
            return Map.entry(text, truth);
        }
        SampleScans.Document d = s.doc();
        List<String> left = new ArrayList<>();
        left.add(PARENT);
        left.addAll(ScannerLines.issuerLines(d.issuer()));
        left.add("Số: " + d.numberSymbol());
        if (d.typeName().isBlank()) {
            left.add(d.abstractText());
        }
        List<String> marks = new ArrayList<>();
        if (!s.secrecy().isBlank()) {
            marks.add(s.secrecy());
            truth.put(ItemFields.SECRECY, s.secrecy());
        }
        if (!s.urgency().isBlank()) {
            marks.add(s.urgency());
            truth.put(ItemFields.URGENCY, s.urgency());
        }
        List<String> right = List.of(MOTTO_1, MOTTO_2, d.placeDate());
        StringBuilder sb = new StringBuilder();
        if (layout == Layout.COLUMNS) {
            left.forEach(l -> sb.append(l).append('\n'));
            right.forEach(l -> sb.append(l).append('\n'));
        } else {
            // rows: parent | motto 1; issuer | motto 2; (issuer 2); number | date
            int numberAt = left.indexOf("Số: " + d.numberSymbol());
            List<String> headerLeft = left.subList(0, numberAt);
            for (int i = 0; i < Math.max(headerLeft.size(), 2); i++) {
                String l = i < headerLeft.size() ? headerLeft.get(i) : "";
                String r = i < 2 ? right.get(i) : "";
                sb.append(l).append(r.isEmpty() ? "" : "          " + r).append('\n');
            }
            sb.append(left.get(numberAt)).append("            ").append(d.placeDate()).append('\n');
            left.subList(numberAt + 1, left.size()).forEach(l -> sb.append(l).append('\n'));
        }
        marks.forEach(m -> sb.append(m).append('\n'));
        if (!d.typeName().isBlank()) {
            sb.append(d.typeName().toUpperCase(Locale.ROOT)).append('\n').append(d.abstractText()).append('\n');
        }
        sb.append("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n");
        sb.append("Các bộ phận, cá nhân có liên quan chịu trách nhiệm thi hành văn bản này kể từ ngày ký./.\n");
        List<String> sign = new ArrayList<>();
        if (!d.authority().isBlank()) {
            sign.add(d.authority().toUpperCase(Locale.ROOT));
        }
        sign.add(d.signerTitle().toUpperCase(Locale.ROOT));
        List<String> recipients = new ArrayList<>();
        for (String r : s.recipients()) {
            recipients.add("- " + r.strip() + (r.strip().endsWith(".") ? "" : ";"));
        }
        truth.put(ItemFields.RECIPIENTS, String.join("; ", s.recipients().stream()
                .map(r -> r.strip().replaceAll("\\.$", "")).toList()));
        if (layout == Layout.COLUMNS) {
            sb.append("Nơi nhận:\n");
            recipients.forEach(r -> sb.append(r).append('\n'));
            sign.forEach(x -> sb.append(x).append('\n'));
            sb.append(d.signerName()).append('\n');
        } else {
            sb.append("Nơi nhận:").append("                  ").append(sign.get(0)).append('\n');
            for (int i = 0; i < Math.max(recipients.size(), sign.size() - 1); i++) {
                String l = i < recipients.size() ? recipients.get(i) : "";
                String r = i + 1 < sign.size() ? sign.get(i + 1) : "";
                sb.append(l).append(r.isEmpty() ? "" : "                  " + r).append('\n');
            }
            sb.append("                                        ").append(d.signerName()).append('\n');
        }
        return Map.entry(sb.toString(), truth);
    }

    /** The renderer's split of an issuer over two header lines. */
    static final class ScannerLines {
        static List<String> issuerLines(String issuer) {
            String u = issuer.strip().toUpperCase(Locale.ROOT);
            for (String body : List.of("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")) {
                if (u.startsWith(body + " ")) {
                    return List.of(body, u.substring(body.length() + 1));
                }
            }
            return List.of(u);
        }
    }

    // ---- noise ---------------------------------------------------------------------------------------------------

    enum Noise {
        CLEAN(0), OCR_LIKE(0.03), HEAVY(0.08);

        final double diacritics;

        Noise(double diacritics) {
            this.diacritics = diacritics;
        }
    }

    static String noisy(String text, Noise noise, Random random) {
        if (noise == Noise.CLEAN) {
            return text;
        }
        String t = text.replaceFirst("Số: (\\d+)/", "Số: $1 /").replaceFirst("(Số: [^\\n]*?)-", "$1\u2013");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c > 0x7f && Character.isLetter(c) && random.nextDouble() < noise.diacritics) {
                // OCR drops or misreads a diacritic: keep the base letter only
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).substring(0, 1);
                sb.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : base.charAt(0));
            } else {
                sb.append(c);
            }
        }
        t = sb.toString().replace("\n", "\r\n");
        if (noise == Noise.HEAVY) {
            t = Normalizer.normalize(t.replace("Số:", "So:"), Normalizer.Form.NFD);
        }
        return t;
    }

    // ---- measurement ---------------------------------------------------------------------------------------------

    static Optional<String> value(String key, Extraction e) {
        return e.value(key);
    }

    @Test
    void precisionAndRecallOverLayoutsAndNoise() throws Exception {
        List<Sample> samples = samples(150);
        Nd30Extractor x = new Nd30Extractor();
        Map<String, Score> scores = new LinkedHashMap<>();
        Random random = new Random(2025);
        for (Layout layout : Layout.values()) {
            for (Noise noise : Noise.values()) {
                Score score = new Score(FIELDS);
                for (int i = 0; i < samples.size(); i++) {
                    var page = text(samples.get(i), layout, i);
                    Extraction e = x.extract(ExtractionInput.ofText(noisy(page.getKey(), noise, random)));
                    score.add(page.getValue(), e, GeneratedAccuracyTest::value);
                }
                scores.put(layout + " " + noise, score);
            }
        }
        Score all = combined(samples, x);
        scores.forEach((k, s) -> System.out.println("generated, " + samples.size() + " documents, " + k + ":\n"
                + s.table("field")));
        System.out.println(summary(scores, all));
        for (String key : List.of(ItemFields.TYPE, ItemFields.NUMBER, ItemFields.NOTATION, ItemFields.DATE,
                ItemFields.ISSUER, ItemFields.SIGNER)) {
            for (Layout layout : Layout.values()) {
                Score clean = scores.get(layout + " CLEAN");
                assertTrue(clean.recall(key) >= 0.95 && clean.precision(key) >= 0.95, layout + " clean " + key + ": "
                        + clean.table("field"));
            }
            Score light = scores.get("COLUMNS OCR_LIKE");
            assertTrue(light.recall(key) >= 0.85, "OCR-like noise " + key + ": " + light.table("field"));
        }
    }

    /** Every layout at every noise level together: the precision a catalogue would see over a mixed intake. */
    private static Score combined(List<Sample> samples, Nd30Extractor x) {
        Score all = new Score(FIELDS);
        Random random = new Random(7);
        for (int i = 0; i < samples.size(); i++) {
            Layout layout = Layout.values()[i % 3];
            Noise noise = Noise.values()[(i / 3) % 3];
            var page = text(samples.get(i), layout, i);
            all.add(page.getValue(), x.extract(ExtractionInput.ofText(noisy(page.getKey(), noise, random))),
                    GeneratedAccuracyTest::value);
        }
        return all;
    }

    private static String summary(Map<String, Score> scores, Score all) {
        StringBuilder sb = new StringBuilder("| field |");
        scores.keySet().forEach(k -> sb.append(' ').append(k.toLowerCase(Locale.ROOT).replace('_', '-')).append(" |"));
        sb.append(" mixed |\n|---|");
        scores.keySet().forEach(k -> sb.append("---|"));
        sb.append("---|\n");
        for (String f : FIELDS) {
            sb.append("| ").append(f).append(" |");
            scores.values().forEach(s -> sb.append(' ').append(pr(s, f)).append(" |"));
            sb.append(' ').append(pr(all, f)).append(" |\n");
        }
        return "generated, precision / recall (%):\n" + sb;
    }

    static String pr(Score s, String f) {
        if (s.expected(f) == 0 && Double.isNaN(s.precision(f))) {
            return "–";
        }
        return fmt(s.precision(f)) + " / " + fmt(s.recall(f));
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.0f", 100 * d);
    }

    /** A few pages rendered at 300 dpi, spoiled like poor scans, OCRed by Tesseract, then extracted. */
    @Test
    void precisionAndRecallFromRenderedScansThroughTesseract() throws Exception {
        List<Sample> samples = samples(40);
        Degradation[] looks = { Degradation.NONE, new Degradation(1.2, 0, 0, 255), new Degradation(0, 0.03, 0, 255),
            new Degradation(-0.8, 0.01, 110, 225) };
        List<Integer> picked = List.of(0, 5, 11, 17, 23, 29, 34, 39);
        ScanRenderer renderer = new ScanRenderer();
        List<Map<String, String>> truths = new ArrayList<>();
        List<PageImage> images = new ArrayList<>();
        for (int k = 0; k < picked.size(); k++) {
            Sample s = samples.get(picked.get(k));
            SampleScans.SampleScan scan = renderer.page(s.doc(), k, 300, looks[k % looks.length]);
            Map<String, String> truth = new LinkedHashMap<>(s.truth());
            truth.put(ItemFields.RECIPIENTS, "Như Điều 3; UBND huyện; Lưu: VT");
            truths.add(truth);
            PageInfo info = new PageInfo("generated-" + k + ".png", 1, 1, "PNG", scan.image().getWidth(),
                    scan.image().getHeight(), scan.dpi(), ColourKind.GREY, 8);
            images.add(new PageImage(info, scan.image(), scan.dpi(), 1));
        }
        List<OcrPage> pages = Ocr.all(images, Ocr::ocr);
        Score score = new Score(FIELDS);
        Nd30Extractor x = new Nd30Extractor();
        for (int k = 0; k < pages.size(); k++) {
            score.add(truths.get(k), x.extract(ExtractionInput.ofOcr(List.of(pages.get(k)))),
                    GeneratedAccuracyTest::value);
        }
        System.out.println("generated, " + pages.size() + " pages rendered at 300 dpi (clean, skewed 1.2°, 3 % specks, "
                + "faded and skewed), OCR then extract:\n" + score.table("field"));
        for (String key : List.of(ItemFields.NUMBER, ItemFields.DATE, ItemFields.TYPE)) {
            assertTrue(score.recall(key) >= 0.75, key + ": " + score.table("field"));
        }
    }
}
