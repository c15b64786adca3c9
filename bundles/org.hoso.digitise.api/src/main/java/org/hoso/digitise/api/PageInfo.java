package org.hoso.digitise.api;

import java.util.Objects;

/**
 * What a scan's headers say about one page, read without decoding its pixels.
 *
 * @param source        the file, as the caller named it
 * @param page          page number, from 1
 * @param pages         pages in the file
 * @param format        container format: {@code TIFF}, {@code JPEG}, {@code PNG}, {@code PDF}
 * @param width         pixels across
 * @param height        pixels down
 * @param dpi           resolution in dots per inch (horizontal); 0 when the file does not say
 * @param colour        tones of the stored image
 * @param bitsPerPixel  stored bits per pixel (1 for bilevel, 8 for grey, 24 for RGB ...)
 * @since 0.1.0
 */
public record PageInfo(String source, int page, int pages, String format, int width, int height, double dpi,
        ColourKind colour, int bitsPerPixel) {

    public PageInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(colour, "colour");
        if (page < 1 || page > pages) {
            throw new IllegalArgumentException("page " + page + " of " + pages);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size " + width + "x" + height);
        }
    }

    /** Whether the file states its resolution. */
    public boolean dpiKnown() {
        return dpi > 0;
    }

    /** Pixels of the page. */
    public long pixels() {
        return (long) width * height;
    }
}
