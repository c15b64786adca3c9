package org.hoso.core.api.model;

import java.util.Objects;

/**
 * A place where boxes stand: a shelf (giá) and tier (tầng) in a store room (kho), named by the archive's own code.
 *
 * @param id   catalogue id
 * @param code the archive's code for it, unique, e.g. {@code K1-G03-T2} (store 1, shelf 3, tier 2)
 * @param name a description for people ("Kho 1, giá 3, tầng 2")
 * @since 0.2.0
 */
public record Location(long id, String code, String name) {

    public Location {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
