package org.hoso.core.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.Localization;

/**
 * Turns what a person typed or a spreadsheet held into a field's canonical text, or says what is wrong with it:
 * dates to ISO, integers checked, codes looked up by code or label, retention normalised.
 *
 * @since 0.1.0
 */
public final class Values {

    private Values() {
    }

    /**
     * The canonical text of {@code raw} for field {@code key} of {@code fields}.
     *
     * @throws IllegalArgumentException naming the field and the value when it is not valid
     */
    public static String canonical(List<FieldDefinition> fields, Map<String, String> codeLists, String key,
            String raw) {
        FieldDefinition def = fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown field: " + key));
        String v = VietnameseText.nfc(raw == null ? "" : raw.strip());
        if (v.isEmpty()) {
            return v;
        }
        try {
            return switch (def.type()) {
                case DATE -> PartialDate.parse(v).iso();
                case INTEGER -> {
                    int n = Integer.parseInt(v.replace(".", "").replace(",", ""));
                    if (n < 0) {
                        throw new IllegalArgumentException("must not be negative");
                    }
                    yield Integer.toString(n);
                }
                case DECIMAL -> Double.toString(Double.parseDouble(v.replace(",", ".")));
                case CODE -> {
                    Optional<CodeList.Entry> e = Optional.ofNullable(codeLists.get(key))
                            .flatMap(list -> CodeList.builtIn(list).find(v));
                    yield e.map(CodeList.Entry::code).orElseThrow(() -> new IllegalArgumentException(
                            "not in the list " + codeLists.get(key)));
                }
                case TEXT -> key.equals(FileFields.RETENTION) ? RetentionPeriod.parse(v, "")
                        .label(Localization.VIETNAMESE) : v;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(def.labelVi() + " (" + key + "): \"" + raw + "\": " + e.getMessage(),
                    e);
        }
    }

}
