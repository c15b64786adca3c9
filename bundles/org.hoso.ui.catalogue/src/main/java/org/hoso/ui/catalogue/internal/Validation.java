package org.hoso.ui.catalogue.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.model.CodeList;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.Values;

/**
 * Checks a value as it is typed: what {@link Values#canonical} accepts (dates as {@link PartialDate}, whole numbers,
 * codes from their list, retention periods), plus the shape of a document's number and notation (ký hiệu). Says
 * what is wrong in the user's language, with the catalogue's own technical reason kept for the details.
 */
final class Validation {

    /** A document number: digits, maybe with a letter ("12", "12a"). */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}[a-zA-Z]?");
    /** A notation: the type and issuer abbreviations ("QĐ-UBND", "BC-UBND", "127-KL/TW", "SNV-TTLTLS"). */
    private static final Pattern NOTATION = Pattern.compile("[\\p{Lu}\\p{N}Đ]+(?:[-/.][\\p{Lu}\\p{N}Đ]+)*");

    /** What is wrong: the message key with its argument, and the technical reason when there is one. */
    record Problem(String key, String argument, String technical) {
    }

    private Validation() {
    }

    /** The fields and code lists of a file or a document. */
    record Form(List<FieldDefinition> fields, Map<String, String> codeLists) {
        static final Form FILE = new Form(FileFields.ALL, FileFields.CODE_LISTS);
        static final Form ITEM = new Form(ItemFields.ALL, ItemFields.CODE_LISTS);

        FieldDefinition field(String key) {
            return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
        }
    }

    /** The canonical value of {@code raw}, or what is wrong with it. */
    static Result check(Form form, String key, String raw) {
        FieldDefinition def = form.field(key);
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return def.required() ? Result.bad(new Problem("validation.required", "", ""))
                    : new Result(Optional.of(""), Optional.empty());
        }
        if (form == Form.ITEM && key.equals(ItemFields.NUMBER) && !NUMBER.matcher(v).matches()) {
            return Result.bad(new Problem("validation.number", v, ""));
        }
        if (form == Form.ITEM && key.equals(ItemFields.NOTATION) && !NOTATION.matcher(v).matches()) {
            return Result.bad(new Problem("validation.notation", v, ""));
        }
        try {
            return new Result(Optional.of(Values.canonical(form.fields(), form.codeLists(), key, v)), Optional.empty());
        } catch (IllegalArgumentException e) {
            String problem = switch (def.type()) {
                case DATE -> "validation.date";
                case INTEGER, DECIMAL -> "validation.integer";
                case CODE -> "validation.code";
                case TEXT -> key.equals(FileFields.RETENTION) ? "validation.retention" : "validation.text";
            };
            return Result.bad(new Problem(problem, v, e.getMessage()));
        }
    }

    /** A checked value: its canonical text, or the problem. */
    record Result(Optional<String> canonical, Optional<Problem> problem) {
        static Result bad(Problem p) {
            return new Result(Optional.empty(), Optional.of(p));
        }

        boolean ok() {
            return problem.isEmpty();
        }
    }

    /** A stored (canonical) value as the user reads and types it: dates day first, codes by their label. */
    static String display(Form form, String key, String stored, java.util.Locale locale) {
        FieldDefinition def = form.field(key);
        try {
            return switch (def.type()) {
                case DATE -> PartialDate.parse(stored).display();
                case CODE -> Optional.ofNullable(form.codeLists().get(key))
                        .flatMap(list -> CodeList.builtIn(list).get(stored)).map(e -> e.label(locale)).orElse(stored);
                default -> stored;
            };
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    /** The labels a CODE field offers, in the user's language. */
    static List<String> choices(Form form, String key, java.util.Locale locale) {
        return Optional.ofNullable(form.codeLists().get(key))
                .map(list -> CodeList.builtIn(list).entries().stream().map(e -> e.label(locale)).toList())
                .orElse(List.of());
    }
}
