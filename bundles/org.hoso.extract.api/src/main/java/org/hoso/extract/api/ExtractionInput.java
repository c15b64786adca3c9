package org.hoso.extract.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hoso.digitise.api.OcrLine;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.OcrWord;

/**
 * What an extractor reads: a document's text and, when it came from OCR, its pages with every word's box. Character
 * offsets in results refer to {@link #text()}. For OCR input the text is made here, the same way for every
 * extractor: each page's lines joined by {@code \n}, words by one space ({@link OcrPage#text()}), pages joined by
 * {@code \n\f\n}; {@link #words()} gives each word with its offsets in that text.
 *
 * @param text  the text (any Unicode form; extractors normalise what they compare, offsets stay in this string)
 * @param pages the OCR pages the text was made from, first page first; empty for plain text
 * @since 0.1.0
 */
public record ExtractionInput(String text, List<OcrPage> pages) {

    /** Between two pages of OCR text. */
    public static final String PAGE_BREAK = "\n\f\n";

    public ExtractionInput {
        Objects.requireNonNull(text, "text");
        pages = List.copyOf(pages);
    }

    /** Plain text without positions (a .txt file, a PDF's text layer, a typed transcription). */
    public static ExtractionInput ofText(String text) {
        return new ExtractionInput(text == null ? "" : text, List.of());
    }

    /** The pages of one document as OCR read them. */
    public static ExtractionInput ofOcr(List<OcrPage> pages) {
        StringBuilder sb = new StringBuilder();
        for (OcrPage p : pages) {
            if (!sb.isEmpty()) {
                sb.append(PAGE_BREAK);
            }
            sb.append(p.text());
        }
        return new ExtractionInput(sb.toString(), pages);
    }

    /** Whether word positions are known. */
    public boolean hasWords() {
        return !pages.isEmpty();
    }

    /**
     * A word of an OCR page with its place in {@link #text()}.
     *
     * @param page  index into {@link #pages()}, from 0
     * @param line  index of its line on the page, from 0
     * @param word  the word, with its box in that page's pixels
     * @param start offset of its first character in the text
     * @param end   offset after its last character
     */
    public record PlacedWord(int page, int line, OcrWord word, int start, int end) {
    }

    /** Every word of every page in text order with its offsets; empty for plain text. */
    public List<PlacedWord> words() {
        List<PlacedWord> out = new ArrayList<>();
        int offset = 0;
        for (int p = 0; p < pages.size(); p++) {
            if (p > 0) {
                offset += PAGE_BREAK.length();
            }
            List<OcrLine> lines = pages.get(p).lines();
            for (int l = 0; l < lines.size(); l++) {
                if (l > 0) {
                    offset += 1;
                }
                List<OcrWord> ws = lines.get(l).words();
                for (int w = 0; w < ws.size(); w++) {
                    if (w > 0) {
                        offset += 1;
                    }
                    OcrWord word = ws.get(w);
                    out.add(new PlacedWord(p, l, word, offset, offset + word.text().length()));
                    offset += word.text().length();
                }
            }
        }
        return out;
    }
}
