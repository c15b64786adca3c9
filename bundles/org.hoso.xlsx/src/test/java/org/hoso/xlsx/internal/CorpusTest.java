package org.hoso.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.hoso.core.api.InventoryService.ImportOptions;
import org.hoso.core.api.InventoryService.ImportReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Excel edge cases of the ArchivesSpace fixtures ({@code ../shared/corpora/archivesspace-fixtures}, expected
 * values in its {@code EXPECTED_xlsx_streaming_reader.md}): files written by Excel, Mac Excel and LibreOffice,
 * formulas, booleans, CJK text, pre-1900 dates, the 1904 date system, 10,001 rows. Skipped, saying so, when the
 * corpora are not beside the checkout.
 */
class CorpusTest {

    private static Path fixtures;
    private static Path corpus;

    @TempDir
    Path tmp;

    private static String absent;

    @BeforeAll
    static void locateTheCorpus() {
        String configured = System.getProperty("hoso.corpora");
        Path corpora = Paths.get(configured != null ? configured : "../../../shared/corpora").toAbsolutePath()
                .normalize();
        corpus = corpora.resolve("archivesspace-fixtures");
        fixtures = corpus.resolve("backend/app/lib/xlsx_streaming_reader/tests/fixtures");
        if (!Files.isDirectory(fixtures)) {
            absent = "SKIPPED: the external test corpora are absent (" + corpora + " has no archivesspace-fixtures): "
                    + "the Excel edge-case tests did not run. Put shared/corpora beside the checkout (CI has it "
                    + "there) or pass -Dhoso.corpora=DIR to run them.";
            System.err.println("CorpusTest " + absent);
        }
    }

    @BeforeEach
    void requireTheCorpus() {
        Assumptions.assumeTrue(absent == null, absent);
    }

    /** Every non-blank row of the first sheet: row number → column → text. */
    private static Map<Integer, Map<Integer, String>> rows(Path file) throws Exception {
        Map<Integer, Map<Integer, String>> rows = new TreeMap<>();
        try (XlsxReader reader = XlsxReader.open(file)) {
            reader.read(new XlsxReader.SheetVisitor() {
                private boolean first = true;
                private boolean mine;

                @Override
                public void startSheet(String name) {
                    mine = first;
                    first = false;
                }

                @Override
                public void row(int number, List<Cell> cells) {
                    if (mine) {
                        Map<Integer, String> row = new TreeMap<>();
                        cells.forEach(c -> row.put(c.column(), c.text()));
                        rows.put(number, row);
                    }
                }

                @Override
                public void endSheet(List<String> merged) {
                }
            });
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = { "excel_exotic_sheet.xlsx", "mac_excel_exotic_sheet.xlsx", "ooffice_exotic_sheet.xlsx" })
    void exoticSheetsReadAsExpected(String name) throws Exception {
        Map<Integer, Map<Integer, String>> rows = rows(fixtures.resolve(name));
        assertEquals(List.of("stringcol", "numcol", "formulacol", "nullcol", "booleancol", "datecol"),
                new ArrayList<>(rows.get(1).values()));
        assertEquals(Map.of(0, "hello", 1, "123", 2, "6", 4, "TRUE", 5, "2019-03-10"), rows.get(2),
                "a formula's stored result; the boolean; the date");
        assertEquals(Map.of(0, "world", 1, "123.45", 2, "6", 4, "FALSE", 5, "2000-01-01"), rows.get(3));
        assertFalse(rows.containsKey(4), "row 4 is all null");
        assertEquals(Map.of(0, "异国情调", 1, "-100", 2, "100", 4, "FALSE", 5, "2050-06-30"), rows.get(5));
        if (!name.equals("excel_exotic_sheet.xlsx")) {
            // these two fixtures stop at row 5 (upstream added the date rows 6 to 8 to excel_exotic_sheet only)
            assertEquals(List.of(1, 2, 3, 5), new ArrayList<>(rows.keySet()));
            return;
        }
        assertEquals(Map.of(0, "date1", 5, "1843-08-31"), rows.get(6), "a date before 1900");
        assertEquals(Map.of(0, "date2", 5, "1900-01-01"), rows.get(7));
        assertEquals(Map.of(0, "date3", 5, "1899-12-31"), rows.get(8));
    }

    @Test
    void the1904DateSystemIsRead() throws Exception {
        Path file = fixtures.resolve("transfer_template_1904_dates.xlsx");
        try (XlsxReader reader = XlsxReader.open(file)) {
            assertTrue(reader.date1904());
        }
        Map<Integer, Map<Integer, String>> rows = rows(file);
        List<String> expected = List.of("2019-05-15", "2019-05-31", "2019-04-16", "2019-04-24", "1845-03-16",
                "1904-01-01", "1903-12-31");
        for (int r = 2; r <= 8; r++) {
            assertEquals(expected.get(r - 2), rows.get(r).get(9), "row " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "excel_big_sheet.xlsx", "ooffice_big_sheet.xlsx" })
    void bigSheetsHoldTheCsvsRowsExactly(String name) throws Exception {
        List<List<String>> csv = csv(fixtures.resolve("big_sheet.csv"));
        assertEquals(10_001, csv.size());
        Map<Integer, Map<Integer, String>> rows = rows(fixtures.resolve(name));
        assertEquals(10_001, rows.size());
        int r = 1;
        for (List<String> line : csv) {
            Map<Integer, String> row = rows.get(r);
            for (int c = 0; c < line.size(); c++) {
                assertEquals(line.get(c), row.getOrDefault(c, ""), name + " row " + r + " column " + c);
            }
            r++;
        }
    }

    /** RFC 4180: quoted fields with doubled quotes; no line breaks inside fields in this file. */
    private static List<List<String>> csv(Path file) throws Exception {
        List<List<String>> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                List<String> fields = new ArrayList<>();
                StringBuilder f = new StringBuilder();
                boolean quoted = false;
                for (int i = 0; i < line.length(); i++) {
                    char ch = line.charAt(i);
                    if (quoted) {
                        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            f.append('"');
                            i++;
                        } else if (ch == '"') {
                            quoted = false;
                        } else {
                            f.append(ch);
                        }
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == ',') {
                        fields.add(f.toString());
                        f.setLength(0);
                    } else {
                        f.append(ch);
                    }
                }
                fields.add(f.toString());
                lines.add(fields);
            }
        }
        return lines;
    }

    @Test
    void theTransferTemplateIsRecognisedAndRefusedForWantOfFileCodes() throws Exception {
        try (Workspace ws = new Workspace(tmp.resolve("ws"))) {
            ImportReport r = ws.inventory.importXlsx(fixtures.resolve("transfer_template_1904_dates.xlsx"),
                    ImportOptions.DEFAULT.withFonds("QSA"), "lan");
            assertFalse(r.imported());
            assertEquals("startDate", r.sheets().get(0).columns().get("J"), "English headings are recognised too");
            assertEquals("title", r.sheets().get(0).columns().get("B"));
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertEquals("sheet 'qsa_tfr_1', row 1: no column gives the file code: add a column \"Số, ký hiệu hồ sơ\" "
                    + "(or \"Mã hồ sơ\"), or \"Hồ sơ số\" to number the files within the fonds",
                    r.problems().get(0).toString());
            assertTrue(ws.catalogue().fonds().isEmpty());
        }
    }

    /** Every workbook of the corpus: a report, never an exception, and the catalogue unchanged. */
    @Test
    void noWorkbookOfTheCorpusChangesTheCatalogueOrThrows() throws Exception {
        List<Path> all;
        try (Stream<Path> s = Files.walk(corpus)) {
            all = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertEquals(14, all.size(), all.toString());
        try (Workspace ws = new Workspace(tmp.resolve("ws"))) {
            for (Path file : all) {
                ImportReport r = ws.inventory.importXlsx(file, ImportOptions.DEFAULT, "lan");
                assertFalse(r.imported(), file.toString());
                assertFalse(r.problems().isEmpty(), file.toString());
            }
            assertTrue(ws.catalogue().fonds().isEmpty());
            assertEquals(0, ws.audit().size());
            assertEquals(0, ws.objects.verify().objects());
        }
    }
}
