package org.hoso.digitise.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A text line: its words in reading order and the box around them.
 *
 * @since 0.1.0
 */
public record OcrLine(List<OcrWord> words, Box box) {

    public OcrLine {
        words = List.copyOf(words);
    }

    /** The words joined by single spaces. */
    public String text() {
        return words.stream().map(OcrWord::text).collect(Collectors.joining(" "));
    }
}
