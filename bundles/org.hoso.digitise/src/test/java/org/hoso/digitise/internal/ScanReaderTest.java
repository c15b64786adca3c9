package org.hoso.digitise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.UnreadablePageException;
import org.hoso.digitise.api.UnreadablePageException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scans, and every kind of bad input refused with a clear, bilingual reason naming file and page. */
class ScanReaderTest {

    @TempDir
    Path dir;

    @Test
    void multiPageBilevelTiffIsReadPageByPageWithItsResolution() throws Exception {
        Path tif = Engines.corpus("vietocr3-samples/samples/vietsample.tif");
        List<PageInfo> pages = Engines.READER.probe(tif);
        assertEquals(2, pages.size());
        assertEquals(ColourKind.BILEVEL, pages.get(1).colour());
        assertEquals(2550, pages.get(1).width());
        PageImage second = Engines.READER.read(tif, 2, ReadOptions.DEFAULT);
        assertEquals(2, second.info().page());
        assertEquals(3300, second.image().getHeight());
        assertTrue(second.dpi() > 0);
    }

    @Test
    void aPdfOfScansGivesBackItsImagesAtTheirResolution() throws Exception {
        Path tif = Engines.corpus("tesseract-test-viet/testing/viet.tif");
        var d = Engines.DIGITISER.digitise(Engines.READER.read(tif, 1, ReadOptions.DEFAULT), DigitiseOptions.DEFAULT);
        Path pdf = PdfAWriterTest.write("reread", List.of(d, d));
        List<PageInfo> pages = Engines.READER.probe(pdf);
        assertEquals(2, pages.size());
        assertEquals(ColourKind.BILEVEL, pages.get(0).colour());
        assertEquals(300, pages.get(0).dpi(), 0.5);
        PageImage page = Engines.READER.read(pdf, 2, ReadOptions.DEFAULT);
        assertEquals(600, page.image().getWidth());
        assertEquals(200, page.image().getHeight());
    }

    @Test
    void aBornDigitalPdfPageIsRendered() throws Exception {
        Path pdf = Engines.corpus("vietocr3-samples/samples/vietsample1.pdf");
        List<PageInfo> pages = Engines.READER.probe(pdf);
        assertTrue(pages.size() >= 1);
        PageImage page = Engines.READER.read(pdf, 1, new ReadOptions(150_000_000L, ReadOptions.Oversize.REFUSE, 300,
                150));
        assertEquals(pages.get(0).width() / 2, page.image().getWidth(), 2);
        String text = Engines.READER.text(pdf, 1).orElseThrow();
        assertEquals(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC), text);
        assertTrue(text.codePoints().filter(c -> c > 0x1E00 && c < 0x1EFF).count() > 10, "Vietnamese text: " + text);
        assertEquals(java.util.Optional.empty(), Engines.READER.text(
                Engines.corpus("vietocr3-samples/samples/vietsample2.png"), 1), "an image has no text layer");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path f = Files.createFile(dir.resolve("trang-trắng.tif"));
        UnreadablePageException e = assertThrows(UnreadablePageException.class, () -> Engines.READER.probe(f));
        assertEquals(Problem.EMPTY, e.problem());
        assertTrue(e.getMessage().contains("trang-trắng.tif") && e.getMessage().contains("tệp rỗng")
                && e.getMessage().contains("the file is empty"), e.getMessage());
    }

    @Test
    void aTruncatedTiffNamesFileAndPage() throws Exception {
        Path full = Engines.corpus("vietocr3-samples/samples/vietsample.tif");
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.tif");
        // keep the headers of both pages, lose the second half of the image data
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));
        UnreadablePageException e = assertThrows(UnreadablePageException.class, () -> {
            for (PageInfo p : Engines.READER.probe(cut)) {
                Engines.READER.read(cut, p.page(), ReadOptions.DEFAULT);
            }
        });
        assertTrue(e.problem() == Problem.TRUNCATED || e.problem() == Problem.DAMAGED, e.toString());
        assertTrue(e.getMessage().contains("cut.tif"), e.getMessage());
        assertTrue(e.message(Locale.ENGLISH).contains("cut.tif"), e.message(Locale.ENGLISH));
    }

    @Test
    void aTruncatedJpegIsNotReadAsAGreyPage() throws Exception {
        Path jpg = Engines.corpus("vietadmin-ocr-llm-rag/data/4_1.jpg");
        byte[] bytes = Files.readAllBytes(jpg);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        UnreadablePageException e = assertThrows(UnreadablePageException.class,
                () -> Engines.READER.read(cut, 1, ReadOptions.DEFAULT));
        assertEquals(Problem.TRUNCATED, e.problem(), e.getMessage());
        assertEquals(1, e.page());
        assertTrue(e.getMessage().contains("trang 1") && e.getMessage().contains("page 1"), e.getMessage());
    }

    @Test
    void aPasswordProtectedPdfIsRefusedAsEncrypted() throws Exception {
        Path pdf = dir.resolve("mat.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(pdf.toFile());
        }
        UnreadablePageException e = assertThrows(UnreadablePageException.class, () -> Engines.READER.probe(pdf));
        assertEquals(Problem.ENCRYPTED, e.problem());
        assertTrue(e.getMessage().contains("mật khẩu") && e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void aBrokenPdfIsRefusedAsDamaged() throws Exception {
        Path pdf = dir.resolve("broken.pdf");
        Files.writeString(pdf, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage\n");
        UnreadablePageException e = assertThrows(UnreadablePageException.class, () -> Engines.READER.probe(pdf));
        assertTrue(e.problem() == Problem.DAMAGED || e.problem() == Problem.TRUNCATED, e.toString());
        assertTrue(e.getMessage().contains("broken.pdf"), e.getMessage());
    }

    @Test
    void notAScanIsRefused() throws Exception {
        Path txt = dir.resolve("notes.tif");
        Files.writeString(txt, "just some text");
        assertEquals(Problem.UNSUPPORTED_FORMAT,
                assertThrows(UnreadablePageException.class, () -> Engines.READER.probe(txt)).problem());
        assertEquals(Problem.NOT_FOUND, assertThrows(UnreadablePageException.class,
                () -> Engines.READER.probe(dir.resolve("missing.png"))).problem());
    }

    @Test
    void a40000PixelSquareImageIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
        // a PNG header that claims 40,000 x 40,000 pixels, followed by almost nothing
        Path png = dir.resolve("huge.png");
        try (OutputStream out = Files.newOutputStream(png)) {
            writePngHeader(out, 40_000, 40_000);
            chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
            chunk(out, "IEND", new byte[0]);
        }
        assertEquals(40_000, Engines.READER.probe(png).get(0).width());
        UnreadablePageException e = assertThrows(UnreadablePageException.class,
                () -> Engines.READER.read(png, 1, ReadOptions.DEFAULT));
        assertEquals(Problem.TOO_LARGE, e.problem());
        assertTrue(e.getMessage().contains("40000 x 40000") && e.getMessage().contains("quá lớn"), e.getMessage());
    }

    @Test
    void a40000PixelSquareImageIsDownsampledInBoundedMemoryWhenAsked() throws Exception {
        // a real 40,000 x 40,000 bilevel PNG (1.6 gigapixels; 200 MB if decoded whole, a few hundred KB stored)
        Path png = dir.resolve("huge-real.png");
        try (OutputStream out = Files.newOutputStream(png)) {
            writePngHeader(out, 40_000, 40_000);
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
                byte[] row = new byte[1 + 5000];
                java.util.Arrays.fill(row, (byte) 0xff);
                row[0] = 0;
                for (int y = 0; y < 40_000; y++) {
                    // a black bar across the middle fifth
                    byte v = (byte) (y >= 16_000 && y < 24_000 ? 0x00 : 0xff);
                    java.util.Arrays.fill(row, 1, row.length, v);
                    z.write(row);
                }
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        ReadOptions small = ReadOptions.DEFAULT.withMaxPixels(4_000_000).withOversize(ReadOptions.Oversize.DOWNSAMPLE);
        PageImage page = Engines.READER.read(png, 1, small);
        assertEquals(20, page.subsampling());
        assertEquals(2000, page.image().getWidth());
        assertEquals(0, page.image().getRGB(1000, 1000) & 0xffffff, "the bar is there");
        assertEquals(0xffffff, page.image().getRGB(1000, 100) & 0xffffff);
    }

    private static void writePngHeader(OutputStream out, int w, int h) throws IOException {
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a });
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(1); // bit depth
        d.writeByte(0); // grey
        d.writeByte(0);
        d.writeByte(0);
        d.writeByte(0);
        chunk(out, "IHDR", ihdr.toByteArray());
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    static BufferedImage read(Path p) throws IOException {
        return ImageIO.read(p.toFile());
    }
}
