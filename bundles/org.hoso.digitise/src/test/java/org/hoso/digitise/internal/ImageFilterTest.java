package org.hoso.digitise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.DigitisedPage;
import org.hoso.digitise.api.ImageFilter;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.SampleScans;
import org.hoso.sample.internal.ScanRenderer;
import org.junit.jupiter.api.Test;

/** A plugin's clean-up step ({@link ImageFilter} service) runs before OCR, on the derivative only. */
class ImageFilterTest {

    /** A filter that a province might contribute; this one wipes the page, so its effect cannot be missed. */
    private static final class Wipe implements ImageFilter {
        @Override
        public String id() {
            return "province.wipe";
        }

        @Override
        public PageImage apply(PageImage page) {
            BufferedImage white = new BufferedImage(page.image().getWidth(), page.image().getHeight(),
                    BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = white.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, white.getWidth(), white.getHeight());
            g.dispose();
            return page.withImage(white, page.dpi());
        }
    }

    /** A filter that breaks the contract by cropping. */
    private static final class Crop implements ImageFilter {
        @Override
        public String id() {
            return "province.crop";
        }

        @Override
        public PageImage apply(PageImage page) {
            return page.withImage(page.image().getSubimage(0, 0, page.image().getWidth() / 2,
                    page.image().getHeight()), page.dpi());
        }
    }

    private static PageImage page() {
        SampleScans.SampleScan scan = new ScanRenderer().page(11, 200, SampleScans.Degradation.NONE);
        return new PageImage(new PageInfo("mẫu.png", 1, 1, "RAW", scan.image().getWidth(), scan.image().getHeight(),
                200, ColourKind.GREY, 8), scan.image(), 200, 1);
    }

    @Test
    void aContributedFilterRunsBeforeOcrAndIsNamedInThePlan() throws Exception {
        DigitiserImpl digitiser = new DigitiserImpl(Engines.ENGINE, Engines.QUALITY, Engines.WRITER);
        DigitisedPage plain = digitiser.digitise(page(), DigitiseOptions.DEFAULT);
        assertTrue(plain.ocr().words().size() > 20, "the page reads without the filter");

        Wipe wipe = new Wipe();
        digitiser.addFilter(wipe);
        DigitisedPage filtered = digitiser.digitise(page(), DigitiseOptions.DEFAULT);
        assertEquals(0, filtered.ocr().words().size(), "OCR saw the filter's output");
        assertTrue(filtered.attempts().stream().allMatch(a -> a.plan().steps().contains("province.wipe")),
                filtered.attempts().toString());
        assertEquals(plain.display().image().getWidth(), filtered.display().image().getWidth());
        assertTrue(filtered.display().image().getRGB(200, 200) == plain.display().image().getRGB(200, 200),
                "the image kept is never filtered");

        digitiser.removeFilter(wipe);
        assertTrue(digitiser.digitise(page(), DigitiseOptions.DEFAULT).ocr().words().size() > 20);
    }

    @Test
    void aFilterThatChangesThePageSizeIsRefusedByName() {
        DigitiserImpl digitiser = new DigitiserImpl(Engines.ENGINE, Engines.QUALITY, Engines.WRITER);
        digitiser.addFilter(new Crop());
        IOException e = assertThrows(IOException.class, () -> digitiser.digitise(page(), DigitiseOptions.DEFAULT));
        assertTrue(e.getMessage().contains("province.crop") && e.getMessage().contains("mẫu.png"), e.getMessage());
    }
}
