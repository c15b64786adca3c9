package org.hoso.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code hoso digitise} on the built product, as an operator runs it: a folder of scans named by file code into the
 * sample fonds of {@code hoso demo}; bad scans reported and put on the re-scan list; the process killed in the middle
 * and the same command resuming the job.
 */
class DigitiseIT {

    private static final Path BUILT = Paths.get(System.getProperty("hoso.product.dir", "target/hoso"));
    /** The sample fonds of {@code hoso demo} (seed 2025) and two of its file units without sample scans. */
    private static final String FONDS = "H99.01.05";
    private static final String FILE_A = "H99.01.05.2001.1";
    private static final String FILE_B = "H99.01.05.2003.2";

    private static Path root;
    private static Path workspace;
    private static Font font;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void aDemoWorkspace() throws Exception {
        root = BUILT.toAbsolutePath().getParent().resolve("digitise-it");
        if (Files.exists(root)) {
            try (var s = Files.walk(root)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        workspace = Files.createDirectories(root.resolve("workspace"));
        Run demo = hoso("demo");
        assertEquals(0, demo.code(), demo.out() + demo.err());
        try (InputStream in = Files.newInputStream(Paths.get("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))) {
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        }
    }

    /** A page at 200 dpi (A5, to keep OCR quick) with a heading and a few lines of Vietnamese, as a PNG. */
    private static void page(Path file, String heading, int lines) throws IOException {
        BufferedImage img = new BufferedImage(1169, 1654, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font.deriveFont(Font.BOLD, 40f));
        g.drawString(heading, 120, 200);
        g.setFont(font.deriveFont(30f));
        for (int i = 0; i < lines; i++) {
            g.drawString("Dòng " + (i + 1) + ": tài liệu lưu trữ của xã được số hóa.", 120, 300 + i * 60);
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        org.hoso.digitise.api.SampleScans.writePng(img, 200, file);
    }

    @Test
    void aFolderOfScansBecomesPagesAndPdfAAndBadScansAreToBeScannedAgain() throws Exception {
        Path scans = root.resolve("scans-a");
        Path folder = scans.resolve(FILE_A);
        page(folder.resolve("01 công văn.png"), "Về việc số hóa hồ sơ", 3);
        page(folder.resolve("02 tờ trình/trang 1.png"), "Tờ trình số 12", 2);
        page(folder.resolve("02 tờ trình/trang 2.png"), "Trang hai của tờ trình", 2);
        Files.write(folder.resolve("03 hỏng.tif"), new byte[0]);
        page(folder.resolve("04 thông báo.png"), "Về việc kiểm kê tài liệu", 2); // a document the file lacked
        Files.writeString(folder.resolve("ghi chú.txt"), "không phải ảnh");
        Path out = root.resolve("out-a");

        Run run = hoso("--framework", "felix", "digitise", scans.toString(), "--fonds", FONDS, "--out",
                out.toString(), "--json");
        assertEquals(1, run.code(), "a page failed: " + run.out() + run.err());
        assertTrue(run.err().contains("ghi chú.txt"), "what is not a scan is named: " + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(5, json.get("total").asInt(), run.out());
        assertEquals(4, json.get("done").asInt(), run.out());
        assertEquals(1, json.get("failed").asInt(), run.out());
        assertTrue(json.at("/failures/0/message").asText().contains("03 hỏng.tif"), run.out());
        assertEquals(FILE_A + ".0000003", json.at("/rescans/0/document").asText(), run.out());
        assertEquals("UNREADABLE FAIL EMPTY", json.at("/rescans/0/reasons/0").asText(), run.out());
        assertEquals(4, json.at("/pdfs/0/pages").asInt(), "the unreadable page is left out: " + run.out());

        Path pdf = out.resolve(FILE_A + ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(4, doc.getNumberOfPages());
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
            assertTrue(text.contains("Về việc số hóa hồ sơ") && text.contains("Trang hai của tờ trình"), text);
        }
        assertEquals(List.of(), Pdfa.failures(pdf), "PDF/A-2b");

        JsonNode log = new ObjectMapper().readTree(hoso("audit", "log", "--json").out());
        boolean extracted = false;
        for (JsonNode e : log) {
            extracted |= e.get("action").asText().equals("item.describe")
                    && e.get("entityId").asText().startsWith(FILE_A + ".")
                    && e.get("after").asText().contains("EXTRACTED")
                    && e.get("after").asText().contains("kiểm kê tài liệu");
        }
        assertTrue(extracted, "the extraction step proposed the new document's abstract from its OCR text");

        Run again = hoso("digitise", scans.toString(), "--fonds", FONDS, "--json");
        JsonNode second = new ObjectMapper().readTree(again.out());
        assertEquals(0, second.get("total").asInt(), "pages already digitised are not done again: " + again.out());
        Run rescans = hoso("--lang", "en", "rescans", "--fonds", FONDS);
        assertTrue(rescans.out().contains("Scan again " + FILE_A + ".0000003 page 1"), rescans.out());
        assertEquals(0, hoso("verify").code());
    }

    @Test
    void killedInTheMiddleTheSameCommandResumesTheJob() throws Exception {
        Path scans = root.resolve("scans-b");
        int pages = 8;
        for (int i = 1; i <= pages; i++) {
            page(scans.resolve(FILE_B).resolve(String.format("%02d.png", i)), "Văn bản thứ " + i, 12);
        }
        List<String> args = List.of("digitise", scans.toString(), "--fonds", FONDS, "--jobs", "1");
        Path stdout = root.resolve("killed.out");
        Process p = start(args, stdout);
        Pattern progress = Pattern.compile("(\\d+)/" + pages + " trang");
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (seen < 1 && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(200);
            Matcher m = progress.matcher(Files.readString(stdout));
            while (m.find()) {
                seen = Math.max(seen, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        String before = Files.readString(stdout);
        assertTrue(seen >= 1 && seen < pages, "killed after some pages and before the last: " + before);
        assertFalse(before.contains("xong"), before);

        Run resumed = hoso(args.toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        String jobLine = before.lines().filter(l -> l.startsWith("Công việc ")).findFirst().orElseThrow();
        String jobId = jobLine.substring("Công việc ".length(), jobLine.indexOf(':'));
        assertTrue(resumed.out().startsWith("Công việc " + jobId + ":"), "the same job goes on: " + resumed.out());
        assertTrue(resumed.out().contains("Công việc " + jobId + " xong: " + pages + " trang, 0 lỗi"),
                resumed.out());
        Path out = root.resolve("out-b");
        Run again = hoso("digitise", scans.toString(), "--fonds", FONDS, "--out", out.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        try (PDDocument doc = Loader.loadPDF(out.resolve(FILE_B + ".pdf").toFile())) {
            assertEquals(pages, doc.getNumberOfPages(), "each page once, in order");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.indexOf("thứ 1") < text.indexOf("thứ 8"), text);
        }
        assertEquals(0, hoso("verify").code(), "objects and audit chain intact after the kill");
    }

    private static Process start(List<String> args, Path stdout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(BUILT.toAbsolutePath().resolve("bin/hoso").toString());
        command.add("--workspace");
        command.add(workspace.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", Paths.get(System.getProperty("java.home")).toString());
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
        return pb.start();
    }

    private static Run hoso(String... args) throws Exception {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        List<String> command = new ArrayList<>();
        command.add(BUILT.toAbsolutePath().resolve("bin/hoso").toString());
        command.add("--workspace");
        command.add(workspace.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", Paths.get(System.getProperty("java.home")).toString());
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hoso " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
