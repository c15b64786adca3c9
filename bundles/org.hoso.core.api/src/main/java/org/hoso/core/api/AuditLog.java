package org.hoso.core.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalogue's audit log. Entries are written by the catalogue's own service methods, in the same database
 * transaction as the change they record; nothing else appends to it.
 *
 * @since 0.2.0
 */
@ProviderType
public interface AuditLog {

    /** Entries with {@code seq >= fromSeq}, in order, at most {@code limit}. */
    List<AuditEvent> events(long fromSeq, int limit);

    /** Number of entries. */
    long size();

    /** Walks the whole chain and says whether it is intact, and if not, which entry is the first bad one. */
    Verification verify();

    /**
     * Outcome of {@link #verify()}.
     *
     * @param checked    entries read
     * @param firstBad   the sequence number of the first entry that is wrong or missing, when the chain is broken
     * @param problem    what is wrong with it, in English technical words ("hash mismatch", "entry 7 missing"...)
     */
    record Verification(long checked, Optional<Long> firstBad, String problem) {

        public boolean intact() {
            return firstBad.isEmpty();
        }
    }
}
