package org.hoso.digitise.api;

import java.util.Objects;

/**
 * One page of a PDF/A file: the image shown and the invisible text over it. The OCR page's boxes must be in the
 * image's pixels ({@code ocr.width() == image.image().getWidth()}).
 *
 * @since 0.1.0
 */
public record PdfPage(PageImage image, OcrPage ocr) {

    public PdfPage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(ocr, "ocr");
        if (ocr.width() != image.image().getWidth() || ocr.height() != image.image().getHeight()) {
            throw new IllegalArgumentException("OCR boxes for " + ocr.width() + "x" + ocr.height() + ", image "
                    + image.image().getWidth() + "x" + image.image().getHeight());
        }
    }
}
