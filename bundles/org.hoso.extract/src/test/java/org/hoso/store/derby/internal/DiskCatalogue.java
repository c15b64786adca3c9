package org.hoso.store.derby.internal;

import java.nio.file.Path;

import org.hoso.core.api.CatalogueService;

/**
 * The store's catalogue on a real Derby database on disk, opened the way the store's own tests open it (its
 * classes are internal to the store bundle; on the test class path the package is shared).
 */
public final class DiskCatalogue implements AutoCloseable {

    private final Database database;
    private final DerbyCatalogue catalogue;

    public DiskCatalogue(Path workspace) throws Exception {
        database = Database.open(workspace.resolve("catalogue"));
        catalogue = new DerbyCatalogue(database);
    }

    public CatalogueService catalogue() {
        return catalogue;
    }

    @Override
    public void close() {
        database.close();
    }
}
