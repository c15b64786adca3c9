package org.hoso.digitise.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One finding of the quality checks on a page: a stable machine code, how serious it is, and the values the
 * reason quotes (measured value first, then the limit). {@link #reason(Locale)} says it to a person.
 *
 * @since 0.1.0
 */
public record QualityIssue(Code code, Severity severity, List<String> values) {

    /** Stable codes for scripts and for the catalogue. */
    public enum Code {
        /** Below the minimum resolution (values: dpi, minimum). */
        LOW_RESOLUTION,
        /** The file states no resolution (values: the resolution estimated from the letter size). */
        UNKNOWN_RESOLUTION,
        /** Fewer bits per pixel than required (values: bits, minimum). */
        LOW_COLOUR_DEPTH,
        /** Nothing on the page (values: ink share in per mille). */
        BLANK_PAGE,
        /** Text lines are not horizontal (values: angle in degrees, tolerated). */
        SKEWED,
        /** The page lies on its side or upside down (values: clockwise degrees to turn it upright). */
        ROTATED,
        /** Content runs into an edge: the scan may have cut part of the page off (values: edges). */
        CROPPED
    }

    /** {@code FAIL}: the page must be rescanned; {@code WARN}: digitisation corrects it or a person should look. */
    public enum Severity {
        WARN, FAIL
    }

    public QualityIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        values = List.copyOf(values);
    }

    /** The reason in Vietnamese ({@code vi}) or English ({@code en}). */
    public String reason(Locale locale) {
        return Texts.text(locale, "quality." + code, values.toArray());
    }
}
