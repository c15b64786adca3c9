package org.hoso.digitise.api;

import java.awt.image.BufferedImage;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Synthetic scans for practice, demos and accuracy tests: an administrative document laid out as Decree 30/2020
 * prescribes (issuer and national motto side by side, number, place and date, title, body, signature), rendered
 * with a Vietnamese font and degraded like a poor scan. Reproducible: the same seed and degradation always give
 * the same pixels and text.
 *
 * @since 0.1.0
 */
@ProviderType
public interface SampleScans {

    /**
     * How to spoil a clean rendering.
     *
     * @param skewDegrees counter-clockwise turn of the page on the scanner glass
     * @param noise       share of pixels replaced by black or white specks (salt and pepper), 0..1
     * @param inkLevel    grey level of the ink, 0 (black) to 255; faded ink is 120 or lighter
     * @param paperLevel  grey level of the paper, 255 white; yellowed or dark paper lower
     */
    record Degradation(double skewDegrees, double noise, int inkLevel, int paperLevel) {

        public static final Degradation NONE = new Degradation(0, 0, 0, 255);

        public Degradation {
            if (noise < 0 || noise > 1 || inkLevel < 0 || paperLevel > 255 || inkLevel >= paperLevel) {
                throw new IllegalArgumentException("bad degradation");
            }
        }
    }

    /**
     * A rendered page.
     *
     * @param image grey image (8 bits); treat as read-only
     * @param dpi   its resolution
     * @param text  what is written on it, line by line in reading order (NFC): the ground truth for OCR
     */
    record SampleScan(BufferedImage image, int dpi, String text) {
        public SampleScan {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(text, "text");
        }
    }

    /** An A4 page at {@code dpi} (150–600) with the document the seed chooses, spoiled as {@code degradation} says. */
    SampleScan page(long seed, int dpi, Degradation degradation);
}
