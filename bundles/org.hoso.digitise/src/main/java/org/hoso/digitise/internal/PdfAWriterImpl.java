package org.hoso.digitise.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.xml.transform.TransformerException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.DocumentInfo;
import org.hoso.digitise.api.OcrLine;
import org.hoso.digitise.api.OcrWord;
import org.hoso.digitise.api.PdfAWriter;
import org.hoso.digitise.api.PdfPage;
import org.osgi.service.component.annotations.Component;

/**
 * PDF/A-2b with PDFBox: the page image (CCITT G4 for bilevel, JPEG at quality 0.85 for grey and colour), then the
 * text of each word, invisible (rendering mode 3), in DejaVu Sans (shipped in this bundle, subset-embedded),
 * horizontally scaled to its box, each line's words separated by spaces so that text extraction gives the OCR
 * text back.
 */
@Component(service = PdfAWriter.class)
public final class PdfAWriterImpl implements PdfAWriter {

    static final String FONT = "fonts/DejaVuSans.ttf";
    static final String PRODUCER = "Hoso (Apache PDFBox)";
    static final float JPEG_QUALITY = 0.85f;
    private static volatile byte[] fontBytes;
    private static volatile byte[] srgb;

    @Override
    public void write(List<PdfPage> pages, DocumentInfo info, OutputStream out) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages");
        }
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(font()), true);
            Map<Integer, Boolean> glyphs = new HashMap<>();
            for (PdfPage p : pages) {
                addPage(doc, font, glyphs, p);
            }
            finish(doc, info);
            doc.save(out);
        }
    }

    @Override
    public void merge(List<Path> pdfs, DocumentInfo info, OutputStream out) throws IOException {
        if (pdfs.isEmpty()) {
            throw new IllegalArgumentException("no files");
        }
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            for (Path p : pdfs) {
                PDDocument src = Loader.loadPDF(p.toFile());
                sources.add(src);
                for (PDPage page : src.getPages()) {
                    doc.importPage(page);
                }
            }
            finish(doc, info);
            doc.save(out);
        } finally {
            for (PDDocument s : sources) {
                s.close();
            }
        }
    }

    private static void addPage(PDDocument doc, PDType0Font font, Map<Integer, Boolean> glyphs, PdfPage p)
            throws IOException {
        BufferedImage img = p.image().image();
        double dpi = p.image().dpi();
        float scale = (float) (72.0 / dpi);
        float w = img.getWidth() * scale;
        float h = img.getHeight() * scale;
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        PDImageXObject image = image(doc, p.image().info().colour(), img);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, 0, w, h);
            cs.beginText();
            cs.setRenderingMode(RenderingMode.NEITHER);
            for (OcrLine line : p.ocr().lines()) {
                List<OcrWord> words = line.words();
                // one baseline and font size per line, from the line's box
                float lineH = Math.max(1, line.box().height()) * scale;
                float size = Math.max(1, lineH * 0.85f);
                float baseline = h - (line.box().y() + line.box().height()) * scale + lineH * 0.18f;
                for (int i = 0; i < words.size(); i++) {
                    OcrWord word = words.get(i);
                    String text = printable(font, glyphs, word.text());
                    if (text.isEmpty()) {
                        continue;
                    }
                    boolean last = i == words.size() - 1;
                    String shown = last ? text : text + " ";
                    float boxW = Math.max(1, word.box().width()) * scale;
                    // the word (without its space) spans the word box; the space spans the gap to the next word
                    float natural = font.getStringWidth(text) / 1000f * size;
                    float target = boxW;
                    if (!last) {
                        float gap = (words.get(i + 1).box().x() - (word.box().x() + word.box().width())) * scale;
                        target += Math.max(0, gap);
                        natural += font.getStringWidth(" ") / 1000f * size;
                    }
                    float hscale = natural <= 0 ? 100 : Math.max(1, Math.min(1000, 100 * target / natural));
                    cs.setFont(font, size);
                    cs.setHorizontalScaling(hscale);
                    cs.setTextMatrix(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, word.box().x() * scale, baseline));
                    cs.showText(shown);
                }
                if (!words.isEmpty()) {
                    // a new line in the text layer
                    cs.setTextMatrix(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, 0, baseline - lineH));
                }
            }
            cs.endText();
        }
    }

    private static PDImageXObject image(PDDocument doc, ColourKind kind, BufferedImage img) throws IOException {
        if (kind == ColourKind.BILEVEL || img.getColorModel().getPixelSize() == 1) {
            BufferedImage bilevel = img.getType() == BufferedImage.TYPE_BYTE_BINARY
                    && img.getColorModel().getPixelSize() == 1 ? img : Grey.of(img).threshold(127).toBilevel();
            return CCITTFactory.createFromByteArray(doc, g4Tiff(bilevel));
        }
        BufferedImage src = img;
        if (kind == ColourKind.GREY && img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            src = Grey.of(img).toImage();
        } else if (kind == ColourKind.COLOUR && img.getType() != BufferedImage.TYPE_INT_RGB
                && img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = rgb.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
            src = rgb;
        }
        return JPEGFactory.createFromImage(doc, src, JPEG_QUALITY);
    }

    /**
     * The bilevel image as a one-strip TIFF with CCITT G4 compression, by the JDK's encoder working on the packed
     * bits: PDFBox takes the G4 data out of it as it is. ({@code CCITTFactory.createFromImage} reads the image pixel
     * by pixel and is ten times slower on an A4 page at 300 dpi.)
     */
    static byte[] g4Tiff(BufferedImage bilevel) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("CCITT T.6");
            TIFFDirectory dir = TIFFDirectory.createFromMetadata(writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(bilevel), param));
            // one strip for the whole page: what CCITTFactory can take out
            TIFFTag rowsPerStrip = BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP);
            dir.addTIFFField(new TIFFField(rowsPerStrip, TIFFTag.TIFF_LONG, 1, new long[] { bilevel.getHeight() }));
            writer.write(null, new IIOImage(bilevel, null, dir.getAsMetadata()), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The text without characters the font cannot show (rare symbols Tesseract may return), NFC. */
    private static String printable(PDType0Font font, Map<Integer, Boolean> glyphs, String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            boolean ok = glyphs.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return !Character.isWhitespace(c) && !Character.isISOControl(c);
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Metadata, document information, output intent and language: what makes the file PDF/A-2b. */
    private static void finish(PDDocument doc, DocumentInfo info) throws IOException {
        GregorianCalendar created = calendar(info.created());
        GregorianCalendar modified = calendar(info.modified());
        PDDocumentInformation di = doc.getDocumentInformation();
        di.setTitle(info.title());
        info.creatorIfAny().ifPresent(di::setAuthor);
        di.setCreator("Hoso");
        di.setProducer(PRODUCER);
        di.setCreationDate(created);
        di.setModificationDate(modified);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(info.title());
        info.creatorIfAny().ifPresent(dc::addCreator);
        dc.setIdentifier(info.identifier());
        dc.addLanguage(info.language());
        dc.setFormat("application/pdf");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool("Hoso");
        basic.setCreateDate(created);
        basic.setModifyDate(modified);
        basic.setMetadataDate(modified);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(2);
            id.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write XMP metadata", e);
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(bytes.toByteArray());
        catalog.setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        catalog.setLanguage(info.language());
    }

    /** A calendar to the second (PDF dates have no fractions; XMP and the information dictionary must agree). */
    private static GregorianCalendar calendar(OffsetDateTime t) {
        return GregorianCalendar.from(t.truncatedTo(ChronoUnit.SECONDS).toZonedDateTime());
    }

    static byte[] font() throws IOException {
        byte[] f = fontBytes;
        if (f == null) {
            try (InputStream in = PdfAWriterImpl.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("font " + FONT + " missing from the bundle");
                }
                f = in.readAllBytes();
            }
            fontBytes = f;
        }
        return f;
    }

    private static byte[] srgb() {
        byte[] p = srgb;
        if (p == null) {
            p = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            srgb = p;
        }
        return p;
    }
}
