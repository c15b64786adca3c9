package org.hoso.core.api.model;

import java.util.Objects;

/**
 * A fonds (phông lưu trữ): all records of one body.
 *
 * @param code        fonds code (mã phông), unique in the catalogue
 * @param name        the body's name, e.g. "UBND xã Tân Trào"
 * @param description further fields: history, dates, language, status (open/closed), notes
 * @since 0.1.0
 */
public record Fonds(String code, String name, Description description) {

    public Fonds {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a fonds needs a code");
        }
    }
}
