package org.hoso.store.derby.internal;

import java.nio.file.Path;

/**
 * The real Derby catalogue for this module's tests, built the way org.hoso.store.derby's own tests build it (its
 * constructor on a folder is package-private). Test code only: it lives in this module's test sources.
 */
public final class TestCatalogues {

    private TestCatalogues() {
    }

    /** A catalogue in {@code dir} (created on first use). */
    public static DerbyCatalogue open(Path dir) throws Exception {
        return new DerbyCatalogue(Database.open(dir));
    }

    /** Shuts the catalogue's database down, as the framework does when the component goes. */
    public static void close(DerbyCatalogue catalogue) {
        catalogue.database().close();
    }
}
