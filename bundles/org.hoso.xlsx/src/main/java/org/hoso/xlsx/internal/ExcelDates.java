package org.hoso.xlsx.internal;

import java.time.LocalDate;

/**
 * Excel's date serials. Two systems: 1900 (day 1 = 1 January 1900) and 1904 (day 0 = 1 January 1904, the old Mac
 * default, still found in workbooks). In the 1900 system Excel counts a 29 February 1900 that never was (Lotus 1-2-3
 * compatibility), so its serials before 1 March 1900 are one more than the days since 31 December 1899, and it has
 * no dates before 1900. LibreOffice writes the same serials from 1 March 1900 on, but counts earlier days (and
 * negative serials, for dates before 1900) from 30 December 1899 without the phantom day: which program wrote the
 * workbook decides how a serial below 61 is read.
 */
final class ExcelDates {

    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private ExcelDates() {
    }

    /**
     * The day a serial names.
     *
     * @param serial         the cell's number (a time of day, the fraction, is dropped)
     * @param date1904       whether the workbook uses the 1904 system
     * @param excelLeapYear  whether the workbook counts Excel's 29 February 1900 (written by Excel, or by a library
     *                       that writes Excel's serials), not LibreOffice's
     * @throws IllegalArgumentException for Excel's serial 60, the 29 February 1900 that does not exist, and serials
     *                                  beyond year 9999
     */
    static LocalDate toDate(double serial, boolean date1904, boolean excelLeapYear) {
        if (Double.isNaN(serial) || Math.abs(serial) > 3_000_000) {
            throw new IllegalArgumentException("date serial out of range: " + serial);
        }
        long days = (long) Math.floor(serial);
        if (date1904) {
            return EPOCH_1904.plusDays(days);
        }
        if (excelLeapYear && days < 61) {
            if (days == 60) {
                throw new IllegalArgumentException("serial 60 is 29/02/1900, a day that does not exist (Excel counts"
                        + " it for compatibility with Lotus 1-2-3)");
            }
            // Excel's day 0 is shown as 0 January 1900: read it as 31 December 1899, as days before it
            return EPOCH_1900.plusDays(days + 1);
        }
        return EPOCH_1900.plusDays(days);
    }
}
