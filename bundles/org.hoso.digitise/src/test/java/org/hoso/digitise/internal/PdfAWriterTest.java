package org.hoso.digitise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.DigitisedPage;
import org.hoso.digitise.api.DocumentInfo;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.SampleScans;
import org.hoso.sample.internal.ScanRenderer;
import org.junit.jupiter.api.Test;

/**
 * Every kind of page the writer makes (bilevel, grey, colour; one page and many; merged) is checked by veraPDF as
 * PDF/A-2b, and its text layer gives the OCR text back. The validator itself is checked on the veraPDF corpus.
 */
class PdfAWriterTest {

    static final DocumentInfo INFO = new DocumentInfo("V/v bàn giao hồ sơ, tài liệu", "H99.01.05-001-0000001",
            "UBND xã Hòa Bình", OffsetDateTime.of(2025, 7, 1, 8, 30, 0, 0, ZoneOffset.ofHours(7)),
            OffsetDateTime.of(2026, 1, 2, 9, 15, 30, 0, ZoneOffset.ofHours(7)), "vi-VN");

    static final Path OUT = Paths.get("target/pdfa");

    @Test
    void veraPdfJudgesItsOwnCorpusAsExpected() throws Exception {
        Path root = Engines.corpus("verapdf-corpus-pdfa2b-subset");
        List<String> lines = Files.readAllLines(root.resolve("EXPECTED.csv"), StandardCharsets.UTF_8);
        Map<String, String> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            expected.put(line.substring(0, comma).replaceAll("^\"|\"$", ""), line.substring(comma + 1).strip());
        }
        Map<String, String> actual = new ConcurrentHashMap<>();
        expected.keySet().parallelStream().forEach(file -> {
            try {
                actual.put(file, PdfA.failures(root.resolve(file)).isEmpty() ? "pass" : "fail");
            } catch (IOException e) {
                actual.put(file, "fail");
            }
        });
        List<String> wrong = new ArrayList<>();
        expected.forEach((file, e) -> {
            if (!e.equals(actual.get(file))) {
                wrong.add(file + ": expected " + e + ", veraPDF says " + actual.get(file));
            }
        });
        assertEquals(283, expected.size());
        assertEquals(List.of(), wrong);
        System.out.printf("veraPDF corpus: %d files, %d pass, %d fail, all as expected%n", expected.size(),
                actual.values().stream().filter("pass"::equals).count(),
                actual.values().stream().filter("fail"::equals).count());
    }

    @Test
    void aBilevelTiffBecomesASearchablePdfAWithTheOcrText() throws Exception {
        Path tif = Engines.corpus("tesseract-test-viet/testing/viet.tif");
        PageImage page = Engines.READER.read(tif, 1, ReadOptions.DEFAULT);
        assertEquals(ColourKind.BILEVEL, page.info().colour());
        DigitisedPage d = Engines.DIGITISER.digitise(page, DigitiseOptions.DEFAULT);
        assertTrue(d.ocr().text().contains("tiếng"), d.ocr().text());
        Path pdf = write("viet", List.of(d));
        assertPdfA(pdf);
        assertEquals(SampleScans.fold(d.ocr().text()), SampleScans.fold(text(pdf)));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals("vi-VN", doc.getDocumentCatalog().getLanguage());
            assertEquals("V/v bàn giao hồ sơ, tài liệu", doc.getDocumentInformation().getTitle());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("H99.01.05-001-0000001") && xmp.contains("<pdfaid:part>2</pdfaid:part>"), xmp);
            String filter = doc.getPage(0).getResources().getXObject(
                    doc.getPage(0).getResources().getXObjectNames().iterator().next()).getCOSObject()
                    .getNameAsString(org.apache.pdfbox.cos.COSName.FILTER);
            assertEquals("CCITTFaxDecode", filter, "bilevel pages are stored as CCITT G4");
            // the page shows the scan itself, black where it is black, pixel for pixel
            var stored = ((org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) doc.getPage(0).getResources()
                    .getXObject(doc.getPage(0).getResources().getXObjectNames().iterator().next())).getImage();
            var scan = d.display().image();
            assertEquals(scan.getWidth(), stored.getWidth());
            assertEquals(scan.getHeight(), stored.getHeight());
            int differ = 0;
            for (int y = 0; y < scan.getHeight(); y++) {
                for (int x = 0; x < scan.getWidth(); x++) {
                    if ((scan.getRGB(x, y) & 0xffffff) != (stored.getRGB(x, y) & 0xffffff)) {
                        differ++;
                    }
                }
            }
            assertEquals(0, differ, "pixels that differ from the scan");
        }
    }

    @Test
    void greyAndColourPagesAreJpegAndSeveralPagesMakeOneDocument() throws Exception {
        SampleScans.SampleScan scan = new ScanRenderer().page(7, 200, SampleScans.Degradation.NONE);
        PageImage grey = new PageImage(new PageInfo("sample-7", 1, 2, "RAW", scan.image().getWidth(),
                scan.image().getHeight(), 200, ColourKind.GREY, 8), scan.image(), 200, 1);
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(scan.image().getWidth(),
                scan.image().getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(scan.image(), 0, 0, null);
        PageImage colour = new PageImage(new PageInfo("sample-7", 2, 2, "RAW", rgb.getWidth(), rgb.getHeight(), 200,
                ColourKind.COLOUR, 24), rgb, 200, 1);
        DigitisedPage a = Engines.DIGITISER.digitise(grey, DigitiseOptions.DEFAULT);
        DigitisedPage b = Engines.DIGITISER.digitise(colour, DigitiseOptions.DEFAULT);
        Path pdf = write("two-pages", List.of(a, b));
        assertPdfA(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            for (int i = 0; i < 2; i++) {
                var res = doc.getPage(i).getResources();
                String filter = res.getXObject(res.getXObjectNames().iterator().next()).getCOSObject()
                        .getNameAsString(org.apache.pdfbox.cos.COSName.FILTER);
                assertEquals("DCTDecode", filter);
            }
            // a page at 200 dpi: A4 in points
            assertEquals(595, doc.getPage(0).getMediaBox().getWidth(), 1.5);
        }
        assertEquals(SampleScans.fold(a.ocr().text() + "\n" + b.ocr().text()), SampleScans.fold(text(pdf)));

        // per-page files, as a job stores them, merged into one document
        Path p1 = write("page-1", List.of(a));
        Path p2 = write("page-2", List.of(b));
        Path merged = OUT.resolve("merged.pdf");
        try (OutputStream out = Files.newOutputStream(merged)) {
            Engines.WRITER.merge(List.of(p1, p2), INFO, out);
        }
        assertPdfA(merged);
        assertEquals(SampleScans.fold(text(pdf)), SampleScans.fold(text(merged)));
    }

    static Path write(String name, List<DigitisedPage> pages) throws IOException {
        Files.createDirectories(OUT);
        Path pdf = OUT.resolve(name + ".pdf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Engines.DIGITISER.writePdf(pages, INFO, bytes);
        Files.write(pdf, bytes.toByteArray());
        return pdf;
    }

    static void assertPdfA(Path pdf) throws IOException {
        assertEquals(List.of(), PdfA.failures(pdf), pdf + " is PDF/A-2b");
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
