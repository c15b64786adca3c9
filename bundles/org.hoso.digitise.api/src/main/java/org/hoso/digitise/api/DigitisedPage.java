package org.hoso.digitise.api;

import java.util.List;
import java.util.Objects;

/**
 * The result of digitising one page.
 *
 * @param quality  the quality checks of the page as scanned
 * @param display  the image to keep and show: the scan turned upright and deskewed, tones untouched
 * @param ocr      the text, boxes in {@code display}'s pixels
 * @param attempts every OCR attempt, first to last (none for a blank page); the chosen one is {@link #chosen()}
 * @since 0.1.0
 */
public record DigitisedPage(QualityReport quality, PageImage display, OcrPage ocr, List<Attempt> attempts) {

    /**
     * One OCR attempt.
     *
     * @param plan           the clean-up applied before OCR
     * @param meanConfidence mean word confidence of the result (0–100)
     * @param words          words recognised
     * @param chosen         whether its text is the page's
     * @param millis         time taken by clean-up and OCR
     */
    public record Attempt(CleanupPlan plan, double meanConfidence, int words, boolean chosen, long millis) {
    }

    public DigitisedPage {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(ocr, "ocr");
        attempts = List.copyOf(attempts);
    }

    /** The attempt whose text is the page's; empty when the page was not OCRed (blank, or failed checks). */
    public java.util.Optional<Attempt> chosen() {
        return attempts.stream().filter(Attempt::chosen).findFirst();
    }

    /** This page as a PDF page. */
    public PdfPage pdfPage() {
        return new PdfPage(display, ocr);
    }
}
