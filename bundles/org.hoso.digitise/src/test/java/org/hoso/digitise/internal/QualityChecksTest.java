package org.hoso.digitise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Locale;

import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.DigitisedPage;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.QualityIssue;
import org.hoso.digitise.api.QualityIssue.Code;
import org.hoso.digitise.api.QualityPolicy;
import org.hoso.digitise.api.QualityReport;
import org.hoso.digitise.api.SampleScans;
import org.hoso.sample.internal.ScanRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quality checks on synthetic pages whose defects are known exactly. */
class QualityChecksTest {

    private static final ScanRenderer RENDERER = new ScanRenderer();

    static PageImage page(BufferedImage img, double dpi, boolean dpiKnown, ColourKind kind, int bits) {
        return new PageImage(new PageInfo("test.png", 1, 1, "PNG", img.getWidth(), img.getHeight(),
                dpiKnown ? dpi : 0, kind, bits), img, dpi, 1);
    }

    static PageImage synthetic(long seed, int dpi, SampleScans.Degradation d) {
        return page(RENDERER.page(seed, dpi, d).image(), dpi, true, ColourKind.GREY, 8);
    }

    @Test
    void aCleanPageAt300DpiPasses() throws Exception {
        QualityReport r = Engines.QUALITY.check(synthetic(1, 300, SampleScans.Degradation.NONE), QualityPolicy.DEFAULT);
        assertTrue(r.issues().isEmpty(), r.toString());
        assertTrue(r.passed());
        assertEquals(0, r.rotation());
    }

    @ParameterizedTest
    @ValueSource(doubles = { -3.0, 1.2, 7.5 })
    void skewIsMeasuredWithinAQuarterDegree(double angle) throws Exception {
        QualityReport r = Engines.QUALITY.check(synthetic(2, 200, new SampleScans.Degradation(angle, 0, 0, 255)),
                QualityPolicy.DEFAULT);
        assertEquals(angle, r.skewDegrees(), 0.25, r.toString());
        assertTrue(r.has(Code.SKEWED));
        assertTrue(r.passed(), "a skewed page is corrected, not refused");
    }

    @ParameterizedTest
    @ValueSource(ints = { 90, 180, 270 })
    void aTurnedPageIsFoundAndDigitisedUpright(int turned) throws Exception {
        SampleScans.SampleScan scan = RENDERER.page(4, 200, SampleScans.Degradation.NONE);
        Grey g = Grey.of(scan.image()).rotate(turned);
        QualityReport r = Engines.QUALITY.check(page(g.toImage(), 200, true, ColourKind.GREY, 8), QualityPolicy.DEFAULT);
        assertEquals((360 - turned) % 360, r.rotation(), r.toString());
        assertTrue(r.issues().stream().anyMatch(i -> i.code() == Code.ROTATED));
        if (turned == 180) {
            DigitisedPage d = Engines.DIGITISER.digitise(page(g.toImage(), 200, true, ColourKind.GREY, 8),
                    DigitiseOptions.DEFAULT);
            assertTrue(Cer.of(scan.text(), d.ocr().text()) < 0.05, d.ocr().text());
            // the digitiser asks the orientation check only after a poor first reading: it still says so
            assertEquals(180, d.quality().rotation(), d.quality().toString());
            assertTrue(d.quality().has(Code.ROTATED), d.quality().toString());
        }
    }

    @Test
    void aBlankPageIsReportedAndNotOcred() throws Exception {
        BufferedImage white = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        var g = white.createGraphics();
        g.setColor(new java.awt.Color(240, 240, 240));
        g.fillRect(0, 0, 1654, 2339);
        g.dispose();
        PageImage p = page(white, 200, true, ColourKind.GREY, 8);
        QualityReport r = Engines.QUALITY.check(p, QualityPolicy.DEFAULT);
        assertTrue(r.blank(), r.toString());
        DigitisedPage d = Engines.DIGITISER.digitise(p, DigitiseOptions.DEFAULT);
        assertTrue(d.attempts().isEmpty());
        assertEquals("", d.ocr().text());
    }

    @Test
    void lowResolutionAndColourDepthFailWithBilingualReasons() throws Exception {
        PageImage p = synthetic(5, 150, SampleScans.Degradation.NONE);
        QualityReport r = Engines.QUALITY.check(p, new QualityPolicy(200, 24, 0.5, 0.002));
        assertFalse(r.passed());
        QualityIssue low = r.issues().stream().filter(i -> i.code() == Code.LOW_RESOLUTION).findFirst().orElseThrow();
        assertEquals("Độ phân giải 150 dpi thấp hơn mức tối thiểu 200 dpi: cần quét lại",
                low.reason(Locale.forLanguageTag("vi")));
        assertEquals("Resolution 150 dpi is below the minimum of 200 dpi: rescan", low.reason(Locale.ENGLISH));
        assertTrue(r.has(Code.LOW_COLOUR_DEPTH));
    }

    @Test
    void anUnknownResolutionIsEstimatedFromTheLetters() throws Exception {
        BufferedImage img = RENDERER.page(6, 300, SampleScans.Degradation.NONE).image();
        QualityReport r = Engines.QUALITY.check(page(img, 300, false, ColourKind.GREY, 8), QualityPolicy.DEFAULT);
        assertTrue(r.has(Code.UNKNOWN_RESOLUTION), r.toString());
        assertEquals(300, r.dpi(), 90, "estimated from the letter size");
    }

    @Test
    void contentCutByTheScanEdgeIsReported() throws Exception {
        BufferedImage img = RENDERER.page(8, 200, SampleScans.Degradation.NONE).image();
        // the scanner missed the left third of the page
        BufferedImage cut = img.getSubimage(img.getWidth() / 3, 0, img.getWidth() * 2 / 3, img.getHeight());
        QualityReport r = Engines.QUALITY.check(page(copy(cut), 200, true, ColourKind.GREY, 8), QualityPolicy.DEFAULT);
        assertTrue(r.has(Code.CROPPED), r.toString());
        assertTrue(r.issues().stream().filter(i -> i.code() == Code.CROPPED).findFirst().orElseThrow().values()
                .get(0).contains("left"), r.toString());
    }

    @Test
    void filtersAreFastOnAWholePage() {
        Grey g = Grey.of(RENDERER.page(9, 300, new SampleScans.Degradation(0, 0.05, 120, 220)).image());
        long t0 = System.nanoTime();
        Grey m = g.median3();
        long t1 = System.nanoTime();
        Grey n = m.normaliseBackground(60);
        long t2 = System.nanoTime();
        Grey s = n.sauvola(51, 0.2);
        long t3 = System.nanoTime();
        Grey o = n.otsu();
        long t4 = System.nanoTime();
        PageTraits traits = Analysis.measure(g, 300);
        long t5 = System.nanoTime();
        System.out.printf(Locale.ROOT, "A4 300 dpi (%d MP): median3 %d ms, normalise %d ms, sauvola %d ms, otsu %d ms,"
                + " measure %d ms%n", g.px.length / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        assertTrue(traits.noisy() && traits.faint(), traits.toString());
        assertEquals(g.width, s.width);
        assertTrue(o.histogram()[0] + o.histogram()[255] == o.px.length, "binary");
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        c.createGraphics().drawImage(img, 0, 0, null);
        return c;
    }
}
