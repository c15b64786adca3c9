package org.hoso.extract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.ExtractionService.Applied;
import org.hoso.extract.api.Extractor;
import org.hoso.store.derby.internal.DiskCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction results written into a real Derby catalogue on disk. */
class ExtractionServiceTest {

    private static final Instant T = Instant.parse("2026-12-03T02:00:00Z");

    @TempDir
    Path workspace;

    private DiskCatalogue disk;
    private CatalogueService catalogue;
    private ExtractionServiceImpl service;
    private FileUnit file;

    @BeforeEach
    void open() throws Exception {
        disk = new DiskCatalogue(workspace);
        catalogue = disk.catalogue();
        catalogue.createFonds("H49.64.33", "UBND xã Hòa Bình", "lan");
        SchemeNode node = catalogue.addSchemeNode("H49.64.33", Optional.empty(), "I", "Văn phòng", "lan");
        file = catalogue.addFile(node.id(), "H49.64.33.2025.1", Optional.of("1"), Map.of(FileFields.TITLE,
                new Field<>("Tập quyết định năm 2025", Provenance.typed("lan", T))), "lan");
        service = new ExtractionServiceImpl(Clock.fixed(T, ZoneOffset.UTC));
        service.addExtractor(new Nd30Extractor(), Map.of(Extractor.ID_PROPERTY, "nd30", Extractor.ACCEPTS_PROPERTY,
                new String[] { Extractor.ADMIN_DOCUMENT }, "service.id", 7L));
        service.setCatalogue(catalogue);
    }

    @AfterEach
    void close() {
        disk.close();
    }

    private static Extraction decision(String number, String day) {
        return new Nd30Extractor().extract(ExtractionInput.ofText("UBND HUYỆN YÊN SƠN\nỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\n"
                + "Số: " + number + "/QĐ-UBND\nHòa Bình, ngày " + day + " tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
                + "Về việc kiện toàn Ban chỉ đạo chuyển đổi số\n"));
    }

    @Test
    void proposalsAreStoredWithProvenanceAndAPersonsValueWins() {
        Item typed = catalogue.addItem(file.id(), Map.of(ItemFields.NUMBER, new Field<>("99",
                Provenance.typed("lan", T)), ItemFields.ISSUER, new Field<>("UBND xã Hòa Bình",
                        Provenance.imported("muc-luc.xlsx", T))), "lan");
        Applied a = service.apply(typed.id(), decision("12", "19"), "may");
        Item item = a.item();
        assertEquals("99", item.description().text(ItemFields.NUMBER).orElseThrow(), "typed value kept");
        assertEquals("UBND xã Hòa Bình", item.description().text(ItemFields.ISSUER).orElseThrow(), "imported kept");
        assertTrue(a.kept().containsAll(List.of(ItemFields.NUMBER, ItemFields.ISSUER)), a.toString());
        Field<String> date = item.description().get(ItemFields.DATE).orElseThrow();
        assertEquals("2025-03-19", date.value());
        assertEquals(Provenance.Source.EXTRACTED, date.provenance().source());
        assertEquals("nd30", date.provenance().agent());
        assertTrue(date.provenance().confidence() > 0.5 && date.provenance().confidence() < 1);
        assertEquals("02", item.description().text(ItemFields.TYPE).orElseThrow());
        assertTrue(a.accepted().contains(ItemFields.DATE));

        // read back from the database: what was stored is what apply returned
        Item stored = catalogue.items(file.id()).get(0);
        assertEquals(item.description(), stored.description());

        // a person corrects the date; a second extraction does not undo it
        catalogue.describeItem(typed.id(), ItemFields.DATE, new Field<>("2025-03-20", Provenance.typed("lan", T)),
                "lan");
        Applied again = service.apply(typed.id(), decision("12", "19"), "may");
        assertEquals("2025-03-20", again.item().description().text(ItemFields.DATE).orElseThrow());
        assertTrue(again.kept().contains(ItemFields.DATE));
    }

    @Test
    void theFileGetsDerivedDatesAndCountButKeepsTypedOnes() {
        Item one = catalogue.addItem(file.id(), Map.of(), "lan");
        Item two = catalogue.addItem(file.id(), Map.of(), "lan");
        service.apply(one.id(), decision("12", "19"), "may");
        Applied a = service.apply(two.id(), decision("15", "2"), "may");
        FileUnit f = a.file();
        assertEquals("2025-03-02", f.description().text(FileFields.START_DATE).orElseThrow());
        assertEquals("2025-03-19", f.description().text(FileFields.END_DATE).orElseThrow());
        assertEquals("2", f.description().text(FileFields.DOCUMENT_COUNT).orElseThrow());
        assertEquals(Provenance.Source.DERIVED, f.description().get(FileFields.START_DATE).orElseThrow().provenance()
                .source());
        assertEquals(f.description(), catalogue.file("H49.64.33.2025.1").orElseThrow().description());

        catalogue.describeFile(file.id(), FileFields.START_DATE, new Field<>("2025-01", Provenance.typed("lan", T)),
                "lan");
        catalogue.addItem(file.id(), Map.of(), "lan");
        FileUnit after = service.deriveFile(file.id(), "may");
        assertEquals("2025-01", after.description().text(FileFields.START_DATE).orElseThrow(), "typed start kept");
        assertEquals("3", after.description().text(FileFields.DOCUMENT_COUNT).orElseThrow());
    }

    @Test
    void extractionWithoutACatalogueAndWithoutExtractors() {
        service.unsetCatalogue(catalogue);
        assertEquals("12", service.extract(ExtractionInput.ofText("Số: 12/QĐ-UBND"), Optional.empty())
                .value(ItemFields.NUMBER).orElseThrow());
        assertThrows(IllegalStateException.class, () -> service.apply(1, Extraction.empty("nd30", "1"), "may"));
        assertEquals(List.of("nd30"), service.extractors().stream().map(e -> e.id()).toList());
        assertThrows(IllegalStateException.class, () -> service.extract(ExtractionInput.ofText(""),
                Optional.of("other")));
    }
}
