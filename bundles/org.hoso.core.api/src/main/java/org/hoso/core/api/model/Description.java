package org.hoso.core.api.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The described fields of a fonds, file unit or item: each value is text in its canonical form (dates as
 * {@link PartialDate#iso()}, codes as their code, retention as {@link RetentionPeriod#label} in Vietnamese) with
 * its {@link Provenance}. Immutable; {@link #propose} applies {@link Field#resolve}.
 *
 * @since 0.1.0
 */
public final class Description {

    public static final Description EMPTY = new Description(Map.of());

    private final Map<String, Field<String>> fields;

    private Description(Map<String, Field<String>> fields) {
        this.fields = fields;
    }

    public static Description of(Map<String, Field<String>> fields) {
        Map<String, Field<String>> copy = new TreeMap<>();
        fields.forEach((k, v) -> copy.put(Objects.requireNonNull(k), normalized(v)));
        return new Description(Collections.unmodifiableMap(copy));
    }

    /** Values are stored in NFC: decomposed input from OCR or old files compares equal to typed text. */
    private static Field<String> normalized(Field<String> f) {
        String nfc = VietnameseText.nfc(f.value().strip());
        return nfc.equals(f.value()) ? f : new Field<>(nfc, f.provenance());
    }

    /** Field keys in alphabetical order with their values. */
    public Map<String, Field<String>> fields() {
        return fields;
    }

    public Optional<Field<String>> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public Optional<String> text(String key) {
        return get(key).map(Field::value);
    }

    /**
     * This description with {@code proposal} for {@code key}, if it wins over the current value by
     * {@link Field#resolve}; otherwise this description unchanged. A blank typed value removes the field (a person
     * clearing it); a blank machine value is ignored.
     */
    public Description propose(String key, Field<String> proposal) {
        Objects.requireNonNull(key, "key");
        Field<String> p = normalized(proposal);
        if (p.value().isEmpty()) {
            if (p.provenance().source() != Provenance.Source.TYPED || !fields.containsKey(key)) {
                return this;
            }
            Map<String, Field<String>> copy = new TreeMap<>(fields);
            copy.remove(key);
            return new Description(Collections.unmodifiableMap(copy));
        }
        Field<String> kept = Field.resolve(get(key), p);
        if (kept == fields.get(key)) {
            return this;
        }
        Map<String, Field<String>> copy = new TreeMap<>(fields);
        copy.put(key, kept);
        return new Description(Collections.unmodifiableMap(copy));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Description d && d.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
