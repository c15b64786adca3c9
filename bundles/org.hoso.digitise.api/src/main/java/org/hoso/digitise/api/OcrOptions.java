package org.hoso.digitise.api;

import java.util.Objects;

/**
 * How to recognise a page.
 *
 * @param languages Tesseract language codes joined by {@code +}: {@code vie} (default; adding {@code eng} helps
 *                  only on mixed pages and costs Vietnamese accuracy)
 * @param pageSegmentation Tesseract page segmentation mode (3 = fully automatic, the default; 6 = one block)
 * @since 0.1.0
 */
public record OcrOptions(String languages, int pageSegmentation) {

    public static final OcrOptions DEFAULT = new OcrOptions("vie", 3);

    public OcrOptions {
        Objects.requireNonNull(languages, "languages");
        if (!languages.matches("[a-z_]+(\\+[a-z_]+)*")) {
            throw new IllegalArgumentException("languages " + languages);
        }
    }
}
