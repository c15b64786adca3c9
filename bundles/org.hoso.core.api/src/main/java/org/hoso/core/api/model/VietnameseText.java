package org.hoso.core.api.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text as the product stores and compares it.
 *
 * @since 0.1.0
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    /** Composed Unicode (NFC): what the product stores; decomposed input (some OCR, some PDFs) is recomposed. */
    public static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * For matching what people type: lower case, no diacritics (đ → d), single spaces, trimmed.
     * "  Quyết   ĐỊNH " → "quyet dinh".
     */
    public static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
