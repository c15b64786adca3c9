package org.hoso.core.api.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a file is kept (thời hạn bảo quản): permanently, a number of years counted from the year its matter
 * ended, or until a condition ("until the document ceases to have effect", "for the service life of the works").
 * The rule that produced it (a schedule row, a person) travels with it so every decision can be explained.
 *
 * @param kind       permanent, years or conditional
 * @param years      the number of years for {@link Kind#YEARS}, else 0
 * @param condition  the condition for {@link Kind#CONDITIONAL}, else empty
 * @param rule       where it came from, e.g. "TT 10/2022/TT-BNV, Phụ lục I, mục 1.2" or "typed"
 * @since 0.1.0
 */
public record RetentionPeriod(Kind kind, int years, String condition, String rule) {

    private static final Pattern YEARS = Pattern.compile("(\\d{1,3})\\s*(nam|years?)?");

    public RetentionPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(rule, "rule");
        switch (kind) {
            case PERMANENT -> {
                if (years != 0 || !condition.isEmpty()) {
                    throw new IllegalArgumentException("a permanent period has no years and no condition");
                }
            }
            case YEARS -> {
                if (years < 1 || years > 200 || !condition.isEmpty()) {
                    throw new IllegalArgumentException("a period in years needs 1..200 years and no condition: "
                            + years);
                }
            }
            case CONDITIONAL -> {
                if (years != 0 || condition.isBlank()) {
                    throw new IllegalArgumentException("a conditional period needs a condition");
                }
            }
        }
    }

    /** Kinds of retention. */
    public enum Kind {
        PERMANENT, YEARS, CONDITIONAL
    }

    public static RetentionPeriod permanent(String rule) {
        return new RetentionPeriod(Kind.PERMANENT, 0, "", rule);
    }

    public static RetentionPeriod years(int years, String rule) {
        return new RetentionPeriod(Kind.YEARS, years, "", rule);
    }

    public static RetentionPeriod conditional(String condition, String rule) {
        return new RetentionPeriod(Kind.CONDITIONAL, 0, condition.strip(), rule);
    }

    /**
     * Reads what inventories write: "Vĩnh viễn", "vinh vien", "VV", "70 năm", "10", "permanent", "5 years", or the
     * maintenance codes "01".."06". Anything else non-blank is a condition ("Đến khi hết hiệu lực").
     */
    public static RetentionPeriod parse(String text, String rule) {
        String t = VietnameseText.fold(Objects.requireNonNull(text, "text"));
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty retention period");
        }
        switch (t) {
            case "vinh vien", "vv", "permanent", "01" -> {
                return permanent(rule);
            }
            case "02" -> {
                return years(70, rule);
            }
            case "03" -> {
                return years(50, rule);
            }
            case "04" -> {
                return years(30, rule);
            }
            case "05" -> {
                return years(20, rule);
            }
            case "06" -> {
                return years(10, rule);
            }
            default -> {
                Matcher m = YEARS.matcher(t);
                if (m.matches()) {
                    return years(Integer.parseInt(m.group(1)), rule);
                }
                return conditional(text, rule);
            }
        }
    }

    /**
     * The maintenance code of TT 05/2025: 01 permanent, 02 70 years, 03 50, 04 30, 05 20, 06 10, 07 anything else
     * (5 years, other numbers, conditional periods).
     */
    public String maintenanceCode() {
        if (kind == Kind.PERMANENT) {
            return "01";
        }
        if (kind == Kind.YEARS) {
            return switch (years) {
                case 70 -> "02";
                case 50 -> "03";
                case 30 -> "04";
                case 20 -> "05";
                case 10 -> "06";
                default -> "07";
            };
        }
        return "07";
    }

    /**
     * The longer of two periods, for a file holding documents with different periods. Permanent is longest; a
     * condition cannot be compared with a number of years and is kept over it (it needs a person's decision).
     */
    public static RetentionPeriod longest(RetentionPeriod a, RetentionPeriod b) {
        if (a.kind == Kind.PERMANENT || b.kind == Kind.PERMANENT) {
            return a.kind == Kind.PERMANENT ? a : b;
        }
        if (a.kind == Kind.CONDITIONAL || b.kind == Kind.CONDITIONAL) {
            return a.kind == Kind.CONDITIONAL ? a : b;
        }
        return a.years >= b.years ? a : b;
    }

    /** The last year of keeping for a matter that ended in {@code endYear}; empty when not a number of years. */
    public Optional<Integer> lastYear(int endYear) {
        return kind == Kind.YEARS ? Optional.of(endYear + years) : Optional.empty();
    }

    /** As shown to users: "Vĩnh viễn", "70 năm", the condition (English: "Permanent", "70 years"). */
    public String label(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (kind) {
            case PERMANENT -> en ? "Permanent" : "Vĩnh viễn";
            case YEARS -> years + (en ? " years" : " năm");
            case CONDITIONAL -> condition;
        };
    }
}
