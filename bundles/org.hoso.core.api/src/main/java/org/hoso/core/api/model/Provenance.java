package org.hoso.core.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a value came from: typed by a person, imported from a file, extracted by a machine (with the extractor's
 * id and its confidence), or derived from other values (a file's dates from its documents).
 *
 * @param source     how the value was obtained
 * @param agent      who or what: the user's name, the imported file and sheet, the extractor id, the rule
 * @param confidence 0..1; 1 for typed and imported values
 * @param at         when
 * @since 0.1.0
 */
public record Provenance(Source source, String agent, double confidence, Instant at) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(at, "at");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /** How a value was obtained, from the strongest claim to the weakest. */
    public enum Source {
        /** Typed or confirmed by a person: never overwritten by a machine. */
        TYPED,
        /** Read from an existing inventory or another system: a person's earlier work. */
        IMPORTED,
        /** Computed from other values by a rule (a file's start date from its documents). */
        DERIVED,
        /** Proposed by a machine from the document itself (OCR, layout analysis), with a confidence. */
        EXTRACTED
    }

    public static Provenance typed(String user, Instant at) {
        return new Provenance(Source.TYPED, user, 1, at);
    }

    public static Provenance imported(String origin, Instant at) {
        return new Provenance(Source.IMPORTED, origin, 1, at);
    }

    public static Provenance derived(String rule, Instant at) {
        return new Provenance(Source.DERIVED, rule, 1, at);
    }

    public static Provenance extracted(String extractorId, double confidence, Instant at) {
        return new Provenance(Source.EXTRACTED, extractorId, confidence, at);
    }

    /** True for values a person stands behind (typed or imported). */
    public boolean byPerson() {
        return source == Source.TYPED || source == Source.IMPORTED;
    }
}
