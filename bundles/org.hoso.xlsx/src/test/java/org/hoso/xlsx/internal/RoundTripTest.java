package org.hoso.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.CatalogueService.SchemeStep;
import org.hoso.core.api.InventoryService.ExportResult;
import org.hoso.core.api.InventoryService.ImportOptions;
import org.hoso.core.api.InventoryService.ImportReport;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.core.api.model.VietnameseText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export the catalogue in the Decree 30 forms, import the workbook into a new workspace: the same catalogue. */
class RoundTripTest {

    private static final String FONDS = "H49.64.33";
    private static final String DECOMPOSED = "Ho\u0302\u0300 so\u031b ho\u0323\u0302i nghi\u0323 to\u0302\u0309ng ke\u0302\u0301t";

    @TempDir
    Path tmp;

    private static Map<String, Field<String>> fields(String... keyValues) {
        Map<String, Field<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], new Field<>(keyValues[i + 1], Provenance.typed("lan", Workspace.T)));
        }
        return m;
    }

    private static final SchemeStep ADMIN = new SchemeStep("I", "Hành chính");
    private static final SchemeStep OFFICE = new SchemeStep("1", "Văn phòng");
    private static final SchemeStep STAFF = new SchemeStep("2", "Tổ chức - Cán bộ");
    private static final SchemeStep LAND = new SchemeStep("II", "Địa chính");

    /** A commune's fonds with every field a file or document can have. */
    private static void commune(CatalogueService c) {
        List<NewFile> files = new ArrayList<>();
        files.add(new NewFile(List.of(ADMIN), FONDS + ".2001.1", Optional.of("1"), fields(
                FileFields.TITLE, DECOMPOSED + " công tác năm 2001",
                FileFields.START_DATE, "2001-01-05", FileFields.END_DATE, "2001-12-28",
                FileFields.RETENTION, "Vĩnh viễn", FileFields.ACCESS, "02", FileFields.LANGUAGE, "01",
                FileFields.KEYWORDS, "hội nghị; tổng kết", FileFields.DOCUMENT_COUNT, "3",
                FileFields.SHEET_COUNT, "45", FileFields.PAGE_COUNT, "90", FileFields.PHYSICAL_CONDITION, "02",
                FileFields.INFO_CODE, "VP.01", FileFields.CONFIDENCE_LEVEL, "02",
                FileFields.PAPER_FILE_CODE, "TT.2001.01", FileFields.INVENTORY_NUMBER, "1",
                FileFields.CREATOR, "Nguyễn Thị Lan", FileFields.NOTES, "Có bút phê\nở trang 3"),
                List.of(fields(ItemFields.TYPE, "02", ItemFields.NUMBER, "15", ItemFields.NOTATION, "QĐ-UBND",
                        ItemFields.DATE, "2001-01-05", ItemFields.ISSUER, "UBND xã Tân Trào",
                        ItemFields.ABSTRACT, "Về việc tổ chức hội nghị tổng kết", ItemFields.LANGUAGE, "01",
                        ItemFields.PAGE_COUNT, "2", ItemFields.SHEET_NUMBER, "1-2", ItemFields.KEYWORDS, "hội nghị",
                        ItemFields.ACCESS, "01", ItemFields.CONFIDENCE_LEVEL, "02",
                        ItemFields.ANNOTATION, "Bút phê của Chủ tịch", ItemFields.PHYSICAL_CONDITION, "01",
                        ItemFields.SIGNER, "Trần Văn Bình", ItemFields.SIGNER_TITLE, "Chủ tịch",
                        ItemFields.SIGNER_AUTHORITY, "TM. Ủy ban nhân dân", ItemFields.RECIPIENTS, "Như điều 3",
                        ItemFields.SECRECY, "MẬT", ItemFields.URGENCY, "KHẨN",
                        ItemFields.FILE_PATH, "2001.1/0001.pdf", ItemFields.NOTES, "Bản chính"),
                        fields(ItemFields.TYPE, "14", ItemFields.DATE, "2001-12", ItemFields.ABSTRACT,
                                "Tổng kết công tác năm 2001", ItemFields.NUMBER, "127", ItemFields.NOTATION,
                                "KL/TW"),
                        fields(ItemFields.ABSTRACT, "Danh sách đại biểu", ItemFields.DATE, "2001")),
                1));
        files.add(new NewFile(List.of(ADMIN, OFFICE), FONDS + ".2001.2", Optional.of("1"), fields(
                FileFields.TITLE, "Công văn đi năm 2001", FileFields.START_DATE, "2001",
                FileFields.END_DATE, "2001", FileFields.RETENTION, "10 năm", FileFields.SHEET_COUNT, "120"),
                List.of(fields(ItemFields.TYPE, "22", ItemFields.NUMBER, "01", ItemFields.NOTATION, "UBND",
                        ItemFields.ABSTRACT, "V/v báo cáo số liệu", ItemFields.DATE, "2001-02-03")), 2));
        files.add(new NewFile(List.of(ADMIN, OFFICE), FONDS + ".2001.3", Optional.empty(), fields(
                FileFields.TITLE, "Sổ đăng ký văn bản đến", FileFields.START_DATE, "2001-03"), List.of(), 3));
        files.add(new NewFile(List.of(ADMIN, STAFF), FONDS + ".2001.4", Optional.of("2"), fields(
                FileFields.TITLE, "Hồ sơ nâng lương", FileFields.END_DATE, "2001-11",
                FileFields.RETENTION, "Đến khi hết hiệu lực"), List.of(), 4));
        files.add(new NewFile(List.of(LAND), FONDS + ".2002.1", Optional.of("2"), fields(
                FileFields.TITLE, "Sổ mục kê đất đai", FileFields.START_DATE, "2002-06-30",
                FileFields.END_DATE, "2002-06-30", FileFields.RETENTION, "Vĩnh viễn"),
                List.of(fields(ItemFields.TYPE, "30", ItemFields.ABSTRACT, "Bản đồ địa chính tờ số 12",
                        ItemFields.DATE, "2002-06-30", ItemFields.PAGE_COUNT, "1")), 5));
        c.importBatch(new CatalogueService.ImportBatch(FONDS, "UBND xã Tân Trào", "test", Optional.empty(), files),
                "lan");
    }

    /** The catalogue as values only: provenance (who, from where) differs by design between two workspaces. */
    private static Map<String, Object> snapshot(CatalogueService c, String fonds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fonds", c.fonds(fonds).map(f -> f.code() + " " + f.name()).orElse("-"));
        List<SchemeNode> scheme = c.scheme(fonds);
        Map<Long, String> path = new TreeMap<>();
        for (SchemeNode n : scheme) {
            String p = n.parentId().map(path::get).map(x -> x + " > ").orElse("") + n.code() + " " + n.title();
            path.put(n.id(), p);
            s.put("node " + p, n.position());
            for (FileUnit f : c.files(n.id())) {
                s.put("file " + f.fileCode(), f.fileNumber() + " | " + p + " | " + f.box() + " | "
                        + values(f.description().fields()));
                for (Item i : c.items(f.id())) {
                    s.put("item " + i.docCode(), i.position() + " | " + values(i.description().fields()));
                }
            }
        }
        return s;
    }

    private static Map<String, String> values(Map<String, Field<String>> fields) {
        Map<String, String> v = new TreeMap<>();
        fields.forEach((k, f) -> v.put(k, f.value()));
        return v;
    }

    @Test
    void anExportedInventoryImportsIntoTheSameCatalogue() throws Exception {
        Path out = tmp.resolve("muc-luc.xlsx");
        Map<String, Object> before;
        try (Workspace a = new Workspace(tmp.resolve("a"))) {
            commune(a.catalogue());
            before = snapshot(a.catalogue(), FONDS);
            ExportResult r = a.inventory.exportFileInventory(FONDS, out);
            assertEquals(new ExportResult(out, 5, 5), r);
        }
        try (Workspace b = new Workspace(tmp.resolve("b"))) {
            ImportReport r = b.inventory.importXlsx(out, ImportOptions.DEFAULT, "minh");
            assertTrue(r.imported(), r.problems().toString());
            assertEquals(List.of(), r.warnings(), "nothing renumbered, nothing ignored");
            assertEquals(2, r.sheets().size());
            assertEquals(Map.of(), r.sheets().get(0).unmatched());
            assertEquals(Map.of(), r.sheets().get(1).unmatched());
            assertEquals(before, snapshot(b.catalogue(), FONDS));
            FileUnit first = b.catalogue().file(FONDS + ".2001.1").orElseThrow();
            assertEquals(VietnameseText.nfc(DECOMPOSED) + " công tác năm 2001", first.title());
        }
    }

    @Test
    void theInventoryHasTheFormsLayout() throws Exception {
        Path out = tmp.resolve("muc-luc.xlsx");
        try (Workspace a = new Workspace(tmp.resolve("a"))) {
            commune(a.catalogue());
            a.inventory.exportFileInventory(FONDS, out);
        }
        List<List<String>> rows = sheet(out, InventoryExporter.INVENTORY_SHEET);
        assertEquals(List.of("UBND XÃ TÂN TRÀO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), rows.get(0));
        assertEquals(List.of("Độc lập - Tự do - Hạnh phúc"), rows.get(1));
        assertEquals(List.of("MỤC LỤC HỒ SƠ"), rows.get(2));
        assertEquals(List.of("UBND xã Tân Trào"), rows.get(3));
        assertEquals(List.of("Năm 2001 - 2002"), rows.get(4));
        assertEquals(List.of("Mã phông: H49.64.33"), rows.get(5));
        List<String> header = rows.get(6);
        assertEquals(List.of("Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản",
                "Số tờ/Số trang", "Ghi chú"), header.subList(0, 7), "the form's own columns (1)-(7)");
        assertEquals("Hộp số", header.get(7));
        assertEquals(List.of("Chế độ sử dụng", "Ngôn ngữ", "Từ khóa", "Tổng số văn bản", "Số lượng trang",
                "Tình trạng vật lý", "Ký hiệu thông tin", "Mức độ tin cậy", "Mã hồ sơ giấy gốc", "Mục lục số",
                "Người lập hồ sơ"), header.subList(8, header.size()), "then the fields some file has, in order");
        assertEquals("(1)", rows.get(7).get(0));
        assertEquals("(" + header.size() + ")", rows.get(7).get(header.size() - 1));
        assertEquals(List.of("I. Hành chính"), rows.get(8));
        List<String> file = rows.get(9);
        assertEquals(List.of("1", FONDS + ".2001.1"), file.subList(0, 2));
        assertEquals("05/01/2001 - 28/12/2001", file.get(3));
        assertEquals("Sử dụng có điều kiện", file.get(8), "codes by their label");
        assertEquals(VietnameseText.nfc(DECOMPOSED) + " công tác năm 2001", file.get(2));
        assertNotEquals(DECOMPOSED + " công tác năm 2001", file.get(2), "composed (NFC), as stored");
        assertEquals(List.of("1. Văn phòng"), rows.get(10));
        assertEquals("2001", rows.get(11).get(3), "start and end the same year: one date");
        assertEquals("Từ 03/2001", rows.get(12).get(3));
        assertEquals("Đến 11/2001", rows.get(14).get(3));
        assertTrue(rows.contains(List.of("Mục lục này gồm: 5 hồ sơ (đơn vị bảo quản).")), rows.toString());
        assertTrue(rows.contains(List.of("Viết bằng chữ: năm hồ sơ (đơn vị bảo quản).")), rows.toString());
        assertEquals(List.of("Người lập"), rows.get(rows.size() - 2));

        List<List<String>> docs = sheet(out, InventoryExporter.DOCUMENTS_SHEET);
        assertEquals(List.of("Số, ký hiệu hồ sơ", "STT", "Tên loại văn bản", "Số văn bản", "Ký hiệu văn bản"),
                docs.get(3).subList(0, 5));
        assertEquals(List.of(FONDS + ".2001.1", "1", "Quyết định", "15", "QĐ-UBND", "05/01/2001"),
                docs.get(5).subList(0, 6));
    }

    @Test
    void aDocumentListImportsIntoTheSameDocuments() throws Exception {
        Path out = tmp.resolve("muc-luc-van-ban.xlsx");
        Map<String, Object> items = new LinkedHashMap<>();
        try (Workspace a = new Workspace(tmp.resolve("a"))) {
            commune(a.catalogue());
            FileUnit f = a.catalogue().file(FONDS + ".2001.1").orElseThrow();
            a.catalogue().items(f.id()).forEach(i -> items.put(i.docCode(), values(i.description().fields())));
            assertEquals(new ExportResult(out, 1, 3), a.inventory.exportDocumentList(f.fileCode(), out));
        }
        List<List<String>> rows = sheet(out, InventoryExporter.DOCUMENT_LIST_SHEET);
        assertEquals(List.of("MỤC LỤC VĂN BẢN, TÀI LIỆU"), rows.get(0));
        assertEquals(List.of("Số, ký hiệu hồ sơ: " + FONDS + ".2001.1"), rows.get(1));
        assertEquals(List.of("STT", "Số, ký hiệu văn bản", "Ngày tháng năm văn bản",
                "Tên loại và trích yếu nội dung văn bản", "Tác giả văn bản", "Tờ số/Trang số", "Ghi chú"),
                rows.get(5).subList(0, 7));
        assertEquals(List.of("1", "15/QĐ-UBND", "05/01/2001", "Quyết định Về việc tổ chức hội nghị tổng kết",
                "UBND xã Tân Trào", "1-2", "Bản chính"), rows.get(7).subList(0, 7));
        try (Workspace c = new Workspace(tmp.resolve("c"))) {
            ImportReport r = c.inventory.importXlsx(out, ImportOptions.DEFAULT, "minh");
            assertTrue(r.imported(), r.problems().toString());
            FileUnit f = c.catalogue().file(FONDS + ".2001.1").orElseThrow();
            assertEquals(VietnameseText.nfc(DECOMPOSED) + " công tác năm 2001", f.title());
            Map<String, Object> again = new LinkedHashMap<>();
            c.catalogue().items(f.id()).forEach(i -> again.put(i.docCode(), values(i.description().fields())));
            assertEquals(items, again);
        }
    }

    @Test
    void unknownFondsOrFileAndAMissingFolderAreRefused() throws Exception {
        try (Workspace a = new Workspace(tmp.resolve("a"))) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> a.inventory.exportFileInventory("NOPE",
                    tmp.resolve("x.xlsx"))).getMessage().contains("NOPE"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> a.inventory.exportDocumentList("NOPE.1",
                    tmp.resolve("x.xlsx"))).getMessage().contains("NOPE.1"));
            commune(a.catalogue());
            assertThrows(java.nio.file.NoSuchFileException.class, () -> a.inventory.exportFileInventory(FONDS,
                    tmp.resolve("no/such/folder/x.xlsx")));
            assertFalse(Files.exists(tmp.resolve("x.xlsx")));
            try (var s = Files.list(tmp)) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no half-written file");
            }
        }
    }

    /** The rows of one sheet as text, blank cells dropped. */
    static List<List<String>> sheet(Path file, String name) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XlsxReader reader = XlsxReader.open(file)) {
            reader.read(new XlsxReader.SheetVisitor() {
                private boolean mine;

                @Override
                public void startSheet(String sheet) {
                    mine = sheet.equals(name);
                }

                @Override
                public void row(int number, List<Cell> cells) {
                    if (mine) {
                        rows.add(cells.stream().map(Cell::text).toList());
                    }
                }

                @Override
                public void endSheet(List<String> merged) {
                }
            });
        }
        return rows;
    }
}
