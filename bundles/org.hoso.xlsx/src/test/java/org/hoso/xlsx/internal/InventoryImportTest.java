package org.hoso.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.Counts;
import org.hoso.core.api.InventoryService.ImportOptions;
import org.hoso.core.api.InventoryService.ImportReport;
import org.hoso.core.api.InventoryService.Layout;
import org.hoso.core.api.InventoryService.Problem;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.SchemeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing real .xlsx files, written by POI in the test, into a real Derby catalogue. */
class InventoryImportTest {

    @TempDir
    Path tmp;

    private Workspace ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = new Workspace(tmp.resolve("ws"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private ImportReport importXlsx(Path file, ImportOptions options) throws Exception {
        return ws.inventory.importXlsx(file, options, "lan");
    }

    private static String problems(ImportReport r) {
        return String.join("\n", r.problems().stream().map(Problem::toString).toList());
    }

    private static Problem only(ImportReport r) {
        assertEquals(1, r.problems().size(), problems(r));
        return r.problems().get(0);
    }

    /** The Decree 30 file inventory as an archive's clerk types it: title block, headings, numbering, groups. */
    private Path decree30Inventory() throws Exception {
        try (Sheets s = new Sheets()) {
            s.sheet("Mục lục hồ sơ")
                    .row("UBND HUYỆN CŨ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .row(null, null, null, "Độc lập - Tự do - Hạnh phúc")
                    .blank()
                    .row("MỤC LỤC HỒ SƠ").mergeLast(0, 6)
                    .row("Ủy ban nhân dân xã Tân Trào").mergeLast(0, 6)
                    .row("Năm 2001 - 2002")
                    .row("Mã phông: H49.64.33")
                    .blank()
                    .row("Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản",
                            "Số tờ/Số trang", "Ghi chú", "Hộp số")
                    .row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)")
                    .row(null, null, "I. HÀNH CHÍNH").mergeLast(2, 7)
                    .row(null, null, "1. Văn phòng")
                    .row(1, "H49.64.33.2001.1", "Hồ sơ hội nghị tổng kết công tác năm 2001",
                            "05/01/2001 - 28/12/2001", "Vĩnh viễn", 45, null, "1")
                    .row(2, "H49.64.33.2001.2", "Công văn đi năm 2001", "2001", "10 năm", 120, "Thiếu tờ 17", 1)
                    .blank()
                    .row(null, null, "2. Tổ chức - Cán bộ")
                    .row(3, "H49.64.33.2001.3", "Hồ sơ nâng lương cán bộ năm 2001", "3/2001 - 11/2001", "70 năm",
                            12, null, 2)
                    .row(null, null, "II. ĐỊA CHÍNH")
                    .row(4, "H49.64.33.2002.1", "Sổ mục kê đất đai", LocalDate.of(2002, 6, 30), "VV", 80, null, 2)
                    .blank()
                    .row(null, "Mục lục này gồm: 4 hồ sơ (đơn vị bảo quản).")
                    .row(null, "Viết bằng chữ: bốn hồ sơ (đơn vị bảo quản).")
                    .row(null, null, null, "Tân Trào, ngày …… tháng …… năm 2025")
                    .row(null, null, null, "Người lập");
            return s.write(tmp.resolve("muc-luc-2001.xlsx"));
        }
    }

    @Test
    void theDecree30InventoryIsReadWithItsSchemeAndStoredWithItsSource() throws Exception {
        Path file = decree30Inventory();
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT);
        assertTrue(r.imported(), problems(r));
        assertEquals(List.of(), r.problems());
        assertEquals("H49.64.33", r.fondsCode(), "the fonds comes from \"Mã phông:\" above the table");
        assertEquals(4, r.files());
        assertEquals(Optional.of(Layout.FILE_INVENTORY), r.sheets().get(0).layout());
        assertEquals(9, r.sheets().get(0).headerRow());
        assertEquals(Map.of(), r.sheets().get(0).unmatched());
        assertEquals("dateRange", r.sheets().get(0).columns().get("D"));

        CatalogueService c = ws.catalogue();
        assertEquals("Ủy ban nhân dân xã Tân Trào", c.fonds("H49.64.33").orElseThrow().name(),
                "the fonds' name is the line under the title");
        List<SchemeNode> scheme = c.scheme("H49.64.33");
        assertEquals(List.of("I HÀNH CHÍNH", "1 Văn phòng", "2 Tổ chức - Cán bộ", "II ĐỊA CHÍNH"),
                scheme.stream().map(n -> n.code() + " " + n.title()).toList());
        assertEquals(Optional.of(scheme.get(0).id()), scheme.get(2).parentId(), "2. is under I., as 1. is");
        assertEquals(Optional.empty(), scheme.get(3).parentId());

        FileUnit first = c.file("H49.64.33.2001.1").orElseThrow();
        assertEquals(scheme.get(1).id(), first.schemeNodeId());
        assertEquals(1, first.fileNumber());
        assertEquals(Optional.of("1"), first.box());
        assertEquals("2001-01-05", first.description().text(FileFields.START_DATE).orElseThrow());
        assertEquals("2001-12-28", first.description().text(FileFields.END_DATE).orElseThrow());
        assertEquals("Vĩnh viễn", first.description().text(FileFields.RETENTION).orElseThrow());
        assertEquals("45", first.description().text(FileFields.SHEET_COUNT).orElseThrow());
        Provenance p = first.description().get(FileFields.TITLE).orElseThrow().provenance();
        assertEquals(Provenance.Source.IMPORTED, p.source());
        assertEquals("muc-luc-2001.xlsx (Mục lục hồ sơ, row 13)", p.agent());

        FileUnit second = c.file("H49.64.33.2001.2").orElseThrow();
        assertEquals("2001", second.description().text(FileFields.START_DATE).orElseThrow());
        assertEquals("2001", second.description().text(FileFields.END_DATE).orElseThrow());
        assertEquals("Thiếu tờ 17", second.description().text(FileFields.NOTES).orElseThrow());
        assertEquals(Optional.of("1"), second.box(), "the box typed as a number is the same box");
        assertEquals("2001-03", c.file("H49.64.33.2001.3").orElseThrow().description().text(FileFields.START_DATE)
                .orElseThrow());
        FileUnit land = c.file("H49.64.33.2002.1").orElseThrow();
        assertEquals("2002-06-30", land.description().text(FileFields.END_DATE).orElseThrow(), "a real Excel date");
        assertEquals("Vĩnh viễn", land.description().text(FileFields.RETENTION).orElseThrow(), "VV");
        assertEquals(new Counts(4, 4, 0, 2), c.counts("H49.64.33"));

        // the workbook is kept, byte for byte, and the audit entry names it
        assertTrue(r.sourceObject().isPresent());
        assertTrue(ws.objects.verify(r.sourceObject().get()));
        assertEquals(Files.size(file), ws.objects.find(r.sourceObject().get()).orElseThrow().size());
        AuditEvent event = ws.audit().events(r.auditSeq(), 1).get(0);
        assertEquals("catalogue.import", event.action());
        assertEquals("lan", event.actor());
        assertTrue(event.after().contains(r.sourceObject().get().hex()), event.after());
        assertTrue(event.after().contains("muc-luc-2001.xlsx, sheet Mục lục hồ sơ"), event.after());
        assertTrue(ws.audit().verify().intact());
    }

    @Test
    void headingsAreFoundWithSynonymsAndWithoutDiacritics() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("Sheet1")
                    .row("DANH SACH HO SO")
                    .row("STT", "Ma ho so", "Ten ho so", "THOI GIAN BAT DAU", "Thoi gian ket thuc", "THBQ",
                            "So luong to", "Hop", "Muc luc so", "Ma phong", "Nguoi kiem tra")
                    .row(1, "K12.1", "Ho so A", "01/02/2003", "2004", "20 nam", 5, "B1", "2", "K12", "Lan")
                    .row(2, "K12.2", "Hồ sơ B", "2003", "2003", "Đến khi hết hiệu lực", null, "B1", "2", "K12");
            file = s.write(tmp.resolve("khong-dau.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT);
        assertTrue(r.imported(), problems(r));
        assertEquals("K12", r.fondsCode(), "from the Mã phông column");
        assertEquals(Map.of("K", "Nguoi kiem tra"), r.sheets().get(0).unmatched(), "reported, not imported");
        assertEquals("fileNumber", r.sheets().get(0).columns().get("A"));
        FileUnit a = ws.catalogue().file("K12.1").orElseThrow();
        assertEquals("Ho so A", a.title());
        assertEquals("2003-02-01", a.description().text(FileFields.START_DATE).orElseThrow());
        assertEquals("20 năm", a.description().text(FileFields.RETENTION).orElseThrow());
        assertEquals("5", a.description().text(FileFields.SHEET_COUNT).orElseThrow());
        assertEquals("2", a.description().text(FileFields.INVENTORY_NUMBER).orElseThrow());
        assertEquals(Optional.of("B1"), a.box());
        assertEquals("Đến khi hết hiệu lực", ws.catalogue().file("K12.2").orElseThrow().description()
                .text(FileFields.RETENTION).orElseThrow());
        assertEquals(List.of("0 Chưa phân loại"), ws.catalogue().scheme("K12").stream()
                .map(n -> n.code() + " " + n.title()).toList(), "no headings: the store's unclassified node");
    }

    @Test
    void theDigitisationSheetGroupsConsecutiveRowsIntoFiles() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("Số hóa")
                    .row("Mã phông", "Mã hồ sơ", "Tiêu đề hồ sơ", "Thời hạn bảo quản", "STT", "Số, ký hiệu văn bản",
                            "Ngày", "Tháng", "Năm", "Tên loại văn bản", "Trích yếu nội dung", "Tác giả văn bản",
                            "Số trang", "Đường dẫn tệp", "Ghi chú")
                    .row("H49", "H49.2025.1", "Chỉ thị, kế hoạch năm 2025", "Vĩnh viễn", 1, "03/CT-UBND", 19, 3,
                            2025, "Chỉ thị", "Về việc sắp xếp tổ chức bộ máy", "UBND tỉnh Tuyên Quang", 3,
                            "H49.2025.1/0001.pdf", null)
                    // file cells merged down the file's rows: blank here, the file continues
                    .row(null, null, null, null, 2, "1198/KH-SNV", 17, 4, 2025, "kế hoạch",
                            "Kế hoạch chỉnh lý tài liệu tồn đọng", "Sở Nội vụ", 5, "H49.2025.1/0002.pdf", "Bản sao")
                    .row("H49", "H49.2025.1", "Chỉ thị, kế hoạch năm 2025", null, 3, "414/BNV-VTLTNN", 19, 3, 2025,
                            "Công văn", "V/v bàn giao tài liệu", "Bộ Nội vụ", 2, null, null)
                    .row("H49", "H49.2025.2", "Biên bản bàn giao", "10 năm", 1, "127-KL/TW", null, 4, 2025,
                            "Biên bản", "Biên bản giao nhận hồ sơ", "Ban Chấp hành Trung ương", 1, null, null);
            file = s.write(tmp.resolve("so-hoa.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT);
        assertTrue(r.imported(), problems(r));
        assertEquals(Optional.of(Layout.DOCUMENTS), r.sheets().get(0).layout());
        assertEquals(2, r.files());
        assertEquals(4, r.items());
        FileUnit f = ws.catalogue().file("H49.2025.1").orElseThrow();
        assertEquals("Vĩnh viễn", f.description().text(FileFields.RETENTION).orElseThrow());
        List<Item> items = ws.catalogue().items(f.id());
        assertEquals(3, items.size());
        Item first = items.get(0);
        assertEquals("H49.2025.1.0000001", first.docCode());
        assertEquals("03", first.description().text(ItemFields.NUMBER).orElseThrow());
        assertEquals("CT-UBND", first.description().text(ItemFields.NOTATION).orElseThrow());
        assertEquals("2025-03-19", first.description().text(ItemFields.DATE).orElseThrow());
        assertEquals("03", first.description().text(ItemFields.TYPE).orElseThrow(), "Chỉ thị");
        assertEquals("3", first.description().text(ItemFields.PAGE_COUNT).orElseThrow());
        assertEquals("H49.2025.1/0001.pdf", first.description().text(ItemFields.FILE_PATH).orElseThrow());
        Item second = items.get(1);
        assertEquals("10", second.description().text(ItemFields.TYPE).orElseThrow(), "kế hoạch, any case");
        assertEquals("Bản sao", second.description().text(ItemFields.NOTES).orElseThrow(),
                "Ghi chú is the document's in a sheet of documents");
        assertEquals("22", items.get(2).description().text(ItemFields.TYPE).orElseThrow());
        Item party = ws.catalogue().items(ws.catalogue().file("H49.2025.2").orElseThrow().id()).get(0);
        assertEquals("127", party.description().text(ItemFields.NUMBER).orElseThrow());
        assertEquals("KL/TW", party.description().text(ItemFields.NOTATION).orElseThrow());
        assertEquals("2025-04", party.description().text(ItemFields.DATE).orElseThrow(), "month and year only");
    }

    @Test
    void aHeadingSpanningTwoColumnsWithSubHeadingsIsReadAsOne() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("MLHS")
                    .row("Hộp số", "Hồ sơ số", "Tiêu đề hồ sơ", "Thời gian tài liệu", null, "Số tờ",
                            "Thời hạn bảo quản", "Ghi chú").mergeLast(3, 4)
                    .row(null, null, null, "Bắt đầu", "Kết thúc")
                    .row(1, 1, "Tập lưu công văn đi", "02/01/1998", "31/12/1998", 210, "Vĩnh viễn")
                    .row(1, 2, "Tập lưu quyết định", "1998", "1999", 150, "50 năm");
            file = s.write(tmp.resolve("hai-tang.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT.withFonds("P7"));
        assertTrue(r.imported(), problems(r));
        assertEquals("startDate", r.sheets().get(0).columns().get("D"));
        assertEquals("endDate", r.sheets().get(0).columns().get("E"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("made from the fonds code")),
                r.warnings().toString());
        FileUnit f = ws.catalogue().file("P7.2").orElseThrow();
        assertEquals("1999", f.description().text(FileFields.END_DATE).orElseThrow());
        assertEquals(2, f.fileNumber());
    }

    /** A sheet with a mistake in every kind of cell. */
    private Path withMistakes() throws Exception {
        try (Sheets s = new Sheets()) {
            s.sheet("Mục lục")
                    .row("Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian bắt đầu", "Thời gian kết thúc",
                            "Thời hạn bảo quản", "Số tờ", "Chế độ sử dụng")
                    .row("X.1", "Hồ sơ tốt", "2001", "2001", "10 năm", 5, "Công khai")
                    .row("X.2", "Hồ sơ ngày sai", "31/02/2001", "2001", null, null, null)
                    .row("X.3", "Hồ sơ kiểu Mỹ", "3/19/2025", null, null, null, null)
                    .row("X.4", null, "2001", null, null, null, null)
                    .row("X.5", "Hồ sơ số tờ lẻ", "2001", null, null, 12.5, null)
                    .row("X.6", "Hồ sơ chế độ lạ", null, null, null, null, "Tối mật lắm")
                    .row("X.1", "Trùng mã", null, null, null, null, null)
                    .row("X.8", "Kết thúc trước khi bắt đầu", "2005", "2003", null, null, null)
                    .row("X.9", "Hồ sơ tốt nữa", "2002", null, null, null, null);
            return s.write(tmp.resolve("loi.xlsx"));
        }
    }

    @Test
    void everyInvalidRowIsReportedAndNothingIsImported() throws Exception {
        long audited = ws.audit().size();
        ImportReport r = importXlsx(withMistakes(), ImportOptions.DEFAULT.withFonds("X"));
        assertFalse(r.imported());
        assertEquals(0, r.auditSeq());
        assertTrue(ws.catalogue().fonds("X").isEmpty(), "the catalogue is unchanged");
        assertEquals(audited, ws.audit().size());
        assertEquals(0, ws.objects.verify().objects(), "nothing stored either");
        String all = problems(r);
        assertTrue(all.contains("sheet 'Mục lục', row 3, column C (Thời gian bắt đầu): Thời gian bắt đầu (startDate): "
                + "\"31/02/2001\""), all);
        assertTrue(all.contains("row 4, column C (Thời gian bắt đầu)"), all);
        assertTrue(all.contains("month out of range: 19"), all);
        assertTrue(all.contains("row 5, column B (Tiêu đề hồ sơ): file X.4 has no title"), all);
        assertTrue(all.contains("row 6, column F (Số tờ): Số lượng tờ (sheetCount): \"12.5\": not a whole number"),
                all);
        assertTrue(all.contains("row 7, column G (Chế độ sử dụng): Chế độ sử dụng (access): \"Tối mật lắm\": not in "
                + "the list mode"), all);
        assertTrue(all.contains("row 8, column A (Số, ký hiệu hồ sơ): file X.1 is also at row 2"), all);
        assertTrue(all.contains("row 9, column D (Thời gian kết thúc): the file ends (2003) before it starts (2005)"),
                all);
        assertEquals(7, r.problems().size(), all);
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9), r.problems().stream().map(Problem::row).toList(), "in sheet order");
    }

    @Test
    void withSkipInvalidTheValidFilesAreImportedAndTheOthersListed() throws Exception {
        ImportReport r = importXlsx(withMistakes(), ImportOptions.DEFAULT.withFonds("X").withSkipInvalid(true));
        assertTrue(r.imported(), problems(r));
        assertEquals(7, r.problems().size(), "still reported");
        assertEquals(List.of("X.1", "X.2", "X.3", "X.4", "X.5", "X.6", "X.1", "X.8"), r.skippedFiles(),
                "both rows of the duplicate code are skipped: which one is right is for a person to say");
        assertEquals(1, r.files());
        assertTrue(ws.catalogue().file("X.9").isPresent());
        assertTrue(ws.catalogue().file("X.1").isEmpty());
    }

    @Test
    void aFileAlreadyInTheCatalogueIsAProblemNamingItsRow() throws Exception {
        assertTrue(importXlsx(decree30Inventory(), ImportOptions.DEFAULT).imported());
        long audited = ws.audit().size();
        ImportReport again = importXlsx(decree30Inventory(), ImportOptions.DEFAULT);
        assertFalse(again.imported());
        assertEquals(4, again.problems().size(), problems(again));
        assertTrue(problems(again).contains("sheet 'Mục lục hồ sơ', row 13: file code H49.64.33.2001.1 is already "
                + "in the catalogue (fonds H49.64.33, file number 1)"), problems(again));
        assertEquals(audited, ws.audit().size());
    }

    @Test
    void rowsOfOneFileMustBeTogether() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("VB")
                    .row("Mã hồ sơ", "Tiêu đề hồ sơ", "Trích yếu nội dung")
                    .row("A.1", "Hồ sơ A", "Văn bản 1")
                    .row("A.2", "Hồ sơ B", "Văn bản 2")
                    .row("A.1", "Hồ sơ A", "Văn bản 3")
                    .row("A.2", "Hồ sơ B đã đổi tên", "Văn bản 4")
                    .row(null, null, null)
                    .row("A.3", "Hồ sơ C", null);
            file = s.write(tmp.resolve("xen-ke.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT.withFonds("A"));
        assertFalse(r.imported());
        String all = problems(r);
        assertTrue(all.contains("row 4, column A (Mã hồ sơ): the rows of file A.1 must be together: it also has row 2"),
                all);
        assertTrue(all.contains("row 5, column A (Mã hồ sơ): the rows of file A.2 must be together"), all);
        assertEquals(2, r.problems().size(), all);
        ImportReport skip = importXlsx(file, ImportOptions.DEFAULT.withFonds("A").withSkipInvalid(true));
        assertEquals(List.of("A.1", "A.2"), skip.skippedFiles());
        FileUnit c = ws.catalogue().file("A.3").orElseThrow();
        assertEquals(0, ws.catalogue().items(c.id()).size(), "a file row without a document");
    }

    @Test
    void aFileCellThatDisagreesWithTheFilesFirstRowIsAProblem() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("VB")
                    .row("Mã hồ sơ", "Tiêu đề hồ sơ", "Hộp số", "Trích yếu nội dung")
                    .row("A.1", "Hồ sơ A", 1, "Văn bản 1")
                    .row("A.1", "Hồ sơ Á", 2, "Văn bản 2");
            file = s.write(tmp.resolve("khac.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT.withFonds("A"));
        String all = problems(r);
        assertTrue(all.contains("row 3, column B (Tiêu đề hồ sơ): file A.1: \"Hồ sơ Á\" differs from \"Hồ sơ A\" on "
                + "row 2"), all);
        assertTrue(all.contains("row 3, column C (Hộp số): file A.1 is in box 1 on an earlier row, here in box 2"), all);
    }

    @Test
    void emptyRowsRepeatedHeadingsAndPreNumberedBlankRowsAreSkipped() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("Mục lục")
                    .row("Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ")
                    .row(1, "E.1", "Hồ sơ một")
                    .blank().blank()
                    .row("Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ")
                    .row("(1)", "(2)", "(3)")
                    .row(2, "E.2", "Hồ sơ hai")
                    .row(3).row(4).row(5)
                    .row(null, null, null, null, null, "ghi bên lề");
            file = s.write(tmp.resolve("trong.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT.withFonds("E"));
        assertTrue(r.imported(), problems(r));
        assertEquals(2, r.files());
        assertTrue(r.warnings().stream().anyMatch(w -> w.row() == 11 && w.column().equals("F")
                && w.message().contains("ghi bên lề")), r.warnings().toString());
    }

    @Test
    void filesNumberedOtherwiseThanTheCatalogueWillNumberThemAreAWarning() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("Tiếp")
                    .row("Hồ sơ số", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu")
                    .row(101, "N.101", "Hồ sơ 101", "2001")
                    .row(102, "N.102", "Hồ sơ 102", "30/2/2001");
            file = s.write(tmp.resolve("tiep.xlsx"));
        }
        ImportReport refused = importXlsx(file, ImportOptions.DEFAULT.withFonds("N"));
        assertEquals(List.of(), refused.warnings(), "nothing to say about numbers when nothing is imported");
        assertEquals("sheet 'Tiếp', row 3, column D (Thời gian tài liệu): Thời gian bắt đầu (startDate): \"30/2/2001\": "
                + "\"30/2/2001\" is not a valid date: no such day: 30/2/2001", only(refused).toString(),
                "one date for start and end, said once");
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT.withFonds("N").withSkipInvalid(true));
        assertTrue(r.imported());
        assertEquals(List.of("sheet 'Tiếp', row 2: 1 file(s) get another number than the sheet gives them (the "
                + "catalogue numbers files in order through the fonds): the first, file N.101, numbered 101 here, "
                + "becomes 1"), r.warnings().stream().map(Problem::toString).toList());
        assertEquals(1, ws.catalogue().file("N.101").orElseThrow().fileNumber());
    }

    @Test
    void theFondsMustBeKnownAndOne() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("A")
                    .row("Mã phông", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ")
                    .row("F1", "F1.1", "Một")
                    .row("F2", "F2.1", "Hai");
            file = s.write(tmp.resolve("hai-phong.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT);
        assertEquals("sheet 'A', row 3, column A (Mã phông): the row belongs to fonds F2, the import is for fonds F1: "
                + "import one fonds at a time", only(r).toString());
        Path none;
        try (Sheets s = new Sheets()) {
            s.sheet("A").row("Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ").row("F1.1", "Một");
            none = s.write(tmp.resolve("khong-phong.xlsx"));
        }
        assertTrue(only(importXlsx(none, ImportOptions.DEFAULT)).message().startsWith("the fonds is not known: pass "
                + "--fonds CODE"));
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        ImportReport r = importXlsx(decree30Inventory(), ImportOptions.DEFAULT.withDryRun(true));
        assertFalse(r.imported());
        assertEquals(List.of(), r.problems());
        assertEquals(4, r.files(), "what would be imported");
        assertTrue(ws.catalogue().fonds().isEmpty());
        assertEquals(0, ws.objects.verify().objects());
    }

    @Test
    void dataUnderAMergedHeadingIsAnErrorNamingTheColumn() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("Gộp")
                    .row("Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", null, "Ghi chú").mergeLast(1, 2)
                    .row("G.1", "Hồ sơ", "phần tiêu đề thứ hai", "x");
            file = s.write(tmp.resolve("gop.xlsx"));
        }
        Problem p = only(importXlsx(file, ImportOptions.DEFAULT.withFonds("G")));
        assertEquals("sheet 'Gộp', row 1, column C: values in 1 rows, but the heading cells B1:C1 are merged: give this "
                + "column its own heading, or its values are not imported", p.toString());
    }

    @Test
    void excelErrorsAndFormulasWithoutAResultAreProblems() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("Công thức")
                    .row("Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Số tờ")
                    .row("F.1", "Hồ sơ một", null)
                    .row("F.2", "Hồ sơ hai", null);
            s.wb.getSheetAt(0).getRow(1).createCell(2).setCellErrorValue(
                    org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
            s.wb.getSheetAt(0).getRow(2).createCell(2).setCellFormula("SUM(A1:A2)");
            file = s.write(tmp.resolve("cong-thuc.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT.withFonds("F"));
        assertEquals(List.of("sheet 'Công thức', row 2, column C (Số tờ): the cell holds the Excel error #N/A",
                "sheet 'Công thức', row 3, column C (Số tờ): a formula whose result the file does not hold: open the "
                        + "workbook in Excel or LibreOffice and save it again"),
                r.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void theOldMacDateSystemIsRead() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook ct = s.wb.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            s.sheet("1904")
                    .row("Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian bắt đầu", "Thời gian kết thúc")
                    .row("M.1", "Hồ sơ", LocalDate.of(1975, 4, 30), LocalDate.of(1976, 7, 2));
            assertTrue(s.wb.isDate1904());
            file = s.write(tmp.resolve("mac.xlsx"));
        }
        ImportReport r = importXlsx(file, ImportOptions.DEFAULT.withFonds("M"));
        assertTrue(r.imported(), problems(r));
        FileUnit f = ws.catalogue().file("M.1").orElseThrow();
        assertEquals("1975-04-30", f.description().text(FileFields.START_DATE).orElseThrow());
        assertEquals("1976-07-02", f.description().text(FileFields.END_DATE).orElseThrow());
    }

    @Test
    void aWorkbookThatCannotBeReadSaysWhyAndChangesNothing() throws Exception {
        Path good = decree30Inventory();
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("hong.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(only(importXlsx(truncated, ImportOptions.DEFAULT)).message().startsWith("damaged: "),
                problems(importXlsx(truncated, ImportOptions.DEFAULT)));
        Path text = Files.writeString(tmp.resolve("muc-luc.xlsx.txt"), "Số, ký hiệu hồ sơ;Tiêu đề hồ sơ\n");
        assertTrue(only(importXlsx(text, ImportOptions.DEFAULT)).message().startsWith("not an Excel workbook"));
        Path empty = Files.write(tmp.resolve("rong.xlsx"), new byte[0]);
        assertEquals("the file is empty", only(importXlsx(empty, ImportOptions.DEFAULT)).message());
        Path encrypted = Encrypted.write(good, tmp.resolve("mat-khau.xlsx"), "bí mật");
        assertTrue(only(importXlsx(encrypted, ImportOptions.DEFAULT)).message().startsWith("password-protected"));
        Path docx = tmp.resolve("van-ban.xlsx");
        try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage.create(
                docx.toFile())) {
            pkg.createPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/word/document.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
        }
        assertTrue(only(importXlsx(docx, ImportOptions.DEFAULT)).message().startsWith("not a spreadsheet"));
        assertTrue(ws.catalogue().fonds().isEmpty());
        assertEquals(0, ws.audit().size());
    }

    @Test
    void aSheetWithoutATableIsSkippedAndAWorkbookWithoutOneIsRefused() throws Exception {
        Path file;
        try (Sheets s = new Sheets()) {
            s.sheet("Hướng dẫn").row("Điền mỗi hồ sơ một dòng").row("Ngày tháng viết dd/mm/yyyy");
            file = s.write(tmp.resolve("huong-dan.xlsx"));
        }
        Problem p = only(importXlsx(file, ImportOptions.DEFAULT.withFonds("H")));
        assertTrue(p.message().startsWith("no sheet has a table of files or documents"), p.message());
        assertTrue(p.message().contains("sheet 'Hướng dẫn' begins \"Điền mỗi hồ sơ một dòng\""), p.message());
    }
}
