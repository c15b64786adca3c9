package org.hoso.digitise.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.UnreadablePageException;
import org.hoso.digitise.api.UnreadablePageException.Problem;

/**
 * PDFs of scans: a page that shows one image covering it yields that image as stored (its resolution follows from
 * the page size); any other page is rendered. Sizes are checked from the image dictionary or the page box before
 * decoding.
 */
final class PdfScans {

    private PdfScans() {
    }

    /** The scanned image of a page, or null when the page is not a single full-page image. */
    private record Scan(PDImageXObject image, int width, int height) {
    }

    static List<PageInfo> probe(Path file, ReadOptions options) throws UnreadablePageException {
        try (PDDocument doc = load(file)) {
            int n = doc.getNumberOfPages();
            List<PageInfo> pages = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pages.add(info(file.toString(), doc.getPage(i), i + 1, n, options));
            }
            return pages;
        } catch (UnreadablePageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ScanReader.failure(file.toString(), 0, e);
        }
    }

    /** The page's text (a born-digital page, or an OCR layer), NFC; empty when it has none. */
    static java.util.Optional<String> text(Path file, int page) throws UnreadablePageException {
        String name = file.toString();
        try (PDDocument doc = load(file)) {
            int n = doc.getNumberOfPages();
            if (page < 1 || page > n) {
                throw new UnreadablePageException(name, page, Problem.NO_SUCH_PAGE, n + " page(s)");
            }
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            // content order: an OCR layer is written word by word in reading order, and sorting by position would
            // interleave words whose boxes overlap
            stripper.setSortByPosition(false);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String text = java.text.Normalizer.normalize(stripper.getText(doc), java.text.Normalizer.Form.NFC);
            return text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text);
        } catch (UnreadablePageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ScanReader.failure(name, page, e);
        }
    }

    static PageImage read(Path file, int page, ReadOptions options) throws UnreadablePageException {
        String name = file.toString();
        try (PDDocument doc = load(file)) {
            int n = doc.getNumberOfPages();
            if (page < 1 || page > n) {
                throw new UnreadablePageException(name, page, Problem.NO_SUCH_PAGE, n + " page(s)");
            }
            PDPage p = doc.getPage(page - 1);
            PageInfo info = info(name, p, page, n, options);
            int sub = ScanReader.subsampling(info, options);
            Scan scan = scan(p);
            BufferedImage img;
            try {
                if (scan != null) {
                    img = sub > 1 ? scan.image().getImage(null, sub) : scan.image().getImage();
                    int rot = Math.floorMod(p.getRotation(), 360);
                    if (rot != 0) {
                        img = rotate(img, rot);
                    }
                } else {
                    img = new PDFRenderer(doc).renderImageWithDPI(page - 1, (float) (options.pdfRenderDpi() / sub),
                            ImageType.RGB);
                }
            } catch (IOException | RuntimeException e) {
                throw ScanReader.failure(name, page, e);
            }
            return new PageImage(info, img, info.dpi() / sub, sub);
        } catch (UnreadablePageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ScanReader.failure(name, page, e);
        } catch (OutOfMemoryError e) {
            throw new UnreadablePageException(name, page, Problem.TOO_LARGE, "out of memory while decoding");
        }
    }

    private static PDDocument load(Path file) throws IOException {
        try {
            return Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new UnreadablePageException(file.toString(), 0, Problem.ENCRYPTED, e.getMessage(), e);
        }
    }

    private static PageInfo info(String name, PDPage page, int number, int pages, ReadOptions options) {
        PDRectangle box = page.getCropBox();
        int rot = Math.floorMod(page.getRotation(), 360);
        boolean turned = rot == 90 || rot == 270;
        double wIn = (turned ? box.getHeight() : box.getWidth()) / 72.0;
        double hIn = (turned ? box.getWidth() : box.getHeight()) / 72.0;
        Scan scan = scan(page);
        if (scan != null) {
            int w = turned ? scan.height() : scan.width();
            int h = turned ? scan.width() : scan.height();
            int bpc = scan.image().getCOSObject().getInt(COSName.BITS_PER_COMPONENT, 8);
            ColourKind colour;
            int bits;
            if (scan.image().isStencil() || bpc == 1) {
                colour = ColourKind.BILEVEL;
                bits = 1;
            } else if (grey(scan.image())) {
                colour = ColourKind.GREY;
                bits = bpc;
            } else {
                colour = ColourKind.COLOUR;
                bits = bpc * 3;
            }
            double dpi = Math.round(w / wIn * 100) / 100.0;
            return new PageInfo(name, number, pages, "PDF", w, h, dpi, colour, bits);
        }
        double dpi = options.pdfRenderDpi();
        int w = Math.max(1, (int) Math.round(wIn * dpi));
        int h = Math.max(1, (int) Math.round(hIn * dpi));
        return new PageInfo(name, number, pages, "PDF", w, h, dpi, ColourKind.COLOUR, 24);
    }

    private static boolean grey(PDImageXObject image) {
        try {
            PDColorSpace cs = image.getColorSpace();
            return cs instanceof PDDeviceGray || cs.getNumberOfComponents() == 1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The page's only image, when its proportions are the page's (a scan), else null. */
    private static Scan scan(PDPage page) {
        PDResources res = page.getResources();
        if (res == null) {
            return null;
        }
        PDImageXObject only = null;
        try {
            for (COSName n : res.getXObjectNames()) {
                PDXObject x = res.getXObject(n);
                if (x instanceof PDImageXObject img) {
                    if (only != null) {
                        return null;
                    }
                    only = img;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (only == null) {
            return null;
        }
        int w = only.getWidth();
        int h = only.getHeight();
        PDRectangle box = page.getCropBox();
        if (w < 1 || h < 1 || box.getWidth() <= 0 || box.getHeight() <= 0) {
            return null;
        }
        double imageAspect = (double) w / h;
        double pageAspect = box.getWidth() / box.getHeight();
        return Math.abs(imageAspect / pageAspect - 1) < 0.05 ? new Scan(only, w, h) : null;
    }

    private static BufferedImage rotate(BufferedImage src, int clockwise) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean turned = clockwise == 90 || clockwise == 270;
        int type = src.getType() == BufferedImage.TYPE_BYTE_GRAY || src.getType() == BufferedImage.TYPE_BYTE_BINARY
                ? src.getType() : BufferedImage.TYPE_INT_RGB;
        BufferedImage dst = type == BufferedImage.TYPE_BYTE_BINARY
                ? new BufferedImage(turned ? h : w, turned ? w : h, type)
                : new BufferedImage(turned ? h : w, turned ? w : h, type);
        java.awt.Graphics2D g = dst.createGraphics();
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
        switch (clockwise) {
            case 90 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 180 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case 270 -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
            }
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT, "rotation %d", clockwise));
        }
        g.drawImage(src, t, null);
        g.dispose();
        return dst;
    }
}
