package org.hoso.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class FieldDefinitionTest {

    @Test
    void labelFollowsLanguageWithVietnameseAsDefault() {
        FieldDefinition f = new FieldDefinition("sheetNumber", "Số tờ", "Sheet number", FieldDefinition.ValueType.INTEGER, true);
        assertEquals("Số tờ", f.label(Locale.forLanguageTag("vi")));
        assertEquals("Số tờ", f.label(Locale.GERMAN));
        assertEquals("Sheet number", f.label(Locale.ENGLISH));
    }

    @Test
    void rejectsKeysThatAreNotLowerCamelCase() {
        assertThrows(IllegalArgumentException.class,
                () -> new FieldDefinition("Số tờ", "Số tờ", "Sheet", FieldDefinition.ValueType.TEXT, false));
        assertThrows(IllegalArgumentException.class,
                () -> new FieldDefinition("sheet-number", "Số tờ", "Sheet", FieldDefinition.ValueType.TEXT, false));
    }
}
