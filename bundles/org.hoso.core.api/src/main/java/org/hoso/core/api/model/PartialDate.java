package org.hoso.core.api.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as archivists record it: a day, a month or only a year (TT 05/2025: "DD/MM/YYYY; also MM/YYYY or YYYY").
 * A file whose documents are dated "3/2025" starts in March 2025, not on the first of March.
 *
 * @param year      the year (1000..9999)
 * @param month     1..12, or 0 when only the year is known
 * @param day       1..31, or 0 when the day is not known
 * @since 0.1.0
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})");
    private static final Pattern MY = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})");
    private static final Pattern Y = Pattern.compile("(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private static final Comparator<PartialDate> ORDER = Comparator.comparingInt(PartialDate::year)
            .thenComparingInt(PartialDate::month).thenComparingInt(PartialDate::day);

    public PartialDate {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (month < 0 || month > 12) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (month == 0 && day != 0) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (day != 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such day: " + day + "/" + month + "/" + year);
            }
        }
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(year, 0, 0);
    }

    public static PartialDate ofMonth(int year, int month) {
        return new PartialDate(year, month, 0);
    }

    /**
     * Reads "19/3/2025", "19.03.2025", "03/2025", "2025" (Vietnamese order, day first) or the ISO forms
     * "2025-03-19", "2025-03". Surrounding spaces are ignored.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static PartialDate parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        Matcher m;
        try {
            if ((m = ISO.matcher(t)).matches()) {
                int y = Integer.parseInt(m.group(1));
                int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                return new PartialDate(y, mo, d);
            }
            if ((m = DMY.matcher(t)).matches()) {
                return new PartialDate(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            if ((m = MY.matcher(t)).matches()) {
                return new PartialDate(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), 0);
            }
            if ((m = Y.matcher(t)).matches()) {
                return new PartialDate(Integer.parseInt(m.group(1)), 0, 0);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid date: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(
                "\"" + text + "\" is not a date: use DD/MM/YYYY, MM/YYYY or YYYY");
    }

    /** ISO 8601 at the known precision: "2025-03-19", "2025-03" or "2025". */
    public String iso() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        return day == 0 ? String.format("%04d-%02d", year, month) : String.format("%04d-%02d-%02d", year, month, day);
    }

    /** As archivists write it: "19/03/2025", "03/2025" or "2025". */
    public String display() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        return day == 0 ? String.format("%02d/%04d", month, year) : String.format("%02d/%02d/%04d", day, month, year);
    }

    /** The first day this date can mean (1 January for a year, the first of the month for a month). */
    public LocalDate earliest() {
        return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
    }

    /** The last day this date can mean. */
    public LocalDate latest() {
        if (month == 0) {
            return LocalDate.of(year, 12, 31);
        }
        return day == 0 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
    }

    /** Ordered by year, then month, then day; a year alone sorts before its months. */
    @Override
    public int compareTo(PartialDate other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return iso();
    }
}
