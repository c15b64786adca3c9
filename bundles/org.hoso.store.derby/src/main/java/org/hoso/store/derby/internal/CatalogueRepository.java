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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
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
 * The catalogue in SQL. Each public method is one transaction that writes the change and its audit entry.
 */
final class CatalogueRepository implements CatalogueService {

    private static final String FILE_COLUMNS =
            "ID, FONDS_CODE, SCHEME_NODE_ID, FILE_CODE, FILE_NUMBER, BOX, DESCRIPTION";
    private static final String ITEM_COLUMNS = "ID, FILE_ID, POSITION, DOC_CODE, DESCRIPTION";

    private final Database db;
    private final Clock clock;

    CatalogueRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
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

    @Override
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

    @Override
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

    @Override
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
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO SCHEME_NODE (FONDS_CODE, PARENT_ID, CODE, "
                    + "TITLE, POSITION) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, fondsCode);
                if (parentId.isPresent()) {
                    p.setLong(2, parentId.get());
                } else {
                    p.setNull(2, Types.BIGINT);
                }
                p.setString(3, code.strip());
                p.setString(4, title.strip());
                p.setInt(5, position);
                p.executeUpdate();
                id = generatedId(p);
            }
            SchemeNode node = new SchemeNode(id, fondsCode, parentId, code.strip(), title.strip(), position);
            audit(c, actor, "scheme.add", "schemeNode", Long.toString(id), "", json(node));
            return node;
        });
    }

    @Override
    public List<SchemeNode> scheme(String fondsCode) {
        return inTransaction(c -> {
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
            List<SchemeNode> ordered = new ArrayList<>();
            addChildren(all, Optional.empty(), ordered);
            return ordered;
        });
    }

    private static void addChildren(List<SchemeNode> all, Optional<Long> parent, List<SchemeNode> out) {
        for (SchemeNode n : all) {
            if (n.parentId().equals(parent)) {
                out.add(n);
                addChildren(all, Optional.of(n.id()), out);
            }
        }
    }

    @Override
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
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO FILE_UNIT (FONDS_CODE, SCHEME_NODE_ID, "
                    + "FILE_CODE, FILE_NUMBER, BOX, START_DATE, END_DATE, RETENTION_CODE, ACCESS_CODE, DESCRIPTION) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, node.fondsCode());
                p.setLong(2, schemeNodeId);
                p.setString(3, code);
                p.setInt(4, number);
                p.setString(5, box.map(String::strip).filter(b -> !b.isEmpty()).orElse(null));
                setFileColumns(p, 6, description);
                p.executeUpdate();
                id = generatedId(p);
            }
            FileUnit file = new FileUnit(id, node.fondsCode(), schemeNodeId, code, number,
                    box.map(String::strip).filter(b -> !b.isEmpty()), description);
            audit(c, actor, "file.add", "file", code, "", json(file));
            return file;
        });
    }

    @Override
    public Optional<FileUnit> file(String fileCode) {
        return inTransaction(c -> file(c, "FILE_CODE = ?", fileCode.strip()));
    }

    @Override
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

    @Override
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
            audit(c, actor, "file.describe", "file", before.fileCode(), json(before), json(after));
            return after;
        });
    }

    @Override
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

    @Override
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
            String docCode = Item.docCode(file.fileCode(), position);
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO ITEM (FILE_ID, POSITION, DOC_CODE, ITEM_DATE, "
                    + "TYPE_CODE, DESCRIPTION) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, fileId);
                p.setInt(2, position);
                p.setString(3, docCode);
                setItemColumns(p, 4, description);
                p.executeUpdate();
                id = generatedId(p);
            }
            Item item = new Item(id, fileId, position, docCode, description);
            audit(c, actor, "item.add", "item", docCode, "", json(item));
            return item;
        });
    }

    @Override
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

    @Override
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

    @Override
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

    private static void setFileColumns(PreparedStatement p, int from, Description d) throws SQLException {
        setDate(p, from, d.text(FileFields.START_DATE).map(v -> PartialDate.parse(v).earliest()));
        setDate(p, from + 1, d.text(FileFields.END_DATE).map(v -> PartialDate.parse(v).latest()));
        p.setString(from + 2, d.text(FileFields.RETENTION).map(v -> RetentionPeriod.parse(v, "").maintenanceCode())
                .orElse(null));
        p.setString(from + 3, d.text(FileFields.ACCESS).orElse(null));
        p.setString(from + 4, JsonCodec.write(d));
    }

    private static void setItemColumns(PreparedStatement p, int from, Description d) throws SQLException {
        setDate(p, from, d.text(ItemFields.DATE).map(v -> PartialDate.parse(v).earliest()));
        p.setString(from + 1, d.text(ItemFields.TYPE).orElse(null));
        p.setString(from + 2, JsonCodec.write(d));
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

    private static void requireFonds(Connection c, String code) throws SQLException {
        if (fonds(c, code).isEmpty()) {
            throw new IllegalArgumentException("no fonds with code " + code);
        }
    }

    private static long count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long generatedId(PreparedStatement p) throws SQLException {
        try (ResultSet keys = p.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
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
        try {
            return db.inTransaction(work);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("catalogue " + db.directory() + ": " + e.getMessage(), e));
        }
    }
}
