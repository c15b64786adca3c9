package org.hoso.digitise.api;

import java.util.Objects;

/**
 * A recognised word: its text (NFC), its box and the engine's confidence (0–100).
 *
 * @since 0.1.0
 */
public record OcrWord(String text, Box box, float confidence) {

    public OcrWord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
    }
}
