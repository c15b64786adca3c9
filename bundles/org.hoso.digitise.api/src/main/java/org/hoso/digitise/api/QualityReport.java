package org.hoso.digitise.api;

import java.util.List;
import java.util.Objects;

/**
 * The quality checks of one page: what was measured and what was found.
 *
 * @param page         the page checked
 * @param dpi          resolution used (the file's, or the assumed one when {@code dpiKnown} is false)
 * @param dpiKnown     whether the file states its resolution
 * @param bitsPerPixel stored bits per pixel
 * @param inkShare     share of dark pixels, 0..1
 * @param skewDegrees  text-line angle, counter-clockwise positive, within ±15°
 * @param rotation     clockwise degrees (0, 90, 180, 270) that would turn the page upright
 * @param issues       findings; none when the page passes every check
 * @since 0.1.0
 */
public record QualityReport(PageInfo page, double dpi, boolean dpiKnown, int bitsPerPixel, double inkShare,
        double skewDegrees, int rotation, List<QualityIssue> issues) {

    public QualityReport {
        Objects.requireNonNull(page, "page");
        issues = List.copyOf(issues);
    }

    /** True when no finding is a {@link QualityIssue.Severity#FAIL}. */
    public boolean passed() {
        return issues.stream().noneMatch(i -> i.severity() == QualityIssue.Severity.FAIL);
    }

    public boolean has(QualityIssue.Code code) {
        return issues.stream().anyMatch(i -> i.code() == code);
    }

    public boolean blank() {
        return has(QualityIssue.Code.BLANK_PAGE);
    }
}
