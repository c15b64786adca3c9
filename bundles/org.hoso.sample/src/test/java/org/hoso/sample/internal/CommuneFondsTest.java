package org.hoso.sample.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Values;
import org.junit.jupiter.api.Test;

class CommuneFondsTest {

    private final CommuneFonds generator = new CommuneFonds();

    @Test
    void theSameSeedGivesTheSameFondsAndAnotherSeedAnother() {
        assertEquals(generator.inventory(2025, 200), generator.inventory(2025, 200));
        assertNotEquals(generator.inventory(2025, 200).files(), generator.inventory(7, 200).files());
    }

    @Test
    void theBulkInventoryMakesEachFileAloneTheSameWayEveryTime() {
        ImportBatch bulk = generator.bulkInventory("BENCH", 9, 1_000_000, 10);
        assertEquals(1_000_000, bulk.files().size());
        NewFile late = bulk.files().get(987_654);
        assertEquals(late, generator.bulkInventory("BENCH", 9, 1_000_000, 10).files().get(987_654),
                "any file can be made alone, and the same arguments make the same file");
        assertEquals(10, late.items().size());
        assertTrue(late.fileCode().startsWith("BENCH.2024."), late.fileCode());
        assertEquals("BENCH.1998.1", bulk.files().get(0).fileCode(), "years run with the inventory");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            NewFile f = bulk.files().get(i);
            assertTrue(codes.add(f.fileCode()), "unique file code " + f.fileCode());
            check(f.fields(), true);
            f.items().forEach(d -> check(d, false));
        }
        assertNotEquals(bulk.files().get(5), generator.bulkInventory("BENCH", 10, 1_000_000, 10).files().get(5));
    }

    @Test
    void everyValueIsValidForItsFieldAndCodesAreUnique() {
        ImportBatch batch = generator.inventory(2025, 500);
        assertEquals(500, batch.files().size());
        Set<String> codes = new HashSet<>();
        for (NewFile f : batch.files()) {
            assertTrue(codes.add(f.fileCode()), "unique file code " + f.fileCode());
            check(f.fields(), true);
            assertEquals(Integer.toString(f.items().size()), f.fields().get(FileFields.DOCUMENT_COUNT).value());
            f.items().forEach(i -> check(i, false));
            String start = f.fields().get(FileFields.START_DATE).value();
            String end = f.fields().get(FileFields.END_DATE).value();
            assertTrue(start.compareTo(end) <= 0, f.fileCode() + ": " + start + " > " + end);
        }
    }

    @Test
    void looksLikeACommuneInventory() {
        ImportBatch batch = generator.inventory(2025, 300);
        Set<String> groups = new HashSet<>();
        batch.files().forEach(f -> groups.add(f.schemePath().get(0).title()));
        assertEquals(5, groups.size(), groups.toString());
        long secret = batch.files().stream().filter(f -> f.fields().get(FileFields.ACCESS).value().equals("03")).count();
        assertTrue(secret > 0 && secret < 60, "a few files hold secret documents: " + secret);
        NewFile first = batch.files().get(0);
        assertTrue(first.fileCode().matches("H99\\.01\\.05\\.(199[89]|20[0-2]\\d)\\.\\d+"), first.fileCode());
        Map<String, Field<String>> doc = first.items().get(0);
        assertTrue(doc.get(ItemFields.SIGNER_AUTHORITY).value().matches("TM\\. ỦY BAN NHÂN DÂN|KT\\. CHỦ TỊCH"));
        assertTrue(doc.get(ItemFields.ISSUER).value().endsWith("xã Hòa Bình"));
    }

    private static void check(Map<String, Field<String>> fields, boolean file) {
        fields.forEach((key, value) -> {
            String canonical = file ? Values.canonical(FileFields.ALL, FileFields.CODE_LISTS, key, value.value())
                    : Values.canonical(ItemFields.ALL, ItemFields.CODE_LISTS, key, value.value());
            assertEquals(canonical, value.value(), key + " is stored in canonical form");
        });
    }
}
