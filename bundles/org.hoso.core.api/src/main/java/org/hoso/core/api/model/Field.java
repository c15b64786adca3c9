package org.hoso.core.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A described value with its provenance.
 *
 * @param <T> the value type
 * @since 0.1.0
 */
public record Field<T>(T value, Provenance provenance) {

    public Field {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Which value to keep when {@code proposal} arrives for a field that holds {@code current}. The rule that lets
     * machines help without undoing people's work:
     * <ol>
     * <li>a person's new value (typed) always wins;</li>
     * <li>a value a person stands behind (typed, imported) is never replaced by a machine (derived, extracted);</li>
     * <li>an import replaces an earlier import (re-importing a corrected inventory) but not a typed value;</li>
     * <li>a derived value replaces derived and extracted values (it is recomputed from the current documents);</li>
     * <li>between extracted values the more confident wins; on a tie, the newer.</li>
     * </ol>
     *
     * @return the field to keep: {@code current} or {@code proposal}
     */
    public static <T> Field<T> resolve(Optional<Field<T>> current, Field<T> proposal) {
        Objects.requireNonNull(proposal, "proposal");
        if (current.isEmpty()) {
            return proposal;
        }
        Field<T> cur = current.get();
        Provenance c = cur.provenance();
        Provenance p = proposal.provenance();
        boolean replace = switch (p.source()) {
            case TYPED -> true;
            case IMPORTED -> c.source() != Provenance.Source.TYPED;
            case DERIVED -> !c.byPerson();
            case EXTRACTED -> c.source() == Provenance.Source.EXTRACTED
                    && (p.confidence() > c.confidence()
                            || p.confidence() == c.confidence() && !p.at().isBefore(c.at()));
        };
        return replace ? proposal : cur;
    }
}
