package org.hoso.xlsx.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real .xlsx files for tests, written with POI's ordinary writer: rows of strings, numbers, dates. */
final class Sheets implements AutoCloseable {

    final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle dateStyle;
    private Sheet sheet;
    private int next;

    Sheets() {
        dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    }

    Sheets sheet(String name) {
        sheet = wb.createSheet(name);
        next = 0;
        return this;
    }

    /** The next row: String, Number, LocalDate, Boolean; null leaves the cell empty. */
    Sheets row(Object... values) {
        Row r = sheet.createRow(next++);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            org.apache.poi.ss.usermodel.Cell cell = r.createCell(c);
            if (v instanceof String s) {
                cell.setCellValue(s);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                throw new IllegalArgumentException(v.getClass().toString());
            }
        }
        return this;
    }

    Sheets blank() {
        next++;
        return this;
    }

    /** Merges cells of the last row written, 0-based columns. */
    Sheets mergeLast(int fromColumn, int toColumn) {
        sheet.addMergedRegion(new CellRangeAddress(next - 1, next - 1, fromColumn, toColumn));
        return this;
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }
}
