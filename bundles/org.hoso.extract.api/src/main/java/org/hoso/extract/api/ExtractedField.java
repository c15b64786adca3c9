package org.hoso.extract.api;

import java.util.Objects;

/**
 * One value an extractor proposes.
 *
 * @param key        a document field key of the catalogue ({@link org.hoso.core.api.model.ItemFields}: {@code type},
 *                   {@code number}, {@code notation}, {@code date}, {@code issuer}, {@code issuerParent},
 *                   {@code place}, {@code abstract}, {@code signerAuthority}, {@code signerTitle}, {@code signer},
 *                   {@code recipients}, {@code secrecy}, {@code urgency} ...)
 * @param value      the canonical value the catalogue stores ({@link org.hoso.core.api.model.Values#canonical}): a
 *                   code for code fields ({@code "02"} for a decision), ISO for dates ({@code "2025-03-19"})
 * @param text       the value as the document prints it ("QUYẾT ĐỊNH", "ngày 19 tháng 3 năm 2025"), for people
 * @param confidence 0..1: how likely the value is right
 * @param span       where it was read
 * @since 0.1.0
 */
public record ExtractedField(String key, String value, String text, double confidence, SourceSpan span) {

    public ExtractedField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }
}
