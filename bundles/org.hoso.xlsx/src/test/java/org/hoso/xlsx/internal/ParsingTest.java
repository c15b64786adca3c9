package org.hoso.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hoso.core.api.model.PartialDate;
import org.hoso.xlsx.internal.Headings.Target;
import org.hoso.xlsx.internal.Headings.Target.Scope;
import org.junit.jupiter.api.Test;

/** The readers of combined columns, headings, Excel dates and number words. */
class ParsingTest {

    @Test
    void dateRangesAsInventoriesWriteThem() {
        assertEquals(new Parsing.Range("01/3/2001", "15/12/2001"), Parsing.dateRange("01/3/2001 - 15/12/2001"));
        assertEquals(new Parsing.Range("3/2001", "12/2001"), Parsing.dateRange("3/2001 – 12/2001"));
        assertEquals(new Parsing.Range("2001", "2003"), Parsing.dateRange("2001-2003"));
        assertEquals(new Parsing.Range("2001", "2003"), Parsing.dateRange("Từ 2001 đến 2003"));
        assertEquals(new Parsing.Range("2001", "2001"), Parsing.dateRange("2001"));
        assertEquals(new Parsing.Range("2001-03", "2001-03"), Parsing.dateRange("2001-03"), "ISO month");
        assertEquals(new Parsing.Range("03/2001", ""), Parsing.dateRange("Từ 03/2001"));
        assertEquals(new Parsing.Range("", "2003"), Parsing.dateRange("đến 2003"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Parsing.dateRange("năm ngoái")).getMessage()
                .contains("\"năm ngoái\" is not a date range"));
        PartialDate a = PartialDate.parse("2001-01-05");
        PartialDate b = PartialDate.parse("2001-12");
        assertEquals("05/01/2001 - 12/2001", Parsing.dateRange(Optional.of(a), Optional.of(b)));
        assertEquals("05/01/2001", Parsing.dateRange(Optional.of(a), Optional.of(a)));
        assertEquals("Đến 12/2001", Parsing.dateRange(Optional.empty(), Optional.of(b)));
    }

    @Test
    void numberAndNotation() {
        assertArrayEquals(new String[] { "03", "CT-UBND" }, Parsing.numberNotation("03/CT-UBND"));
        assertArrayEquals(new String[] { "414", "BNV-VTLTNN" }, Parsing.numberNotation("Số: 414/BNV-VTLTNN"));
        assertArrayEquals(new String[] { "127", "KL/TW" }, Parsing.numberNotation("127-KL/TW"));
        assertArrayEquals(new String[] { "15", "" }, Parsing.numberNotation("15"));
        assertArrayEquals(new String[] { "", "UBND" }, Parsing.numberNotation("UBND"));
        assertEquals("03/CT-UBND", Parsing.numberNotation("03", "CT-UBND"));
        assertEquals("UBND", Parsing.numberNotation("", "UBND"));
    }

    @Test
    void typeAndAbstract() {
        assertArrayEquals(new String[] { "02", "về việc thành lập tổ công tác" },
                Parsing.typeAndAbstract("Quyết định về việc thành lập tổ công tác"));
        assertArrayEquals(new String[] { "14", "tổng kết năm 2001" }, Parsing.typeAndAbstract("BAO CAO: tổng kết năm 2001"));
        assertArrayEquals(new String[] { "25", "hợp tác" }, Parsing.typeAndAbstract("Bản thỏa thuận hợp tác"),
                "the longest type: Bản thỏa thuận, not Bản...");
        assertArrayEquals(new String[] { "", "Danh sách đại biểu" }, Parsing.typeAndAbstract("Danh sách đại biểu"));
        assertArrayEquals(new String[] { "", "Khác biệt giữa hai bản đồ" },
                Parsing.typeAndAbstract("Khác biệt giữa hai bản đồ"), "Khác is never a type here");
        assertArrayEquals(new String[] { "", "Quyết địnhh sai chính tả" },
                Parsing.typeAndAbstract("Quyết địnhh sai chính tả"), "whole words only");
    }

    @Test
    void sheetsOrPages() {
        assertArrayEquals(new String[] { "25", "" }, Parsing.sheetsOrPages("25"));
        assertArrayEquals(new String[] { "25", "48" }, Parsing.sheetsOrPages("25 tờ / 48 trang"));
        assertThrows(IllegalArgumentException.class, () -> Parsing.sheetsOrPages("nhiều"));
    }

    @Test
    void schemeHeadingsAndTheirLevels() {
        assertEquals(Optional.of(new Parsing.Heading("I", "HÀNH CHÍNH")), Parsing.heading("I. HÀNH CHÍNH"));
        assertEquals(Optional.of(new Parsing.Heading("I.1", "Văn phòng")), Parsing.heading("I.1. Văn phòng"));
        assertEquals(Optional.of(new Parsing.Heading("a", "Công văn")), Parsing.heading("a) Công văn"));
        assertEquals(Optional.empty(), Parsing.heading("01.TCCB"), "a file code is no heading");
        assertEquals(Optional.empty(), Parsing.heading("Hồ sơ về việc: abc"));

        Parsing.Outline o = new Parsing.Outline();
        o.add(new Parsing.Heading("A", "Thời kỳ trước 1975"));
        o.add(new Parsing.Heading("I", "Hành chính"));
        o.add(new Parsing.Heading("1", "Văn phòng"));
        assertEquals(List.of("A", "I", "1"), codes(o));
        o.add(new Parsing.Heading("2", "Tổ chức"));
        assertEquals(List.of("A", "I", "2"), codes(o));
        o.add(new Parsing.Heading("II", "Địa chính"));
        assertEquals(List.of("A", "II"), codes(o));
        o.add(new Parsing.Heading("B", "Thời kỳ sau 1975"));
        o.add(new Parsing.Heading("C", "Thời kỳ sau 1986"));
        assertEquals(List.of("C"), codes(o), "C after B is a letter, not the Roman hundred");
        o.add(new Parsing.Heading("C.1", "Văn phòng"));
        o.add(new Parsing.Heading("C.1.2", "Lưu trữ"));
        o.add(new Parsing.Heading("C.2", "Kế toán"));
        assertEquals(List.of("C", "C.2"), codes(o));
    }

    private static List<String> codes(Parsing.Outline o) {
        return o.path().stream().map(Parsing.Heading::code).toList();
    }

    @Test
    void headingsAreComparedWithoutDiacriticsOrPunctuation() throws Exception {
        Headings h = Headings.builtIn();
        Target code = new Target(Scope.SPECIAL, Headings.FILE_CODE);
        assertEquals(Optional.of(code), h.find("Số, ký hiệu hồ sơ"));
        assertEquals(Optional.of(code), h.find("SO KY HIEU\nHO SO"));
        assertEquals(Optional.of(code), h.find("Số và ký hiệu hồ sơ (2)"));
        assertEquals(Optional.of(new Target(Scope.FILE, "retention")), h.find("THBQ"));
        assertEquals(Optional.of(new Target(Scope.ANY, "notes")), h.find("Ghi chú"));
        assertEquals(Optional.of(new Target(Scope.FILE, "startDate")), h.find("Thời gian tài liệu", "Bắt đầu"));
        assertEquals(Optional.of(new Target(Scope.ITEM, "number")), h.find("Số, ký hiệu văn bản", "Số"));
        assertEquals(Optional.of(new Target(Scope.ITEM, "signerAuthority")), h.find("Thẩm quyền ký"),
                "a field's own label");
        assertEquals(Optional.empty(), h.find("Người kiểm tra"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Headings.read(new StringReader(
                "fileCode;Mã hồ sơ\nfile.title;Ma ho so\n"))).getMessage().contains("line 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Headings.read(new StringReader(
                "file.nope;Không có\n"))).getMessage().contains("no field nope"));
    }

    @Test
    void excelSerialsInBothDateSystemsAndBothCounts() {
        assertEquals(LocalDate.of(2019, 3, 10), ExcelDates.toDate(43534, false, true));
        assertEquals(LocalDate.of(1900, 1, 1), ExcelDates.toDate(1, false, true), "Excel's day 1");
        assertEquals(LocalDate.of(1900, 2, 28), ExcelDates.toDate(59, false, true));
        assertEquals(LocalDate.of(1900, 3, 1), ExcelDates.toDate(61, false, true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExcelDates.toDate(60, false, true))
                .getMessage().contains("29/02/1900"));
        assertEquals(LocalDate.of(1900, 1, 1), ExcelDates.toDate(2, false, false), "LibreOffice's day 2");
        assertEquals(LocalDate.of(1843, 8, 31), ExcelDates.toDate(-20575, false, false));
        assertEquals(LocalDate.of(1904, 1, 1), ExcelDates.toDate(0, true, true));
        assertEquals(LocalDate.of(1903, 12, 31), ExcelDates.toDate(-1, true, true));
        assertEquals(LocalDate.of(2019, 5, 15), ExcelDates.toDate(42138.75, true, true), "the time is dropped");
    }

    @Test
    void numbersInVietnameseWords() {
        assertEquals("Không", VietnameseNumbers.words(0));
        assertEquals("Năm", VietnameseNumbers.words(5));
        assertEquals("Mười", VietnameseNumbers.words(10));
        assertEquals("Mười lăm", VietnameseNumbers.words(15));
        assertEquals("Hai mươi mốt", VietnameseNumbers.words(21));
        assertEquals("Ba mươi tư", VietnameseNumbers.words(34));
        assertEquals("Một trăm linh năm", VietnameseNumbers.words(105));
        assertEquals("Một nghìn hai trăm ba mươi tư", VietnameseNumbers.words(1234));
        assertEquals("Một nghìn không trăm linh năm", VietnameseNumbers.words(1005));
        assertEquals("Mười nghìn", VietnameseNumbers.words(10_000));
        assertEquals("Hai triệu năm trăm", VietnameseNumbers.words(2_000_500));
        assertEquals("Chín mươi tư triệu bốn trăm mười tám nghìn bốn trăm", VietnameseNumbers.words(94_418_400),
                "Hanoi's pages to digitise");
    }

    @Test
    void cellReferences() {
        assertEquals("A", Cell.letters(0));
        assertEquals("Z", Cell.letters(25));
        assertEquals("AA", Cell.letters(26));
        assertEquals(27, Cell.column("AB12"));
        assertEquals(-1, Cell.column("12"));
    }
}
