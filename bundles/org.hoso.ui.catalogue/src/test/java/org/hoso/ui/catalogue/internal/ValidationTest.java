package org.hoso.ui.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.hoso.core.api.Localization;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.ui.catalogue.internal.Validation.Form;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static Optional<String> problem(Form form, String key, String raw) {
        return Validation.check(form, key, raw).problem().map(Validation.Problem::key);
    }

    @Test
    void datesAreReadDayFirstAndKeptAsIso() {
        assertEquals(Optional.of("2025-03-19"), Validation.check(Form.ITEM, ItemFields.DATE, "19/3/2025").canonical());
        assertEquals(Optional.of("2001-04"), Validation.check(Form.FILE, FileFields.START_DATE, "04/2001").canonical());
        assertEquals(Optional.of("validation.date"), problem(Form.FILE, FileFields.END_DATE, "31/02/2001"));
        assertEquals(Optional.of("validation.date"), problem(Form.FILE, FileFields.END_DATE, "hôm qua"));
        assertEquals("19/03/2025", Validation.display(Form.ITEM, ItemFields.DATE, "2025-03-19", Locale.ROOT));
    }

    @Test
    void numberNotationRetentionCodesAndRequiredFields() {
        assertTrue(Validation.check(Form.ITEM, ItemFields.NUMBER, "12a").ok());
        assertEquals(Optional.of("validation.number"), problem(Form.ITEM, ItemFields.NUMBER, "12/QĐ"));
        assertTrue(Validation.check(Form.ITEM, ItemFields.NOTATION, "QĐ-UBND").ok());
        assertTrue(Validation.check(Form.ITEM, ItemFields.NOTATION, "KL/TW").ok());
        assertEquals(Optional.of("validation.notation"), problem(Form.ITEM, ItemFields.NOTATION, "qđ ubnd"));
        assertTrue(Validation.check(Form.FILE, FileFields.RETENTION, "10 năm").ok());
        assertEquals(Optional.of("validation.retention"), problem(Form.FILE, FileFields.RETENTION, "500 năm"));
        assertTrue(Validation.check(Form.FILE, FileFields.RETENTION, "Đến khi hết hiệu lực").ok(), "a condition");
        assertEquals(Optional.of("02"), Validation.check(Form.FILE, FileFields.ACCESS,
                Validation.display(Form.FILE, FileFields.ACCESS, "02", Localization.VIETNAMESE)).canonical());
        assertEquals(Optional.of("validation.code"), problem(Form.FILE, FileFields.ACCESS, "bí mật quốc gia"));
        assertEquals(Optional.of("validation.integer"), problem(Form.FILE, FileFields.SHEET_COUNT, "-3"));
        assertEquals(Optional.of("validation.required"), problem(Form.FILE, FileFields.TITLE, "  "));
        assertFalse(Validation.choices(Form.ITEM, ItemFields.TYPE, Locale.ENGLISH).isEmpty());
        assertEquals(Optional.of(""), Validation.check(Form.FILE, FileFields.NOTES, "").canonical(), "a blank clears");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertEquals(load("messages.properties").stringPropertyNames(),
                load("messages_en.properties").stringPropertyNames());
        assertEquals("Mục lục", new Texts(Localization.VIETNAMESE).get("navigator.title"));
        assertEquals("Catalogue", new Texts(Locale.ENGLISH).get("navigator.title"));
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
