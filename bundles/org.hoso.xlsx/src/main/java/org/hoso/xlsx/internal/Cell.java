package org.hoso.xlsx.internal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One cell as read from the sheet: its kind and its value as text (numbers in plain notation without a trailing
 * ".0", dates as ISO "2019-03-10", booleans as TRUE/FALSE, errors as Excel shows them, "#N/A").
 *
 * @param kind   what the cell holds
 * @param text   the value as text, never null
 * @param column 0-based column
 */
record Cell(Kind kind, String text, int column) {

    Cell {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    enum Kind {
        TEXT, NUMBER, DATE, BOOLEAN,
        /** An Excel error value such as #N/A or #REF!. */
        ERROR,
        /** A formula whose result the file does not hold (written by a program that does not calculate). */
        FORMULA_WITHOUT_VALUE,
        /** A date serial that names no day (Excel's 29 February 1900, or out of range). */
        BAD_DATE
    }

    boolean isBlank() {
        return kind != Kind.ERROR && kind != Kind.FORMULA_WITHOUT_VALUE && kind != Kind.BAD_DATE && text.isBlank();
    }

    LocalDate date() {
        return kind == Kind.DATE ? LocalDate.parse(text) : null;
    }

    /** "A", "B", ... "Z", "AA": the column's letters. */
    static String letters(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int r = (c - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }

    /** The 0-based column of a cell reference such as "AB12"; -1 when there is none. */
    static int column(String ref) {
        if (ref == null) {
            return -1;
        }
        int c = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 ? -1 : c - 1;
    }
}
