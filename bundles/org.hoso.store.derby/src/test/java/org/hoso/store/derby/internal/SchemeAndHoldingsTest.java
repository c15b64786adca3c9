package org.hoso.store.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.model.Box;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Location;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.api.model.Rendition;
import org.hoso.core.api.model.SchemeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the scheme; boxes, locations, shelf-metres; pages. On a real Derby database on disk. */
class SchemeAndHoldingsTest {

    private static final String FONDS = "H49.64.33";
    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path workspace;

    private Database database;
    private DerbyCatalogue catalogue;
    private SchemeNode admin;
    private SchemeNode office;
    private SchemeNode land;

    @BeforeEach
    void aCommuneFonds() throws Exception {
        database = Database.open(workspace.resolve("catalogue"));
        catalogue = new DerbyCatalogue(database);
        catalogue.createFonds(FONDS, "UBND xã Tân Trào", "lan");
        admin = catalogue.addSchemeNode(FONDS, Optional.empty(), "I", "Hành chính", "lan");
        office = catalogue.addSchemeNode(FONDS, Optional.of(admin.id()), "I.1", "Văn phòng", "lan");
        land = catalogue.addSchemeNode(FONDS, Optional.empty(), "II", "Địa chính", "lan");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private FileUnit file(SchemeNode node, String code, String box) {
        return catalogue.addFile(node.id(), code, Optional.ofNullable(box),
                Map.of(FileFields.TITLE, new Field<>("Hồ sơ " + code, Provenance.typed("lan", T))), "lan");
    }

    private List<String> tree() {
        return catalogue.scheme(FONDS).stream().map(n -> n.code() + "@" + n.position()).toList();
    }

    private AuditEvent lastAudit() {
        return catalogue.events(catalogue.size(), 1).get(0);
    }

    @Test
    void theSchemeIsEditedAsATreeAndEveryEditIsAudited() {
        SchemeNode culture = catalogue.addSchemeNode(FONDS, Optional.empty(), "III", "Văn hóa", "lan");
        assertEquals(List.of("I@1", "I.1@1", "II@2", "III@3"), tree());

        SchemeNode renamed = catalogue.renameSchemeNode(land.id(), "II", "Địa chính - Xây dựng", "mai");
        assertEquals("Địa chính - Xây dựng", catalogue.scheme(FONDS).get(2).title());
        assertEquals("scheme.rename", lastAudit().action());
        assertTrue(lastAudit().after().contains("Địa chính - Xây dựng") && lastAudit().before().contains("\"Địa chính\""));

        // the last group to the front: the others make room
        catalogue.moveSchemeNode(culture.id(), Optional.empty(), 1, "mai");
        assertEquals(List.of("III@1", "I@2", "I.1@1", "II@3"), tree());
        // a group under another, past the end: it goes last there, and the top level closes up
        SchemeNode moved = catalogue.moveSchemeNode(renamed.id(), Optional.of(admin.id()), 99, "mai");
        assertEquals(2, moved.position());
        assertEquals(List.of("III@1", "I@2", "I.1@1", "II@2"), tree());
        assertEquals("scheme.move", lastAudit().action());

        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> catalogue.moveSchemeNode(admin.id(), Optional.of(office.id()), 1, "mai"));
        assertTrue(cycle.getMessage().contains("under itself"), cycle.getMessage());
        catalogue.createFonds("K1", "other", "lan");
        SchemeNode foreign = catalogue.addSchemeNode("K1", Optional.empty(), "A", "A", "lan");
        assertThrows(IllegalArgumentException.class,
                () -> catalogue.moveSchemeNode(admin.id(), Optional.of(foreign.id()), 1, "mai"));

        file(office, "F.1", "1");
        long audited = catalogue.size();
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class,
                () -> catalogue.removeSchemeNode(office.id(), "mai"));
        assertTrue(full.getMessage().contains("1 files"), full.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> catalogue.removeSchemeNode(admin.id(), "mai"))
                .getMessage().contains("2 groups"));
        assertEquals(audited, catalogue.size(), "refused edits are not audited");
        catalogue.removeSchemeNode(culture.id(), "mai");
        assertEquals(List.of("I@1", "I.1@1", "II@2"), tree(), "the rest closes up");
        assertEquals("scheme.remove", lastAudit().action());
        assertTrue(catalogue.verify().intact());
    }

    @Test
    void boxesComeFromTheFilesAndAddUpToShelfMetres() {
        file(office, "F.1", "1");
        file(office, "F.2", "1");
        file(land, "F.3", "10");
        file(land, "F.4", "2");
        file(land, "F.5", null);
        catalogue.importBatch(new CatalogueService.ImportBatch(FONDS, "", "hop.xlsx", Optional.empty(), List.of(
                new CatalogueService.NewFile(List.of(), "F.6", Optional.of("10A"), Map.of(), List.of(), 2),
                new CatalogueService.NewFile(List.of(), "F.7", Optional.of("2"), Map.of(), List.of(), 3))), "lan");
        assertEquals(List.of("1", "2", "10", "10A"), catalogue.boxes(FONDS).stream().map(Box::number).toList(),
                "label order, each box once");
        assertEquals(0.4, catalogue.shelfMetres(FONDS), 1e-9, "four standard boxes");

        Location shelf = catalogue.addLocation("K1-G03-T2", "Kho 1, giá 3, tầng 2", "lan");
        assertThrows(IllegalArgumentException.class, () -> catalogue.addLocation("K1-G03-T2", "again", "lan"));
        Box wide = catalogue.describeBox(FONDS, "10A", 150, Optional.of(shelf.id()), "lan");
        assertEquals(new Box(wide.id(), FONDS, "10A", 150, Optional.of(shelf.id())),
                catalogue.boxes(FONDS).get(3));
        catalogue.describeBox(FONDS, "11", 100, Optional.empty(), "lan");
        assertEquals(0.55, catalogue.shelfMetres(FONDS), 1e-9);
        assertEquals("box.describe", lastAudit().action());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> catalogue.describeBox(FONDS, "1", 100, Optional.of(999L), "lan")).getMessage().contains("999"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> catalogue.describeBox(FONDS, "1", 0, Optional.empty(), "lan")).getMessage().contains("width"));
        assertEquals(List.of(shelf), catalogue.locations());
    }

    @Test
    void pagesKeepTheirOrderAndTheSameScanIsNotAddedTwice() {
        FileUnit f = file(office, "F.1", "1");
        Item doc = catalogue.addItem(f.id(), Map.of(), "lan");
        ObjectId one = ObjectId.of("a".repeat(64));
        ObjectId two = ObjectId.of("b".repeat(64));
        Page p1 = catalogue.addPage(doc.id(), one, "scanner");
        Page p2 = catalogue.addPage(doc.id(), two, "scanner");
        assertEquals(p1, catalogue.addPage(doc.id(), one, "scanner"), "the same scan again is the same page");
        assertEquals(List.of(p1, p2), catalogue.pages(doc.id()));
        assertEquals(List.of(1, 2), List.of(p1.position(), p2.position()));
        assertEquals(Page.Status.SCANNED, p1.status());

        Page rescan = catalogue.setPageStatus(p2.id(), Page.Status.RESCAN, "qc");
        assertEquals(Page.Status.RESCAN, catalogue.pages(doc.id()).get(1).status());
        assertEquals(rescan, catalogue.pages(doc.id()).get(1));
        assertEquals("page.status", lastAudit().action());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> catalogue.addPage(12345, one, "x"))
                .getMessage().contains("12345"));
        assertTrue(catalogue.verify().intact());
    }

    @Test
    void framesOfAMultiPageScanArePagesOfTheirOwn() {
        Item doc = catalogue.addItem(file(office, "F.2", "1").id(), Map.of(), "lan");
        ObjectId tiff = ObjectId.of("c".repeat(64));
        Page first = catalogue.addPage(doc.id(), tiff, 1, "scanner");
        Page second = catalogue.addPage(doc.id(), tiff, 2, "scanner");
        assertEquals(List.of(1, 2), List.of(first.frame(), second.frame()));
        assertEquals(second, catalogue.addPage(doc.id(), tiff, 2, "scanner"), "the same frame again is the same page");
        assertEquals(Optional.of(second), catalogue.page(second.id()));
        assertEquals(Optional.empty(), catalogue.page(98765));
    }

    @Test
    void aPersonsCorrectionOfThePageTextIsNeverReplacedByTheMachine() {
        Item doc = catalogue.addItem(file(office, "F.3", "2").id(), Map.of(), "lan");
        Page page = catalogue.addPage(doc.id(), ObjectId.of("d".repeat(64)), "scanner");
        assertEquals(Optional.empty(), catalogue.recognition(page.id()));

        Recognition ocr = new Recognition(page.id(), Optional.of(ObjectId.of("1".repeat(64))),
                Optional.of(ObjectId.of("2".repeat(64))), Optional.of(ObjectId.of("3".repeat(64))), 0.91,
                List.of("SKEWED WARN 1.8 0.5"), Provenance.extracted("tesseract 5.3.0 vie", 0.91, T));
        assertEquals(ocr, catalogue.recordRecognition(ocr, Page.Status.RECOGNISED, "ocr"));
        assertEquals(Optional.of(ocr), catalogue.recognition(page.id()));
        assertEquals(Page.Status.RECOGNISED, catalogue.page(page.id()).orElseThrow().status());
        assertTrue(catalogue.events(1, 100).stream().anyMatch(e -> e.action().equals("page.recognition")
                && e.entityId().equals(Long.toString(page.id()))), "the recognition is audited against the page");

        Recognition corrected = new Recognition(page.id(), Optional.of(ObjectId.of("4".repeat(64))),
                Optional.of(ObjectId.of("5".repeat(64))), ocr.pdf(), 1, ocr.issues(), Provenance.typed("lan", T));
        catalogue.recordRecognition(corrected, Page.Status.REVIEWED, "lan");
        Recognition again = new Recognition(page.id(), ocr.words(), ocr.text(), ocr.pdf(), 0.95, List.of(),
                Provenance.extracted("tesseract 5.3.0 vie", 0.95, T));
        assertEquals(corrected, catalogue.recordRecognition(again, Page.Status.RECOGNISED, "ocr"),
                "OCR run again leaves the person's text");
        assertEquals(Optional.of(corrected), catalogue.recognition(page.id()));
        assertEquals(Page.Status.REVIEWED, catalogue.page(page.id()).orElseThrow().status());

        Recognition rescan = new Recognition(page.id(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                List.of("LOW_RESOLUTION FAIL 150 200"), Provenance.extracted("qc", 1, T));
        assertTrue(rescan.needsRescan());
        assertTrue(!ocr.needsRescan());
        assertTrue(catalogue.verify().intact());
    }

    @Test
    void aDocumentKeepsItsNewestRendition() {
        Item doc = catalogue.addItem(file(office, "F.4", "2").id(), Map.of(), "lan");
        assertEquals(Optional.empty(), catalogue.rendition(Rendition.Kind.ITEM_PDF, doc.id()));
        Rendition first = new Rendition(Rendition.Kind.ITEM_PDF, doc.id(), ObjectId.of("e".repeat(64)), 2, T);
        Rendition second = new Rendition(Rendition.Kind.ITEM_PDF, doc.id(), ObjectId.of("f".repeat(64)), 3,
                T.plusSeconds(60));
        catalogue.recordRendition(first, "ocr");
        catalogue.recordRendition(second, "ocr");
        assertEquals(Optional.of(second), catalogue.rendition(Rendition.Kind.ITEM_PDF, doc.id()));
        assertEquals(Optional.empty(), catalogue.rendition(Rendition.Kind.FILE_PDF, doc.id()));
        assertEquals("rendition.item_pdf", lastAudit().action());
    }

    @Test
    void upgradingAWorkspaceMakesBoxesOfTheBoxNumbersFilesAlreadyHad() throws Exception {
        database.close();
        Path dir = workspace.resolve("old");
        String before = "V001__audit_log.sql\nV002__catalogue.sql\nV003__jobs.sql\nV004__file_years.sql\n";
        try (Database old = Database.open(dir, name -> name.equals("migrations.txt") ? before : Database.read(name))) {
            old.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO FONDS VALUES ('K', 'k', '{}')");
                c.createStatement().executeUpdate("INSERT INTO SCHEME_NODE VALUES (1, 'K', NULL, 'I', 'I', 1)");
                for (int i = 1; i <= 5; i++) {
                    c.createStatement().executeUpdate("INSERT INTO FILE_UNIT (ID, FONDS_CODE, SCHEME_NODE_ID, "
                            + "FILE_CODE, FILE_NUMBER, BOX, DESCRIPTION) VALUES (" + i + ", 'K', 1, 'K." + i + "', "
                            + i + ", " + (i == 5 ? "NULL" : "'" + (i + 1) / 2 + "'") + ", '{}')");
                }
                c.createStatement().executeUpdate("UPDATE ID_SEQUENCE SET NEXT_ID = 6 WHERE NAME = 'FILE_UNIT'");
                c.createStatement().executeUpdate("UPDATE ID_SEQUENCE SET NEXT_ID = 2 WHERE NAME = 'SCHEME_NODE'");
                return null;
            });
        }
        database = Database.open(dir);
        catalogue = new DerbyCatalogue(database);
        assertEquals(List.of("1", "2"), catalogue.boxes("K").stream().map(Box::number).toList());
        assertEquals(0.2, catalogue.shelfMetres("K"), 1e-9);
        catalogue.addFile(1, "K.6", Optional.of("3"), Map.of(), "lan");
        assertEquals(3, catalogue.boxes("K").size(), "new boxes get fresh ids after the upgraded ones");
        assertEquals(3, (int) database.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(DISTINCT ID) FROM BOX")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }
}
