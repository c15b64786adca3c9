package org.hoso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.hoso.core.api.Localization;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertEquals(load("messages.properties").stringPropertyNames(),
                load("messages_en.properties").stringPropertyNames());
    }

    @Test
    void vietnameseIsTheDefaultAndEnglishIsThere() {
        assertEquals("Hoso — Bàn làm việc lưu trữ", new Texts(Localization.VIETNAMESE).get("window.title"));
        assertEquals("Hoso — Archival workbench", new Texts(Locale.ENGLISH).get("window.title"));
        assertEquals("Hoso — Bàn làm việc lưu trữ", new Texts(Locale.GERMAN).get("window.title"));
        assertEquals("Phần mở rộng", new PluginsView(new FakePlatform()).title(Localization.resolve(null)));
        assertEquals("Plugins", new PluginsView(new FakePlatform()).title(Localization.resolve("en-GB")));
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
