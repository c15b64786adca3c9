package org.hoso.store.derby.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.FileQuery;
import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.CatalogueService.ImportResult;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.CatalogueService.SchemeStep;
import org.hoso.core.api.CatalogueService.Counts;
import org.hoso.core.api.model.Description;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.RetentionPeriod;
import org.hoso.core.api.model.SchemeNode;

/**
 * The catalogue's fonds, scheme, files and documents in SQL ({@link DerbyCatalogue} offers them as
 * {@link CatalogueService}). Each public method is one transaction that writes the change and its audit entry.
 */
final class CatalogueRepository {

    private static final String FILE_COLUMNS =
            "ID, FONDS_CODE, SCHEME_NODE_ID, FILE_CODE, FILE_NUMBER, BOX, DESCRIPTION";
    private static final String ITEM_COLUMNS = "ID, FILE_ID, POSITION, DOC_CODE, DESCRIPTION";

    private final Database db;
    private final Clock clock;

    CatalogueRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Fonds createFonds(String code, String name, String actor) {
        Fonds fonds = new Fonds(code.strip(), name.strip(), Description.EMPTY);
        return inTransaction(c -> {
            if (fonds(c, fonds.code()).isPresent()) {
                throw new IllegalArgumentException("fonds " + fonds.code() + " already exists");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO FONDS (CODE, NAME, DESCRIPTION) VALUES (?, ?, ?)")) {
                p.setString(1, fonds.code());
                p.setString(2, fonds.name());
                p.setString(3, JsonCodec.write(fonds.description()));
                p.executeUpdate();
            }
            audit(c, actor, "fonds.create", "fonds", fonds.code(), "", json(fonds));
            return fonds;
        });
    }

    public List<Fonds> fonds() {
        return inTransaction(c -> {
            List<Fonds> all = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CODE, NAME, DESCRIPTION FROM FONDS ORDER BY CODE")) {
                while (rs.next()) {
                    all.add(new Fonds(rs.getString(1), rs.getString(2), JsonCodec.read(rs.getString(3))));
                }
            }
            return all;
        });
    }

    public Optional<Fonds> fonds(String code) {
        return inTransaction(c -> fonds(c, code));
    }

    private static Optional<Fonds> fonds(Connection c, String code) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT CODE, NAME, DESCRIPTION FROM FONDS WHERE CODE = ?")) {
            p.setString(1, code);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Fonds(rs.getString(1), rs.getString(2),
                        JsonCodec.read(rs.getString(3)))) : Optional.empty();
            }
        }
    }

    public SchemeNode addSchemeNode(String fondsCode, Optional<Long> parentId, String code, String title,
            String actor) {
        return inTransaction(c -> {
            requireFonds(c, fondsCode);
            if (parentId.isPresent()) {
                SchemeNode parent = node(c, parentId.get());
                if (!parent.fondsCode().equals(fondsCode)) {
                    throw new IllegalArgumentException("scheme node " + parentId.get() + " belongs to fonds "
                            + parent.fondsCode() + ", not " + fondsCode);
                }
            }
            int position;
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(POSITION), 0) + 1 FROM SCHEME_NODE "
                    + "WHERE FONDS_CODE = ? AND " + (parentId.isPresent() ? "PARENT_ID = ?" : "PARENT_ID IS NULL"))) {
                p.setString(1, fondsCode);
                if (parentId.isPresent()) {
                    p.setLong(2, parentId.get());
                }
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
            SchemeNode node = new SchemeNode(reserveIds(c, "SCHEME_NODE", 1), fondsCode, parentId, code.strip(),
                    title.strip(), position);
            insertNode(c, node);
            long id = node.id();
            audit(c, actor, "scheme.add", "schemeNode", Long.toString(id), "", json(node));
            return node;
        });
    }

    public List<SchemeNode> scheme(String fondsCode) {
        return inTransaction(c -> {
            List<SchemeNode> all = schemeIn(c, fondsCode);
            List<SchemeNode> ordered = new ArrayList<>();
            addChildren(all, Optional.empty(), ordered);
            return ordered;
        });
    }

    public SchemeNode renameSchemeNode(long nodeId, String code, String title, String actor) {
        if (code.isBlank() || title.isBlank()) {
            throw new IllegalArgumentException("a scheme node needs a code and a title");
        }
        return inTransaction(c -> {
            SchemeNode before = node(c, nodeId);
            SchemeNode after = new SchemeNode(before.id(), before.fondsCode(), before.parentId(), code.strip(),
                    title.strip(), before.position());
            try (PreparedStatement p = c.prepareStatement("UPDATE SCHEME_NODE SET CODE = ?, TITLE = ? WHERE ID = ?")) {
                p.setString(1, after.code());
                p.setString(2, after.title());
                p.setLong(3, nodeId);
                p.executeUpdate();
            }
            audit(c, actor, "scheme.rename", "schemeNode", Long.toString(nodeId), json(before), json(after));
            return after;
        });
    }

    public SchemeNode moveSchemeNode(long nodeId, Optional<Long> parentId, int position, String actor) {
        return inTransaction(c -> {
            SchemeNode before = node(c, nodeId);
            List<SchemeNode> all = schemeIn(c, before.fondsCode());
            if (parentId.isPresent()) {
                SchemeNode parent = node(c, parentId.get());
                if (!parent.fondsCode().equals(before.fondsCode())) {
                    throw new IllegalArgumentException("scheme node " + before.code() + " belongs to fonds "
                            + before.fondsCode() + " and cannot move under a node of fonds " + parent.fondsCode());
                }
                for (Optional<Long> up = parentId; up.isPresent(); ) {
                    long id = up.get();
                    if (id == nodeId) {
                        throw new IllegalArgumentException("scheme node " + before.code()
                                + " cannot move under itself or a node under it");
                    }
                    up = all.stream().filter(n -> n.id() == id).findFirst().flatMap(SchemeNode::parentId);
                }
            }
            // close the gap it leaves, then make room where it goes
            shiftSiblings(c, before.fondsCode(), before.parentId(), before.position() + 1, -1);
            long siblings = all.stream().filter(n -> n.parentId().equals(parentId) && n.id() != nodeId).count();
            int at = (int) Math.max(1, Math.min(position, siblings + 1));
            shiftSiblings(c, before.fondsCode(), parentId, at, +1);
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE SCHEME_NODE SET PARENT_ID = ?, POSITION = ? WHERE ID = ?")) {
                if (parentId.isPresent()) {
                    p.setLong(1, parentId.get());
                } else {
                    p.setNull(1, Types.BIGINT);
                }
                p.setInt(2, at);
                p.setLong(3, nodeId);
                p.executeUpdate();
            }
            SchemeNode after = new SchemeNode(nodeId, before.fondsCode(), parentId, before.code(), before.title(), at);
            audit(c, actor, "scheme.move", "schemeNode", Long.toString(nodeId), json(before), json(after));
            return after;
        });
    }

    public void removeSchemeNode(long nodeId, String actor) {
        inTransaction(c -> {
            SchemeNode node = node(c, nodeId);
            long files = count(c, "SELECT COUNT(*) FROM FILE_UNIT WHERE SCHEME_NODE_ID = ?", nodeId);
            long children = count(c, "SELECT COUNT(*) FROM SCHEME_NODE WHERE PARENT_ID = ?", nodeId);
            if (files > 0 || children > 0) {
                throw new IllegalArgumentException("scheme node " + node.code() + " still holds " + files
                        + " files and " + children + " groups: move them first");
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM SCHEME_NODE WHERE ID = ?")) {
                p.setLong(1, nodeId);
                p.executeUpdate();
            }
            shiftSiblings(c, node.fondsCode(), node.parentId(), node.position() + 1, -1);
            audit(c, actor, "scheme.remove", "schemeNode", Long.toString(nodeId), json(node), "");
            return null;
        });
    }

    /** Adds {@code by} to the position of the siblings under {@code parent} from position {@code from} on. */
    private static void shiftSiblings(Connection c, String fondsCode, Optional<Long> parent, int from, int by)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE SCHEME_NODE SET POSITION = POSITION + ? "
                + "WHERE FONDS_CODE = ? AND POSITION >= ? AND "
                + (parent.isPresent() ? "PARENT_ID = ?" : "PARENT_ID IS NULL"))) {
            p.setInt(1, by);
            p.setString(2, fondsCode);
            p.setInt(3, from);
            if (parent.isPresent()) {
                p.setLong(4, parent.get());
            }
            p.executeUpdate();
        }
    }

    private static void addChildren(List<SchemeNode> all, Optional<Long> parent, List<SchemeNode> out) {
        for (SchemeNode n : all) {
            if (n.parentId().equals(parent)) {
                out.add(n);
                addChildren(all, Optional.of(n.id()), out);
            }
        }
    }

    public FileUnit addFile(long schemeNodeId, String fileCode, Optional<String> box,
            Map<String, Field<String>> fields, String actor) {
        Description description = Description.of(fields);
        return inTransaction(c -> {
            SchemeNode node = node(c, schemeNodeId);
            String code = fileCode.strip();
            if (code.isEmpty()) {
                throw new IllegalArgumentException("a file needs a file code");
            }
            if (file(c, "FILE_CODE = ?", code).isPresent()) {
                throw new IllegalArgumentException("file code " + code + " is already used");
            }
            int number;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(MAX(FILE_NUMBER), 0) + 1 FROM FILE_UNIT WHERE FONDS_CODE = ?")) {
                p.setString(1, node.fondsCode());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    number = rs.getInt(1);
                }
            }
            FileUnit file = new FileUnit(reserveIds(c, "FILE_UNIT", 1), node.fondsCode(), schemeNodeId, code, number,
                    box.map(String::strip).filter(b -> !b.isEmpty()), description);
            try (PreparedStatement p = c.prepareStatement(INSERT_FILE)) {
                bindFile(p, file);
                p.executeUpdate();
            }
            rewriteYears(c, file);
            Holdings.ensureBox(c, file.fondsCode(), file.box());
            audit(c, actor, "file.add", "file", code, "", json(file));
            return file;
        });
    }

    public Optional<FileUnit> file(String fileCode) {
        return inTransaction(c -> file(c, "FILE_CODE = ?", fileCode.strip()));
    }

    public Optional<FileUnit> file(long fileId) {
        return inTransaction(c -> file(c, "ID = ?", fileId));
    }

    public Optional<Item> item(long itemId) {
        return inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM ITEM WHERE ID = ?")) {
                p.setLong(1, itemId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(item(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<FileUnit> files(long schemeNodeId) {
        return inTransaction(c -> {
            List<FileUnit> all = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + FILE_COLUMNS
                    + " FROM FILE_UNIT WHERE SCHEME_NODE_ID = ? ORDER BY FILE_NUMBER")) {
                p.setLong(1, schemeNodeId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        all.add(file(rs));
                    }
                }
            }
            return all;
        });
    }

    public List<FileUnit> files(long schemeNodeId, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be within 1..10000: " + limit);
        }
        return inTransaction(c -> {
            List<FileUnit> slice = new ArrayList<>();
            // the slice's first file number from the FILE_UNIT_NODE index alone, then the rows from there on: an
            // OFFSET over whole rows read and threw away every description before it (p50 58 ms, p95 122 ms for
            // 200 files anywhere in a node of 100,000 files' fonds; now see the store's README)
            int first;
            try (PreparedStatement p = c.prepareStatement("SELECT FILE_NUMBER FROM FILE_UNIT WHERE SCHEME_NODE_ID = ? "
                    + "ORDER BY FILE_NUMBER OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
                p.setLong(1, schemeNodeId);
                p.setInt(2, offset);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return slice;
                    }
                    first = rs.getInt(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM FILE_UNIT "
                    + "WHERE SCHEME_NODE_ID = ? AND FILE_NUMBER >= ? ORDER BY FILE_NUMBER FETCH NEXT ? ROWS ONLY")) {
                p.setLong(1, schemeNodeId);
                p.setInt(2, first);
                p.setInt(3, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        slice.add(file(rs));
                    }
                }
            }
            return slice;
        });
    }

    public Map<Long, Long> fileCounts(String fondsCode) {
        return inTransaction(c -> {
            requireFonds(c, fondsCode);
            // one count per node, each read from the FILE_UNIT_NODE index alone: on a fonds of 100,000 files about
            // 0.1 s warm, where one GROUP BY over the fonds' rows reads every description (1.2 s)
            Map<Long, Long> counts = new HashMap<>();
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM FILE_UNIT WHERE SCHEME_NODE_ID = ?")) {
                for (SchemeNode node : schemeIn(c, fondsCode)) {
                    count.setLong(1, node.id());
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            counts.put(node.id(), rs.getLong(1));
                        }
                    }
                }
            }
            return counts;
        });
    }

    public Map<Long, Long> itemCounts(java.util.Collection<Long> fileIds) {
        if (fileIds.isEmpty()) {
            return Map.of();
        }
        return inTransaction(c -> {
            Map<Long, Long> counts = new HashMap<>();
            for (List<Long> chunk : chunks(fileIds)) {
                try (PreparedStatement p = c.prepareStatement("SELECT FILE_ID, COUNT(*) FROM ITEM WHERE FILE_ID IN ("
                        + marks(chunk.size()) + ") GROUP BY FILE_ID")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        p.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                }
            }
            return counts;
        });
    }

    /** Ids in lists of at most 500, for IN (...) lists. */
    static List<List<Long>> chunks(java.util.Collection<Long> ids) {
        List<Long> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    public Item moveItem(long itemId, long toFileId, int position, String actor) {
        return inTransaction(c -> {
            Item before = item(c, itemId);
            FileUnit from = file(c, "ID = ?", before.fileId())
                    .orElseThrow(() -> new IllegalArgumentException("no file with id " + before.fileId()));
            FileUnit to = file(c, "ID = ?", toFileId)
                    .orElseThrow(() -> new IllegalArgumentException("no file with id " + toFileId));
            if (!to.fondsCode().equals(from.fondsCode())) {
                throw new IllegalArgumentException("document " + before.docCode() + " belongs to fonds "
                        + from.fondsCode() + " and cannot move to file " + to.fileCode() + " of fonds "
                        + to.fondsCode());
            }
            List<Long> source = itemIds(c, from.id());
            source.remove(Long.valueOf(itemId));
            List<Long> target = from.id() == to.id() ? source : itemIds(c, to.id());
            int at = Math.max(1, Math.min(position, target.size() + 1));
            target.add(at - 1, itemId);
            // park the positions of both files out of the way first: (FILE_ID, POSITION) is unique row by row
            for (long fileId : from.id() == to.id() ? List.of(to.id()) : List.of(from.id(), to.id())) {
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE ITEM SET POSITION = -POSITION WHERE FILE_ID = ?")) {
                    p.setLong(1, fileId);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE ITEM SET FILE_ID = ?, POSITION = ?, DOC_CODE = ? WHERE ID = ?")) {
                if (from.id() != to.id()) {
                    renumber(p, from, source);
                }
                renumber(p, to, target);
                p.executeBatch();
            }
            Item after = item(c, itemId);
            audit(c, actor, "item.move", "item", before.docCode(), json(before), json(after));
            return after;
        });
    }

    private static void renumber(PreparedStatement p, FileUnit file, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            p.setLong(1, file.id());
            p.setInt(2, i + 1);
            p.setString(3, Item.docCode(file.fileCode(), i + 1));
            p.setLong(4, ids.get(i));
            p.addBatch();
        }
    }

    private static List<Long> itemIds(Connection c, long fileId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT ID FROM ITEM WHERE FILE_ID = ? ORDER BY POSITION")) {
            p.setLong(1, fileId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Item item(Connection c, long itemId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM ITEM WHERE ID = ?")) {
            p.setLong(1, itemId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no document with id " + itemId);
                }
                return item(rs);
            }
        }
    }

    public List<FileUnit> findFiles(FileQuery query) {
        String fonds = query.fondsCode().strip();
        if (query.from().isEmpty() && query.to().isEmpty()) {
            return inTransaction(c -> {
                List<FileUnit> found = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM FILE_UNIT "
                        + "WHERE FONDS_CODE = ?" + (query.box().isPresent() ? " AND BOX = ?" : "")
                        + " ORDER BY FILE_NUMBER FETCH FIRST " + query.limit() + " ROWS ONLY")) {
                    p.setString(1, fonds);
                    if (query.box().isPresent()) {
                        p.setString(2, query.box().get().strip());
                    }
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            found.add(file(rs));
                        }
                    }
                }
                return found;
            });
        }
        // a period: its years pick the candidates from FILE_YEAR's covering index, which also filters and orders
        java.time.LocalDate from = query.from().orElse(java.time.LocalDate.of(1, 1, 1));
        java.time.LocalDate to = query.to().orElse(java.time.LocalDate.of(9999, 12, 31));
        if (to.isBefore(from)) {
            return List.of();
        }
        return inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT Y.FILE_NUMBER, Y.FILE_ID FROM FILE_YEAR Y"
                    + (query.box().isPresent() ? " JOIN FILE_UNIT F ON F.ID = Y.FILE_ID AND F.BOX = ?" : "")
                    + " WHERE Y.FONDS_CODE = ? AND Y.YEAR_NO BETWEEN ? AND ? AND Y.START_DATE <= ?"
                    + " AND Y.END_DATE >= ? ORDER BY Y.FILE_NUMBER FETCH FIRST " + query.limit() + " ROWS ONLY")) {
                int i = 1;
                if (query.box().isPresent()) {
                    p.setString(i++, query.box().get().strip());
                }
                p.setString(i++, fonds);
                p.setInt(i++, Math.max(from.getYear(), 1));
                p.setInt(i++, Math.min(to.getYear(), 9999));
                p.setDate(i++, Date.valueOf(to));
                p.setDate(i, Date.valueOf(from));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            List<FileUnit> found = new ArrayList<>();
            String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement p = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM FILE_UNIT WHERE ID IN ("
                    + marks + ") ORDER BY FILE_NUMBER")) {
                for (int i = 0; i < ids.size(); i++) {
                    p.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        found.add(file(rs));
                    }
                }
            }
            return found;
        });
    }

    public FileUnit describeFile(long fileId, String key, Field<String> proposal, String actor) {
        return inTransaction(c -> {
            FileUnit before = file(c, "ID = ?", fileId)
                    .orElseThrow(() -> new IllegalArgumentException("no file with id " + fileId));
            Description d = before.description().propose(key, proposal);
            if (d.equals(before.description())) {
                return before;
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE FILE_UNIT SET START_DATE = ?, END_DATE = ?, "
                    + "RETENTION_CODE = ?, ACCESS_CODE = ?, DESCRIPTION = ? WHERE ID = ?")) {
                setFileColumns(p, 1, d);
                p.setLong(6, fileId);
                p.executeUpdate();
            }
            FileUnit after = new FileUnit(before.id(), before.fondsCode(), before.schemeNodeId(), before.fileCode(),
                    before.fileNumber(), before.box(), d);
            if (key.equals(FileFields.START_DATE) || key.equals(FileFields.END_DATE)) {
                rewriteYears(c, after);
            }
            audit(c, actor, "file.describe", "file", before.fileCode(), json(before), json(after));
            return after;
        });
    }

    public FileUnit moveFile(long fileId, long toSchemeNodeId, String actor) {
        return inTransaction(c -> {
            FileUnit before = file(c, "ID = ?", fileId)
                    .orElseThrow(() -> new IllegalArgumentException("no file with id " + fileId));
            SchemeNode target = node(c, toSchemeNodeId);
            if (!target.fondsCode().equals(before.fondsCode())) {
                throw new IllegalArgumentException("file " + before.fileCode() + " belongs to fonds "
                        + before.fondsCode() + " and cannot move to a node of fonds " + target.fondsCode());
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE FILE_UNIT SET SCHEME_NODE_ID = ? WHERE ID = ?")) {
                p.setLong(1, toSchemeNodeId);
                p.setLong(2, fileId);
                p.executeUpdate();
            }
            FileUnit after = new FileUnit(before.id(), before.fondsCode(), toSchemeNodeId, before.fileCode(),
                    before.fileNumber(), before.box(), before.description());
            audit(c, actor, "file.move", "file", before.fileCode(), json(before), json(after));
            return after;
        });
    }

    public Item addItem(long fileId, Map<String, Field<String>> fields, String actor) {
        Description description = Description.of(fields);
        return inTransaction(c -> {
            FileUnit file = file(c, "ID = ?", fileId)
                    .orElseThrow(() -> new IllegalArgumentException("no file with id " + fileId));
            int position;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(MAX(POSITION), 0) + 1 FROM ITEM WHERE FILE_ID = ?")) {
                p.setLong(1, fileId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
            Item item = new Item(reserveIds(c, "ITEM", 1), fileId, position, Item.docCode(file.fileCode(), position),
                    description);
            try (PreparedStatement p = c.prepareStatement(INSERT_ITEM)) {
                bindItem(p, item);
                p.executeUpdate();
            }
            String docCode = item.docCode();
            audit(c, actor, "item.add", "item", docCode, "", json(item));
            return item;
        });
    }

    public List<Item> items(long fileId) {
        return inTransaction(c -> {
            List<Item> all = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT " + ITEM_COLUMNS + " FROM ITEM WHERE FILE_ID = ? ORDER BY POSITION")) {
                p.setLong(1, fileId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        all.add(item(rs));
                    }
                }
            }
            return all;
        });
    }

    public Item describeItem(long itemId, String key, Field<String> proposal, String actor) {
        return inTransaction(c -> {
            Item before;
            try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM ITEM WHERE ID = ?")) {
                p.setLong(1, itemId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no document with id " + itemId);
                    }
                    before = item(rs);
                }
            }
            Description d = before.description().propose(key, proposal);
            if (d.equals(before.description())) {
                return before;
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE ITEM SET ITEM_DATE = ?, TYPE_CODE = ?, DESCRIPTION = ? WHERE ID = ?")) {
                setItemColumns(p, 1, d);
                p.setLong(4, itemId);
                p.executeUpdate();
            }
            Item after = new Item(before.id(), before.fileId(), before.position(), before.docCode(), d);
            audit(c, actor, "item.describe", "item", before.docCode(), json(before), json(after));
            return after;
        });
    }

    /** Rows per JDBC batch in an import. */
    private static final int BATCH = 1000;
    /** Where files without a scheme path go. */
    static final SchemeStep UNCLASSIFIED = new SchemeStep("0", "Chưa phân loại");

    /** Ids reserved from ID_SEQUENCE in blocks, inside the importing transaction. */
    private static final class IdBlock {
        private final Connection c;
        private final String sequence;
        private final int size;
        private long next;
        private long end;

        IdBlock(Connection c, String sequence, int size) {
            this.c = c;
            this.sequence = sequence;
            this.size = size;
        }

        long next() throws SQLException {
            if (next == end) {
                next = reserveIds(c, sequence, size);
                end = next + size;
            }
            return next++;
        }
    }

    /**
     * One pass over the files, whatever their number: each file is read once from the batch (which may make them as
     * they are read) and nothing of it is kept but its code and row, so memory stays bounded for a million documents.
     */
    public ImportResult importBatch(ImportBatch batch, String actor) {
        // once: the batch may be a one-pass stream, so a deadlock victim is reported, not run again
        return writeOnce(db, c -> {
            // Whole tables, taken up front: an import of more than a few thousand rows would escalate its row locks
            // to these anyway (derby.locks.escalationThreshold), and a million row locks cost 7% of its time. The
            // audit head first, as every writer takes it, so that an import and a page writer cannot deadlock.
            AuditChain.lockHead(c);
            try (Statement s = c.createStatement()) {
                for (String table : List.of("FONDS", "SCHEME_NODE", "FILE_UNIT", "FILE_YEAR", "BOX", "ITEM")) {
                    s.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
                }
            }
            String fondsCode = batch.fondsCode().strip();
            if (fonds(c, fondsCode).isEmpty()) {
                Fonds f = new Fonds(fondsCode, batch.fondsName().isBlank() ? fondsCode : batch.fondsName().strip(),
                        Description.EMPTY);
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO FONDS (CODE, NAME, DESCRIPTION) VALUES (?, ?, ?)")) {
                    p.setString(1, f.code());
                    p.setString(2, f.name());
                    p.setString(3, JsonCodec.write(f.description()));
                    p.executeUpdate();
                }
            }
            // scheme nodes: existing ones by (parent, code); new ones reserved one by one (few)
            Map<String, SchemeNode> nodes = new LinkedHashMap<>();
            for (SchemeNode n : schemeIn(c, fondsCode)) {
                nodes.put(n.parentId().map(String::valueOf).orElse("") + "/" + n.code(), n);
            }
            int number;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(MAX(FILE_NUMBER), 0) + 1 FROM FILE_UNIT WHERE FONDS_CODE = ?")) {
                p.setString(1, fondsCode);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    number = rs.getInt(1);
                }
            }
            Map<String, Integer> rows = new HashMap<>();
            List<String> unchecked = new ArrayList<>();
            java.util.Set<String> boxNumbers = Holdings.boxNumbers(c, fondsCode);
            IdBlock boxIds = new IdBlock(c, "BOX", 100);
            IdBlock fileIds = new IdBlock(c, "FILE_UNIT", BATCH);
            IdBlock itemIds = new IdBlock(c, "ITEM", 10 * BATCH);
            long created = 0;
            long fileCount = 0;
            long itemCount = 0;
            try (ImportReader reader = new ImportReader(batch.files());
                    PreparedStatement files = c.prepareStatement(INSERT_FILE);
                    PreparedStatement years = c.prepareStatement(INSERT_YEAR);
                    PreparedStatement boxes = c.prepareStatement(Holdings.INSERT_BOX);
                    PreparedStatement items = c.prepareStatement(INSERT_ITEM)) {
                int pendingFiles = 0;
                int pendingItems = 0;
                for (ImportReader.ReadyFile ready : reader) {
                    NewFile nf = ready.source();
                    String code = nf.fileCode().strip();
                    if (code.isEmpty()) {
                        throw new IllegalArgumentException("row " + nf.sourceRow() + ": the file code is empty");
                    }
                    Integer other = rows.putIfAbsent(code, nf.sourceRow());
                    if (other != null) {
                        throw new IllegalArgumentException("rows " + other + " and " + nf.sourceRow() + ": file code "
                                + code + " appears twice");
                    }
                    unchecked.add(code);
                    List<SchemeStep> path = nf.schemePath().isEmpty() ? List.of(UNCLASSIFIED) : nf.schemePath();
                    Optional<Long> parent = Optional.empty();
                    for (SchemeStep step : path) {
                        String key = parent.map(String::valueOf).orElse("") + "/" + step.code().strip();
                        SchemeNode node = nodes.get(key);
                        if (node == null) {
                            Optional<Long> p = parent;
                            int position = (int) nodes.values().stream().filter(n -> n.parentId().equals(p)).count()
                                    + 1;
                            node = new SchemeNode(reserveIds(c, "SCHEME_NODE", 1), fondsCode, parent,
                                    step.code().strip(), step.title().strip(), position);
                            insertNode(c, node);
                            nodes.put(key, node);
                            created++;
                        }
                        parent = Optional.of(node.id());
                    }
                    FileUnit file;
                    try {
                        file = new FileUnit(fileIds.next(), fondsCode, parent.orElseThrow(), code, number++,
                                nf.box().map(String::strip).filter(b -> !b.isEmpty()), ready.description());
                        bindFile(files, file, ready.json());
                        bindYears(years, file);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("row " + nf.sourceRow() + ", file " + nf.fileCode() + ": "
                                + e.getMessage(), e);
                    }
                    files.addBatch();
                    fileCount++;
                    if (file.box().isPresent() && boxNumbers.add(file.box().get())) {
                        Holdings.bindBox(boxes, boxIds.next(), fondsCode, file.box().get());
                        boxes.addBatch();
                    }
                    if (++pendingFiles == BATCH) {
                        checkFileCodes(c, unchecked, rows);
                        files.executeBatch();
                        years.executeBatch();
                        pendingFiles = 0;
                    }
                    int position = 1;
                    for (int k = 0; k < ready.items().size(); k++) {
                        try {
                            bindItem(items, new Item(itemIds.next(), file.id(), position,
                                    Item.docCode(file.fileCode(), position), ready.items().get(k)),
                                    ready.itemJson().get(k));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("row " + nf.sourceRow() + ", file " + nf.fileCode()
                                    + ", document " + position + ": " + e.getMessage(), e);
                        }
                        position++;
                        items.addBatch();
                        itemCount++;
                        if (++pendingItems == BATCH) {
                            // the files first: the documents refer to them
                            checkFileCodes(c, unchecked, rows);
                            files.executeBatch();
                            years.executeBatch();
                            pendingFiles = 0;
                            items.executeBatch();
                            pendingItems = 0;
                        }
                    }
                }
                checkFileCodes(c, unchecked, rows);
                files.executeBatch();
                years.executeBatch();
                items.executeBatch();
                boxes.executeBatch();
            }
            Map<String, String> summary = new LinkedHashMap<>();
            summary.put("source", batch.source());
            summary.put("sourceObject", batch.sourceObject().map(Object::toString).orElse(""));
            summary.put("schemeNodesCreated", Long.toString(created));
            summary.put("files", Long.toString(fileCount));
            summary.put("items", Long.toString(itemCount));
            long seq = AuditChain.append(c, new AuditChain.Change(actor, "catalogue.import", "fonds", fondsCode, "",
                    JsonCodec.object(summary)), Instant.now(clock)).seq();
            return new ImportResult(created, fileCount, itemCount, seq);
        });
    }

    /**
     * Refuses file codes already in the catalogue, naming the row; {@code codes} (those not yet checked) is emptied.
     */
    private static void checkFileCodes(Connection c, List<String> codes, Map<String, Integer> rows)
            throws SQLException {
        for (int from = 0; from < codes.size(); from += 500) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT FILE_CODE FROM FILE_UNIT WHERE FILE_CODE IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        String code = rs.getString(1);
                        throw new IllegalArgumentException("row " + rows.get(code) + ": file code " + code
                                + " is already in the catalogue");
                    }
                }
            }
        }
        codes.clear();
    }

    private static List<SchemeNode> schemeIn(Connection c, String fondsCode) throws SQLException {
        List<SchemeNode> all = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT ID, FONDS_CODE, PARENT_ID, CODE, TITLE, POSITION "
                + "FROM SCHEME_NODE WHERE FONDS_CODE = ? ORDER BY POSITION")) {
            p.setString(1, fondsCode);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    all.add(node(rs));
                }
            }
        }
        return all;
    }

    public Counts counts(String fondsCode) {
        return inTransaction(c -> {
            requireFonds(c, fondsCode);
            long nodes = count(c, "SELECT COUNT(*) FROM SCHEME_NODE WHERE FONDS_CODE = ?", fondsCode);
            long files = count(c, "SELECT COUNT(*) FROM FILE_UNIT WHERE FONDS_CODE = ?", fondsCode);
            long items = count(c, "SELECT COUNT(*) FROM ITEM I JOIN FILE_UNIT F ON I.FILE_ID = F.ID "
                    + "WHERE F.FONDS_CODE = ?", fondsCode);
            long boxes = count(c, "SELECT COUNT(DISTINCT BOX) FROM FILE_UNIT WHERE FONDS_CODE = ?", fondsCode);
            return new Counts(nodes, files, items, boxes);
        });
    }

    // --- rows

    private static final String INSERT_YEAR = "INSERT INTO FILE_YEAR (FONDS_CODE, YEAR_NO, START_DATE, END_DATE, "
            + "FILE_NUMBER, FILE_ID) VALUES (?, ?, ?, ?, ?, ?)";

    /**
     * Adds to {@code p}'s batch one FILE_YEAR row per year the file's dates cover (none when it has no date). With one
     * date known, the file covers what that date covers ("2004" alone: the year 2004).
     */
    private static void bindYears(PreparedStatement p, FileUnit f) throws SQLException {
        Optional<PartialDate> start = f.description().text(FileFields.START_DATE).map(PartialDate::parse);
        Optional<PartialDate> end = f.description().text(FileFields.END_DATE).map(PartialDate::parse);
        if (start.isEmpty() && end.isEmpty()) {
            return;
        }
        java.time.LocalDate from = start.orElseGet(end::get).earliest();
        java.time.LocalDate to = end.orElseGet(start::get).latest();
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("file " + f.fileCode() + " ends (" + to + ") before it starts ("
                    + from + ")");
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            p.setString(1, f.fondsCode());
            p.setInt(2, year);
            p.setDate(3, Date.valueOf(from));
            p.setDate(4, Date.valueOf(to));
            p.setInt(5, f.fileNumber());
            p.setLong(6, f.id());
            p.addBatch();
        }
    }

    /** Rewrites a file's FILE_YEAR rows after its dates changed. */
    private static void rewriteYears(Connection c, FileUnit f) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM FILE_YEAR WHERE FILE_ID = ?")) {
            d.setLong(1, f.id());
            d.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(INSERT_YEAR)) {
            bindYears(p, f);
            p.executeBatch();
        }
    }

    private static void setFileColumns(PreparedStatement p, int from, Description d) throws SQLException {
        setFileColumns(p, from, d, JsonCodec.write(d));
    }

    private static void setFileColumns(PreparedStatement p, int from, Description d, String json)
            throws SQLException {
        setDate(p, from, d.text(FileFields.START_DATE).map(v -> PartialDate.parse(v).earliest()));
        setDate(p, from + 1, d.text(FileFields.END_DATE).map(v -> PartialDate.parse(v).latest()));
        p.setString(from + 2, d.text(FileFields.RETENTION).map(v -> RetentionPeriod.parse(v, "").maintenanceCode())
                .orElse(null));
        p.setString(from + 3, d.text(FileFields.ACCESS).orElse(null));
        p.setString(from + 4, json);
    }

    private static void setItemColumns(PreparedStatement p, int from, Description d) throws SQLException {
        setItemColumns(p, from, d, JsonCodec.write(d));
    }

    private static void setItemColumns(PreparedStatement p, int from, Description d, String json)
            throws SQLException {
        setDate(p, from, d.text(ItemFields.DATE).map(v -> PartialDate.parse(v).earliest()));
        p.setString(from + 1, d.text(ItemFields.TYPE).orElse(null));
        p.setString(from + 2, json);
    }

    private static void setDate(PreparedStatement p, int index, Optional<java.time.LocalDate> date)
            throws SQLException {
        if (date.isPresent()) {
            p.setDate(index, Date.valueOf(date.get()));
        } else {
            p.setNull(index, Types.DATE);
        }
    }

    private static Optional<FileUnit> file(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM FILE_UNIT WHERE " + where)) {
            p.setObject(1, value);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(file(rs)) : Optional.empty();
            }
        }
    }

    private static FileUnit file(ResultSet rs) throws SQLException {
        return new FileUnit(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                Optional.ofNullable(rs.getString(6)), JsonCodec.read(rs.getString(7)));
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), JsonCodec.read(rs.getString(5)));
    }

    private static SchemeNode node(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT ID, FONDS_CODE, PARENT_ID, CODE, TITLE, POSITION FROM SCHEME_NODE WHERE ID = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no scheme node with id " + id);
                }
                return node(rs);
            }
        }
    }

    private static SchemeNode node(ResultSet rs) throws SQLException {
        long parent = rs.getLong(3);
        Optional<Long> parentId = rs.wasNull() ? Optional.empty() : Optional.of(parent);
        return new SchemeNode(rs.getLong(1), rs.getString(2), parentId, rs.getString(4), rs.getString(5),
                rs.getInt(6));
    }

    static void requireFonds(Connection c, String code) throws SQLException {
        if (fonds(c, code).isEmpty()) {
            throw new IllegalArgumentException("no fonds with code " + code);
        }
    }

    /** Fails, naming both, unless a file of that code is in the fonds. */
    static void requireFileIn(Connection c, String fondsCode, String fileCode) throws SQLException {
        if (file(c, "FILE_CODE = ?", fileCode).filter(f -> f.fondsCode().equals(fondsCode)).isEmpty()) {
            throw new IllegalArgumentException("no file " + fileCode + " in fonds " + fondsCode);
        }
    }

    private static long count(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Reserves {@code count} consecutive ids of {@code sequence} in the caller's transaction; the first. */
    static long reserveIds(Connection c, String sequence, long count) throws SQLException {
        long first;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT NEXT_ID FROM ID_SEQUENCE WHERE NAME = ? FOR UPDATE")) {
            p.setString(1, sequence);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE ID_SEQUENCE SET NEXT_ID = ? WHERE NAME = ?")) {
            p.setLong(1, first + count);
            p.setString(2, sequence);
            p.executeUpdate();
        }
        return first;
    }

    private static final String INSERT_FILE = "INSERT INTO FILE_UNIT (ID, FONDS_CODE, SCHEME_NODE_ID, FILE_CODE, "
            + "FILE_NUMBER, BOX, START_DATE, END_DATE, RETENTION_CODE, ACCESS_CODE, DESCRIPTION) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ITEM = "INSERT INTO ITEM (ID, FILE_ID, POSITION, DOC_CODE, ITEM_DATE, "
            + "TYPE_CODE, DESCRIPTION) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static void bindFile(PreparedStatement p, FileUnit f) throws SQLException {
        bindFile(p, f, JsonCodec.write(f.description()));
    }

    private static void bindFile(PreparedStatement p, FileUnit f, String json) throws SQLException {
        p.setLong(1, f.id());
        p.setString(2, f.fondsCode());
        p.setLong(3, f.schemeNodeId());
        p.setString(4, f.fileCode());
        p.setInt(5, f.fileNumber());
        p.setString(6, f.box().orElse(null));
        setFileColumns(p, 7, f.description(), json);
    }

    private static void bindItem(PreparedStatement p, Item i) throws SQLException {
        bindItem(p, i, JsonCodec.write(i.description()));
    }

    private static void bindItem(PreparedStatement p, Item i, String json) throws SQLException {
        p.setLong(1, i.id());
        p.setLong(2, i.fileId());
        p.setInt(3, i.position());
        p.setString(4, i.docCode());
        setItemColumns(p, 5, i.description(), json);
    }

    private static void insertNode(Connection c, SchemeNode n) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO SCHEME_NODE (ID, FONDS_CODE, PARENT_ID, CODE, "
                + "TITLE, POSITION) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, n.id());
            p.setString(2, n.fondsCode());
            if (n.parentId().isPresent()) {
                p.setLong(3, n.parentId().get());
            } else {
                p.setNull(3, Types.BIGINT);
            }
            p.setString(4, n.code());
            p.setString(5, n.title());
            p.setInt(6, n.position());
            p.executeUpdate();
        }
    }

    // --- audit and transactions

    private void audit(Connection c, String actor, String action, String type, String id, String before,
            String after) throws SQLException {
        AuditChain.append(c, new AuditChain.Change(actor, action, type, id, before, after), Instant.now(clock));
    }

    private static String json(Fonds f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("name", f.name());
        m.put("description", JsonCodec.write(f.description()));
        return JsonCodec.object(m);
    }

    private static String json(SchemeNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", Long.toString(n.id()));
        m.put("fonds", n.fondsCode());
        m.put("parent", n.parentId().map(String::valueOf).orElse(""));
        m.put("code", n.code());
        m.put("title", n.title());
        m.put("position", Integer.toString(n.position()));
        return JsonCodec.object(m);
    }

    private static String json(FileUnit f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fileCode", f.fileCode());
        m.put("fonds", f.fondsCode());
        m.put("schemeNode", Long.toString(f.schemeNodeId()));
        m.put("fileNumber", Integer.toString(f.fileNumber()));
        m.put("box", f.box().orElse(""));
        m.put("description", JsonCodec.write(f.description()));
        return JsonCodec.object(m);
    }

    private static String json(Item i) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("docCode", i.docCode());
        m.put("file", Long.toString(i.fileId()));
        m.put("position", Integer.toString(i.position()));
        m.put("description", JsonCodec.write(i.description()));
        return JsonCodec.object(m);
    }

    /** One transaction; database failures become UncheckedIOException naming the catalogue. */
    private <T> T inTransaction(Database.Work<T> work) {
        return write(db, work);
    }

    /** How often a change chosen as a deadlock victim (or timed out on a lock) is run again before it fails. */
    static final int ATTEMPTS = 6;

    /**
     * One serializable transaction; a database failure becomes an UncheckedIOException naming the catalogue. Pages of
     * a job are recorded by several workers at once: when Derby picks this transaction as a deadlock's victim (or its
     * lock wait times out), it is rolled back whole and run again, after a short random pause, up to
     * {@value #ATTEMPTS} times. {@code work} must therefore only touch the database.
     */
    static <T> T write(Database db, Database.Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return db.inTransaction(work);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && lockConflict(e)) {
                    pause(attempt);
                    continue;
                }
                throw new UncheckedIOException(new IOException("catalogue " + db.directory() + ": " + e.getMessage(),
                        e));
            }
        }
    }

    /** As {@link #write}, without running again. */
    static <T> T writeOnce(Database db, Database.Work<T> work) {
        try {
            return db.inTransaction(work);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("catalogue " + db.directory() + ": " + e.getMessage(), e));
        }
    }

    /** Deadlock (40001) or lock wait timeout (40XL1, 40XL2), anywhere in the chain. */
    static boolean lockConflict(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("40001".equals(state) || "40XL1".equals(state) || "40XL2".equals(state)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
