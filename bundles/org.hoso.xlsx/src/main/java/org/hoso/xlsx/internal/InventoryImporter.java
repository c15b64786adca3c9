package org.hoso.xlsx.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.hoso.core.api.CatalogueService.SchemeStep;
import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.InventoryService.Layout;
import org.hoso.core.api.InventoryService.Problem;
import org.hoso.core.api.InventoryService.SheetReport;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.Values;
import org.hoso.core.api.model.VietnameseText;
import org.hoso.xlsx.internal.Headings.Target;
import org.hoso.xlsx.internal.Headings.Target.Scope;

/**
 * Reads a workbook into files and documents, checking every value: finds each sheet's heading row (title rows may
 * stand above it, a heading may span two rows), recognises the layout, follows scheme headings, groups document
 * rows into files, and records every problem with its sheet, row and column. Touches no catalogue: what it returns
 * is checked against the catalogue and imported by {@link XlsxInventoryService}.
 */
final class InventoryImporter {

    /** Rows searched for the heading row of a sheet. */
    static final int HEADER_SEARCH_ROWS = 50;

    /** A document read from one row. */
    record ItemDraft(String sheet, int row, Map<String, Field<String>> fields) {
    }

    /** A file as read so far, from one or more rows. */
    static final class FileDraft {
        final String sheet;
        final int firstRow;
        int lastRow;
        String code;
        Integer number;
        int numberRow;
        String fondsCode;
        int fondsRow;
        String box;
        List<SchemeStep> path = List.of();
        final Map<String, Field<String>> fields = new LinkedHashMap<>();
        final Map<String, Integer> fieldRows = new HashMap<>();
        final List<ItemDraft> items = new ArrayList<>();
        boolean invalid;
        boolean hasFileData;

        FileDraft(String sheet, int firstRow) {
            this.sheet = sheet;
            this.firstRow = firstRow;
            this.lastRow = firstRow;
        }

        /** How a skipped file is named: its code, or its row when it has none. */
        String name() {
            return code != null ? code : "row " + firstRow + " (" + sheet + ")";
        }

        String rows() {
            return lastRow == firstRow ? "row " + firstRow : "rows " + firstRow + "–" + lastRow;
        }
    }

    /** What a workbook held. */
    record Reading(List<SheetReport> sheets, List<Problem> problems, List<Problem> warnings, List<FileDraft> files,
            List<FileDraft> orphans, Optional<String> fondsCode, Optional<String> fondsName, boolean fatal) {
    }

    private final Headings headings;
    private final String fileName;
    private final Instant at;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<SheetParser> sheets = new ArrayList<>();
    private boolean fatal;

    InventoryImporter(Headings headings, String fileName, Instant at) {
        this.headings = headings;
        this.fileName = fileName;
        this.at = at;
    }

    /**
     * Reads every sheet and puts the files together.
     *
     * @param fondsCode the fonds asked for, if any
     */
    Reading read(XlsxReader reader, Optional<String> fondsCode, Optional<String> fondsName)
            throws IOException, XlsxReader.UnreadableWorkbookException {
        reader.read(new XlsxReader.SheetVisitor() {
            private SheetParser sheet;

            @Override
            public void startSheet(String name) {
                sheet = new SheetParser(name);
                sheets.add(sheet);
            }

            @Override
            public void row(int number, List<Cell> cells) {
                sheet.row(number, cells);
            }

            @Override
            public void endSheet(List<String> merged) {
                sheet.end(merged);
            }
        });
        return assemble(fondsCode, fondsName);
    }

    // --- problems

    private void fatal(String sheet, int row, int column, String heading, String message) {
        problems.add(new Problem(sheet, row, column < 0 ? "" : Cell.letters(column), heading, message));
        fatal = true;
    }

    private void problem(FileDraft owner, String sheet, int row, int column, String heading, String message) {
        problems.add(new Problem(sheet, row, column < 0 ? "" : Cell.letters(column), heading, message));
        owner.invalid = true;
    }

    private void warning(String sheet, int row, int column, String heading, String message) {
        warnings.add(new Problem(sheet, row, column < 0 ? "" : Cell.letters(column), heading, message));
    }

    private Provenance provenance(String sheet, int row) {
        return Provenance.imported(fileName + " (" + sheet + ", row " + row + ")", at);
    }

    // --- one sheet

    private enum State {
        SEARCH, SUBHEADER, NUMBERING, DATA, NONE
    }

    /** A problem met while reading a row, before the row's file is known. */
    private record Pending(int column, String message) {
    }

    /** The values of one data row. */
    private static final class RowValues {
        String fileCode;
        Integer fileNumber;
        String fondsCode;
        String box;
        List<SchemeStep> scheme;
        final Map<String, String> fileRaw = new LinkedHashMap<>();
        final Map<String, Integer> fileCol = new HashMap<>();
        final Map<String, Cell> fileCell = new HashMap<>();
        final Map<String, String> itemRaw = new LinkedHashMap<>();
        final Map<String, Integer> itemCol = new HashMap<>();
        final Map<String, Cell> itemCell = new HashMap<>();
        final Map<String, Integer> dmy = new HashMap<>();
        final Map<String, Integer> dmyCol = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();
        final Map<String, Field<String>> fileFields = new LinkedHashMap<>();
        final Map<String, Field<String>> itemFields = new LinkedHashMap<>();
        boolean anyItem;
    }

    private final class SheetParser {
        final String name;
        State state = State.SEARCH;
        int scanned;
        String firstRowText = "";

        // above the table
        String titleFondsCode;
        String titleFondsName;
        String titleFileCode;
        String titleFileTitle;
        String titleInventory;
        boolean expectName;

        // the heading row
        int headerRow;
        final Map<Integer, String> headerText = new TreeMap<>();
        final Map<Integer, String> headingText = new TreeMap<>();
        final Map<Integer, Target> groupTargets = new HashMap<>();
        final Map<Integer, Target> columns = new TreeMap<>();
        final Map<Integer, String> unmatched = new TreeMap<>();
        /** The heading cells as written, to recognise the heading row repeated further down. */
        final Set<String> headerRaw = new HashSet<>();
        Layout layout;

        // the data
        final Parsing.Outline outline = new Parsing.Outline();
        final List<FileDraft> drafts = new ArrayList<>();
        final Map<String, FileDraft> byKey = new HashMap<>();
        FileDraft current;
        final Map<Integer, int[]> stray = new TreeMap<>();
        int items;
        boolean derivedCodes;
        boolean broken;

        SheetParser(String name) {
            this.name = name;
        }

        void row(int n, List<Cell> cells) {
            switch (state) {
                case SEARCH -> {
                    if (firstRowText.isEmpty()) {
                        firstRowText = String.join(" | ", cells.stream().limit(6).map(Cell::text).toList());
                    }
                    if (isHeader(cells)) {
                        headerRow = n;
                        for (Cell c : cells) {
                            if (c.kind() == Cell.Kind.TEXT || c.kind() == Cell.Kind.NUMBER) {
                                headerText.put(c.column(), VietnameseText.nfc(c.text().strip()));
                                headerRaw.add(c.text().strip());
                            }
                        }
                        headingText.putAll(headerText);
                        state = State.SUBHEADER;
                    } else {
                        titleRow(cells);
                        if (++scanned >= HEADER_SEARCH_ROWS) {
                            state = State.NONE;
                        }
                    }
                }
                case SUBHEADER -> {
                    if (applySubHeader(cells)) {
                        resolve();
                        state = State.NUMBERING;
                        return;
                    }
                    resolve();
                    state = State.DATA;
                    if (!isNumbering(cells)) {
                        data(n, cells);
                    }
                }
                case NUMBERING -> {
                    state = State.DATA;
                    if (!isNumbering(cells)) {
                        data(n, cells);
                    }
                }
                case DATA -> data(n, cells);
                case NONE -> {
                }
            }
        }

        private boolean isHeader(List<Cell> cells) {
            Set<Target> found = new HashSet<>();
            boolean anchor = false;
            for (Cell c : cells) {
                if (c.kind() != Cell.Kind.TEXT) {
                    continue;
                }
                Optional<Target> t = headings.find(c.text());
                if (t.isPresent()) {
                    found.add(t.get());
                    Target x = t.get();
                    anchor |= x.is(Headings.FILE_CODE) || x.is(Headings.FILE_NUMBER)
                            || x.is(Headings.NUMBER_NOTATION) || x.is(Headings.TYPE_AND_ABSTRACT)
                            || x.equals(new Target(Scope.FILE, FileFields.TITLE))
                            || x.equals(new Target(Scope.ITEM, ItemFields.ABSTRACT));
                }
            }
            return anchor && found.size() >= 2;
        }

        private void titleRow(List<Cell> cells) {
            boolean single = cells.size() == 1;
            for (Cell c : cells) {
                if (c.kind() != Cell.Kind.TEXT) {
                    continue;
                }
                Optional<String[]> label = Parsing.label(c.text());
                if (label.isPresent()) {
                    String l = label.get()[0];
                    String v = label.get()[1];
                    switch (l) {
                        case "ma phong", "phong so", "so phong", "ma so phong" -> {
                            if (titleFondsCode == null) {
                                titleFondsCode = v;
                            }
                        }
                        case "ten phong", "phong" -> titleFondsName = titleFondsName == null ? v : titleFondsName;
                        case "so ky hieu ho so", "ma ho so", "so va ky hieu ho so", "ky hieu ho so" -> {
                            if (titleFileCode == null) {
                                titleFileCode = v;
                            }
                        }
                        case "tieu de ho so", "ten ho so" -> titleFileTitle = titleFileTitle == null ? v
                                : titleFileTitle;
                        case "muc luc so" -> titleInventory = titleInventory == null ? v : titleInventory;
                        default -> {
                        }
                    }
                    expectName = false;
                    continue;
                }
                String f = VietnameseText.fold(c.text());
                if (f.startsWith("muc luc")) {
                    expectName = true;
                } else if (expectName && single && !f.startsWith("nam ") && !f.equals("nam")
                        && !c.text().replaceAll("[.…_\\s]", "").isEmpty()) {
                    if (titleFondsName == null) {
                        titleFondsName = VietnameseText.nfc(c.text().strip());
                    }
                    expectName = false;
                }
            }
        }

        /** A heading spanning columns (merged), with sub-headings in the row below: read them as one heading. */
        private boolean applySubHeader(List<Cell> cells) {
            if (cells.isEmpty() || isNumbering(cells)) {
                return false;
            }
            int max = cells.get(cells.size() - 1).column();
            // group spans: a heading followed by columns without one
            Map<Integer, Integer> groupOf = new HashMap<>();
            List<Integer> heads = new ArrayList<>(headerText.keySet());
            for (int i = 0; i < heads.size(); i++) {
                int c = heads.get(i);
                int end = i + 1 < heads.size() ? heads.get(i + 1) - 1 : Math.max(c, max);
                if (end > c) {
                    for (int j = c; j <= end; j++) {
                        groupOf.put(j, c);
                    }
                }
            }
            for (Cell c : cells) {
                if (c.kind() != Cell.Kind.TEXT || !groupOf.containsKey(c.column())) {
                    return false;
                }
            }
            Map<Integer, String> sub = new HashMap<>();
            for (Cell c : cells) {
                sub.put(c.column(), VietnameseText.nfc(c.text().strip()));
            }
            Set<Integer> groupsUsed = new HashSet<>();
            for (Cell c : cells) {
                groupsUsed.add(groupOf.get(c.column()));
            }
            for (Map.Entry<Integer, Integer> e : groupOf.entrySet()) {
                if (!groupsUsed.contains(e.getValue())) {
                    continue;
                }
                int col = e.getKey();
                String group = headerText.get(e.getValue());
                String s = sub.get(col);
                if (s == null) {
                    if (col == e.getValue()) {
                        continue; // the group's own column without a sub-heading keeps the group heading
                    }
                    headingText.remove(col);
                    continue;
                }
                headingText.put(col, group + " / " + s);
                headings.find(group, s).ifPresent(t -> groupTargets.put(col, t));
                headerRaw.add(s);
            }
            return true;
        }

        /** "(1) (2) (3)...": the column numbers the forms print under the headings. */
        private boolean isNumbering(List<Cell> cells) {
            if (cells.size() < 2) {
                return false;
            }
            int previous = 0;
            for (Cell c : cells) {
                String t = c.text().strip().replace("(", "").replace(")", "");
                if (!t.matches("\\d{1,3}")) {
                    return false;
                }
                int n = Integer.parseInt(t);
                if (n <= previous) {
                    return false;
                }
                previous = n;
            }
            return true;
        }

        /** Decides what each column means and which layout the sheet has. */
        private void resolve() {
            int before = problems.size();
            resolveColumns();
            broken = problems.size() > before;
        }

        private void resolveColumns() {
            Map<Integer, Target> raw = new TreeMap<>();
            for (Map.Entry<Integer, String> e : headingText.entrySet()) {
                Optional<Target> t = Optional.ofNullable(groupTargets.get(e.getKey()))
                        .or(() -> headings.find(e.getValue()));
                if (t.isPresent()) {
                    raw.put(e.getKey(), t.get());
                } else {
                    unmatched.put(e.getKey(), e.getValue());
                }
            }
            long dmy = raw.values().stream().filter(t -> t.is(Headings.DAY) || t.is(Headings.MONTH)
                    || t.is(Headings.YEAR)).count();
            if (dmy < 2) {
                raw.entrySet().removeIf(e -> {
                    Target t = e.getValue();
                    if (t.is(Headings.DAY) || t.is(Headings.MONTH) || t.is(Headings.YEAR)) {
                        unmatched.put(e.getKey(), headingText.get(e.getKey()));
                        return true;
                    }
                    return false;
                });
            }
            boolean itemContext = dmy >= 2 || raw.values().stream().anyMatch(t -> t.scope() == Scope.ITEM
                    || t.is(Headings.NUMBER_NOTATION) || t.is(Headings.TYPE_AND_ABSTRACT));
            boolean hasNumber = raw.values().stream().anyMatch(t -> t.is(Headings.FILE_NUMBER));
            for (Map.Entry<Integer, Target> e : raw.entrySet()) {
                Target t = e.getValue();
                if (t.scope() == Scope.ANY) {
                    t = new Target(itemContext ? Scope.ITEM : Scope.FILE, t.key());
                } else if (t.is(Headings.ORDINAL) && !itemContext && !hasNumber) {
                    t = new Target(Scope.SPECIAL, Headings.FILE_NUMBER);
                }
                columns.put(e.getKey(), t);
            }
            // one column per meaning
            Map<Target, Integer> first = new HashMap<>();
            for (Map.Entry<Integer, Target> e : new ArrayList<>(columns.entrySet())) {
                if (e.getValue().is(Headings.ORDINAL)) {
                    continue;
                }
                Integer other = first.putIfAbsent(e.getValue(), e.getKey());
                if (other != null) {
                    fatal(name, headerRow, e.getKey(), headingText.get(e.getKey()), "columns " + Cell.letters(other)
                            + " (" + headingText.get(other) + ") and " + Cell.letters(e.getKey()) + " both give "
                            + label(e.getValue()) + ": keep one");
                    columns.remove(e.getKey());
                }
            }
            conflict(Headings.DATE_RANGE, new Target(Scope.FILE, FileFields.START_DATE),
                    new Target(Scope.FILE, FileFields.END_DATE));
            conflict(Headings.SHEETS_OR_PAGES, new Target(Scope.FILE, FileFields.SHEET_COUNT));
            conflict(Headings.NUMBER_NOTATION, new Target(Scope.ITEM, ItemFields.NUMBER),
                    new Target(Scope.ITEM, ItemFields.NOTATION));
            conflict(Headings.TYPE_AND_ABSTRACT, new Target(Scope.ITEM, ItemFields.TYPE),
                    new Target(Scope.ITEM, ItemFields.ABSTRACT));
            if (dmy >= 2) {
                Integer date = column(new Target(Scope.ITEM, ItemFields.DATE));
                if (date != null) {
                    fatal(name, headerRow, date, headingText.get(date), "the document date is given both here and "
                            + "in separate Ngày/Tháng/Năm columns: keep one");
                }
            }
            boolean codeColumn = column(new Target(Scope.SPECIAL, Headings.FILE_CODE)) != null
                    || column(new Target(Scope.SPECIAL, Headings.FILE_NUMBER)) != null;
            if (!itemContext) {
                layout = Layout.FILE_INVENTORY;
                if (!codeColumn) {
                    fatal(name, headerRow, -1, "", "no column gives the file code: add a column \"Số, ký hiệu hồ "
                            + "sơ\" (or \"Mã hồ sơ\"), or \"Hồ sơ số\" to number the files within the fonds");
                }
                if (column(new Target(Scope.FILE, FileFields.TITLE)) == null) {
                    fatal(name, headerRow, -1, "", "no column gives the file title (\"Tiêu đề hồ sơ\")");
                }
            } else if (codeColumn) {
                layout = Layout.DOCUMENTS;
            } else {
                layout = Layout.DOCUMENT_LIST;
                if (titleFileCode == null) {
                    fatal(name, headerRow, -1, "", "a list of documents without a file code: write \"Số, ký hiệu "
                            + "hồ sơ: ...\" above the table, or add a column \"Mã hồ sơ\"");
                }
            }
        }

        private void conflict(String combined, Target... parts) {
            Integer c = column(new Target(Scope.SPECIAL, combined));
            if (c == null) {
                return;
            }
            for (Target p : parts) {
                Integer other = column(p);
                if (other != null) {
                    fatal(name, headerRow, other, headingText.get(other), "column " + Cell.letters(c) + " ("
                            + headingText.get(c) + ") already gives " + label(p) + ": keep one");
                }
            }
        }

        private Integer column(Target t) {
            for (Map.Entry<Integer, Target> e : columns.entrySet()) {
                if (e.getValue().equals(t)) {
                    return e.getKey();
                }
            }
            return null;
        }

        private String heading(int column) {
            return headingText.getOrDefault(column, "");
        }

        // --- data rows

        private void data(int n, List<Cell> cells) {
            if (broken) {
                return; // the sheet's columns are not understood: its rows would only repeat the problem
            }
            // a heading row repeated (a table printed over several pages, then typed in)
            long repeated = cells.size() < 2 ? 0 : cells.stream().filter(c -> c.kind() == Cell.Kind.TEXT
                    && headerRaw.contains(c.text().strip())).count();
            if (repeated >= 2 && repeated >= cells.size() - 1) {
                return;
            }
            if (isNumbering(cells)) {
                return;
            }
            if (cells.size() <= 2 && cells.stream().anyMatch(c -> c.kind() == Cell.Kind.TEXT
                    && Parsing.isFooter(c.text()))) {
                return;
            }
            List<Cell> mapped = new ArrayList<>();
            boolean onlyCounters = true;
            for (Cell c : cells) {
                Target t = columns.get(c.column());
                if (t != null) {
                    mapped.add(c);
                    onlyCounters &= t.is(Headings.ORDINAL) || t.is(Headings.FILE_NUMBER);
                } else if (!unmatched.containsKey(c.column())) {
                    int[] s = stray.computeIfAbsent(c.column(), k -> new int[] { n, 0 });
                    s[1]++;
                }
            }
            if (cells.size() == 1 && cells.get(0).kind() == Cell.Kind.TEXT) {
                Cell only = cells.get(0);
                Target t = columns.get(only.column());
                Optional<Parsing.Heading> h = Parsing.heading(only.text());
                boolean codeLike = t != null && t.is(Headings.FILE_CODE) && !only.text().strip().contains(" ");
                if (h.isPresent() && !codeLike) {
                    if (layout == Layout.DOCUMENT_LIST) {
                        warning(name, n, only.column(), heading(only.column()), "a scheme heading in a list of "
                                + "documents is not used: \"" + only.text().strip() + "\"");
                    } else {
                        outline.add(h.get());
                    }
                    return;
                }
            }
            if (mapped.isEmpty()) {
                String text = String.join(" | ", cells.stream().map(Cell::text).toList());
                warning(name, n, cells.get(0).column(), heading(cells.get(0).column()),
                        "text outside the table's columns, not imported: \"" + text + "\"");
                return;
            }
            if (onlyCounters && mapped.size() == cells.size()) {
                return; // a numbered row of an empty form
            }
            RowValues v = values(n, cells);
            if (layout == Layout.FILE_INVENTORY) {
                fileRow(n, v);
            } else {
                documentRow(n, v);
            }
        }

        private RowValues values(int n, List<Cell> cells) {
            RowValues v = new RowValues();
            for (Cell c : cells) {
                Target t = columns.get(c.column());
                if (t == null || t.is(Headings.ORDINAL)) {
                    continue;
                }
                switch (c.kind()) {
                    case ERROR -> {
                        v.pending.add(new Pending(c.column(), "the cell holds the Excel error " + c.text()));
                        continue;
                    }
                    case FORMULA_WITHOUT_VALUE -> {
                        v.pending.add(new Pending(c.column(), "a formula whose result the file does not hold: open "
                                + "the workbook in Excel or LibreOffice and save it again"));
                        continue;
                    }
                    case BAD_DATE -> {
                        v.pending.add(new Pending(c.column(), "not a date: serial " + c.text()));
                        continue;
                    }
                    default -> {
                    }
                }
                String text = VietnameseText.nfc(c.text().strip());
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    special(v, t, c, text);
                } catch (IllegalArgumentException e) {
                    v.pending.add(new Pending(c.column(), e.getMessage()));
                }
            }
            if (!v.dmy.isEmpty()) {
                Integer y = v.dmy.get(Headings.YEAR);
                int col = v.dmyCol.getOrDefault(Headings.YEAR, v.dmyCol.values().iterator().next());
                try {
                    if (y == null) {
                        throw new IllegalArgumentException("a date needs its year (Năm)");
                    }
                    PartialDate d = new PartialDate(y, v.dmy.getOrDefault(Headings.MONTH, 0),
                            v.dmy.getOrDefault(Headings.DAY, 0));
                    v.itemRaw.put(ItemFields.DATE, d.iso());
                    v.itemCol.put(ItemFields.DATE, col);
                } catch (IllegalArgumentException e) {
                    v.pending.add(new Pending(col, "Ngày, tháng, năm văn bản (date): " + e.getMessage()));
                }
            }
            canonical(v, n, v.fileRaw, v.fileCol, v.fileCell, v.fileFields, FileFields.ALL, FileFields.CODE_LISTS);
            canonical(v, n, v.itemRaw, v.itemCol, v.itemCell, v.itemFields, ItemFields.ALL, ItemFields.CODE_LISTS);
            Optional<PartialDate> start = date(v.fileFields.get(FileFields.START_DATE));
            Optional<PartialDate> end = date(v.fileFields.get(FileFields.END_DATE));
            if (start.isPresent() && end.isPresent() && end.get().latest().isBefore(start.get().earliest())) {
                v.pending.add(new Pending(v.fileCol.get(FileFields.END_DATE), "the file ends ("
                        + end.get().display() + ") before it starts (" + start.get().display() + ")"));
            }
            v.anyItem = !v.itemRaw.isEmpty();
            return v;
        }

        private Optional<PartialDate> date(Field<String> f) {
            try {
                return f == null ? Optional.empty() : Optional.of(PartialDate.parse(f.value()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private void special(RowValues v, Target t, Cell c, String text) {
            int col = c.column();
            switch (t.scope()) {
                case FILE -> put(v.fileRaw, v.fileCol, v.fileCell, t.key(), text, col, c);
                case ITEM -> put(v.itemRaw, v.itemCol, v.itemCell, t.key(), text, col, c);
                case ANY -> throw new IllegalStateException("unresolved " + t);
                case SPECIAL -> {
                    switch (t.key()) {
                        case Headings.FILE_CODE -> v.fileCode = text;
                        case Headings.FONDS_CODE -> v.fondsCode = text;
                        case Headings.BOX -> v.box = text;
                        case Headings.FILE_NUMBER -> v.fileNumber = whole(c, text, "a file number");
                        case Headings.SCHEME -> {
                            List<SchemeStep> path = new ArrayList<>();
                            for (String part : text.split(">")) {
                                String p = part.strip();
                                if (!p.isEmpty()) {
                                    Parsing.Heading h = Parsing.heading(p).orElse(new Parsing.Heading(p, p));
                                    path.add(new SchemeStep(h.code(), h.title()));
                                }
                            }
                            v.scheme = path;
                        }
                        case Headings.DATE_RANGE -> {
                            if (c.kind() == Cell.Kind.DATE) {
                                put(v.fileRaw, v.fileCol, v.fileCell, FileFields.START_DATE, text, col, c);
                                put(v.fileRaw, v.fileCol, v.fileCell, FileFields.END_DATE, text, col, c);
                            } else {
                                Parsing.Range r = Parsing.dateRange(text);
                                put(v.fileRaw, v.fileCol, v.fileCell, FileFields.START_DATE, r.start(), col, c);
                                put(v.fileRaw, v.fileCol, v.fileCell, FileFields.END_DATE, r.end(), col, c);
                            }
                        }
                        case Headings.SHEETS_OR_PAGES -> {
                            String[] sp = c.kind() == Cell.Kind.NUMBER ? new String[] { text, "" }
                                    : Parsing.sheetsOrPages(text);
                            put(v.fileRaw, v.fileCol, v.fileCell, FileFields.SHEET_COUNT, sp[0], col, c);
                            put(v.fileRaw, v.fileCol, v.fileCell, FileFields.PAGE_COUNT, sp[1], col, c);
                        }
                        case Headings.NUMBER_NOTATION -> {
                            String[] nn = Parsing.numberNotation(text);
                            put(v.itemRaw, v.itemCol, v.itemCell, ItemFields.NUMBER, nn[0], col, c);
                            put(v.itemRaw, v.itemCol, v.itemCell, ItemFields.NOTATION, nn[1], col, c);
                        }
                        case Headings.TYPE_AND_ABSTRACT -> {
                            String[] ta = Parsing.typeAndAbstract(text);
                            put(v.itemRaw, v.itemCol, v.itemCell, ItemFields.TYPE, ta[0], col, c);
                            put(v.itemRaw, v.itemCol, v.itemCell, ItemFields.ABSTRACT, ta[1], col, c);
                        }
                        case Headings.DAY, Headings.MONTH, Headings.YEAR -> {
                            String what = t.key().equals(Headings.DAY) ? "a day" : t.key().equals(Headings.MONTH)
                                    ? "a month" : "a year";
                            v.dmy.put(t.key(), whole(c, text, what));
                            v.dmyCol.put(t.key(), col);
                        }
                        default -> throw new IllegalStateException("unknown column " + t);
                    }
                }
            }
        }

        private static void put(Map<String, String> raw, Map<String, Integer> cols, Map<String, Cell> cells,
                String key, String value, int col, Cell c) {
            if (!value.isEmpty()) {
                raw.put(key, value);
                cols.put(key, col);
                cells.put(key, c);
            }
        }

        private static int whole(Cell c, String text, String what) {
            try {
                BigDecimal d = new BigDecimal(text.strip());
                if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
                    throw new NumberFormatException();
                }
                return d.intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not " + what + " (a whole number)");
            }
        }

        private void canonical(RowValues v, int n, Map<String, String> raw, Map<String, Integer> cols,
                Map<String, Cell> cells, Map<String, Field<String>> out, List<FieldDefinition> defs,
                Map<String, String> codeLists) {
            String failedRaw = null;
            for (Map.Entry<String, String> e : raw.entrySet()) {
                String key = e.getKey();
                Cell c = cells.get(key);
                if (key.equals(FileFields.END_DATE) && e.getValue().equals(failedRaw)
                        && cols.get(key).equals(cols.get(FileFields.START_DATE))) {
                    continue; // one date for start and end ("2001" in Thời gian tài liệu): said once
                }
                FieldDefinition def = defs.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
                if (def.type() == FieldDefinition.ValueType.INTEGER && c.kind() == Cell.Kind.NUMBER
                        && e.getValue().contains(".")) {
                    v.pending.add(new Pending(cols.get(key), def.labelVi() + " (" + key + "): \"" + e.getValue()
                            + "\": not a whole number"));
                    continue;
                }
                try {
                    String value = Values.canonical(defs, codeLists, key, e.getValue());
                    if (!value.isEmpty()) {
                        out.put(key, new Field<>(value, provenance(name, n)));
                    }
                } catch (IllegalArgumentException ex) {
                    v.pending.add(new Pending(cols.get(key), ex.getMessage()));
                    if (key.equals(FileFields.START_DATE)) {
                        failedRaw = e.getValue();
                    }
                }
            }
        }

        private void attach(FileDraft owner, int n, RowValues v) {
            for (Pending p : v.pending) {
                problem(owner, name, n, p.column(), heading(p.column()), p.message());
            }
        }

        private FileDraft newDraft(int n, RowValues v) {
            FileDraft d = new FileDraft(name, n);
            d.code = v.fileCode;
            d.number = v.fileNumber;
            d.numberRow = n;
            d.path = v.scheme != null ? v.scheme
                    : outline.path().stream().map(h -> new SchemeStep(h.code(), h.title())).toList();
            if (v.fondsCode != null) {
                d.fondsCode = v.fondsCode;
                d.fondsRow = n;
            }
            d.box = v.box;
            for (Map.Entry<String, Field<String>> e : v.fileFields.entrySet()) {
                d.fields.put(e.getKey(), e.getValue());
                d.fieldRows.put(e.getKey(), n);
            }
            d.hasFileData = !v.fileFields.isEmpty() || v.box != null;
            if (titleInventory != null && !d.fields.containsKey(FileFields.INVENTORY_NUMBER)) {
                d.fields.put(FileFields.INVENTORY_NUMBER, new Field<>(VietnameseText.nfc(titleInventory),
                        provenance(name, n)));
            }
            drafts.add(d);
            return d;
        }

        private String key(RowValues v) {
            return v.fileCode != null ? v.fileCode : v.fileNumber != null ? "#" + v.fileNumber : null;
        }

        private void fileRow(int n, RowValues v) {
            FileDraft d = newDraft(n, v);
            attach(d, n, v);
            String key = key(v);
            if (key == null) {
                problem(d, name, n, codeColumn(), heading(codeColumn()), "the file has no code");
                return;
            }
            FileDraft other = byKey.putIfAbsent(key, d);
            if (other != null) {
                problem(d, name, n, codeColumn(), heading(codeColumn()), "file " + show(key) + " is also at row "
                        + other.firstRow + ": a file code may appear once");
                other.invalid = true;
            }
        }

        private int codeColumn() {
            Integer c = column(new Target(Scope.SPECIAL, Headings.FILE_CODE));
            if (c == null) {
                c = column(new Target(Scope.SPECIAL, Headings.FILE_NUMBER));
            }
            return c == null ? -1 : c;
        }

        private void documentRow(int n, RowValues v) {
            String key = key(v);
            if (key == null && layout == Layout.DOCUMENT_LIST) {
                key = titleFileCode;
            }
            FileDraft d;
            if (key == null || current != null && key.equals(keyOf(current))) {
                d = current;
                if (d == null) {
                    FileDraft orphan = new FileDraft(name, n);
                    drafts.add(orphan);
                    attach(orphan, n, v);
                    problem(orphan, name, n, codeColumn(), heading(codeColumn()), "the row has no file code and "
                            + "no file above it");
                    return;
                }
            } else if (byKey.containsKey(key)) {
                d = byKey.get(key);
                problem(d, name, n, codeColumn(), heading(codeColumn()), "the rows of file " + show(key)
                        + " must be together: it also has " + d.rows() + ", with other files between");
                attach(d, n, v);
                current = d;
                return;
            } else {
                if (key.equals(titleFileCode) && v.fileCode == null) {
                    v.fileCode = titleFileCode;
                }
                d = newDraft(n, v);
                if (layout == Layout.DOCUMENT_LIST && titleFileTitle != null
                        && !d.fields.containsKey(FileFields.TITLE)) {
                    d.fields.put(FileFields.TITLE, new Field<>(VietnameseText.nfc(titleFileTitle),
                            provenance(name, n)));
                    d.hasFileData = true;
                }
                byKey.put(key, d);
                current = d;
                v.fileFields.clear(); // taken
                v.box = null;
                v.fondsCode = null;
            }
            d.lastRow = n;
            attach(d, n, v);
            // file values on later rows must agree with the first
            for (Map.Entry<String, Field<String>> e : v.fileFields.entrySet()) {
                Field<String> before = d.fields.get(e.getKey());
                if (before == null) {
                    d.fields.put(e.getKey(), e.getValue());
                    d.fieldRows.put(e.getKey(), n);
                    d.hasFileData = true;
                } else if (!before.value().equals(e.getValue().value())) {
                    int col = v.fileCol.get(e.getKey());
                    problem(d, name, n, col, heading(col), "file " + d.name() + ": \"" + e.getValue().value()
                            + "\" differs from \"" + before.value() + "\" on row " + d.fieldRows.get(e.getKey()));
                }
            }
            if (v.box != null) {
                if (d.box == null) {
                    d.box = v.box;
                } else if (!d.box.equals(v.box)) {
                    int col = column(new Target(Scope.SPECIAL, Headings.BOX));
                    problem(d, name, n, col, heading(col), "file " + d.name() + " is in box " + d.box
                            + " on an earlier row, here in box " + v.box);
                }
            }
            if (v.fondsCode != null && d.fondsCode == null) {
                d.fondsCode = v.fondsCode;
                d.fondsRow = n;
            }
            if (v.anyItem) {
                if (!v.itemFields.containsKey(ItemFields.ABSTRACT) && v.pending.isEmpty()) {
                    Integer col = column(new Target(Scope.ITEM, ItemFields.ABSTRACT));
                    if (col == null) {
                        col = column(new Target(Scope.SPECIAL, Headings.TYPE_AND_ABSTRACT));
                    }
                    int c = col == null ? -1 : col;
                    problem(d, name, n, c, heading(c), "the document has no abstract (Trích yếu nội dung)");
                }
                d.items.add(new ItemDraft(name, n, new LinkedHashMap<>(v.itemFields)));
                items++;
            }
        }

        private String keyOf(FileDraft d) {
            return d.code != null ? d.code : d.number != null ? "#" + d.number : null;
        }

        void end(List<String> merged) {
            if (state == State.SUBHEADER) {
                resolve();
            }
            for (Map.Entry<Integer, int[]> e : stray.entrySet()) {
                int col = e.getKey();
                String mergedWith = merged.stream().filter(r -> covers(r, headerRow, col)).findFirst().orElse(null);
                String message = mergedWith != null
                        ? "values in " + e.getValue()[1] + " rows, but the heading cells " + mergedWith
                                + " are merged: give this column its own heading, or its values are not imported"
                        : "values in " + e.getValue()[1] + " rows (from row " + e.getValue()[0]
                                + ") under no heading: they are not imported";
                if (mergedWith != null && columns.containsKey(firstColumn(mergedWith))) {
                    fatal(name, headerRow, col, "", message);
                } else {
                    warning(name, e.getValue()[0], col, "", message);
                }
            }
        }

        private boolean covers(String range, int row, int col) {
            String[] ends = range.split(":");
            if (ends.length != 2) {
                return false;
            }
            int c1 = Cell.column(ends[0]);
            int c2 = Cell.column(ends[1]);
            int r1 = Integer.parseInt(ends[0].replaceAll("[A-Za-z$]", ""));
            int r2 = Integer.parseInt(ends[1].replaceAll("[A-Za-z$]", ""));
            return row >= r1 && row <= r2 && col >= c1 && col <= c2;
        }

        private int firstColumn(String range) {
            return Cell.column(range.split(":")[0]);
        }

        SheetReport report() {
            Map<String, String> cols = new LinkedHashMap<>();
            columns.forEach((c, t) -> cols.put(Cell.letters(c), t.toString()));
            Map<String, String> un = new LinkedHashMap<>();
            unmatched.forEach((c, h) -> un.put(Cell.letters(c), h));
            int files = (int) drafts.stream().filter(d -> d.code != null || d.number != null).count();
            return new SheetReport(name, Optional.ofNullable(layout), headerRow, cols, un, files, items);
        }
    }

    private static String show(String key) {
        return key.startsWith("#") ? "number " + key.substring(1) : key;
    }

    private static String label(Target t) {
        List<FieldDefinition> defs = t.scope() == Scope.ITEM ? ItemFields.ALL : FileFields.ALL;
        return defs.stream().filter(d -> d.key().equals(t.key())).findFirst()
                .map(d -> d.labelVi() + " (" + d.key() + ")").orElse(t.key());
    }

    // --- the workbook

    private Reading assemble(Optional<String> fondsOption, Optional<String> fondsNameOption) {
        List<SheetParser> tables = sheets.stream().filter(s -> s.layout != null).toList();
        if (tables.isEmpty()) {
            StringBuilder sb = new StringBuilder("no sheet has a table of files or documents: no row among the first "
                    + HEADER_SEARCH_ROWS + " of a sheet has column headings such as \"Số, ký hiệu hồ sơ\", \"Tiêu đề "
                    + "hồ sơ\", \"Trích yếu nội dung\"");
            for (SheetParser s : sheets) {
                sb.append("; sheet '").append(s.name).append("' begins ")
                        .append(s.firstRowText.isEmpty() ? "empty" : "\"" + s.firstRowText + "\"");
            }
            fatal("", 0, -1, "", sb.toString());
        }
        for (SheetParser s : sheets) {
            if (s.layout == null && !tables.isEmpty() && !s.firstRowText.isEmpty()) {
                warning(s.name, 0, -1, "", "no table of files or documents in this sheet: skipped");
            }
        }

        // the fonds
        Optional<String> fonds = fondsOption.map(String::strip).filter(f -> !f.isEmpty());
        String fondsName = fondsNameOption.orElse(null);
        for (SheetParser s : tables) {
            if (s.titleFondsCode != null) {
                if (fonds.isEmpty()) {
                    fonds = Optional.of(s.titleFondsCode);
                } else if (!fonds.get().equals(s.titleFondsCode)) {
                    if (fondsOption.isPresent()) {
                        warning(s.name, 0, -1, "", "the sheet names fonds " + s.titleFondsCode + "; imported into "
                                + fonds.get() + " as asked");
                    } else {
                        fatal(s.name, 0, -1, "", "the sheet names fonds " + s.titleFondsCode + ", another sheet "
                                + fonds.get() + ": import one fonds at a time");
                    }
                }
            }
            if (fondsName == null && s.titleFondsName != null) {
                fondsName = s.titleFondsName;
            }
        }
        for (SheetParser s : tables) {
            for (FileDraft d : s.drafts) {
                if (d.fondsCode == null) {
                    continue;
                }
                if (fonds.isEmpty()) {
                    fonds = Optional.of(d.fondsCode);
                } else if (!fonds.get().equals(d.fondsCode)) {
                    int col = s.column(new Target(Scope.SPECIAL, Headings.FONDS_CODE));
                    problem(d, s.name, d.fondsRow, col, s.heading(col), "the row belongs to fonds " + d.fondsCode
                            + ", the import is for fonds " + fonds.get() + ": import one fonds at a time");
                }
            }
        }
        if (fonds.isEmpty() && !tables.isEmpty()) {
            fatal("", 0, -1, "", "the fonds is not known: pass --fonds CODE, write \"Mã phông: CODE\" above the "
                    + "table, or add a column \"Mã phông\"");
        }

        // file codes made from the numbers
        for (SheetParser s : tables) {
            for (FileDraft d : s.drafts) {
                if (d.code == null && d.number != null && fonds.isPresent()) {
                    String inventory = Optional.ofNullable(d.fields.get(FileFields.INVENTORY_NUMBER))
                            .map(f -> f.value() + ".").orElse("");
                    d.code = fonds.get() + "." + inventory + d.number;
                    if (!s.derivedCodes) {
                        s.derivedCodes = true;
                        warning(s.name, d.firstRow, -1, "", "the sheet has no file codes: they are made from the "
                                + "fonds code" + (inventory.isEmpty() ? "" : ", the inventory number")
                                + " and the file number, e.g. " + d.code);
                    }
                }
            }
        }

        // files from the inventory sheets; documents from the others
        List<FileDraft> files = new ArrayList<>();
        List<FileDraft> orphans = new ArrayList<>();
        Map<String, FileDraft> byCode = new LinkedHashMap<>();
        List<SheetParser> inventories = tables.stream().filter(s -> s.layout == Layout.FILE_INVENTORY).toList();
        List<SheetParser> documents = tables.stream().filter(s -> s.layout != Layout.FILE_INVENTORY).toList();
        for (SheetParser s : inventories.isEmpty() ? documents : inventories) {
            for (FileDraft d : s.drafts) {
                if (d.code == null) {
                    orphans.add(d);
                    continue;
                }
                FileDraft other = byCode.putIfAbsent(d.code, d);
                if (other != null && other.sheet.equals(d.sheet)) {
                    orphans.add(d); // a second file with the code, reported by the sheet
                    continue;
                }
                if (other != null) {
                    problem(d, d.sheet, d.firstRow, -1, "", "file " + d.code + " is also in sheet '" + other.sheet
                            + "', " + other.rows());
                    other.invalid = true;
                    continue;
                }
                files.add(d);
            }
        }
        if (!inventories.isEmpty()) {
            for (SheetParser s : documents) {
                boolean warned = false;
                for (FileDraft d : s.drafts) {
                    FileDraft target = d.code == null ? null : byCode.get(d.code);
                    if (target == null) {
                        if (d.code != null) {
                            int col = s.codeColumn();
                            problem(d, s.name, d.firstRow, col, s.heading(col), "file " + d.code + " is not in the "
                                    + "file inventory (sheet '" + inventories.get(0).name + "'): its documents ("
                                    + d.rows() + ") cannot be imported");
                        }
                        orphans.add(d);
                        continue;
                    }
                    target.items.addAll(d.items);
                    target.invalid |= d.invalid;
                    if (d.hasFileData && !warned) {
                        warned = true;
                        warning(s.name, d.firstRow, -1, "", "the file columns of this sheet are not used: the files "
                                + "are described in sheet '" + target.sheet + "'");
                    }
                }
            }
        }
        for (FileDraft d : files) {
            if (!d.fields.containsKey(FileFields.TITLE) && !d.invalid) {
                SheetParser s = sheets.stream().filter(p -> p.name.equals(d.sheet)).findFirst().orElseThrow();
                Integer col = s.column(new Target(Scope.FILE, FileFields.TITLE));
                int c = col == null ? -1 : col;
                problem(d, d.sheet, d.firstRow, c, s.heading(c), "file " + d.code + " has no title (Tiêu đề hồ sơ)");
            }
        }
        List<SheetReport> reports = sheets.stream().map(SheetParser::report).toList();
        return new Reading(reports, problems(), warnings(), files, orphans, fonds,
                Optional.ofNullable(fondsName), fatal);
    }

    /** Adds a problem found outside the workbook (the catalogue already has the file). */
    void problem(FileDraft owner, String message) {
        problems.add(new Problem(owner.sheet, owner.firstRow, "", "", message));
        owner.invalid = true;
    }

    /** Every problem, in the order of the workbook: by sheet, then row. */
    List<Problem> problems() {
        return inWorkbookOrder(problems);
    }

    List<Problem> warnings() {
        return inWorkbookOrder(warnings);
    }

    private List<Problem> inWorkbookOrder(List<Problem> list) {
        List<String> order = sheets.stream().map(s -> s.name).toList();
        return list.stream().sorted(java.util.Comparator.comparingInt((Problem p) -> order.indexOf(p.sheet()))
                .thenComparingInt(Problem::row)).toList();
    }

    void warning(Problem p) {
        warnings.add(p);
    }
}
