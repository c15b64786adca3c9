package org.hoso.core.api;

import java.util.Objects;

/**
 * An object in the {@link ObjectStore}.
 *
 * @param id   its id, the SHA-256 of its bytes
 * @param size its length in bytes
 * @since 0.2.0
 */
public record StoredObject(ObjectId id, long size) {

    public StoredObject {
        Objects.requireNonNull(id, "id");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
