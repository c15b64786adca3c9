package org.hoso.digitise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OcrJsonTest {

    @Test
    void aPageComesBackWordForWordWithItsBoxes() {
        OcrPage page = new OcrPage(2480, 3508, 300, "vie+eng", List.of(
                new OcrLine(List.of(new OcrWord("CỘNG", new Box(10, 20, 30, 40), 96.5f),
                        new OcrWord("\"HÒA\"\\", new Box(50, 20, 31, 40), 88f)), new Box(10, 20, 71, 40)),
                new OcrLine(List.of(new OcrWord("Số:\t03/CT-UBND", new Box(1, 2, 3, 4), 51.25f)),
                        new Box(1, 2, 3, 4)),
                new OcrLine(List.of(), new Box(0, 0, 0, 0))));
        String json = OcrJson.write(page);
        OcrPage back = OcrJson.read(json);
        assertEquals(page.text(), back.text());
        assertEquals(page.words(), back.words());
        assertEquals(page.lines().get(0).box(), back.lines().get(0).box());
        assertEquals(List.of(2480, 3508, 300.0, "vie+eng"),
                List.of(back.width(), back.height(), back.dpi(), back.languages()));
        assertEquals(json, OcrJson.write(back));
    }

    @Test
    void notAPageIsAClearError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OcrJson.read("{\"width\":1,\"lines\":[{"))
                .getMessage().contains("offset"));
        assertThrows(IllegalArgumentException.class, () -> OcrJson.read(""));
        assertThrows(IllegalArgumentException.class, () -> OcrJson.read("{\"colour\":1}"));
    }
}
