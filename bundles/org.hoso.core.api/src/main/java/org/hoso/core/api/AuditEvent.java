package org.hoso.core.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the tamper-evident audit log: who changed what, when, from what to what. Each entry carries the
 * hash of the previous one, so an edited, deleted or reordered entry breaks the chain.
 *
 * @param seq        position in the log, 1, 2, 3... without gaps
 * @param at         when the change was committed
 * @param actor      who made it (user name, or the job and machine step)
 * @param action     what was done, e.g. {@code fonds.create}, {@code file.move}
 * @param entityType the kind of thing changed, e.g. {@code fonds}
 * @param entityId   its id or code
 * @param before     its state before, as JSON; empty for a creation
 * @param after      its state after, as JSON; empty for a deletion
 * @param previousHash hash of entry {@code seq - 1} (64 zeros for the first)
 * @param hash       SHA-256 over this entry's fields and {@code previousHash}, lower case hex
 * @since 0.2.0
 */
public record AuditEvent(long seq, Instant at, String actor, String action, String entityType, String entityId,
        String before, String after, String previousHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
