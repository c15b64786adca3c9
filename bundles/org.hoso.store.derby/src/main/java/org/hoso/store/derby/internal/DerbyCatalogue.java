package org.hoso.store.derby.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalogue store of the workspace, over the workspace's {@link CatalogueDatabase}. Delayed: the database is
 * opened (and created, on first use) only when a service of it is first used, so {@code hoso version} never touches
 * the workspace.
 */
@Component(service = AuditLog.class)
public final class DerbyCatalogue implements AuditLog {

    private final Database database;

    @Activate
    public DerbyCatalogue(@Reference(name = "database") CatalogueDatabase catalogue) {
        this(catalogue.database());
    }

    DerbyCatalogue(Database database) {
        this.database = database;
    }

    Database database() {
        return database;
    }

    @Override
    public List<AuditEvent> events(long fromSeq, int limit) {
        return query(() -> database.inTransaction(c -> AuditChain.read(c, fromSeq, limit)));
    }

    @Override
    public long size() {
        return query(() -> database.inTransaction(AuditChain::size));
    }

    @Override
    public Verification verify() {
        return query(() -> database.inTransaction(AuditChain::verify));
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private <T> T query(Query<T> q) {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("catalogue " + database.directory() + ": "
                    + e.getMessage(), e));
        }
    }
}
