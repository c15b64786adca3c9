package org.hoso.xlsx.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx row by row without building the workbook in memory: POI's package and shared-strings readers, and
 * a SAX handler of our own over each sheet's XML, so that dates (both date systems, and the programs that count
 * them differently), numbers, booleans, errors and formulas' stored results come out exactly and nothing is
 * formatted through a locale. Memory: the shared strings, the styles and one row.
 */
final class XlsxReader implements Closeable {

    /** A workbook that cannot be read as an .xlsx: the message says why and what to do. */
    static final class UnreadableWorkbookException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableWorkbookException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Receives a sheet's rows. */
    interface SheetVisitor {
        /** Called before the rows of each sheet. */
        void startSheet(String name);

        /** A row with at least one non-blank cell, cells in column order; {@code number} counts from 1. */
        void row(int number, List<Cell> cells);

        /** After the last row; {@code merged} holds the sheet's merged ranges ("C5:D5"). */
        void endSheet(List<String> merged);
    }

    private final Path file;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final boolean date1904;
    private final String application;

    private XlsxReader(Path file, OPCPackage pkg, XSSFReader reader, boolean date1904, String application) {
        this.file = file;
        this.pkg = pkg;
        this.reader = reader;
        this.date1904 = date1904;
        this.application = application;
    }

    /**
     * Opens a workbook.
     *
     * @throws NoSuchFileException         when there is no such file
     * @throws UnreadableWorkbookException when it is not an .xlsx (empty, .xls, password-protected, damaged)
     */
    static XlsxReader open(Path file) throws IOException, UnreadableWorkbookException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw new UnreadableWorkbookException("the file is empty", null);
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OLE2) {
            throw new UnreadableWorkbookException(ole2Problem(file), null);
        }
        if (magic != FileMagic.OOXML) {
            throw new UnreadableWorkbookException("not an Excel workbook (.xlsx): the file starts like "
                    + (magic == FileMagic.UNKNOWN ? "no known format" : magic.name()), null);
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new UnreadableWorkbookException("damaged: not a complete .xlsx (zip) file (" + rootMessage(e)
                    + "); open it in Excel or LibreOffice and save it again", e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = readDate1904(reader);
            return new XlsxReader(file, pkg, reader, date1904, readApplication(pkg));
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | RuntimeException e) {
            pkg.revert();
            throw new UnreadableWorkbookException("not a spreadsheet: the package has no readable workbook ("
                    + rootMessage(e) + ")", e);
        }
    }

    private static String ole2Problem(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage") || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                return "password-protected: the workbook is encrypted; open it in Excel, remove the password "
                        + "(File > Info > Protect Workbook > Encrypt with Password) and save it again";
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return "an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx";
            }
            return "an OLE2 document (Word or another Office 97-2003 file?), not an .xlsx workbook";
        } catch (IOException | RuntimeException e) {
            return "damaged: an OLE2 container that cannot be read (" + rootMessage(e) + ")";
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static boolean readDate1904(XSSFReader reader) throws IOException, InvalidFormatException,
            SAXException, ParserConfigurationException {
        boolean[] result = new boolean[1];
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if ("workbookPr".equals(localName)) {
                        String v = atts.getValue("date1904");
                        result[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return result[0];
    }

    /** The program that wrote the workbook (docProps/app.xml), or empty. */
    private static String readApplication(OPCPackage pkg) {
        try {
            List<PackagePart> parts = pkg.getPartsByName(Pattern.compile("/docProps/app.xml"));
            if (parts.isEmpty()) {
                return "";
            }
            StringBuilder app = new StringBuilder();
            try (InputStream in = parts.get(0).getInputStream()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new DefaultHandler() {
                    private boolean inApp;

                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes atts) {
                        inApp = "Application".equals(localName);
                    }

                    @Override
                    public void endElement(String uri, String localName, String qName) {
                        inApp = false;
                    }

                    @Override
                    public void characters(char[] ch, int start, int length) {
                        if (inApp) {
                            app.append(ch, start, length);
                        }
                    }
                });
                xml.parse(new InputSource(in));
            }
            return app.toString().strip();
        } catch (IOException | SAXException | ParserConfigurationException
                | RuntimeException e) {
            return "";
        }
    }

    boolean date1904() {
        return date1904;
    }

    /** The program that wrote the workbook, as it says in docProps/app.xml ("Microsoft Excel", "LibreOffice/7.4..."). */
    String application() {
        return application;
    }

    /** Whether date serials below 61 count Excel's 29 February 1900: everyone but LibreOffice/OpenOffice. */
    boolean excelLeapYear() {
        String a = application.toLowerCase(java.util.Locale.ROOT);
        return !(a.contains("libreoffice") || a.contains("openoffice"));
    }

    /**
     * Reads every sheet in workbook order.
     *
     * @throws UnreadableWorkbookException naming the sheet when its XML is damaged
     */
    void read(SheetVisitor visitor) throws IOException, UnreadableWorkbookException {
        ReadOnlySharedStringsTable strings;
        StylesTable styles;
        XSSFReader.SheetIterator sheets;
        try {
            strings = new ReadOnlySharedStringsTable(pkg, false);
            styles = reader.getStylesTable();
            sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        } catch (SAXException | OpenXML4JException | RuntimeException e) {
            throw new UnreadableWorkbookException("damaged: its shared strings or styles cannot be read ("
                    + rootMessage(e) + ")", e);
        }
        Map<Integer, NumberStyle> numberStyles = new HashMap<>();
        Iterator<InputStream> it = sheets;
        while (it.hasNext()) {
            String name;
            try (InputStream in = it.next()) {
                name = sheets.getSheetName();
                visitor.startSheet(name);
                SheetHandler handler = new SheetHandler(strings, styles, numberStyles, visitor);
                try {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(handler);
                    xml.parse(new InputSource(in));
                } catch (SAXException | ParserConfigurationException | RuntimeException e) {
                    throw new UnreadableWorkbookException("sheet '" + name + "' is damaged near row "
                            + handler.rowNumber + " (" + rootMessage(e) + ")", e);
                }
                visitor.endSheet(handler.merged);
            }
        }
    }

    @Override
    public void close() {
        pkg.revert(); // opened read-only: nothing to save
    }

    Path file() {
        return file;
    }

    private enum NumberStyle {
        NUMBER, DATE, BOOLEAN
    }

    /** One sheet's XML: rows, cells, merged ranges. */
    private final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final Map<Integer, NumberStyle> numberStyles;
        private final SheetVisitor visitor;
        final List<String> merged = new ArrayList<>();

        int rowNumber;
        private final List<Cell> cells = new ArrayList<>();
        private int column;
        private String type;
        private int style;
        private boolean formula;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private final StringBuilder value = new StringBuilder();

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, Map<Integer, NumberStyle> numberStyles,
                SheetVisitor visitor) {
            this.strings = strings;
            this.styles = styles;
            this.numberStyles = numberStyles;
            this.visitor = visitor;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells.clear();
                    column = -1;
                }
                case "c" -> {
                    int c = Cell.column(atts.getValue("r"));
                    column = c >= 0 ? c : column + 1;
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    formula = false;
                    hasValue = false;
                    value.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "f" -> formula = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> {
                    if (!inPhonetic) {
                        inInlineText = true;
                        hasValue = true;
                    }
                }
                case "mergeCell" -> {
                    String ref = atts.getValue("ref");
                    if (ref != null) {
                        merged.add(ref);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    Cell cell = cell();
                    if (cell != null && !cell.isBlank()) {
                        cells.add(cell);
                    }
                }
                case "row" -> {
                    if (!cells.isEmpty()) {
                        cells.sort(java.util.Comparator.comparingInt(Cell::column));
                        visitor.row(rowNumber, List.copyOf(cells));
                    }
                }
                default -> {
                }
            }
        }

        private Cell cell() {
            String v = value.toString();
            if (!hasValue) {
                return formula ? new Cell(Cell.Kind.FORMULA_WITHOUT_VALUE, "", column) : null;
            }
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    int index = Integer.parseInt(v.strip());
                    return new Cell(Cell.Kind.TEXT, strings.getItemAt(index).getString(), column);
                }
                case "inlineStr", "str" -> {
                    return new Cell(Cell.Kind.TEXT, v, column);
                }
                case "b" -> {
                    return new Cell(Cell.Kind.BOOLEAN, "1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip())
                            ? "TRUE" : "FALSE", column);
                }
                case "e" -> {
                    return new Cell(Cell.Kind.ERROR, v.strip(), column);
                }
                case "d" -> {
                    try {
                        String iso = v.strip();
                        return new Cell(Cell.Kind.DATE, LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10)
                                : iso).toString(), column);
                    } catch (DateTimeParseException e) {
                        return new Cell(Cell.Kind.BAD_DATE, v.strip(), column);
                    }
                }
                default -> {
                    String n = v.strip();
                    BigDecimal number;
                    try {
                        number = new BigDecimal(n);
                    } catch (NumberFormatException e) {
                        return new Cell(Cell.Kind.TEXT, v, column);
                    }
                    NumberStyle ns = numberStyle(style);
                    if (ns == NumberStyle.BOOLEAN) {
                        return new Cell(Cell.Kind.BOOLEAN, number.signum() != 0 ? "TRUE" : "FALSE", column);
                    }
                    if (ns == NumberStyle.DATE) {
                        try {
                            return new Cell(Cell.Kind.DATE, ExcelDates.toDate(number.doubleValue(), date1904,
                                    excelLeapYear()).toString(), column);
                        } catch (IllegalArgumentException e) {
                            return new Cell(Cell.Kind.BAD_DATE, n + ": " + e.getMessage(), column);
                        }
                    }
                    String plain = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
                    return new Cell(Cell.Kind.NUMBER, plain, column);
                }
            }
        }

        /** What a number in this style means: a date, a boolean (LibreOffice's "TRUE";"TRUE";"FALSE"), a number. */
        private NumberStyle numberStyle(int index) {
            if (styles == null) {
                return NumberStyle.NUMBER;
            }
            return numberStyles.computeIfAbsent(index, i -> {
                if (i >= styles.getNumCellStyles()) {
                    return NumberStyle.NUMBER;
                }
                XSSFCellStyle s = styles.getStyleAt(i);
                if (s == null) {
                    return NumberStyle.NUMBER;
                }
                String format = s.getDataFormatString();
                if (format != null && format.replace(" ", "").equalsIgnoreCase("\"TRUE\";\"TRUE\";\"FALSE\"")) {
                    return NumberStyle.BOOLEAN;
                }
                return DateUtil.isADateFormat(s.getDataFormat(), format) ? NumberStyle.DATE : NumberStyle.NUMBER;
            });
        }
    }
}
