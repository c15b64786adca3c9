package org.hoso.digitise.internal;

/**
 * Measurements of a page that decide its quality findings and its clean-up: all taken on the grey image.
 *
 * @param inkShare     share of dark pixels (after a median filter, so noise does not count as ink)
 * @param noise        share of pixels that differ strongly from their 3×3 median (salt-and-pepper noise)
 * @param contrast     paper brightness minus ink brightness (0–255), on the median-filtered image
 * @param paper        paper brightness (90th percentile)
 * @param unevenness   spread of the paper brightness across the page (0–255)
 * @param skewDegrees  text-line angle, counter-clockwise positive
 * @param skewStrength how clearly the text lines stand out at that angle (0 when there are none)
 * @param sideways     whether the text lines run vertically (the page lies on its side)
 * @param textHeight   median height in pixels of the marks on the page (letters), 0 when there are none
 * @param edges        edges that content runs into: a subset of "top", "bottom", "left", "right"
 */
record PageTraits(double inkShare, double noise, int contrast, int paper, int unevenness, double skewDegrees,
        double skewStrength, boolean sideways, double textHeight, java.util.List<String> edges) {

    boolean noisy() {
        return noise > 0.02;
    }

    /**
     * A few specks on a page of ordinary letters (fewer than makes it {@link #noisy}): Tesseract reads them as
     * punctuation, the more so once the deskew turn has smeared them. Clean 300 dpi pages measure 0.07–0.16 %,
     * pages with 0.5 % specks 0.37 %; photos of small letters measure their edges (2.5–6.6 %) and are left out.
     */
    boolean specks() {
        return noise > 0.0025 && !noisy() && textHeight >= 16;
    }

    boolean faint() {
        return contrast < 110;
    }

    boolean uneven() {
        return unevenness > 40;
    }

    /**
     * Integer factor that brings small letters to a size Tesseract reads well (marks ~18 px high), 1 to 3. Marks
     * of 12 px or more are left alone: measured on the real letter of the test corpus, enlarging them (or
     * enlarging more) costs accuracy, most of all on blurred scans.
     */
    /**
     * Whether a clean page's letters are big enough to be read at half the size: marks of {@value #HALVE_FROM} px
     * or more are still 15 px or more once halved, where Tesseract reads as well (see {@link #upscale}), and a
     * quarter of the pixels takes its layout analysis a third less time. Only the plain clean-up does it (a page
     * with specks once they are filtered out): noisy, faint and uneven pages are read at full size.
     */
    boolean halve() {
        return textHeight >= HALVE_FROM && !noisy() && !faint() && !uneven();
    }

    static final double HALVE_FROM = Double.parseDouble(System.getProperty("hoso.ocr.halveFrom", "30"));

    int upscale() {
        if (textHeight <= 0 || textHeight >= 12) {
            return 1;
        }
        return (int) Math.max(1, Math.min(3, Math.ceil(18 / textHeight)));
    }
}
