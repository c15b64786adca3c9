package org.hoso.store.derby.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog.Verification;

/**
 * The hash chain of {@code AUDIT_LOG}. Every method works inside the caller's transaction: a change and its audit
 * entry commit together or not at all.
 * <p>
 * The hash of an entry is SHA-256 over its fields, each written as its UTF-8 byte length, a colon and the bytes
 * (so no separator can be forged inside a value): seq, at (ISO-8601 instant), actor, action, entity type, entity
 * id, before, after, previous hash.
 */
final class AuditChain {

    private static final String COLUMNS =
            "SEQ, CHANGED_AT, ACTOR, ACTION, ENTITY_TYPE, ENTITY_ID, BEFORE_JSON, AFTER_JSON, PREV_HASH, HASH";

    private AuditChain() {
    }

    /** What a change says about itself; the chain adds seq, time and hashes. */
    record Change(String actor, String action, String entityType, String entityId, String before, String after) {
    }

    /**
     * Takes the chain's head for this transaction before it reads what it will change. Every change appends to the
     * chain, so changes are one at a time anyway; taking the head first, rather than last, keeps two changes that
     * read before they write (a page's recognition, say) from deadlocking on each other's read locks.
     */
    static void lockHead(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT SEQ FROM AUDIT_HEAD WHERE ID = 1 FOR UPDATE");
                ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit head row is missing: the catalogue was tampered with");
            }
        }
    }

    /** Appends {@code change} after the current head, in the caller's transaction, and moves the head. */
    static AuditEvent append(Connection c, Change change, Instant at) throws SQLException {
        long seq;
        String previous;
        try (PreparedStatement p = c.prepareStatement("SELECT SEQ, HASH FROM AUDIT_HEAD WHERE ID = 1 FOR UPDATE");
                ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit head row is missing: the catalogue was tampered with");
            }
            seq = rs.getLong(1) + 1;
            previous = rs.getString(2);
        }
        String hash = hash(seq, at, change.actor(), change.action(), change.entityType(), change.entityId(),
                change.before(), change.after(), previous);
        AuditEvent event = new AuditEvent(seq, at, change.actor(), change.action(), change.entityType(),
                change.entityId(), change.before(), change.after(), previous, hash);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO AUDIT_LOG (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, at.toString());
            p.setString(3, change.actor());
            p.setString(4, change.action());
            p.setString(5, change.entityType());
            p.setString(6, change.entityId());
            p.setString(7, change.before());
            p.setString(8, change.after());
            p.setString(9, previous);
            p.setString(10, hash);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE AUDIT_HEAD SET SEQ = ?, HASH = ? WHERE ID = 1")) {
            p.setLong(1, seq);
            p.setString(2, hash);
            p.executeUpdate();
        }
        return event;
    }

    static List<AuditEvent> read(Connection c, long fromSeq, int limit) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM AUDIT_LOG WHERE SEQ >= ? ORDER BY SEQ")) {
            p.setLong(1, fromSeq);
            p.setMaxRows(Math.max(0, limit));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    events.add(event(rs));
                }
            }
        }
        return events;
    }

    static long size(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM AUDIT_LOG");
                ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Walks the log in order of SEQ. The first entry whose number is not the next one (deleted or reordered
     * entries), whose previous hash is not the hash of the entry before it, or whose own hash does not match its
     * fields (an edit) is the first bad one; a head pointing past the last entry means entries were removed from the
     * end.
     */
    static Verification verify(Connection c) throws SQLException {
        long expected = 1;
        String previous = AuditEvent.GENESIS;
        long checked = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM AUDIT_LOG ORDER BY SEQ");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                AuditEvent e = event(rs);
                checked++;
                if (e.seq() != expected) {
                    return new Verification(checked, Optional.of(expected),
                            "entry " + expected + " is missing (the next entry is " + e.seq() + ")");
                }
                if (!e.previousHash().equals(previous)) {
                    return new Verification(checked, Optional.of(e.seq()),
                            "entry " + e.seq() + " does not follow entry " + (e.seq() - 1)
                                    + " (previous hash differs): entries were reordered, replaced or removed");
                }
                String actual = hash(e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(),
                        e.before(), e.after(), e.previousHash());
                if (!actual.equals(e.hash())) {
                    return new Verification(checked, Optional.of(e.seq()),
                            "entry " + e.seq() + " was edited (its content does not match its hash)");
                }
                previous = e.hash();
                expected++;
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT SEQ, HASH FROM AUDIT_HEAD WHERE ID = 1");
                ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                return new Verification(checked, Optional.of(expected), "the audit head is missing");
            }
            long headSeq = rs.getLong(1);
            if (headSeq != expected - 1 || !rs.getString(2).equals(previous)) {
                return new Verification(checked, Optional.of(Math.min(headSeq, expected)),
                        "the log ends at entry " + (expected - 1) + " but its head says " + headSeq
                                + ": entries were removed from the end");
            }
        }
        return new Verification(checked, Optional.empty(), "");
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }

    static String hash(long seq, Instant at, String actor, String action, String entityType, String entityId,
            String before, String after, String previousHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (String field : new String[] { Long.toString(seq), at.toString(), actor, action, entityType, entityId,
                before, after, previousHash }) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
