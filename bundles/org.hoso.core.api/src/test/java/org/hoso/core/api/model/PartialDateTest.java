package org.hoso.core.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void readsTheFormsInventoriesUse() {
        assertEquals(new PartialDate(2025, 3, 19), PartialDate.parse("19/3/2025"));
        assertEquals(new PartialDate(2025, 4, 1), PartialDate.parse(" 01.04.2025 "));
        assertEquals(new PartialDate(2025, 3, 0), PartialDate.parse("03/2025"));
        assertEquals(new PartialDate(2001, 0, 0), PartialDate.parse("2001"));
        assertEquals(new PartialDate(2025, 3, 19), PartialDate.parse("2025-03-19"));
        assertEquals(new PartialDate(2025, 3, 0), PartialDate.parse("2025-03"));
    }

    @Test
    void writesIsoAndTheVietnameseOrderAtTheKnownPrecision() {
        PartialDate d = PartialDate.parse("19/3/2025");
        assertEquals("2025-03-19", d.iso());
        assertEquals("19/03/2025", d.display());
        assertEquals("03/2025", PartialDate.parse("3/2025").display());
        assertEquals("2025", PartialDate.ofYear(2025).iso());
    }

    @Test
    void aMonthOrYearCoversItsWholeRange() {
        PartialDate feb = PartialDate.parse("02/2024");
        assertEquals(LocalDate.of(2024, 2, 1), feb.earliest());
        assertEquals(LocalDate.of(2024, 2, 29), feb.latest());
        assertEquals(LocalDate.of(2024, 12, 31), PartialDate.ofYear(2024).latest());
    }

    @Test
    void rejectsImpossibleDatesNamingTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("31/2/2025"));
        assertTrue(e.getMessage().contains("31/2/2025"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("13/2025"));
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("ngày mai"));
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("25"));
    }

    @Test
    void sortsByYearThenMonthThenDay() {
        List<PartialDate> sorted = List.of(PartialDate.parse("5/3/2025"), PartialDate.parse("2025"),
                PartialDate.parse("3/2025"), PartialDate.parse("2024")).stream().sorted().toList();
        assertEquals(List.of("2024", "2025", "2025-03", "2025-03-05"), sorted.stream().map(PartialDate::iso).toList());
    }
}
