package org.hoso.digitise.api;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The decoded pixels of one page and where they came from.
 * <p>
 * {@link BufferedImage} is mutable: holders of a page image treat it as read-only; filters return new images.
 *
 * @param info        the page as its headers describe it
 * @param image       the pixels (after any {@code subsampling})
 * @param dpi         resolution of {@code image}: the file's, divided by {@code subsampling}; when the file does not
 *                    say, the caller's assumption ({@link ReadOptions#assumedDpi()})
 * @param subsampling 1, or n when only every n-th pixel was read because the page was too large
 * @since 0.1.0
 */
public record PageImage(PageInfo info, BufferedImage image, double dpi, int subsampling) {

    public PageImage {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(image, "image");
        if (dpi <= 0) {
            throw new IllegalArgumentException("dpi " + dpi);
        }
        if (subsampling < 1) {
            throw new IllegalArgumentException("subsampling " + subsampling);
        }
    }

    /** The same page with other pixels (a filter's output) at resolution {@code dpi}. */
    public PageImage withImage(BufferedImage other, double newDpi) {
        return new PageImage(info, other, newDpi, subsampling);
    }

    /** "file, page n/m" for messages. */
    public String label() {
        return info.source() + " [" + info.page() + "/" + info.pages() + "]";
    }
}
