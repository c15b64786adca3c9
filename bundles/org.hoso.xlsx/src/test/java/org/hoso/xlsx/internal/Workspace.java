package org.hoso.xlsx.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.hoso.core.api.AuditLog;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.InventoryService;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.internal.TestObjectStores;
import org.hoso.store.derby.internal.DerbyCatalogue;
import org.hoso.store.derby.internal.TestCatalogues;

/** A workspace on disk for a test: the real Derby catalogue, the real object store and the service over them. */
final class Workspace implements AutoCloseable {

    static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    final Path dir;
    private final DerbyCatalogue derby;
    final ObjectStore objects;
    final InventoryService inventory;

    Workspace(Path dir) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.derby = TestCatalogues.open(dir.resolve("catalogue"));
        this.objects = TestObjectStores.open(dir.resolve("objects"));
        this.inventory = new XlsxInventoryService(derby, objects, Clock.fixed(T, ZoneOffset.UTC));
    }

    CatalogueService catalogue() {
        return derby;
    }

    AuditLog audit() {
        return derby;
    }

    @Override
    public void close() {
        TestCatalogues.close(derby);
    }
}
