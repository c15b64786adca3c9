package org.hoso.core.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DescriptionTest {

    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void proposalsFollowTheResolveRuleAndBlankMachineValuesAreIgnored() {
        Description d = Description.of(Map.of("title", new Field<>("Hồ sơ", Provenance.typed("lan", T))));
        assertSame(d, d.propose("title", new Field<>("Hồ", Provenance.extracted("x", 0.9, T))));
        assertSame(d, d.propose("notes", new Field<>("  ", Provenance.extracted("x", 0.9, T))));
        Description cleared = d.propose("title", new Field<>("", Provenance.typed("lan", T)));
        assertEquals(Optional.empty(), cleared.text("title"), "a person may clear a field");
        assertEquals("Ghi chú", d.propose("notes", new Field<>(" Ghi chú ", Provenance.typed("lan", T)))
                .text("notes").orElseThrow(), "values are trimmed");
    }

    @Test
    void canonicalValuesForDatesCodesCountsAndRetention() {
        assertEquals("2001-03-19", Values.canonical(FileFields.ALL, FileFields.CODE_LISTS, FileFields.START_DATE,
                "19/3/2001"));
        assertEquals("03", Values.canonical(FileFields.ALL, FileFields.CODE_LISTS, FileFields.ACCESS, "Mật"));
        assertEquals("02", Values.canonical(ItemFields.ALL, ItemFields.CODE_LISTS, ItemFields.TYPE, "quyết định"));
        assertEquals("Đà Nẵng", Values.canonical(ItemFields.ALL, ItemFields.CODE_LISTS, ItemFields.PLACE,
                " Đà Nẵng "));
        assertEquals("UBND THÀNH PHỐ ĐÀ NẴNG", Values.canonical(ItemFields.ALL, ItemFields.CODE_LISTS,
                ItemFields.ISSUER_PARENT, "UBND THÀNH PHỐ ĐÀ NẴNG"));
        assertEquals("1200", Values.canonical(FileFields.ALL, FileFields.CODE_LISTS, FileFields.PAGE_COUNT, "1.200"));
        assertEquals("Vĩnh viễn", Values.canonical(FileFields.ALL, FileFields.CODE_LISTS, FileFields.RETENTION, "VV"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.canonical(
                FileFields.ALL, FileFields.CODE_LISTS, FileFields.END_DATE, "31/02/2001"));
        assertTrue(e.getMessage().startsWith("Thời gian kết thúc (endDate): \"31/02/2001\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Values.canonical(FileFields.ALL, FileFields.CODE_LISTS,
                FileFields.SHEET_COUNT, "-3"));
        assertThrows(IllegalArgumentException.class, () -> Values.canonical(FileFields.ALL, FileFields.CODE_LISTS,
                FileFields.LANGUAGE, "Klingon"));
    }
}
