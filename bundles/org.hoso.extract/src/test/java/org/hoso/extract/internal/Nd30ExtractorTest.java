package org.hoso.extract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.model.ItemFields;
import org.hoso.digitise.api.Box;
import org.hoso.digitise.api.OcrLine;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.OcrWord;
import org.hoso.extract.api.ExtractedField;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.junit.jupiter.api.Test;

class Nd30ExtractorTest {

    private final Nd30Extractor extractor = new Nd30Extractor();

    private Extraction text(String s) {
        return extractor.extract(ExtractionInput.ofText(s));
    }

    private static String v(Extraction e, String key) {
        return e.value(key).orElse("");
    }

    private static final String DECISION = """
            UBND HUYỆN YÊN SƠN
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            ỦY BAN NHÂN DÂN
            Độc lập - Tự do - Hạnh phúc
            XÃ HÒA BÌNH
            Số: 12/QĐ-UBND
            Hòa Bình, ngày 19 tháng 3 năm 2025
            QUYẾT ĐỊNH
            Về việc kiện toàn Ban chỉ đạo chuyển đổi số
            của xã Hòa Bình
            ỦY BAN NHÂN DÂN XÃ HÒA BÌNH
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
            QUYẾT ĐỊNH:
            Điều 1. Kiện toàn Ban chỉ đạo.
            Nơi nhận:
            TM. ỦY BAN NHÂN DÂN
            - Như Điều 3;
            CHỦ TỊCH
            - UBND huyện;
            - Lưu: VT.
            Nguyễn Văn Hùng
            """;

    @Test
    void readsEveryFieldOfADecisionWithItsSpan() {
        Extraction e = text(DECISION);
        assertEquals("12", v(e, ItemFields.NUMBER));
        assertEquals("QĐ-UBND", v(e, ItemFields.NOTATION));
        assertEquals("02", v(e, ItemFields.TYPE));
        assertEquals("Quyết định", e.get(ItemFields.TYPE).orElseThrow().text());
        assertEquals("2025-03-19", v(e, ItemFields.DATE));
        assertEquals("Hòa Bình", v(e, ItemFields.PLACE));
        assertEquals("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", v(e, ItemFields.ISSUER));
        assertEquals("UBND HUYỆN YÊN SƠN", v(e, ItemFields.ISSUER_PARENT));
        assertEquals("Về việc kiện toàn Ban chỉ đạo chuyển đổi số của xã Hòa Bình", v(e, ItemFields.ABSTRACT));
        assertEquals("TM. ỦY BAN NHÂN DÂN", v(e, ItemFields.SIGNER_AUTHORITY));
        assertEquals("CHỦ TỊCH", v(e, ItemFields.SIGNER_TITLE));
        assertEquals("Nguyễn Văn Hùng", v(e, ItemFields.SIGNER));
        assertEquals("Như Điều 3; UBND huyện; Lưu: VT", v(e, ItemFields.RECIPIENTS));
        for (ExtractedField f : e.fields().values()) {
            assertTrue(f.confidence() > 0.5 && f.confidence() <= 1, f.toString());
            String at = DECISION.substring(f.span().start(), f.span().end());
            assertTrue(f.key().equals(ItemFields.TYPE) || f.key().equals(ItemFields.ABSTRACT)
                    || f.key().equals(ItemFields.RECIPIENTS) || f.key().equals(ItemFields.ISSUER)
                    || at.equals(f.text()), f.key() + ": span " + at + " vs " + f.text());
        }
        assertEquals("QUYẾT ĐỊNH", DECISION.substring(e.get(ItemFields.TYPE).orElseThrow().span().start(),
                e.get(ItemFields.TYPE).orElseThrow().span().end()));
    }

    @Test
    void anOfficialLetterWithRealNoise() {
        // spaces inside the symbol, an en dash, OCR's diacritic errors, the V/v line, a numeric date
        Extraction e = text("""
                UBND THÀNH PHỐ ĐÀ NẴNG
                SỞ GIÁO DỤC VÀ ĐÀO TẠO
                So: 1906 /SGDĐT–CTrTT
                V/v khẩn trương thực hiện các biện pháp
                phòng, chống dịch COVID-19
                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lâp - Tư do - Hanh phúc
                Đà Nẵng, ngay 26/07/2020
                Kính gửi: Các trường trực thuộc Sở.
                """);
        assertEquals("1906", v(e, ItemFields.NUMBER));
        assertEquals("SGDĐT-CTrTT", v(e, ItemFields.NOTATION));
        assertEquals("22", v(e, ItemFields.TYPE), "no type line, a V/v line and a symbol without a type: công văn");
        assertEquals("2020-07-26", v(e, ItemFields.DATE));
        assertEquals("Đà Nẵng", v(e, ItemFields.PLACE));
        assertEquals("SỞ GIÁO DỤC VÀ ĐÀO TẠO", v(e, ItemFields.ISSUER));
        assertEquals("UBND THÀNH PHỐ ĐÀ NẴNG", v(e, ItemFields.ISSUER_PARENT));
        assertEquals("V/v khẩn trương thực hiện các biện pháp phòng, chống dịch COVID-19", v(e, ItemFields.ABSTRACT));
    }

    @Test
    void partyDocumentsAndMarks() {
        Extraction e = text("""
                BAN CHẤP HÀNH TRUNG ƯƠNG
                ĐẢNG CỘNG SẢN VIỆT NAM
                *
                Số 127-KL/TW
                Hà Nội, ngày 28 tháng 02 năm 2025
                TUYỆT MẬT
                HỎA TỐC
                KẾT LUẬN
                của Bộ Chính trị, Ban Bí thư
                """);
        assertEquals("127", v(e, ItemFields.NUMBER));
        assertEquals("KL/TW", v(e, ItemFields.NOTATION));
        assertEquals("Kết luận", e.get(ItemFields.TYPE).orElseThrow().text());
        assertEquals("2025-02-28", v(e, ItemFields.DATE));
        assertEquals("TUYỆT MẬT", v(e, ItemFields.SECRECY));
        assertEquals("HỎA TỐC", v(e, ItemFields.URGENCY));
        assertEquals("BAN CHẤP HÀNH TRUNG ƯƠNG", v(e, ItemFields.ISSUER));
        Extraction nq = text("ĐẢNG BỘ TỈNH\nSố: 23 - NQ/TW\nHà Nội, ngày 22 tháng 3 năm 2018\n");
        assertEquals("NQ/TW", v(nq, ItemFields.NOTATION));
        assertEquals("01", v(nq, ItemFields.TYPE));
    }

    @Test
    void symbolsFromTheArticles() {
        Map<String, String> types = Map.of("03/CT-UBND", "Chỉ thị", "414/BNV-VTLTNN", "Công văn", "1198/KH-SNV",
                "Kế hoạch", "458/QĐ-TTg", "Quyết định", "127-KL/TW", "Kết luận", "12/QyĐ-UBND", "Quy định",
                "5/CTr-UBND", "Chương trình", "7/TTr-UBND", "Tờ trình");
        types.forEach((symbol, type) -> {
            Extraction e = text("UBND TỈNH TUYÊN QUANG\nSố: " + symbol + "\nTuyên Quang, ngày 19 tháng 3 năm 2025\n");
            assertEquals(type, e.get(ItemFields.TYPE).orElseThrow().text(), symbol);
        });
        assertEquals(Optional.of("Nghị định"), Symbols.typeOf("NĐ-CP"));
        assertEquals(Optional.of("Luật"), Symbols.typeOf("QH14"));
        assertEquals("56/2007", Symbols.parse("56/2007/NĐ-CP").orElseThrow().number());
    }

    @Test
    void decomposedUnicodeAndLineBreaksInsideTheHeader() {
        String nfd = Normalizer.normalize(DECISION, Normalizer.Form.NFD);
        Extraction e = text(nfd.replace("\n", "\r\n"));
        assertEquals("12", v(e, ItemFields.NUMBER));
        assertEquals("2025-03-19", v(e, ItemFields.DATE));
        assertEquals("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", v(e, ItemFields.ISSUER), "values are stored composed");
        ExtractedField place = e.get(ItemFields.PLACE).orElseThrow();
        assertEquals(Normalizer.normalize("Hòa Bình", Normalizer.Form.NFD), nfd.replace("\n", "\r\n")
                .substring(place.span().start(), place.span().end()), "spans point into the caller's text");
    }

    @Test
    void twoColumnHeaderFromWordPositions() {
        // Tesseract reads row by row across both columns; the boxes put the issuer on the left
        OcrPage page = new OcrPage(2480, 3508, 300, "vie", List.of(
                line(100, w("UBND", 400), w("HUYỆN", 560), w("YÊN", 720), w("SƠN", 830), w("CỘNG", 1300),
                        w("HÒA", 1450), w("XÃ", 1560), w("HỘI", 1640), w("CHỦ", 1740), w("NGHĨA", 1850),
                        w("VIỆT", 2010), w("NAM", 2130)),
                line(160, w("ỦY", 430), w("BAN", 510), w("NHÂN", 620), w("DÂN", 760), w("Độc", 1450), w("lập", 1560),
                        w("-", 1650), w("Tự", 1690), w("do", 1770), w("-", 1850), w("Hạnh", 1890), w("phúc", 2030)),
                line(220, w("XÃ", 480), w("HÒA", 560), w("BÌNH", 680)),
                line(330, w("Số:", 430), w("12/QĐ-UBND", 530), w("Hòa", 1400), w("Bình,", 1510), w("ngày", 1660),
                        w("19", 1790), w("tháng", 1860), w("3", 2010), w("năm", 2060), w("2025", 2170)),
                line(500, w("QUYẾT", 1050), w("ĐỊNH", 1250)),
                line(560, w("Về", 700), w("việc", 790), w("kiện", 910), w("toàn", 1030), w("Ban", 1150),
                        w("chỉ", 1250), w("đạo", 1340), w("chuyển", 1450), w("đổi", 1620), w("số", 1720))));
        Extraction e = extractor.extract(ExtractionInput.ofOcr(List.of(page)));
        assertEquals("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", v(e, ItemFields.ISSUER));
        assertEquals("UBND HUYỆN YÊN SƠN", v(e, ItemFields.ISSUER_PARENT));
        assertEquals("12", v(e, ItemFields.NUMBER));
        assertEquals("2025-03-19", v(e, ItemFields.DATE));
        assertEquals("Hòa Bình", v(e, ItemFields.PLACE));
        assertEquals("02", v(e, ItemFields.TYPE));
        ExtractedField number = e.get(ItemFields.NOTATION).orElseThrow();
        assertEquals(List.of(new Box(530, 330, 300, 40)), number.span().boxes().stream().map(b -> b.box()).toList(),
                "the symbol's word box");
    }

    private static OcrWord w(String text, int x) {
        return new OcrWord(text, new Box(x, 0, Math.max(30, text.length() * 30), 40), 91);
    }

    private static OcrLine line(int y, OcrWord... words) {
        List<OcrWord> placed = java.util.Arrays.stream(words)
                .map(x -> new OcrWord(x.text(), new Box(x.box().x(), y, x.box().width(), 40), x.confidence())).toList();
        Box box = placed.get(0).box();
        for (OcrWord x : placed) {
            box = box.union(x.box());
        }
        return new OcrLine(placed, box);
    }

    @Test
    void junkGivesNothingQuicklyAndNeverThrows() {
        assertEquals(Map.of(), text("").fields());
        assertEquals(Map.of(), text("   \n\f\n ").fields());
        java.util.Random r = new java.util.Random(7);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            noise.append((char) (r.nextInt(0x2000)));
            if (r.nextInt(60) == 0) {
                noise.append('\n');
            }
        }
        Extraction e = text(noise.toString());
        e.fields().values().forEach(f -> assertTrue(f.confidence() <= 1));
        // one line of a megabyte, made of what the rules look for
        String mb = "Số: 1/ ".repeat(150_000) + "ngày 1 tháng ".repeat(10_000);
        Extraction big = text(mb.substring(0, 1_048_576));
        assertTrue(big.fields().size() <= 3, big.fields().toString());
        String digits = "1".repeat(1_048_576);
        assertEquals(Map.of(), text(digits).fields());
        assertEquals(Map.of(), text("V/v".repeat(300_000)).fields().entrySet().stream()
                .filter(x -> !x.getKey().equals(ItemFields.ABSTRACT)).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue)));
    }
}
