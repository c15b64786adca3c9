package org.hoso.core.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a stored object: the SHA-256 of its bytes, as 64 lower-case hex digits. Two objects with the same
 * bytes have the same id, so an id says which content is meant wherever the object lives (a copy of the workspace,
 * an export, a handover package).
 *
 * @param hex the SHA-256 in lower-case hex
 * @since 0.2.0
 */
public record ObjectId(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ObjectId {
        Objects.requireNonNull(hex, "hex");
        if (!SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not an object id (64 lower-case hex digits of a SHA-256): " + hex);
        }
    }

    /** The id written as {@code hex}; throws {@link IllegalArgumentException} if it is not 64 lower-case hex digits. */
    public static ObjectId of(String hex) {
        return new ObjectId(hex);
    }

    /** The hex digits, nothing else: safe to use in file names, JSON and messages. */
    @Override
    public String toString() {
        return hex;
    }
}
