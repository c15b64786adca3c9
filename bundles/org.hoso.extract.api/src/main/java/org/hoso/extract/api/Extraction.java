package org.hoso.extract.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an extractor found in one document: at most one value per field, in the order it found them. A field it
 * did not find is absent; junk input gives an extraction without fields.
 *
 * @param extractorId      the extractor's {@link Extractor#id()}, recorded as the provenance agent
 * @param extractorVersion its {@link Extractor#version()}
 * @param fields           the values by field key
 * @since 0.1.0
 */
public record Extraction(String extractorId, String extractorVersion, Map<String, ExtractedField> fields) {

    public Extraction {
        Objects.requireNonNull(extractorId, "extractorId");
        Objects.requireNonNull(extractorVersion, "extractorVersion");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        fields.forEach((k, f) -> {
            if (!k.equals(f.key())) {
                throw new IllegalArgumentException("field " + f.key() + " filed under " + k);
            }
        });
    }

    /** An extraction from {@code fields}, in their order (a later value of the same key replaces an earlier one). */
    public static Extraction of(String extractorId, String extractorVersion, List<ExtractedField> fields) {
        Map<String, ExtractedField> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f.key(), f));
        return new Extraction(extractorId, extractorVersion, m);
    }

    /** Nothing found. */
    public static Extraction empty(String extractorId, String extractorVersion) {
        return new Extraction(extractorId, extractorVersion, Map.of());
    }

    public Optional<ExtractedField> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The canonical value of a field, or empty. */
    public Optional<String> value(String key) {
        return get(key).map(ExtractedField::value);
    }
}
