package org.hoso.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SheetNumbersTest {

    @Test
    void acceptsNumberWithOrWithoutAnOfficialScale() {
        assertEquals(Optional.empty(), SheetNumbers.problem("12"));
        assertEquals(Optional.of(new SheetNumbers.Sheet(12, Optional.of(2000))), SheetNumbers.parse(" 12 - 1:2000 "));
        assertEquals(Optional.of(new SheetNumbers.Sheet(7, Optional.of(10000))), SheetNumbers.parse("7 – 1:10.000"));
    }

    @Test
    void namesTheProblemWithWhatWasTyped() {
        assertEquals(Optional.of("sheet.empty"), SheetNumbers.problem("  "));
        assertEquals(Optional.of("sheet.notNumber"), SheetNumbers.problem("12a"));
        assertEquals(Optional.of("sheet.zero"), SheetNumbers.problem("0"));
        assertEquals(Optional.of("sheet.badScale"), SheetNumbers.problem("12 - 1:3000"));
    }

    @Test
    void recordTypeLabelsComeFromResourceBundles() {
        ExampleSheetType type = new ExampleSheetType();
        assertEquals("Tờ bản đồ địa chính (plugin mẫu)", type.label(Locale.forLanguageTag("vi")));
        assertEquals("Cadastral map sheet (example plugin)", type.label(Locale.ENGLISH));
        assertEquals("sheetNumber", type.fields().get(0).key());
    }
}
