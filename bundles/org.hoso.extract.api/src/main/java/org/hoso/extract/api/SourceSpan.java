package org.hoso.extract.api;

import java.util.List;

import org.hoso.digitise.api.Box;

/**
 * Where a value was read: characters {@code start..end} of {@link ExtractionInput#text()} and, when words were
 * given, the boxes of the words it came from, so that a person can see the value on the page.
 *
 * @param start offset of the first character
 * @param end   offset after the last character ({@code start == end}: nowhere, e.g. an empty field)
 * @param boxes the word boxes, in text order; empty for plain text
 * @since 0.1.0
 */
public record SourceSpan(int start, int end, List<WordBox> boxes) {

    /** No place: the field was not found. */
    public static final SourceSpan NONE = new SourceSpan(0, 0, List.of());

    public SourceSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span " + start + ".." + end);
        }
        boxes = List.copyOf(boxes);
    }

    /**
     * A word's box on a page.
     *
     * @param page index into {@link ExtractionInput#pages()}, from 0
     * @param box  the box in that page's pixels
     */
    public record WordBox(int page, Box box) {
    }
}
