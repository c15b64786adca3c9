package org.hoso.digitise.api;

/**
 * The limits the quality checks apply.
 *
 * @param minDpi           lowest acceptable resolution (Vietnamese archival practice: 200 dpi)
 * @param minBitsPerPixel  lowest acceptable colour depth (1 accepts bilevel scans; 8 requires grey or colour)
 * @param maxSkewDegrees   skew tolerated without a warning
 * @param blankInkShare    a page with less ink than this share is blank
 * @since 0.1.0
 */
public record QualityPolicy(int minDpi, int minBitsPerPixel, double maxSkewDegrees, double blankInkShare) {

    public static final QualityPolicy DEFAULT = new QualityPolicy(200, 1, 0.5, 0.002);
}
