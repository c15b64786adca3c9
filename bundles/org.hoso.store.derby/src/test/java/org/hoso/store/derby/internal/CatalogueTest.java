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
import org.hoso.core.api.CatalogueService.Counts;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.SchemeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue on a real Derby database on disk, as an archivist's day uses it. */
class CatalogueTest {

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
        catalogue.createFonds("H49.64.33", "UBND xã Tân Trào", "lan");
        SchemeNode admin = catalogue.addSchemeNode("H49.64.33", Optional.empty(), "I", "Hành chính", "lan");
        office = catalogue.addSchemeNode("H49.64.33", Optional.of(admin.id()), "I.1", "Văn phòng", "lan");
        land = catalogue.addSchemeNode("H49.64.33", Optional.empty(), "II", "Địa chính", "lan");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Field<String> typed(String v) {
        return new Field<>(v, Provenance.typed("lan", T));
    }

    private FileUnit file(SchemeNode node, String code, String title) {
        return catalogue.addFile(node.id(), code, Optional.of("1"), Map.of(FileFields.TITLE, typed(title),
                FileFields.START_DATE, typed("2001-03"), FileFields.RETENTION, typed("70 năm")), "lan");
    }

    @Test
    void schemeIsATreeInOrderAndFilesAreNumberedThroughTheFonds() {
        assertEquals(List.of("I", "I.1", "II"), catalogue.scheme("H49.64.33").stream().map(SchemeNode::code).toList());
        FileUnit a = file(office, "H49.64.33.2001.1", "Hồ sơ hội nghị tổng kết năm 2001");
        FileUnit b = file(land, "H49.64.33.2001.2", "Sổ mục kê đất đai");
        FileUnit c = file(office, "H49.64.33.2001.3", "Công văn đi năm 2001");
        assertEquals(List.of(1, 2, 3), List.of(a.fileNumber(), b.fileNumber(), c.fileNumber()));
        assertEquals(List.of("H49.64.33.2001.1", "H49.64.33.2001.3"),
                catalogue.files(office.id()).stream().map(FileUnit::fileCode).toList());
        assertEquals(new Counts(3, 3, 0, 1), catalogue.counts("H49.64.33"));
    }

    @Test
    void aDuplicateFileCodeIsRefusedAndLeavesNothingBehind() {
        file(office, "H49.64.33.2001.1", "Hồ sơ A");
        long audited = catalogue.size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> file(land, "H49.64.33.2001.1", "Hồ sơ B"));
        assertTrue(e.getMessage().contains("H49.64.33.2001.1"), e.getMessage());
        assertEquals(audited, catalogue.size());
        assertEquals(1, catalogue.counts("H49.64.33").files());
    }

    @Test
    void aPersonsCorrectionSurvivesTheMachineAndEveryChangeIsAudited() {
        FileUnit f = file(office, "H49.64.33.2001.1", "Hồ sơ hội nghị");
        FileUnit proposed = catalogue.describeFile(f.id(), FileFields.END_DATE,
                new Field<>("2001-12-31", Provenance.extracted("file.dates", 0.8, T)), "job-7");
        assertEquals("2001-12-31", proposed.description().text(FileFields.END_DATE).orElseThrow());
        FileUnit corrected = catalogue.describeFile(f.id(), FileFields.TITLE,
                typed("Hồ sơ hội nghị tổng kết công tác năm 2001"), "lan");
        long audited = catalogue.size();
        FileUnit after = catalogue.describeFile(f.id(), FileFields.TITLE,
                new Field<>("Hồ sơ hội nghị tổng kết", Provenance.extracted("nd30.header", 0.99, T)), "job-7");
        assertEquals(corrected.title(), after.title(), "the machine did not overwrite the person");
        assertEquals(audited, catalogue.size(), "a proposal that lost changes nothing and is not audited");

        AuditEvent last = catalogue.events(1, 100).get((int) catalogue.size() - 1);
        assertEquals("file.describe", last.action());
        assertEquals("lan", last.actor());
        assertTrue(last.before().contains("Hồ sơ hội nghị\""), last.before());
        assertTrue(last.after().contains("tổng kết công tác năm 2001"), last.after());
        assertTrue(catalogue.verify().intact());
    }

    @Test
    void movingAFileKeepsItsNumberAndIsRefusedAcrossFonds() {
        FileUnit f = file(office, "H49.64.33.2001.1", "Hồ sơ A");
        FileUnit moved = catalogue.moveFile(f.id(), land.id(), "lan");
        assertEquals(land.id(), moved.schemeNodeId());
        assertEquals(1, moved.fileNumber());
        assertEquals(List.of(f.fileCode()), catalogue.files(land.id()).stream().map(FileUnit::fileCode).toList());

        catalogue.createFonds("H49.64.34", "UBND xã Kim Bình", "lan");
        SchemeNode other = catalogue.addSchemeNode("H49.64.34", Optional.empty(), "I", "Hành chính", "lan");
        assertThrows(IllegalArgumentException.class, () -> catalogue.moveFile(f.id(), other.id(), "lan"));
        assertEquals(land.id(), catalogue.file(f.fileCode()).orElseThrow().schemeNodeId());
    }

    @Test
    void documentsGetOrderAndCodesAndTextIsStoredComposed() {
        FileUnit f = file(office, "H49.64.33.2001.160", "Hồ sơ A");
        String decomposed = "Quye\u0302\u0301t \u0111i\u0323nh ve\u0302\u0300 vie\u0323\u0302c sa\u0301p nha\u0323\u0302p";
        Item first = catalogue.addItem(f.id(), Map.of(ItemFields.ABSTRACT, typed(decomposed),
                ItemFields.DATE, typed("2001-03-19"), ItemFields.TYPE, typed("02")), "lan");
        Item second = catalogue.addItem(f.id(), Map.of(ItemFields.ABSTRACT, typed("Báo cáo")), "lan");
        assertEquals("H49.64.33.2001.160.0000001", first.docCode());
        assertEquals(2, second.position());
        Item stored = catalogue.items(f.id()).get(0);
        assertEquals("Quyết định về việc sáp nhập", stored.description().text(ItemFields.ABSTRACT).orElseThrow());
        Item described = catalogue.describeItem(second.id(), ItemFields.NOTATION,
                new Field<>("03/CT-UBND", Provenance.extracted("nd30.header", 0.9, T)), "job-1");
        assertEquals(Provenance.Source.EXTRACTED,
                described.description().get(ItemFields.NOTATION).orElseThrow().provenance().source());
    }

    @Test
    void anExtractedProposalNeverReplacesATypedOrImportedDocumentValue() {
        FileUnit f = file(office, "H49.64.33.2001.161", "Hồ sơ B");
        Item item = catalogue.addItem(f.id(), Map.of(ItemFields.NUMBER, typed("12"), ItemFields.ISSUER,
                new Field<>("UBND xã Tân Trào", Provenance.imported("muc-luc.xlsx", T))), "lan");
        long audited = catalogue.size();
        catalogue.describeItem(item.id(), ItemFields.NUMBER, new Field<>("13", Provenance.extracted("nd30", 1, T)),
                "job-2");
        catalogue.describeItem(item.id(), ItemFields.ISSUER, new Field<>("ỦY BAN NHÂN DÂN XÃ TÂN TRÀO",
                Provenance.extracted("nd30", 0.99, T)), "job-2");
        Item stored = catalogue.items(f.id()).get(0);
        assertEquals("12", stored.description().text(ItemFields.NUMBER).orElseThrow());
        assertEquals("UBND xã Tân Trào", stored.description().text(ItemFields.ISSUER).orElseThrow());
        assertEquals(audited, catalogue.size(), "proposals that lost change nothing and are not audited");
        Item proposed = catalogue.describeItem(item.id(), ItemFields.DATE,
                new Field<>("2001-03-19", Provenance.extracted("nd30", 0.6, T)), "job-2");
        Item better = catalogue.describeItem(item.id(), ItemFields.DATE,
                new Field<>("2001-03-18", Provenance.extracted("nd30", 0.9, T)), "job-3");
        assertEquals("2001-03-19", proposed.description().text(ItemFields.DATE).orElseThrow());
        assertEquals("2001-03-18", better.description().text(ItemFields.DATE).orElseThrow(), "more confident wins");
    }

    @Test
    void everythingSurvivesReopeningWithProvenance() throws Exception {
        FileUnit f = file(office, "H49.64.33.2001.1", "Hồ sơ \"đặc biệt\"\nhai dòng");
        database.close();
        database = Database.open(workspace.resolve("catalogue"));
        catalogue = new DerbyCatalogue(database);
        FileUnit again = catalogue.file("H49.64.33.2001.1").orElseThrow();
        assertEquals(f, again);
        assertEquals("lan", again.description().get(FileFields.TITLE).orElseThrow().provenance().agent());
        assertEquals("UBND xã Tân Trào", catalogue.fonds("H49.64.33").orElseThrow().name());
        assertTrue(catalogue.verify().intact());
    }

    private static CatalogueService.NewFile newFile(int row, String code, String group, int items) {
        List<Map<String, Field<String>>> docs = new java.util.ArrayList<>();
        for (int i = 1; i <= items; i++) {
            docs.add(Map.of(ItemFields.ABSTRACT, new Field<>("Văn bản số " + i, Provenance.imported("muc-luc.xlsx", T)),
                    ItemFields.DATE, new Field<>("2001-0" + (1 + i % 9), Provenance.imported("muc-luc.xlsx", T))));
        }
        return new CatalogueService.NewFile(List.of(new CatalogueService.SchemeStep("I", "Hành chính"),
                new CatalogueService.SchemeStep(group, "Nhóm " + group)), code, Optional.of("B" + (row / 10)),
                Map.of(FileFields.TITLE, new Field<>("Hồ sơ " + code, Provenance.imported("muc-luc.xlsx", T))),
                docs, row);
    }

    @Test
    void anInventoryIsImportedWholeWithOneAuditEntry() {
        List<CatalogueService.NewFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            files.add(newFile(i + 2, "K12.2001." + (i + 1), i % 2 == 0 ? "I.1" : "I.2", 4));
        }
        long auditBefore = catalogue.size();
        CatalogueService.ImportResult r = catalogue.importBatch(new CatalogueService.ImportBatch("K12",
                "UBND huyện cũ", "muc-luc.xlsx, sheet Mục lục", Optional.empty(), files), "lan");
        assertEquals(new CatalogueService.ImportResult(3, 2500, 10_000, auditBefore + 1), r);
        assertEquals(auditBefore + 1, catalogue.size());
        assertEquals(new Counts(3, 2500, 10_000, 251), catalogue.counts("K12"), "boxes B0..B250");
        FileUnit last = catalogue.file("K12.2001.2500").orElseThrow();
        assertEquals(2500, last.fileNumber());
        List<Item> docs = catalogue.items(last.id());
        assertEquals(List.of("K12.2001.2500.0000001", "K12.2001.2500.0000004"),
                List.of(docs.get(0).docCode(), docs.get(3).docCode()));
        assertEquals(Provenance.Source.IMPORTED,
                docs.get(0).description().get(ItemFields.ABSTRACT).orElseThrow().provenance().source());
        assertTrue(catalogue.verify().intact());
        // a second import into the same fonds continues the numbering and reuses the scheme
        CatalogueService.ImportResult more = catalogue.importBatch(new CatalogueService.ImportBatch("K12", "",
                "them.xlsx", Optional.empty(), List.of(newFile(2, "K12.2002.1", "I.1", 1))), "lan");
        assertEquals(0, more.schemeNodesCreated());
        assertEquals(2501, catalogue.file("K12.2002.1").orElseThrow().fileNumber());
    }

    @Test
    void anImportWithOneBadFileAddsNothingAndNamesTheRow() {
        List<CatalogueService.NewFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            files.add(newFile(i + 2, "K13." + i, "I.1", 2));
        }
        files.add(newFile(1502, "K13.7", "I.1", 1));
        long auditBefore = catalogue.size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalogue.importBatch(
                new CatalogueService.ImportBatch("K13", "x", "bad.xlsx", Optional.empty(), files), "lan"));
        assertTrue(e.getMessage().contains("rows 9 and 1502"), e.getMessage());
        assertTrue(catalogue.fonds("K13").isEmpty(), "not even the fonds was created");
        assertEquals(auditBefore, catalogue.size());

        file(office, "H49.64.33.2001.1", "Hồ sơ A");
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class, () -> catalogue.importBatch(
                new CatalogueService.ImportBatch("H49.64.33", "", "clash.xlsx", Optional.empty(),
                        List.of(newFile(5, "H49.64.33.2001.1", "I.1", 1))), "lan"));
        assertTrue(clash.getMessage().contains("row 5: file code H49.64.33.2001.1 is already in the catalogue"),
                clash.getMessage());
    }

    @Test
    void aBadValueInADocumentFailsTheImportWithItsRowAndAddsNothing() {
        List<CatalogueService.NewFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i++) {
            files.add(newFile(i + 2, "K14." + i, "I.1", 3));
        }
        CatalogueService.NewFile good = files.get(650);
        Map<String, Field<String>> badDate = Map.of(ItemFields.DATE,
                new Field<>("31/02/2001", Provenance.imported("muc-luc.xlsx", T)));
        files.set(650, new CatalogueService.NewFile(good.schemePath(), good.fileCode(), good.box(), good.fields(),
                List.of(good.items().get(0), badDate), good.sourceRow()));
        long auditBefore = catalogue.size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalogue.importBatch(
                new CatalogueService.ImportBatch("K14", "x", "bad-date.xlsx", Optional.empty(), files), "lan"));
        assertTrue(e.getMessage().startsWith("row 652, file K14.650, document 2:"), e.getMessage());
        assertTrue(catalogue.fonds("K14").isEmpty());
        assertEquals(auditBefore, catalogue.size());
    }

    private FileUnit dated(String code, String start, String end, String box) {
        Map<String, Field<String>> fields = new java.util.HashMap<>(Map.of(FileFields.TITLE, typed("Hồ sơ " + code)));
        if (start != null) {
            fields.put(FileFields.START_DATE, typed(start));
        }
        if (end != null) {
            fields.put(FileFields.END_DATE, typed(end));
        }
        return catalogue.addFile(office.id(), code, Optional.ofNullable(box), fields, "lan");
    }

    private List<String> find(String from, String to, String box, int limit) {
        return catalogue.findFiles(new CatalogueService.FileQuery("H49.64.33",
                Optional.ofNullable(from).map(java.time.LocalDate::parse),
                Optional.ofNullable(to).map(java.time.LocalDate::parse), Optional.ofNullable(box), limit))
                .stream().map(FileUnit::fileCode).toList();
    }

    @Test
    void filesAreFoundByPeriodAndBoxInInventoryOrder() {
        dated("A.1", "2001-03", "2001-05", "1");   // March to May 2001
        dated("A.2", "1999", "2004", "1");         // spans the years
        dated("A.3", "2002-01-15", null, "2");     // one day known
        dated("A.4", null, null, "2");             // undated
        dated("A.5", "2001-06-01", "2001-06-30", "3");
        assertEquals(List.of("A.1", "A.2"), find("2001-04-01", "2001-04-30", null, 100), "overlap, not containment");
        assertEquals(List.of("A.2", "A.5"), find("2001-06-15", "2001-06-15", null, 100));
        assertEquals(List.of("A.2", "A.3"), find("2002-01-15", "2002-01-15", null, 100));
        assertEquals(List.of("A.2", "A.3"), find("2002-01-01", null, null, 100), "open-ended period");
        assertEquals(List.of("A.1", "A.2", "A.5"), find(null, "2001-12-31", null, 100));
        assertEquals(List.of("A.1"), find("2001-01-01", "2001-12-31", null, 1), "limit keeps inventory order");
        assertEquals(List.of("A.3", "A.4"), find(null, null, "2", 100), "box alone includes undated files");
        assertEquals(List.of("A.3"), find("2000-01-01", "2010-12-31", "2", 100));
        assertEquals(List.of(), find("2005-01-01", "2005-12-31", null, 100));

        // a corrected date moves the file in period searches
        FileUnit a3 = catalogue.file("A.3").orElseThrow();
        catalogue.describeFile(a3.id(), FileFields.START_DATE, typed("2004"), "lan");
        assertEquals(List.of("A.2"), find("2002-01-15", "2002-01-15", null, 100));
        assertEquals(List.of("A.2", "A.3"), find("2004-07-01", "2004-07-01", null, 100));
    }

    @Test
    void unknownThingsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> catalogue.addSchemeNode("NOPE", Optional.empty(), "I", "x", "lan")).getMessage().contains("NOPE"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> catalogue.addFile(999, "X.1", Optional.empty(), Map.of(), "lan")).getMessage().contains("999"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> catalogue.createFonds("H49.64.33", "again", "lan")).getMessage().contains("already exists"));
    }
}
