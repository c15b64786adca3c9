package org.hoso.store.derby.internal;

import java.io.IOException;
import java.nio.file.Paths;
import java.sql.SQLException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The one catalogue database of the workspace ({@code hoso.workspace}/catalogue), shared by the store's services
 * (the audit log, the job service...), so that they share one set of connections, locks and transactions. Its
 * service type is internal, so only this bundle's components can use it. Delayed: it opens (and creates, on first
 * use) the database when the first service that needs it is used, so {@code hoso version} never touches the
 * workspace; it closes it after the services using it have been deactivated.
 */
@Component(service = CatalogueDatabase.class)
public final class CatalogueDatabase {

    static final String WORKSPACE_PROPERTY = "hoso.workspace";

    private final Database database;

    @Activate
    public CatalogueDatabase(BundleContext context) throws SQLException, IOException {
        this.database = Database.open(Paths.get(workspace(context)).resolve("catalogue"));
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
}
