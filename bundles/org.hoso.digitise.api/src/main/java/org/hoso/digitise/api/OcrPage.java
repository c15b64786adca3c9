package org.hoso.digitise.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What OCR found on a page, in the coordinates of an image {@code width}×{@code height} pixels at {@code dpi}.
 *
 * @param width     pixels across of the image the boxes refer to
 * @param height    pixels down
 * @param dpi       resolution of that image
 * @param languages the engine's languages, e.g. {@code vie} or {@code vie+eng}
 * @param lines     text lines in reading order (blocks and paragraphs flattened)
 * @since 0.1.0
 */
public record OcrPage(int width, int height, double dpi, String languages, List<OcrLine> lines) {

    public OcrPage {
        lines = List.copyOf(lines);
    }

    /** Every word in reading order. */
    public List<OcrWord> words() {
        return lines.stream().flatMap(l -> l.words().stream()).toList();
    }

    /** The page text: one line per text line, words separated by single spaces, NFC. */
    public String text() {
        return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
    }

    /** Mean word confidence (0–100), weighted by word length; 0 for a page without words. */
    public double meanConfidence() {
        double sum = 0;
        long chars = 0;
        for (OcrWord w : words()) {
            int n = w.text().codePointCount(0, w.text().length());
            sum += (double) w.confidence() * n;
            chars += n;
        }
        return chars == 0 ? 0 : sum / chars;
    }

    /** The same text with every box multiplied by {@code f}, for an image {@code f} times the size. */
    public OcrPage scaled(double f, int newWidth, int newHeight) {
        List<OcrLine> scaled = lines.stream().map(l -> new OcrLine(l.words().stream()
                .map(w -> new OcrWord(w.text(), w.box().scaled(f), w.confidence())).toList(), l.box().scaled(f)))
                .toList();
        return new OcrPage(newWidth, newHeight, dpi * f, languages, scaled);
    }
}
