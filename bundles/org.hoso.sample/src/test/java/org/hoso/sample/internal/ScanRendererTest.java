package org.hoso.sample.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.DataBufferByte;
import java.util.List;

import org.hoso.digitise.api.SampleScans;
import org.hoso.digitise.api.SampleScans.Degradation;
import org.junit.jupiter.api.Test;

class ScanRendererTest {

    private final ScanRenderer renderer = new ScanRenderer();

    private static final SampleScans.Document DECISION = new SampleScans.Document("UBND HUYỆN YÊN SƠN",
            "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "17/QĐ-UBND", "Hòa Bình, ngày 5 tháng 3 năm 2009", "Quyết định",
            "Về việc kiện toàn Hội đồng thi đua - khen thưởng xã", "TM. ỦY BAN NHÂN DÂN", "Chủ tịch",
            "Nông Thị Lan");

    @Test
    void aDocumentsPageShowsItsOwnFieldsInReadingOrder() {
        SampleScans.SampleScan scan = renderer.page(DECISION, 3, 200, Degradation.NONE);
        List<String> lines = scan.text().lines().toList();
        assertEquals(List.of("UBND HUYỆN YÊN SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN",
                "Độc lập - Tự do - Hạnh phúc", "XÃ HÒA BÌNH", "Số: 17/QĐ-UBND", "Hòa Bình, ngày 5 tháng 3 năm 2009",
                "QUYẾT ĐỊNH", "Về việc kiện toàn Hội đồng thi đua - khen thưởng xã"), lines.subList(0, 9));
        assertEquals("Nông Thị Lan", lines.get(lines.size() - 1));
        assertTrue(lines.contains("TM. ỦY BAN NHÂN DÂN") && lines.contains("CHỦ TỊCH"), scan.text());
        assertEquals(1654, scan.image().getWidth(), "A4 at 200 dpi");
    }

    @Test
    void anOfficialLetterHasNoTypeLineAndTheSameArgumentsGiveTheSamePage() {
        SampleScans.Document letter = new SampleScans.Document("", "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "45/UBND",
                "Hòa Bình, ngày 1 tháng 4 năm 2025", "", "V/v bàn giao hồ sơ, tài liệu", "", "Phó Chủ tịch",
                "Ma Văn Sơn");
        SampleScans.SampleScan a = renderer.page(letter, 9, 150, new Degradation(1, 0.01, 60, 240));
        List<String> lines = a.text().lines().toList();
        assertEquals("ỦY BAN NHÂN DÂN", lines.get(0), "no parent line");
        assertTrue(lines.contains("V/v bàn giao hồ sơ, tài liệu"));
        assertFalse(lines.contains("QUYẾT ĐỊNH"));
        SampleScans.SampleScan b = renderer.page(letter, 9, 150, new Degradation(1, 0.01, 60, 240));
        assertArrayEquals(((DataBufferByte) a.image().getRaster().getDataBuffer()).getData(),
                ((DataBufferByte) b.image().getRaster().getDataBuffer()).getData());
        assertEquals(a.text(), b.text());
    }
}
