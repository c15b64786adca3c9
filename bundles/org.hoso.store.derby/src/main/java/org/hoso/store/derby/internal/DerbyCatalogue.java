package org.hoso.store.derby.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.model.Box;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Location;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.api.model.Rendition;
import org.hoso.core.api.model.SchemeNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalogue store of the workspace, over the workspace's {@link CatalogueDatabase}. Delayed: the database is
 * opened (and created, on first use) only when a service of it is first used, so {@code hoso version} never touches
 * the workspace.
 */
@Component(service = { AuditLog.class, CatalogueService.class })
public final class DerbyCatalogue implements AuditLog, CatalogueService {

    private final Database database;
    /** The catalogue's methods, on the same database and in the same transactions as the audit chain. */
    private final CatalogueRepository catalogue;
    /** Locations, boxes and pages, in the same database. */
    private final Holdings holdings;

    @Activate
    public DerbyCatalogue(@Reference(name = "database") CatalogueDatabase catalogue) {
        this(catalogue.database());
    }

    DerbyCatalogue(Database database) {
        this.database = database;
        this.catalogue = new CatalogueRepository(database, Clock.systemUTC());
        this.holdings = new Holdings(database, Clock.systemUTC());
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

    // --- CatalogueService, delegated

    @Override
    public Fonds createFonds(String code, String name, String actor) {
        return catalogue.createFonds(code, name, actor);
    }

    @Override
    public List<Fonds> fonds() {
        return catalogue.fonds();
    }

    @Override
    public Optional<Fonds> fonds(String code) {
        return catalogue.fonds(code);
    }

    @Override
    public SchemeNode addSchemeNode(String fondsCode, Optional<Long> parentId, String code, String title,
            String actor) {
        return catalogue.addSchemeNode(fondsCode, parentId, code, title, actor);
    }

    @Override
    public List<SchemeNode> scheme(String fondsCode) {
        return catalogue.scheme(fondsCode);
    }

    @Override
    public FileUnit addFile(long schemeNodeId, String fileCode, Optional<String> box,
            Map<String, Field<String>> fields, String actor) {
        return catalogue.addFile(schemeNodeId, fileCode, box, fields, actor);
    }

    @Override
    public Optional<FileUnit> file(String fileCode) {
        return catalogue.file(fileCode);
    }

    @Override
    public List<FileUnit> findFiles(FileQuery query) {
        return catalogue.findFiles(query);
    }

    @Override
    public List<FileUnit> files(long schemeNodeId) {
        return catalogue.files(schemeNodeId);
    }

    @Override
    public FileUnit describeFile(long fileId, String key, Field<String> proposal, String actor) {
        return catalogue.describeFile(fileId, key, proposal, actor);
    }

    @Override
    public FileUnit moveFile(long fileId, long toSchemeNodeId, String actor) {
        return catalogue.moveFile(fileId, toSchemeNodeId, actor);
    }

    @Override
    public Item addItem(long fileId, Map<String, Field<String>> fields, String actor) {
        return catalogue.addItem(fileId, fields, actor);
    }

    @Override
    public List<Item> items(long fileId) {
        return catalogue.items(fileId);
    }

    @Override
    public Item describeItem(long itemId, String key, Field<String> proposal, String actor) {
        return catalogue.describeItem(itemId, key, proposal, actor);
    }

    @Override
    public ImportResult importBatch(ImportBatch batch, String actor) {
        return catalogue.importBatch(batch, actor);
    }

    @Override
    public Counts counts(String fondsCode) {
        return catalogue.counts(fondsCode);
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

    @Override
    public SchemeNode renameSchemeNode(long nodeId, String code, String title, String actor) {
        return catalogue.renameSchemeNode(nodeId, code, title, actor);
    }

    @Override
    public SchemeNode moveSchemeNode(long nodeId, Optional<Long> parentId, int position, String actor) {
        return catalogue.moveSchemeNode(nodeId, parentId, position, actor);
    }

    @Override
    public void removeSchemeNode(long nodeId, String actor) {
        catalogue.removeSchemeNode(nodeId, actor);
    }

    @Override
    public Location addLocation(String code, String name, String actor) {
        return holdings.addLocation(code, name, actor);
    }

    @Override
    public List<Location> locations() {
        return holdings.locations();
    }

    @Override
    public List<Box> boxes(String fondsCode) {
        return holdings.boxes(fondsCode);
    }

    @Override
    public Box describeBox(String fondsCode, String number, int widthMm, Optional<Long> locationId, String actor) {
        return holdings.describeBox(fondsCode, number, widthMm, locationId, actor);
    }

    @Override
    public double shelfMetres(String fondsCode) {
        return holdings.shelfMetres(fondsCode);
    }

    @Override
    public Page addPage(long itemId, ObjectId image, String actor) {
        return holdings.addPage(itemId, image, 1, actor);
    }

    @Override
    public Page addPage(long itemId, ObjectId image, int frame, String actor) {
        return holdings.addPage(itemId, image, frame, actor);
    }

    @Override
    public Optional<FileUnit> file(long fileId) {
        return catalogue.file(fileId);
    }

    @Override
    public Optional<Item> item(long itemId) {
        return catalogue.item(itemId);
    }

    @Override
    public Optional<Page> page(long pageId) {
        return holdings.page(pageId);
    }

    @Override
    public Recognition recordRecognition(Recognition recognition, Page.Status status, String actor) {
        return holdings.recordRecognition(recognition, status, actor);
    }

    @Override
    public Optional<Recognition> recognition(long pageId) {
        return holdings.recognition(pageId);
    }

    @Override
    public Rendition recordRendition(Rendition rendition, String actor) {
        return holdings.recordRendition(rendition, actor);
    }

    @Override
    public Optional<Rendition> rendition(Rendition.Kind kind, long entityId) {
        return holdings.rendition(kind, entityId);
    }

    @Override
    public List<Page> pages(long itemId) {
        return holdings.pages(itemId);
    }

    @Override
    public Page setPageStatus(long pageId, Page.Status status, String actor) {
        return holdings.setPageStatus(pageId, status, actor);
    }

    @Override
    public List<FileUnit> files(long schemeNodeId, int offset, int limit) {
        return catalogue.files(schemeNodeId, offset, limit);
    }

    @Override
    public Map<Long, Long> fileCounts(String fondsCode) {
        return catalogue.fileCounts(fondsCode);
    }

    @Override
    public Map<Long, Long> itemCounts(Collection<Long> fileIds) {
        return catalogue.itemCounts(fileIds);
    }

    @Override
    public Map<Long, Map<Page.Status, Long>> pageCounts(Collection<Long> fileIds) {
        return holdings.pageCounts(fileIds);
    }

    @Override
    public Map<Page.Status, Long> pageCounts(String fondsCode) {
        return holdings.pageCounts(fondsCode);
    }

    @Override
    public List<PageAt> pages(String fondsCode, Optional<String> fileCode, Page.Status status) {
        return holdings.pages(fondsCode, fileCode, status);
    }

    @Override
    public Item moveItem(long itemId, long toFileId, int position, String actor) {
        return catalogue.moveItem(itemId, toFileId, position, actor);
    }
}
