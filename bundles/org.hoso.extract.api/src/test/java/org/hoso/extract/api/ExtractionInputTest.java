package org.hoso.extract.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.hoso.digitise.api.Box;
import org.hoso.digitise.api.OcrLine;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.OcrWord;
import org.junit.jupiter.api.Test;

class ExtractionInputTest {

    private static OcrLine line(int y, String... words) {
        List<OcrWord> ws = new java.util.ArrayList<>();
        int x = 10;
        for (String w : words) {
            ws.add(new OcrWord(w, new Box(x, y, 20 * w.length(), 30), 90));
            x += 20 * w.length() + 15;
        }
        return new OcrLine(ws, ws.get(0).box().union(ws.get(ws.size() - 1).box()));
    }

    @Test
    void wordOffsetsPointIntoTheTextOverLinesAndPages() {
        OcrPage p1 = new OcrPage(2480, 3508, 300, "vie", List.of(line(100, "UBND", "TỈNH"), line(150, "Số:", "03/CT-UBND")));
        OcrPage p2 = new OcrPage(2480, 3508, 300, "vie", List.of(line(100, "Nơi", "nhận:")));
        ExtractionInput in = ExtractionInput.ofOcr(List.of(p1, p2));
        assertEquals("UBND TỈNH\nSố: 03/CT-UBND\n\f\nNơi nhận:", in.text());
        for (ExtractionInput.PlacedWord w : in.words()) {
            assertEquals(w.word().text(), in.text().substring(w.start(), w.end()));
        }
        assertEquals(1, in.words().get(4).page());
        assertEquals(List.of(), ExtractionInput.ofText("Số: 1").words());
    }

    @Test
    void extractionKeepsOneValuePerKeyAndChecksConfidence() {
        ExtractedField a = new ExtractedField("number", "1", "1", 0.5, SourceSpan.NONE);
        ExtractedField b = new ExtractedField("number", "2", "2", 0.9, SourceSpan.NONE);
        assertEquals("2", Extraction.of("x", "1", List.of(a, b)).value("number").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new ExtractedField("number", "1", "1", 1.5,
                SourceSpan.NONE));
        assertThrows(IllegalArgumentException.class, () -> new SourceSpan(5, 2, List.of()));
    }
}
