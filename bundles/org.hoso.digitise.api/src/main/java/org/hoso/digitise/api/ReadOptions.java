package org.hoso.digitise.api;

/**
 * Limits and assumptions when reading scans.
 *
 * @param maxPixels   the largest page decoded whole (checked from the headers, before decoding)
 * @param oversize    what to do with a larger page
 * @param assumedDpi  resolution to assume when a file states none (quality checks still report it as unknown)
 * @param pdfRenderDpi resolution at which a PDF page without a single scanned image is rendered
 * @since 0.1.0
 */
public record ReadOptions(long maxPixels, Oversize oversize, double assumedDpi, double pdfRenderDpi) {

    /** What to do with a page larger than {@link #maxPixels()}. */
    public enum Oversize {
        /** Refuse it: {@link UnreadablePageException.Problem#TOO_LARGE}. */
        REFUSE,
        /** Read every n-th pixel in both directions (bounded memory), n the smallest that fits. */
        DOWNSAMPLE
    }

    /** 150 megapixels (an A2 page at 600 dpi), refuse larger; assume 300 dpi; render PDFs at 300 dpi. */
    public static final ReadOptions DEFAULT = new ReadOptions(150_000_000L, Oversize.REFUSE, 300, 300);

    public ReadOptions {
        if (maxPixels < 1 || assumedDpi <= 0 || pdfRenderDpi <= 0 || oversize == null) {
            throw new IllegalArgumentException("bad read options");
        }
    }

    public ReadOptions withOversize(Oversize o) {
        return new ReadOptions(maxPixels, o, assumedDpi, pdfRenderDpi);
    }

    public ReadOptions withMaxPixels(long max) {
        return new ReadOptions(max, oversize, assumedDpi, pdfRenderDpi);
    }
}
