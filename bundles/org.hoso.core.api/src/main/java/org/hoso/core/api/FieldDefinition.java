package org.hoso.core.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One description field of a {@link RecordType}.
 *
 * @param key       stable key, lower camel case (e.g. {@code sheetNumber})
 * @param labelVi   Vietnamese label (e.g. "Số tờ")
 * @param labelEn   English label (e.g. "Sheet number")
 * @param type      value type, used for validation and editors
 * @param required  whether a value must be present
 * @since 0.1.0
 */
public record FieldDefinition(String key, String labelVi, String labelEn, ValueType type, boolean required) {

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

    public FieldDefinition {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("field key must be lower camel case: " + key);
        }
        Objects.requireNonNull(labelVi, "labelVi");
        Objects.requireNonNull(labelEn, "labelEn");
        Objects.requireNonNull(type, "type");
    }

    /** Value types a field can hold. */
    public enum ValueType {
        TEXT, INTEGER, DECIMAL, DATE, CODE
    }

    /** The label in the language asked for: English for "en", Vietnamese otherwise. */
    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelVi;
    }
}
