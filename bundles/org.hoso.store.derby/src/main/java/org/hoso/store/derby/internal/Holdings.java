package org.hoso.store.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.model.Box;
import org.hoso.core.api.model.Location;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.api.model.Rendition;

/**
 * The physical side of the catalogue in SQL: storage locations, boxes (and so shelf-metres), scanned pages. Each
 * change is one transaction with its audit entry, as in {@link CatalogueRepository}.
 */
final class Holdings {

    private final Database db;
    private final Clock clock;

    Holdings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    // --- locations

    Location addLocation(String code, String name, String actor) {
        String c0 = code.strip();
        if (c0.isEmpty()) {
            throw new IllegalArgumentException("a location needs a code");
        }
        return CatalogueRepository.write(db, c -> {
            if (location(c, "CODE = ?", c0).isPresent()) {
                throw new IllegalArgumentException("location " + c0 + " already exists");
            }
            Location l = new Location(CatalogueRepository.reserveIds(c, "LOCATION", 1), c0, name.strip());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO LOCATION (ID, CODE, NAME) VALUES (?, ?, ?)")) {
                p.setLong(1, l.id());
                p.setString(2, l.code());
                p.setString(3, l.name());
                p.executeUpdate();
            }
            audit(c, actor, "location.add", "location", l.code(), "", json(l));
            return l;
        });
    }

    List<Location> locations() {
        return CatalogueRepository.write(db, c -> {
            List<Location> all = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT ID, CODE, NAME FROM LOCATION ORDER BY CODE");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    all.add(new Location(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return all;
        });
    }

    private static Optional<Location> location(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT ID, CODE, NAME FROM LOCATION WHERE " + where)) {
            p.setObject(1, value);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Location(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    // --- boxes

    /** Box labels in the order people read them: by the number they start with, then as text ("2" < "10" < "10A"). */
    static final Comparator<String> LABEL_ORDER = Comparator
            .comparingLong((String s) -> {
                int i = 0;
                while (i < s.length() && i < 18 && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                return i == 0 ? Long.MAX_VALUE : Long.parseLong(s.substring(0, i));
            })
            .thenComparing(Comparator.naturalOrder());

    List<Box> boxes(String fondsCode) {
        return CatalogueRepository.write(db, c -> {
            CatalogueRepository.requireFonds(c, fondsCode);
            List<Box> all = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT ID, FONDS_CODE, BOX_NUMBER, WIDTH_MM, LOCATION_ID FROM BOX WHERE FONDS_CODE = ?")) {
                p.setString(1, fondsCode);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        all.add(box(rs));
                    }
                }
            }
            all.sort(Comparator.comparing(Box::number, LABEL_ORDER));
            return all;
        });
    }

    Box describeBox(String fondsCode, String number, int widthMm, Optional<Long> locationId, String actor) {
        String n = number.strip();
        return CatalogueRepository.write(db, c -> {
            CatalogueRepository.requireFonds(c, fondsCode);
            if (locationId.isPresent() && location(c, "ID = ?", locationId.get()).isEmpty()) {
                throw new IllegalArgumentException("no location with id " + locationId.get());
            }
            Optional<Box> before = box(c, fondsCode, n);
            Box after = new Box(before.isPresent() ? before.get().id() : CatalogueRepository.reserveIds(c, "BOX", 1),
                    fondsCode, n, widthMm, locationId);
            try (PreparedStatement p = c.prepareStatement(before.isPresent()
                    ? "UPDATE BOX SET WIDTH_MM = ?, LOCATION_ID = ? WHERE ID = ?"
                    : "INSERT INTO BOX (WIDTH_MM, LOCATION_ID, ID, FONDS_CODE, BOX_NUMBER) VALUES (?, ?, ?, ?, ?)")) {
                p.setInt(1, widthMm);
                if (locationId.isPresent()) {
                    p.setLong(2, locationId.get());
                } else {
                    p.setNull(2, Types.BIGINT);
                }
                p.setLong(3, after.id());
                if (before.isEmpty()) {
                    p.setString(4, fondsCode);
                    p.setString(5, n);
                }
                p.executeUpdate();
            }
            audit(c, actor, "box.describe", "box", fondsCode + "/" + n, before.map(Holdings::json).orElse(""),
                    json(after));
            return after;
        });
    }

    double shelfMetres(String fondsCode) {
        return CatalogueRepository.write(db, c -> {
            CatalogueRepository.requireFonds(c, fondsCode);
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(SUM(CAST(WIDTH_MM AS BIGINT)), 0) FROM BOX WHERE FONDS_CODE = ?")) {
                p.setString(1, fondsCode);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) / 1000.0;
                }
            }
        });
    }

    /** Makes the box a file names, when it is new; in the caller's transaction. */
    static void ensureBox(Connection c, String fondsCode, Optional<String> number) throws SQLException {
        if (number.isEmpty() || box(c, fondsCode, number.get()).isPresent()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement(INSERT_BOX)) {
            bindBox(p, CatalogueRepository.reserveIds(c, "BOX", 1), fondsCode, number.get());
            p.executeUpdate();
        }
    }

    static final String INSERT_BOX = "INSERT INTO BOX (ID, FONDS_CODE, BOX_NUMBER, WIDTH_MM) VALUES (?, ?, ?, "
            + Box.STANDARD_WIDTH_MM + ")";

    static void bindBox(PreparedStatement p, long id, String fondsCode, String number) throws SQLException {
        p.setLong(1, id);
        p.setString(2, fondsCode);
        p.setString(3, number);
    }

    /** The box numbers a fonds already has. */
    static java.util.Set<String> boxNumbers(Connection c, String fondsCode) throws SQLException {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT BOX_NUMBER FROM BOX WHERE FONDS_CODE = ?")) {
            p.setString(1, fondsCode);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        }
        return numbers;
    }

    private static Optional<Box> box(Connection c, String fondsCode, String number) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT ID, FONDS_CODE, BOX_NUMBER, WIDTH_MM, LOCATION_ID "
                + "FROM BOX WHERE FONDS_CODE = ? AND BOX_NUMBER = ?")) {
            p.setString(1, fondsCode);
            p.setString(2, number);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(box(rs)) : Optional.empty();
            }
        }
    }

    private static Box box(ResultSet rs) throws SQLException {
        long location = rs.getLong(5);
        return new Box(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.wasNull() ? Optional.empty() : Optional.of(location));
    }

    // --- pages

    private static final String PAGE_COLUMNS = "ID, ITEM_ID, POSITION, IMAGE, FRAME, STATUS";

    Page addPage(long itemId, ObjectId image, int frame, String actor) {
        if (frame < 1) {
            throw new IllegalArgumentException("page frame must be at least 1: " + frame);
        }
        return CatalogueRepository.write(db, c -> {
            AuditChain.lockHead(c);
            String docCode;
            try (PreparedStatement p = c.prepareStatement("SELECT DOC_CODE FROM ITEM WHERE ID = ?")) {
                p.setLong(1, itemId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no document with id " + itemId);
                    }
                    docCode = rs.getString(1);
                }
            }
            List<Page> existing = pages(c, itemId);
            for (Page page : existing) {
                if (page.image().equals(image) && page.frame() == frame) {
                    return page;
                }
            }
            Page page = new Page(CatalogueRepository.reserveIds(c, "PAGE", 1), itemId, existing.size() + 1, image,
                    frame, Page.Status.SCANNED);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO PAGE (" + PAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, page.id());
                p.setLong(2, itemId);
                p.setInt(3, page.position());
                p.setString(4, image.hex());
                p.setInt(5, frame);
                p.setString(6, page.status().name());
                p.executeUpdate();
            }
            audit(c, actor, "page.add", "page", Long.toString(page.id()), "", json(page, docCode));
            return page;
        });
    }

    Map<Long, Map<Page.Status, Long>> pageCounts(java.util.Collection<Long> fileIds) {
        if (fileIds.isEmpty()) {
            return Map.of();
        }
        return CatalogueRepository.write(db, c -> {
            Map<Long, Map<Page.Status, Long>> counts = new java.util.HashMap<>();
            for (List<Long> chunk : CatalogueRepository.chunks(fileIds)) {
                try (PreparedStatement p = c.prepareStatement("SELECT I.FILE_ID, P.STATUS, COUNT(*) FROM PAGE P "
                        + "JOIN ITEM I ON I.ID = P.ITEM_ID WHERE I.FILE_ID IN (" + CatalogueRepository.marks(
                                chunk.size()) + ") GROUP BY I.FILE_ID, P.STATUS")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        p.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            counts.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(Page.Status.class))
                                    .put(Page.Status.valueOf(rs.getString(2).strip()), rs.getLong(3));
                        }
                    }
                }
            }
            return counts;
        });
    }

    Map<Page.Status, Long> pageCounts(String fondsCode) {
        return CatalogueRepository.write(db, c -> {
            CatalogueRepository.requireFonds(c, fondsCode);
            Map<Page.Status, Long> counts = new java.util.EnumMap<>(Page.Status.class);
            try (PreparedStatement p = c.prepareStatement("SELECT P.STATUS, COUNT(*) FROM PAGE P "
                    + "JOIN ITEM I ON I.ID = P.ITEM_ID JOIN FILE_UNIT F ON F.ID = I.FILE_ID "
                    + "WHERE F.FONDS_CODE = ? GROUP BY P.STATUS")) {
                p.setString(1, fondsCode);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        counts.put(Page.Status.valueOf(rs.getString(1).strip()), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    List<CatalogueService.PageAt> pages(String fondsCode, Optional<String> fileCode, Page.Status status) {
        return CatalogueRepository.write(db, c -> {
            CatalogueRepository.requireFonds(c, fondsCode);
            List<CatalogueService.PageAt> found = new ArrayList<>();
            // PAGE_STATUS finds the few pages in a rare status without reading a fonds' million pages
            try (PreparedStatement p = c.prepareStatement("SELECT F.FILE_CODE, I.DOC_CODE, P.ID, P.ITEM_ID, "
                    + "P.POSITION, P.IMAGE, P.FRAME, P.STATUS FROM PAGE P JOIN ITEM I ON I.ID = P.ITEM_ID "
                    + "JOIN FILE_UNIT F ON F.ID = I.FILE_ID WHERE P.STATUS = ? AND F.FONDS_CODE = ?"
                    + (fileCode.isPresent() ? " AND F.FILE_CODE = ?" : "")
                    + " ORDER BY F.FILE_NUMBER, I.POSITION, P.POSITION")) {
                p.setString(1, status.name());
                p.setString(2, fondsCode);
                if (fileCode.isPresent()) {
                    p.setString(3, fileCode.get());
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Page page = new Page(rs.getLong(3), rs.getLong(4), rs.getInt(5),
                                ObjectId.of(rs.getString(6).strip()), rs.getInt(7),
                                Page.Status.valueOf(rs.getString(8).strip()));
                        found.add(new CatalogueService.PageAt(rs.getString(1), rs.getString(2), page));
                    }
                }
            }
            if (found.isEmpty() && fileCode.isPresent()) {
                CatalogueRepository.requireFileIn(c, fondsCode, fileCode.get());
            }
            return found;
        });
    }

    List<Page> pages(long itemId) {
        return CatalogueRepository.write(db, c -> pages(c, itemId));
    }

    Optional<Page> page(long pageId) {
        return CatalogueRepository.write(db, c -> page(c, pageId));
    }

    Page setPageStatus(long pageId, Page.Status status, String actor) {
        return CatalogueRepository.write(db, c -> {
            AuditChain.lockHead(c);
            return setStatus(c, requirePage(c, pageId), status, actor);
        });
    }

    private Page setStatus(Connection c, Page before, Page.Status status, String actor) throws SQLException {
        if (before.status() == status) {
            return before;
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE PAGE SET STATUS = ? WHERE ID = ?")) {
            p.setString(1, status.name());
            p.setLong(2, before.id());
            p.executeUpdate();
        }
        Page after = before.withStatus(status);
        audit(c, actor, "page.status", "page", Long.toString(before.id()), json(before, null), json(after, null));
        return after;
    }

    Recognition recordRecognition(Recognition r, Page.Status status, String actor) {
        return CatalogueRepository.write(db, c -> {
            AuditChain.lockHead(c);
            Page page = requirePage(c, r.pageId());
            Optional<Recognition> before = recognition(c, r.pageId());
            if (before.isPresent() && before.get().provenance().byPerson() && !r.provenance().byPerson()) {
                return before.get();
            }
            String sql = before.isPresent()
                    ? "UPDATE RECOGNITION SET WORDS = ?, TEXT_OBJECT = ?, PDF = ?, CONFIDENCE = ?, ISSUES = ?, "
                            + "SOURCE = ?, AGENT = ?, AGENT_CONF = ?, MADE_AT = ? WHERE PAGE_ID = ?"
                    : "INSERT INTO RECOGNITION (WORDS, TEXT_OBJECT, PDF, CONFIDENCE, ISSUES, SOURCE, AGENT, "
                            + "AGENT_CONF, MADE_AT, PAGE_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, r.words().map(ObjectId::hex).orElse(null));
                p.setString(2, r.text().map(ObjectId::hex).orElse(null));
                p.setString(3, r.pdf().map(ObjectId::hex).orElse(null));
                p.setDouble(4, r.confidence());
                p.setString(5, String.join("\n", r.issues()));
                p.setString(6, r.provenance().source().name());
                p.setString(7, r.provenance().agent());
                p.setDouble(8, r.provenance().confidence());
                p.setTimestamp(9, Timestamp.from(r.provenance().at()));
                p.setLong(10, r.pageId());
                p.executeUpdate();
            }
            audit(c, actor, "page.recognition", "page", Long.toString(page.id()),
                    before.map(Holdings::json).orElse(""), json(r));
            setStatus(c, page, status, actor);
            return r;
        });
    }

    Optional<Recognition> recognition(long pageId) {
        return CatalogueRepository.write(db, c -> recognition(c, pageId));
    }

    Rendition recordRendition(Rendition r, String actor) {
        return CatalogueRepository.write(db, c -> {
            AuditChain.lockHead(c);
            Optional<Rendition> before = rendition(c, r.kind(), r.entityId());
            String sql = before.isPresent()
                    ? "UPDATE RENDITION SET OBJECT = ?, PAGES = ?, MADE_AT = ? WHERE KIND = ? AND ENTITY_ID = ?"
                    : "INSERT INTO RENDITION (OBJECT, PAGES, MADE_AT, KIND, ENTITY_ID) VALUES (?, ?, ?, ?, ?)";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, r.object().hex());
                p.setInt(2, r.pages());
                p.setTimestamp(3, Timestamp.from(r.at()));
                p.setString(4, r.kind().name());
                p.setLong(5, r.entityId());
                p.executeUpdate();
            }
            String type = r.kind() == Rendition.Kind.ITEM_PDF ? "item" : "file";
            audit(c, actor, "rendition." + r.kind().name().toLowerCase(Locale.ROOT), type,
                    Long.toString(r.entityId()), before.map(Holdings::json).orElse(""), json(r));
            return r;
        });
    }

    Optional<Rendition> rendition(Rendition.Kind kind, long entityId) {
        return CatalogueRepository.write(db, c -> rendition(c, kind, entityId));
    }

    private static Optional<Rendition> rendition(Connection c, Rendition.Kind kind, long entityId)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT OBJECT, PAGES, MADE_AT FROM RENDITION WHERE KIND = ? AND ENTITY_ID = ?")) {
            p.setString(1, kind.name());
            p.setLong(2, entityId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Rendition(kind, entityId, ObjectId.of(rs.getString(1).strip()), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()));
            }
        }
    }

    private static Optional<Recognition> recognition(Connection c, long pageId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT WORDS, TEXT_OBJECT, PDF, CONFIDENCE, ISSUES, SOURCE, "
                + "AGENT, AGENT_CONF, MADE_AT FROM RECOGNITION WHERE PAGE_ID = ?")) {
            p.setLong(1, pageId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String issues = rs.getString(5);
                return Optional.of(new Recognition(pageId, objectId(rs.getString(1)), objectId(rs.getString(2)),
                        objectId(rs.getString(3)), rs.getDouble(4),
                        issues.isEmpty() ? List.of() : List.of(issues.split("\n")),
                        new Provenance(Provenance.Source.valueOf(rs.getString(6)), rs.getString(7), rs.getDouble(8),
                                rs.getTimestamp(9).toInstant())));
            }
        }
    }

    private static Optional<ObjectId> objectId(String hex) {
        return hex == null ? Optional.empty() : Optional.of(ObjectId.of(hex.strip()));
    }

    private static Page requirePage(Connection c, long pageId) throws SQLException {
        return page(c, pageId).orElseThrow(() -> new IllegalArgumentException("no page with id " + pageId));
    }

    private static Optional<Page> page(Connection c, long pageId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + PAGE_COLUMNS + " FROM PAGE WHERE ID = ?")) {
            p.setLong(1, pageId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(page(rs)) : Optional.empty();
            }
        }
    }

    private static List<Page> pages(Connection c, long itemId) throws SQLException {
        List<Page> all = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT " + PAGE_COLUMNS + " FROM PAGE WHERE ITEM_ID = ? ORDER BY POSITION")) {
            p.setLong(1, itemId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    all.add(page(rs));
                }
            }
        }
        return all;
    }

    private static Page page(ResultSet rs) throws SQLException {
        return new Page(rs.getLong(1), rs.getLong(2), rs.getInt(3), ObjectId.of(rs.getString(4).strip()),
                rs.getInt(5), Page.Status.valueOf(rs.getString(6).strip()));
    }

    // --- audit

    private void audit(Connection c, String actor, String action, String type, String id, String before,
            String after) throws SQLException {
        AuditChain.append(c, new AuditChain.Change(actor, action, type, id, before, after), Instant.now(clock));
    }

    private static String json(Location l) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", Long.toString(l.id()));
        m.put("code", l.code());
        m.put("name", l.name());
        return JsonCodec.object(m);
    }

    private static String json(Box b) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fonds", b.fondsCode());
        m.put("number", b.number());
        m.put("widthMm", Integer.toString(b.widthMm()));
        m.put("location", b.locationId().map(String::valueOf).orElse(""));
        return JsonCodec.object(m);
    }

    private static String json(Page p, String docCode) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("item", Long.toString(p.itemId()));
        if (docCode != null) {
            m.put("document", docCode);
        }
        m.put("position", Integer.toString(p.position()));
        m.put("image", p.image().hex());
        m.put("frame", Integer.toString(p.frame()));
        m.put("status", p.status().name());
        return JsonCodec.object(m);
    }

    private static String json(Recognition r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("words", r.words().map(ObjectId::hex).orElse(""));
        m.put("text", r.text().map(ObjectId::hex).orElse(""));
        m.put("pdf", r.pdf().map(ObjectId::hex).orElse(""));
        m.put("confidence", Double.toString(r.confidence()));
        m.put("issues", String.join("; ", r.issues()));
        m.put("source", r.provenance().source().name());
        m.put("agent", r.provenance().agent());
        return JsonCodec.object(m);
    }

    private static String json(Rendition r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("object", r.object().hex());
        m.put("pages", Integer.toString(r.pages()));
        return JsonCodec.object(m);
    }
}
