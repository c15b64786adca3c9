package org.hoso.store.derby.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.List;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The catalogue store of the workspace ({@code hoso.workspace}/catalogue). Delayed: the database is opened (and
 * created, on first use) only when a service of it is first used, so {@code hoso version} never touches the
 * workspace.
 */
@Component(service = AuditLog.class)
public final class DerbyCatalogue implements AuditLog {

    static final String WORKSPACE_PROPERTY = "hoso.workspace";

    private final Database database;

    @Activate
    public DerbyCatalogue(BundleContext context) throws SQLException, IOException {
        this(Paths.get(workspace(context)).resolve("catalogue"));
    }

    DerbyCatalogue(Path catalogueDir) throws SQLException, IOException {
        this.database = Database.open(catalogueDir);
    }

    private static String workspace(BundleContext context) {
        String ws = context.getProperty(WORKSPACE_PROPERTY);
        if (ws == null || ws.isBlank()) {
            throw new IllegalStateException("framework property " + WORKSPACE_PROPERTY + " is not set");
        }
        return ws;
    }

    @Deactivate
    void deactivate() {
        database.close();
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
