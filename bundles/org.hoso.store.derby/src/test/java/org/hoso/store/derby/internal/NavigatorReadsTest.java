package org.hoso.store.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.SchemeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paged reads and counts for the navigator, and moving documents between files. On a real Derby database on disk. */
class NavigatorReadsTest {

    private static final String FONDS = "H49.64.33";
    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path workspace;

    private Database database;
    private DerbyCatalogue catalogue;
    private SchemeNode office;
    private SchemeNode land;

    @BeforeEach
    void aCommuneFonds() throws Exception {
        database = Database.open(workspace.resolve("catalogue"));
        catalogue = new DerbyCatalogue(database);
        catalogue.createFonds(FONDS, "UBND xã Tân Trào", "lan");
        office = catalogue.addSchemeNode(FONDS, Optional.empty(), "I", "Văn phòng", "lan");
        land = catalogue.addSchemeNode(FONDS, Optional.empty(), "II", "Địa chính", "lan");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private FileUnit file(SchemeNode node, String code) {
        return catalogue.addFile(node.id(), code, Optional.empty(),
                Map.of(FileFields.TITLE, new Field<>("Hồ sơ " + code, Provenance.typed("lan", T))), "lan");
    }

    private Item item(FileUnit file, String abstractText) {
        return catalogue.addItem(file.id(),
                Map.of(ItemFields.ABSTRACT, new Field<>(abstractText, Provenance.typed("lan", T))), "lan");
    }

    private List<String> abstracts(FileUnit file) {
        return catalogue.items(file.id()).stream()
                .map(i -> i.position() + ":" + i.description().text(ItemFields.ABSTRACT).orElse("") + ":"
                        + i.docCode().substring(i.docCode().lastIndexOf('.') + 1))
                .toList();
    }

    @Test
    void filesOfANodeComeASliceAtATimeWithCountsPerNode() {
        for (int i = 1; i <= 25; i++) {
            file(office, "F." + i);
        }
        file(land, "L.1");
        List<FileUnit> slice = catalogue.files(office.id(), 10, 5);
        assertEquals(List.of("F.11", "F.12", "F.13", "F.14", "F.15"), slice.stream().map(FileUnit::fileCode).toList());
        assertEquals(List.of("F.21", "F.22", "F.23", "F.24", "F.25"),
                catalogue.files(office.id(), 20, 100).stream().map(FileUnit::fileCode).toList());
        assertEquals(List.of(), catalogue.files(office.id(), 25, 10));
        assertEquals(Map.of(office.id(), 25L, land.id(), 1L), catalogue.fileCounts(FONDS));
        assertThrows(IllegalArgumentException.class, () -> catalogue.files(office.id(), -1, 5));
        assertThrows(IllegalArgumentException.class, () -> catalogue.files(office.id(), 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalogue.fileCounts("X"));
        assertTrue(e.getMessage().contains("X"), e.getMessage());
    }

    @Test
    void documentAndPageCountsPerFileAndFonds() {
        FileUnit a = file(office, "A");
        FileUnit b = file(office, "B");
        FileUnit empty = file(land, "C");
        Item a1 = item(a, "một");
        item(a, "hai");
        Item b1 = item(b, "ba");
        Page p1 = catalogue.addPage(a1.id(), ObjectId.of("a".repeat(64)), "lan");
        catalogue.addPage(a1.id(), ObjectId.of("b".repeat(64)), "lan");
        catalogue.addPage(b1.id(), ObjectId.of("c".repeat(64)), "lan");
        catalogue.setPageStatus(p1.id(), Page.Status.REVIEWED, "lan");

        assertEquals(Map.of(a.id(), 2L, b.id(), 1L), catalogue.itemCounts(List.of(a.id(), b.id(), empty.id())));
        assertEquals(Map.of(a.id(), Map.of(Page.Status.REVIEWED, 1L, Page.Status.SCANNED, 1L),
                b.id(), Map.of(Page.Status.SCANNED, 1L)), catalogue.pageCounts(List.of(a.id(), b.id(), empty.id())));
        assertEquals(Map.of(Page.Status.REVIEWED, 1L, Page.Status.SCANNED, 2L), catalogue.pageCounts(FONDS));
        assertEquals(Map.of(), catalogue.itemCounts(List.of()));
    }

    @Test
    void thePagesOfAFondsInOneStatusComeInFileDocumentAndPageOrder() {
        FileUnit a = file(office, "A");
        FileUnit b = file(land, "B");
        Item a1 = item(a, "một");
        Item a2 = item(a, "hai");
        Item b1 = item(b, "ba");
        Page b1p1 = catalogue.addPage(b1.id(), ObjectId.of("1".repeat(64)), "lan");
        Page a2p1 = catalogue.addPage(a2.id(), ObjectId.of("2".repeat(64)), "lan");
        Page a2p2 = catalogue.addPage(a2.id(), ObjectId.of("3".repeat(64)), "lan");
        Page a1p1 = catalogue.addPage(a1.id(), ObjectId.of("4".repeat(64)), "lan");
        catalogue.addPage(a1.id(), ObjectId.of("5".repeat(64)), "lan");
        for (Page p : List.of(b1p1, a2p2, a2p1, a1p1)) {
            catalogue.setPageStatus(p.id(), Page.Status.RESCAN, "lan");
        }

        List<CatalogueService.PageAt> rescans = catalogue.pages(FONDS, Optional.empty(), Page.Status.RESCAN);
        assertEquals(List.of("A:A.0000001:1", "A:A.0000002:1", "A:A.0000002:2", "B:B.0000001:1"),
                rescans.stream().map(r -> r.fileCode() + ":" + r.docCode() + ":" + r.page().position()).toList());
        assertEquals(Page.Status.RESCAN, rescans.get(0).page().status());
        assertEquals(a1p1.id(), rescans.get(0).page().id());
        assertEquals(List.of(b1p1.id()), catalogue.pages(FONDS, Optional.of("B"), Page.Status.RESCAN).stream()
                .map(r -> r.page().id()).toList());
        assertEquals(1, catalogue.pages(FONDS, Optional.empty(), Page.Status.SCANNED).size());
        assertEquals(List.of(), catalogue.pages(FONDS, Optional.empty(), Page.Status.REVIEWED));

        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class,
                () -> catalogue.pages(FONDS, Optional.of("Z"), Page.Status.RESCAN));
        assertTrue(noFile.getMessage().contains("Z") && noFile.getMessage().contains(FONDS), noFile.getMessage());
        catalogue.createFonds("H49.99", "UBND xã Khác", "lan");
        assertThrows(IllegalArgumentException.class,
                () -> catalogue.pages("H49.99", Optional.of("B"), Page.Status.RESCAN), "B is not in that fonds");
        assertThrows(IllegalArgumentException.class,
                () -> catalogue.pages("NONE", Optional.empty(), Page.Status.RESCAN));
    }

    @Test
    void aDocumentMovedToAnotherFileIsRenumberedInBothAndAudited() {
        FileUnit a = file(office, "A");
        FileUnit b = file(land, "B");
        Item a1 = item(a, "a1");
        Item a2 = item(a, "a2");
        item(a, "a3");
        item(b, "b1");
        item(b, "b2");
        catalogue.addPage(a2.id(), ObjectId.of("d".repeat(64)), "lan");

        Item moved = catalogue.moveItem(a2.id(), b.id(), 2, "mai");
        assertEquals(b.id(), moved.fileId());
        assertEquals(2, moved.position());
        assertEquals("B.0000002", moved.docCode());
        assertEquals(List.of("1:a1:0000001", "2:a3:0000002"), abstracts(a));
        assertEquals(List.of("1:b1:0000001", "2:a2:0000002", "3:b2:0000003"), abstracts(b));
        assertEquals(1, catalogue.pages(a2.id()).size(), "its pages go with it");

        AuditEvent audit = catalogue.events(catalogue.size(), 1).get(0);
        assertEquals("item.move", audit.action());
        assertEquals("mai", audit.actor());
        assertTrue(audit.before().contains("A.0000002") && audit.after().contains("B.0000002"),
                audit.before() + " -> " + audit.after());
        assertTrue(catalogue.verify().intact(), "the audit chain holds");

        // and back, past the end: it goes last
        catalogue.moveItem(a2.id(), a.id(), 99, "mai");
        assertEquals(List.of("1:a1:0000001", "2:a3:0000002", "3:a2:0000003"), abstracts(a));
        assertEquals(List.of("1:b1:0000001", "2:b2:0000002"), abstracts(b));

        // within its own file, to the front
        catalogue.moveItem(a2.id(), a.id(), 1, "mai");
        assertEquals(List.of("1:a2:0000001", "2:a1:0000002", "3:a3:0000003"), abstracts(a));
        assertEquals(a1.id(), catalogue.items(a.id()).get(1).id());
    }

    @Test
    void aDocumentCannotMoveToAnotherFondsOrAnUnknownFile() {
        FileUnit a = file(office, "A");
        Item a1 = item(a, "a1");
        catalogue.createFonds("H49.99", "UBND xã Khác", "lan");
        SchemeNode other = catalogue.addSchemeNode("H49.99", Optional.empty(), "I", "Văn phòng", "lan");
        FileUnit x = file(other, "X");
        long auditSize = catalogue.size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalogue.moveItem(a1.id(), x.id(), 1, "mai"));
        assertTrue(e.getMessage().contains("H49.99") && e.getMessage().contains("X"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalogue.moveItem(a1.id(), 9999, 1, "mai"));
        assertThrows(IllegalArgumentException.class, () -> catalogue.moveItem(9999, a.id(), 1, "mai"));
        assertEquals(List.of("1:a1:0000001"), abstracts(a), "nothing changed");
        assertEquals(auditSize, catalogue.size(), "nothing audited");
    }
}
