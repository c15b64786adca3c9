package org.hoso.xlsx.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.InventoryService.ExportResult;
import org.hoso.core.api.model.CodeList;
import org.hoso.core.api.model.Description;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.core.api.model.VietnameseText;

/**
 * Writes the forms of Nghị định 30/2020/NĐ-CP, Phụ lục V with POI's streaming writer (SXSSF: a window of rows in
 * memory, the rest in a temporary file; strings inline, no shared-strings table), so a fonds of any size fits.
 * <ul>
 * <li>Mục lục hồ sơ (mẫu III): the national heading, the title, the fonds and its years, "Mã phông", the table with
 * columns (1) Số TT, (2) Số, ký hiệu hồ sơ, (3) Tiêu đề hồ sơ, (4) Thời gian tài liệu, (5) Thời hạn bảo quản,
 * (6) Số tờ/Số trang, (7) Ghi chú — then one numbered column per further field some file has (box first) — scheme
 * headings as rows in column (3), the count in figures and words, and the signature block. The documents of the
 * fonds follow in a second sheet, one column per field, so that re-importing the workbook loses nothing.</li>
 * <li>Mục lục văn bản (mẫu IV): the file code and year above a table of (1) STT, (2) Số, ký hiệu văn bản, (3) Ngày
 * tháng năm văn bản, (4) Tên loại và trích yếu nội dung văn bản, (5) Tác giả văn bản, (6) Tờ số/Trang số, (7) Ghi
 * chú, and further fields as further columns.</li>
 * </ul>
 */
final class InventoryExporter {

    static final String INVENTORY_SHEET = "Mục lục hồ sơ";
    static final String DOCUMENTS_SHEET = "Văn bản";
    static final String DOCUMENT_LIST_SHEET = "Mục lục văn bản";
    private static final int WINDOW = 200;

    /** The form's own columns of the file inventory. */
    private static final List<String> INVENTORY_HEADINGS = List.of("Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ",
            "Thời gian tài liệu", "Thời hạn bảo quản", "Số tờ/Số trang", "Ghi chú");
    /** File fields the form's own columns hold. */
    private static final Set<String> INVENTORY_FIELDS = Set.of(FileFields.TITLE, FileFields.START_DATE,
            FileFields.END_DATE, FileFields.RETENTION, FileFields.SHEET_COUNT, FileFields.NOTES);
    private static final List<String> LIST_HEADINGS = List.of("STT", "Số, ký hiệu văn bản", "Ngày tháng năm văn bản",
            "Tên loại và trích yếu nội dung văn bản", "Tác giả văn bản", "Tờ số/Trang số", "Ghi chú");
    private static final Set<String> LIST_FIELDS = Set.of(ItemFields.NUMBER, ItemFields.NOTATION, ItemFields.DATE,
            ItemFields.TYPE, ItemFields.ABSTRACT, ItemFields.ISSUER, ItemFields.SHEET_NUMBER, ItemFields.NOTES);
    private static final String BOX_HEADING = "Hộp số";

    private final CatalogueService catalogue;

    InventoryExporter(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    // --- the file inventory of a fonds

    ExportResult fileInventory(String fondsCode, Path out) throws IOException {
        Fonds fonds = catalogue.fonds(fondsCode)
                .orElseThrow(() -> new IllegalArgumentException("no fonds with code " + fondsCode));
        List<SchemeNode> scheme = catalogue.scheme(fonds.code());
        CatalogueService.Counts counts = catalogue.counts(fonds.code());

        // first pass over the files (not their documents): years and the further columns needed
        Set<String> extras = new LinkedHashSet<>();
        boolean boxes = false;
        int minYear = Integer.MAX_VALUE;
        int maxYear = Integer.MIN_VALUE;
        for (SchemeNode node : scheme) {
            for (FileUnit f : catalogue.files(node.id())) {
                boxes |= f.box().isPresent();
                for (String key : f.description().fields().keySet()) {
                    if (!INVENTORY_FIELDS.contains(key)) {
                        extras.add(key);
                    }
                }
                for (String key : List.of(FileFields.START_DATE, FileFields.END_DATE)) {
                    Optional<PartialDate> d = date(f.description(), key);
                    if (d.isPresent()) {
                        minYear = Math.min(minYear, d.get().year());
                        maxYear = Math.max(maxYear, d.get().year());
                    }
                }
            }
        }
        List<FieldDefinition> extraFields = FileFields.ALL.stream().filter(d -> extras.contains(d.key())).toList();
        List<String> headings = new ArrayList<>(INVENTORY_HEADINGS);
        if (boxes) {
            headings.add(BOX_HEADING);
        }
        extraFields.forEach(d -> headings.add(d.labelVi()));

        long files = 0;
        long items = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true, false)) {
            Styles st = new Styles(wb);
            SXSSFSheet sheet = wb.createSheet(INVENTORY_SHEET);
            int last = headings.size() - 1;
            int r = nationalHeading(sheet, st, fonds.name(), last);
            r++;
            r = title(sheet, st, r, last, "MỤC LỤC HỒ SƠ", st.title);
            r = title(sheet, st, r, last, fonds.name(), st.bold);
            if (minYear <= maxYear) {
                r = title(sheet, st, r, last, "Năm " + (minYear == maxYear ? minYear : minYear + " - " + maxYear),
                        st.bold);
            }
            r = title(sheet, st, r, last, "Mã phông: " + fonds.code(), st.normal);
            r++;
            int headerRow = r;
            r = header(sheet, st, r, headings);
            sheet.createFreezePane(0, r);
            printSetup(sheet, headerRow, r - 1);
            widths(sheet, List.of(7, 20, 50, 24, 13, 10, 18), headings.size());

            SXSSFSheet docs = null;
            List<FieldDefinition> itemFields = ItemFields.ALL;
            int d = 0;
            boolean[] used = new boolean[itemFields.size()];
            if (counts.items() > 0) {
                docs = wb.createSheet(DOCUMENTS_SHEET);
                List<String> dh = new ArrayList<>(List.of("Số, ký hiệu hồ sơ", "STT"));
                itemFields.forEach(f -> dh.add(f.labelVi()));
                d = title(docs, st, 0, dh.size() - 1, "VĂN BẢN TRONG CÁC HỒ SƠ", st.title);
                d = title(docs, st, d, dh.size() - 1, fonds.name(), st.bold);
                d = title(docs, st, d, dh.size() - 1, "Mã phông: " + fonds.code(), st.normal);
                d++;
                int dHeader = d;
                d = header(docs, st, d, dh);
                docs.createFreezePane(2, d);
                printSetup(docs, dHeader, d - 1);
                widths(docs, List.of(20, 6), dh.size());
            }

            for (SchemeNode node : scheme) {
                Row h = sheet.createRow(r++);
                cell(h, 0, "", st.heading);
                cell(h, 1, "", st.heading);
                cell(h, 2, Parsing.heading(node.code(), node.title()), st.heading);
                for (int c = 3; c <= last; c++) {
                    cell(h, c, "", st.heading);
                }
                for (FileUnit f : catalogue.files(node.id())) {
                    Description fd = f.description();
                    Row row = sheet.createRow(r++);
                    number(row, 0, f.fileNumber(), st.center);
                    cell(row, 1, f.fileCode(), st.center);
                    cell(row, 2, text(fd, FileFields.TITLE), st.wrap);
                    cell(row, 3, Parsing.dateRange(date(fd, FileFields.START_DATE), date(fd, FileFields.END_DATE)),
                            st.center);
                    cell(row, 4, text(fd, FileFields.RETENTION), st.center);
                    count(row, 5, text(fd, FileFields.SHEET_COUNT), st.center);
                    cell(row, 6, text(fd, FileFields.NOTES), st.wrap);
                    int c = 7;
                    if (boxes) {
                        cell(row, c++, f.box().orElse(""), st.center);
                    }
                    for (FieldDefinition def : extraFields) {
                        value(row, c++, def, FileFields.CODE_LISTS, fd, st);
                    }
                    files++;
                    if (docs != null) {
                        for (Item item : catalogue.items(f.id())) {
                            Row dr = docs.createRow(d++);
                            cell(dr, 0, f.fileCode(), st.plain);
                            number(dr, 1, item.position(), st.center);
                            for (int i = 0; i < itemFields.size(); i++) {
                                FieldDefinition def = itemFields.get(i);
                                used[i] |= value(dr, 2 + i, def, ItemFields.CODE_LISTS, item.description(), st);
                            }
                            items++;
                        }
                    }
                }
            }
            r++;
            r = line(sheet, st, r, "Mục lục này gồm: " + files + " hồ sơ (đơn vị bảo quản).");
            r = line(sheet, st, r, "Viết bằng chữ: " + VietnameseNumbers.words(files).toLowerCase(java.util.Locale.ROOT)
                    + " hồ sơ (đơn vị bảo quản).");
            signature(sheet, st, r + 1, last);
            if (docs != null) {
                for (int i = 0; i < used.length; i++) {
                    if (!used[i]) {
                        docs.setColumnHidden(2 + i, true);
                    }
                }
            }
            write(wb, out);
        }
        return new ExportResult(out, files, items);
    }

    // --- the document list of a file

    ExportResult documentList(String fileCode, Path out) throws IOException {
        FileUnit file = catalogue.file(fileCode)
                .orElseThrow(() -> new IllegalArgumentException("no file with code " + fileCode));
        List<Item> list = catalogue.items(file.id());
        Set<String> extras = new LinkedHashSet<>();
        for (Item i : list) {
            for (String key : i.description().fields().keySet()) {
                if (!LIST_FIELDS.contains(key)) {
                    extras.add(key);
                }
            }
        }
        List<FieldDefinition> extraFields = ItemFields.ALL.stream().filter(d -> extras.contains(d.key())).toList();
        List<String> headings = new ArrayList<>(LIST_HEADINGS);
        extraFields.forEach(d -> headings.add(d.labelVi()));
        int last = headings.size() - 1;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true, false)) {
            Styles st = new Styles(wb);
            SXSSFSheet sheet = wb.createSheet(DOCUMENT_LIST_SHEET);
            int r = title(sheet, st, 0, last, "MỤC LỤC VĂN BẢN, TÀI LIỆU", st.title);
            r = title(sheet, st, r, last, "Số, ký hiệu hồ sơ: " + file.fileCode(), st.bold);
            if (!file.title().isEmpty()) {
                r = title(sheet, st, r, last, "Tiêu đề hồ sơ: " + file.title(), st.normal);
            }
            Optional<PartialDate> start = date(file.description(), FileFields.START_DATE);
            Optional<PartialDate> end = date(file.description(), FileFields.END_DATE);
            if (start.isPresent() || end.isPresent()) {
                int a = start.orElseGet(end::get).year();
                int b = end.orElseGet(start::get).year();
                r = title(sheet, st, r, last, "Năm " + (a == b ? a : a + " - " + b), st.bold);
            }
            r = title(sheet, st, r, last, "Mã phông: " + file.fondsCode(), st.normal);
            r++;
            int headerRow = r;
            r = header(sheet, st, r, headings);
            sheet.createFreezePane(0, r);
            printSetup(sheet, headerRow, r - 1);
            widths(sheet, List.of(6, 18, 14, 60, 28, 10, 18), headings.size());
            for (Item item : list) {
                Description d = item.description();
                Row row = sheet.createRow(r++);
                number(row, 0, item.position(), st.center);
                cell(row, 1, Parsing.numberNotation(text(d, ItemFields.NUMBER), text(d, ItemFields.NOTATION)),
                        st.center);
                cell(row, 2, date(d, ItemFields.DATE).map(PartialDate::display).orElse(""), st.center);
                String type = d.text(ItemFields.TYPE).flatMap(c -> codeList(CodeList.DOCUMENT_TYPE).get(c))
                        .filter(e -> !e.code().equals("32")).map(CodeList.Entry::vietnamese).orElse("");
                String abstractText = text(d, ItemFields.ABSTRACT);
                cell(row, 3, type.isEmpty() ? abstractText : abstractText.isEmpty() ? type : type + " "
                        + abstractText, st.wrap);
                cell(row, 4, text(d, ItemFields.ISSUER), st.wrap);
                cell(row, 5, text(d, ItemFields.SHEET_NUMBER), st.center);
                cell(row, 6, text(d, ItemFields.NOTES), st.wrap);
                int c = 7;
                for (FieldDefinition def : extraFields) {
                    value(row, c++, def, ItemFields.CODE_LISTS, d, st);
                }
            }
            write(wb, out);
        }
        return new ExportResult(out, 1, list.size());
    }

    // --- layout

    /** Cell styles: Times New Roman, as official documents are typed. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle normal;
        final CellStyle italicCentre;
        final CellStyle header;
        final CellStyle numbering;
        final CellStyle heading;
        final CellStyle center;
        final CellStyle wrap;
        final CellStyle plain;

        Styles(SXSSFWorkbook wb) {
            Font f = font(wb, false, false, 12);
            Font b = font(wb, true, false, 12);
            Font i = font(wb, false, true, 12);
            Font t = font(wb, true, false, 14);
            title = style(wb, t, HorizontalAlignment.CENTER, false, false);
            bold = style(wb, b, HorizontalAlignment.CENTER, false, false);
            normal = style(wb, f, HorizontalAlignment.CENTER, false, false);
            italicCentre = style(wb, i, HorizontalAlignment.CENTER, false, false);
            header = style(wb, b, HorizontalAlignment.CENTER, true, true);
            numbering = style(wb, i, HorizontalAlignment.CENTER, true, false);
            heading = style(wb, b, HorizontalAlignment.LEFT, true, false);
            center = style(wb, f, HorizontalAlignment.CENTER, true, true);
            wrap = style(wb, f, HorizontalAlignment.LEFT, true, true);
            plain = style(wb, f, HorizontalAlignment.LEFT, true, false);
        }

        private static Font font(SXSSFWorkbook wb, boolean bold, boolean italic, int points) {
            Font font = wb.createFont();
            font.setFontName("Times New Roman");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            font.setItalic(italic);
            return font;
        }

        private static CellStyle style(SXSSFWorkbook wb, Font font, HorizontalAlignment align, boolean borders,
                boolean wrap) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setAlignment(align);
            s.setVerticalAlignment(borders ? VerticalAlignment.TOP : VerticalAlignment.CENTER);
            s.setWrapText(wrap);
            if (borders) {
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
            }
            return s;
        }
    }

    /** "TÊN CƠ QUAN" on the left, the national motto on the right (Phụ lục V, mẫu III); returns the next row. */
    private static int nationalHeading(SXSSFSheet sheet, Styles st, String body, int last) {
        int split = Math.min(3, last);
        Row r0 = sheet.createRow(0);
        cell(r0, 0, body.toUpperCase(java.util.Locale.forLanguageTag("vi")), st.bold);
        cell(r0, split, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.bold);
        Row r1 = sheet.createRow(1);
        cell(r1, split, "Độc lập - Tự do - Hạnh phúc", st.bold);
        if (split > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, split - 1));
        }
        if (last > split) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, split, last));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, split, last));
        }
        return 2;
    }

    private static int title(SXSSFSheet sheet, Styles st, int r, int last, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(style == st.title ? 22 : 17);
        cell(row, 0, text, style);
        if (last > 0) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
        }
        return r + 1;
    }

    /** The heading row and the column numbers (1), (2)... below it; returns the next row. */
    private static int header(SXSSFSheet sheet, Styles st, int r, List<String> headings) {
        Row h = sheet.createRow(r);
        h.setHeightInPoints(34);
        Row n = sheet.createRow(r + 1);
        for (int c = 0; c < headings.size(); c++) {
            cell(h, c, headings.get(c), st.header);
            cell(n, c, "(" + (c + 1) + ")", st.numbering);
        }
        return r + 2;
    }

    private static int line(SXSSFSheet sheet, Styles st, int r, String text) {
        Row row = sheet.createRow(r);
        org.apache.poi.ss.usermodel.Cell c = row.createCell(1);
        c.setCellValue(VietnameseText.nfc(text));
        return r + 1;
    }

    /** Place and date, "Người lập", "(Ký và ghi rõ họ và tên, chức vụ)" under the right half. */
    private static void signature(SXSSFSheet sheet, Styles st, int r, int last) {
        int from = Math.min(3, last);
        String[] lines = { "……………, ngày …… tháng …… năm ……", "Người lập", "(Ký và ghi rõ họ và tên, chức vụ)" };
        CellStyle[] styles = { st.italicCentre, st.bold, st.italicCentre };
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(r + i);
            cell(row, from, lines[i], styles[i]);
            if (last > from) {
                sheet.addMergedRegion(new CellRangeAddress(r + i, r + i, from, last));
            }
        }
    }

    private static void printSetup(SXSSFSheet sheet, int firstRepeating, int lastRepeating) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setRepeatingRows(new CellRangeAddress(firstRepeating, lastRepeating, -1, -1));
    }

    private static void widths(SXSSFSheet sheet, List<Integer> chars, int columns) {
        for (int c = 0; c < columns; c++) {
            int w = c < chars.size() ? chars.get(c) : 16;
            sheet.setColumnWidth(c, w * 256);
        }
    }

    // --- cells

    private static void cell(Row row, int c, String text, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
        if (!text.isEmpty()) {
            cell.setCellValue(VietnameseText.nfc(text));
        }
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, long n, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
        cell.setCellValue(n);
        cell.setCellStyle(style);
    }

    /** A count as a number when it is one (so Excel can add them up), else as text. */
    private static void count(Row row, int c, String text, CellStyle style) {
        if (text.matches("\\d{1,9}")) {
            number(row, c, Long.parseLong(text), style);
        } else {
            cell(row, c, text, style);
        }
    }

    /**
     * A field's value as people read it: dates as 19/03/2025, codes by their Vietnamese label, counts as numbers.
     *
     * @return whether there was a value
     */
    private static boolean value(Row row, int c, FieldDefinition def, Map<String, String> codeLists, Description d,
            Styles st) {
        Optional<String> v = d.text(def.key());
        if (v.isEmpty()) {
            cell(row, c, "", st.plain);
            return false;
        }
        switch (def.type()) {
            case DATE -> cell(row, c, display(v.get()), st.center);
            case INTEGER -> count(row, c, v.get(), st.center);
            case CODE -> cell(row, c, Optional.ofNullable(codeLists.get(def.key()))
                    .flatMap(list -> codeList(list).get(v.get())).map(CodeList.Entry::vietnamese)
                    .orElse(v.get()), st.plain);
            default -> cell(row, c, v.get(), st.wrap);
        }
        return true;
    }

    private static final Map<String, CodeList> CODE_LISTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The built-in lists, read once: they are data files, read anew on every {@link CodeList#builtIn} call. */
    private static CodeList codeList(String name) {
        return CODE_LISTS.computeIfAbsent(name, CodeList::builtIn);
    }

    private static String display(String iso) {
        try {
            return PartialDate.parse(iso).display();
        } catch (IllegalArgumentException e) {
            return iso;
        }
    }

    private static String text(Description d, String key) {
        return d.text(key).orElse("");
    }

    private static Optional<PartialDate> date(Description d, String key) {
        try {
            return d.text(key).map(PartialDate::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes next to the target and moves it into place: the file appears whole or not at all. */
    private static void write(SXSSFWorkbook wb, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "no such folder for " + out);
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                wb.write(o);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
