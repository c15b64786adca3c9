package org.hoso.digitise.api;

import java.util.Objects;

/**
 * How to digitise a page.
 *
 * @param policy           the quality limits
 * @param ocr              OCR languages and mode
 * @param retryBelow       mean word confidence (0–100) under which the page is OCRed again with stronger
 *                         clean-up; 0 never retries
 * @param ocrFailingPages  whether a page that fails quality checks is still OCRed (true: the archive may have no
 *                         better copy; the report keeps the failure)
 * @since 0.1.0
 */
public record DigitiseOptions(QualityPolicy policy, OcrOptions ocr, double retryBelow, boolean ocrFailingPages) {

    public static final DigitiseOptions DEFAULT = new DigitiseOptions(QualityPolicy.DEFAULT, OcrOptions.DEFAULT, 80,
            true);

    public DigitiseOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(ocr, "ocr");
    }
}
