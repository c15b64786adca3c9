package org.hoso.digitise.api;

/**
 * Which way up a page is.
 *
 * @param rotation   clockwise degrees (0, 90, 180 or 270) that turn the page upright
 * @param confidence the detector's confidence; 0 when it could not tell (then {@code rotation} is 0)
 * @param method     how it was found, e.g. {@code tesseract-osd} or {@code projection}
 * @since 0.1.0
 */
public record Orientation(int rotation, double confidence, String method) {

    public Orientation {
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation " + rotation);
        }
    }
}
