package org.hoso.example.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation of a cadastral map sheet reference as clerks type it: a sheet number (số tờ), optionally followed by
 * the scale ("12" or "12 - 1:2000"). Pure logic, unit tested without SWT.
 */
final class SheetNumbers {

    private static final Pattern SHEET = Pattern.compile("\\s*(\\d{1,4})\\s*(?:[-–/]\\s*1\\s*:\\s*(\\d[\\d.]*))?\\s*");
    private static final int[] SCALES = {500, 1000, 2000, 5000, 10000};

    private SheetNumbers() {
    }

    /** A parsed sheet reference. */
    record Sheet(int number, Optional<Integer> scale) {
    }

    /** The problem with {@code text} as a message key, or empty when it is valid. */
    static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("sheet.empty");
        }
        Matcher m = SHEET.matcher(text);
        if (!m.matches()) {
            return Optional.of("sheet.notNumber");
        }
        if (Integer.parseInt(m.group(1)) == 0) {
            return Optional.of("sheet.zero");
        }
        if (m.group(2) != null && parseScale(m.group(2)).isEmpty()) {
            return Optional.of("sheet.badScale");
        }
        return Optional.empty();
    }

    /** The sheet, when {@code text} is valid. */
    static Optional<Sheet> parse(String text) {
        if (problem(text).isPresent()) {
            return Optional.empty();
        }
        Matcher m = SHEET.matcher(text);
        m.matches();
        Optional<Integer> scale = m.group(2) == null ? Optional.empty() : parseScale(m.group(2));
        return Optional.of(new Sheet(Integer.parseInt(m.group(1)), scale));
    }

    private static Optional<Integer> parseScale(String digits) {
        int value;
        try {
            value = Integer.parseInt(digits.replace(".", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (int s : SCALES) {
            if (s == value) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
