package org.hoso.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built product, started as a user starts it: {@code bin/hoso ...} in a copy of the distribution folder, with
 * the example plugin and a broken jar dropped into its {@code plugins/} folder.
 */
class ProductIT {

    private static final Path BUILT = Paths.get(System.getProperty("hoso.product.dir", "target/hoso"));
    private static Path home;
    private static Path workspace;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void copyProductAndDropPlugins() throws IOException {
        Path root = BUILT.getParent().resolve("product-it");
        deleteTree(root);
        home = root.resolve("hoso");
        copyTree(BUILT, home);
        workspace = Files.createDirectories(root.resolve("workspace"));
        Files.copy(home.resolve("examples/org.hoso.example.jar"), home.resolve("plugins/org.hoso.example.jar"));
        Files.writeString(home.resolve("plugins/broken.jar"), "not a jar at all", StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = { "equinox", "felix" })
    void pluginsJsonShowsEveryBundleActiveAndExplainsTheBrokenPlugin(String framework) throws Exception {
        Run run = hoso("--framework", framework, "plugins", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertEquals(framework.equals("felix") ? "Apache Felix" : "Eclipse Equinox",
                json.at("/platform/framework").asText());
        assertEquals(workspace.toAbsolutePath().toString(), json.at("/platform/workspace").asText());

        Map<String, JsonNode> bundles = new HashMap<>();
        json.get("bundles").forEach(b -> bundles.put(b.get("symbolicName").asText(), b));
        for (String bsn : List.of("org.hoso.core.api", "org.hoso.core", "org.hoso.cli", "org.hoso.ui.api",
                "org.hoso.ui", "org.apache.felix.scr", "org.apache.felix.fileinstall", "org.apache.felix.configadmin",
                "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.shell", "org.eclipse.swt", "org.eclipse.jface",
                "org.hoso.store.derby", "org.hoso.xlsx", "org.hoso.digitise.api", "org.hoso.digitise",
                "org.hoso.extract.api", "org.hoso.extract",
                "org.hoso.example")) {
            assertTrue(bundles.containsKey(bsn), bsn + " is installed: " + bundles.keySet());
        }
        List<String> notActive = new ArrayList<>();
        bundles.values().forEach(b -> {
            boolean fragment = b.get("symbolicName").asText().equals("org.eclipse.swt.gtk.linux.x86_64");
            if (!fragment && !b.get("state").asText().equals("ACTIVE")) {
                notActive.add(b.get("symbolicName").asText() + "=" + b.get("state").asText());
            }
        });
        assertEquals(List.of(), notActive, "every bundle but the SWT fragment is active");

        JsonNode example = bundles.get("org.hoso.example");
        assertTrue(example.get("plugin").asBoolean());
        List<String> types = new ArrayList<>();
        example.get("services").forEach(s -> s.get("types").forEach(t -> types.add(t.asText())));
        assertTrue(types.containsAll(List.of("org.hoso.core.api.RecordType", "org.hoso.ui.api.WorkbenchView")),
                types.toString());

        Map<String, JsonNode> plugins = new HashMap<>();
        json.get("plugins").forEach(p -> plugins.put(p.get("file").asText(), p));
        assertEquals("ACTIVE", plugins.get("org.hoso.example.jar").get("status").asText());
        JsonNode broken = plugins.get("broken.jar");
        assertEquals("BROKEN", broken.get("status").asText());
        assertEquals("NOT_A_JAR", broken.at("/problem/kind").asText());
        assertTrue(broken.at("/problem/detail").asText().contains("broken.jar"), broken.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "equinox", "felix" })
    void versionNamesProductFrameworkAndJavaInVietnameseOrEnglish(String framework) throws Exception {
        Run vi = hoso("--framework", framework, "version");
        assertEquals(0, vi.code(), vi.err());
        String name = framework.equals("felix") ? "Apache Felix" : "Eclipse Equinox";
        assertTrue(vi.out().matches("Hoso 0\\.1\\.0-SNAPSHOT \\(nền tảng " + name + " [0-9][^,]*, Java [0-9].*\\)\\R?"),
                vi.out());
        Run en = hoso("--lang", "en", "--framework=" + framework, "version");
        assertTrue(en.out().startsWith("Hoso 0.1.0-SNAPSHOT (framework " + name), en.out());
    }

    @Test
    void demoCreatesTheSampleFondsOnceAndSaysPlainlyWhatItDoesNotDoYet() throws Exception {
        Path ws = Files.createDirectories(home.getParent().resolve("demo-workspace"));
        Run run = hosoIn(ws, "demo");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*Gói đang chạy: (\\d+)/\\1\\R.*"), run.out());
        assertTrue(run.out().contains("example.mapsheet"), "the dropped-in plugin's record type is reported");
        assertTrue(run.out().contains("Đã tạo phông mẫu H99.01.05: 120 hồ sơ"), run.out());
        assertTrue(run.out().contains("Đã số hóa trang đầu của 6 văn bản mẫu (hoso digitise): 6 trang nhận dạng, 0 lỗi"),
                run.out());
        assertTrue(run.out().matches("(?s).*Nhật ký nguyên vẹn: đã kiểm tra \\d+ mục\\..*"), run.out());
        assertTrue(run.out().contains("chưa có thẩm định"), run.out());
        assertTrue(run.out().matches("(?s).*Tìm thấy (ít nhất )?\\d+ kết quả cho «dat dai».*"),
                "the demo finds \"đất đai\" typed without diacritics: " + run.out());

        Run again = hosoIn(ws, "--framework", "felix", "demo");
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("Phông mẫu H99.01.05 đã có"), again.out());
        JsonNode fonds = new ObjectMapper().readTree(hosoIn(ws, "fonds", "show", "H99.01.05", "--json").out());
        assertEquals(120, fonds.get("files").asInt());
        assertEquals(5, fonds.get("scheme").size());
        JsonNode boxes = new ObjectMapper().readTree(hosoIn(ws, "fonds", "boxes", "H99.01.05", "--json").out());
        assertEquals(fonds.get("boxes").asInt(), boxes.get("boxes").size(), boxes.toString());
        assertEquals(boxes.get("boxes").size() * 0.1, boxes.get("shelfMetres").asDouble(), 1e-9, "standard boxes");
        assertEquals("1", boxes.at("/boxes/0/number").asText());
        int filed = 0;
        for (JsonNode b : boxes.get("boxes")) {
            filed += b.get("files").asInt();
        }
        assertEquals(120, filed, "every sample file is in a box");
        assertTrue(hosoIn(ws, "fonds", "show", "H99.01.05").out().contains(" mét giá"));
        JsonNode log = new ObjectMapper().readTree(hosoIn(ws, "audit", "log", "--json").out());
        assertEquals("catalogue.import", log.at("/0/action").asText(), "one import, one audit entry");
        assertEquals("hoso-demo", log.at("/0/actor").asText());
        Map<String, Integer> actions = new HashMap<>();
        log.forEach(e -> actions.merge(e.get("action").asText(), 1, Integer::sum));
        assertEquals(6, actions.get("page.add"), actions.toString());
        assertEquals(6, actions.get("page.recognition"), "each page recognised once: " + actions);
        assertTrue(actions.getOrDefault("rendition.file_pdf", 0) >= 1, actions.toString());
    }

    @Test
    void searchFindsTheSampleDocumentsWithoutDiacriticsOnBothFrameworks() throws Exception {
        Path ws = Files.createDirectories(home.getParent().resolve("search-workspace"));
        Run demo = hosoIn(ws, "demo", "--files", "40");
        assertEquals(0, demo.code(), demo.out() + demo.err());

        // typed without diacritics, found with them; the index is built from the catalogue at the first search
        Run plain = hosoIn(ws, "search", "ke", "hoach", "su", "dung", "dat", "--json");
        assertEquals(0, plain.code(), plain.out() + plain.err());
        JsonNode found = new ObjectMapper().readTree(plain.out());
        assertTrue(found.get("total").asInt() > 0, plain.out());
        assertTrue(found.at("/hits/0/title").asText().contains("kế hoạch sử dụng đất")
                || found.at("/hits/0/snippet").asText().contains("kế hoạch sử dụng đất"), plain.out());
        assertEquals("H99.01.05", found.at("/hits/0/fonds").asText());

        Run phrase = hosoIn(ws, "--framework", "felix", "search", "\"tu phap, ho tich\"");
        assertEquals(0, phrase.code(), phrase.out() + phrase.err());
        assertTrue(phrase.out().startsWith("Tìm thấy "), phrase.out());
        assertTrue(phrase.out().contains("«tư pháp, hộ tịch»"), phrase.out());

        Run typed = hosoIn(ws, "search", "loai:\"quyet dinh\"", "--fonds", "H99.01.05", "--limit", "3", "--json");
        JsonNode decisions = new ObjectMapper().readTree(typed.out());
        assertEquals(3, decisions.get("hits").size(), typed.out());
        decisions.get("hits").forEach(h -> assertTrue(h.get("title").asText().startsWith("Quyết định"), typed.out()));

        Run bad = hosoIn(ws, "search", "nam:abc");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("Câu tìm kiếm không hợp lệ: year:abc"), bad.err());

        Run rebuilt = hosoIn(ws, "--lang", "en", "search", "--rebuild", "so", "hoa");
        assertEquals(0, rebuilt.code(), rebuilt.out() + rebuilt.err());
        assertTrue(rebuilt.out().startsWith("Rebuilt the index: 40 files, "), rebuilt.out());

        Run shell = hosoWithInput("hoso:search ban giao ho so\nhoso:search giao hồ sơ\nstop 0\n", "--workspace",
                ws.toString(), "shell");
        assertTrue(shell.out().contains("«bàn giao hồ sơ»"), shell.out() + shell.err());
        // typed with its diacritics: "hồ sơ" read as UTF-8 (Gogo's own console made each letter two or three); and
        // a second search in the same session (the first one's index used to stay locked by a released service)
        assertTrue(shell.out().contains("«giao hồ sơ»"), shell.out() + shell.err());
    }

    /**
     * The window (here a shell) has the workspace open: a command on the same workspace says so and who has it,
     * instead of failing inside the catalogue; commands that never open it still run; once the shell ends, it runs.
     */
    @Test
    void aSecondProcessOnAnOpenWorkspaceIsToldWhoHasIt() throws Exception {
        Path ws = home.getParent().resolve("busy-workspace");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/hoso").toString(), "--workspace", ws.toString(),
                "shell");
        pb.environment().put("JAVA_HOME", Paths.get(System.getProperty("java.home")).toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process shell = pb.start();
        try {
            shell.getOutputStream().write("hoso:fonds list\n".getBytes(StandardCharsets.UTF_8));
            shell.getOutputStream().flush();
            Path lock = ws.resolve(".hoso.lock");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(lock) && Files.readString(lock).contains("`hoso shell`"))) {
                assertTrue(System.nanoTime() < until && shell.isAlive(), "the shell took its workspace");
                Thread.sleep(100);
            }
            Run busy = hosoIn(ws, "fonds", "list");
            assertEquals(75, busy.code(), busy.out() + busy.err());
            assertTrue(busy.err().contains("không gian làm việc " + ws + " đang được một tiến trình Hoso khác dùng (pid "
                    + shell.pid() + ", `hoso shell`"), busy.err());
            Run english = hosoIn(ws, "--lang", "en", "search", "dat");
            assertEquals(75, english.code());
            assertTrue(english.err().contains("is in use by another Hoso process"), english.err());
            Run version = hosoIn(ws, "version");
            assertEquals(0, version.code(), "a command that never opens the workspace runs: " + version.err());
            Path empty = Files.write(Files.createDirectories(home.getParent().resolve("busy-qc")).resolve("rỗng.tif"),
                    new byte[0]);
            Run qc = hosoIn(ws, "--lang", "en", "qc", empty.toString());
            assertTrue(qc.code() == 1 && qc.err().contains("the file is empty"),
                    "checking scans needs no workspace: it runs meanwhile: " + qc.err());
        } finally {
            shell.getOutputStream().close();
            if (!shell.waitFor(60, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
        }
        Run free = hosoIn(ws, "fonds", "list");
        assertEquals(0, free.code(), "the workspace is free once the shell ended: " + free.err());
    }

    @Test
    void shellRunsHosoCommandsOverTheSameServices() throws Exception {
        Run run = hosoWithInput("hoso:version\nhoso:plugins\nhoso:fonds list\nhoso:audit verify\n"
                + "hoso:import xlsx /nowhere/muc-luc.xlsx\necho Phông lưu trữ UBND xã Tân Trào\nstop 0\n", "shell");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("g! "), "the shell's prompt: " + run.out());
        assertTrue(run.out().contains("Phông lưu trữ UBND xã Tân Trào"), "Vietnamese typed in the shell, read as "
                + "typed: " + run.out());
        assertTrue(run.out().contains("Hoso 0.1.0-SNAPSHOT (nền tảng Eclipse Equinox"), run.out());
        assertTrue(run.out().contains("broken.jar"), run.out());
        assertTrue(run.out().contains("phông") || run.out().contains("Phông") || run.out().contains("H99"),
                "the command line's fonds list, in the shell: " + run.out());
        assertTrue(run.out().contains("Nhật ký"), "the command line's audit verify, in the shell: " + run.out());
        assertTrue((run.out() + run.err()).contains("/nowhere/muc-luc.xlsx"),
                "import reached through the shell names the missing file: " + run.out() + run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = { "equinox", "felix" })
    void auditVerifyOpensTheCatalogueInTheWorkspace(String framework) throws Exception {
        Run run = hoso("--framework", framework, "audit", "verify", "--json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("intact").asBoolean(), run.out());
        assertTrue(Files.isDirectory(workspace.resolve("catalogue/db")), "the catalogue lives in the workspace");
        assertEquals("Nhật ký chưa có mục nào.", hoso("--framework", framework, "audit", "log").out().strip());
    }

    @Test
    void verifyNamesAChangedObjectAndFailsUntilItIsRepaired() throws Exception {
        Path ws = Files.createDirectories(home.getParent().resolve("verify-workspace"));
        Run clean = hosoIn(ws, "verify");
        assertEquals(0, clean.code(), clean.out() + clean.err());
        assertTrue(clean.out().contains("Tệp lưu trữ: 0"), clean.out());
        // an object as the store writes it, then damaged behind the product's back
        byte[] content = "Biên bản bàn giao".getBytes(StandardCharsets.UTF_8);
        String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        Path object = Files.createDirectories(ws.resolve("objects").resolve(hex.substring(0, 2))
                .resolve(hex.substring(2, 4))).resolve(hex);
        Files.write(object, content);
        assertEquals(0, hosoIn(ws, "verify").code());
        Files.writeString(object, "Biên bản bàn giao (đã sửa)");
        Run broken = hosoIn(ws, "verify", "--json");
        assertEquals(1, broken.code(), broken.out());
        JsonNode json = new ObjectMapper().readTree(broken.out());
        assertEquals("HASH_MISMATCH", json.at("/objects/problems/0/kind").asText(), broken.out());
        assertEquals(hex, json.at("/objects/problems/0/id").asText());
        assertTrue(json.at("/audit/intact").asBoolean());
    }

    @Test
    void aFondsCreatedFromTheCommandLineIsListedAndAudited() throws Exception {
        Path ws = Files.createDirectories(home.getParent().resolve("fonds-workspace"));
        Run created = hosoIn(ws, "fonds", "create", "--code", "H49.64.33", "--name", "UBND xã Tân Trào");
        assertEquals(0, created.code(), created.out() + created.err());
        Run again = hosoIn(ws, "--framework", "felix", "fonds", "create", "--code", "H49.64.33", "--name", "x");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("H49.64.33 already exists"), again.err());
        JsonNode list = new ObjectMapper().readTree(hosoIn(ws, "fonds", "list", "--json").out());
        assertEquals("UBND xã Tân Trào", list.at("/0/name").asText(), list.toString());
        assertTrue(hosoIn(ws, "fonds", "show", "H49.64.33").out().contains("Phông H49.64.33: UBND xã Tân Trào"));
        assertEquals(1, hosoIn(ws, "fonds", "show", "NOPE").code());
        JsonNode log = new ObjectMapper().readTree(hosoIn(ws, "audit", "log", "--json").out());
        assertEquals("fonds.create", log.at("/0/action").asText());
        assertTrue(log.at("/0/at").asText().endsWith("+07:00"), log.toString());
        assertEquals(0, hosoIn(ws, "verify").code());
    }

    /** A Decree 30 inventory as a clerk types it: title rows, headings, scheme groups, one row per file. */
    private static Path inventory(Path file, boolean withMistake) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("Mục lục hồ sơ");
            Object[][] rows = {
                { "MỤC LỤC HỒ SƠ" },
                { "UBND xã Tân Trào" },
                { "Mã phông: H49.64.33" },
                {},
                { "Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản",
                    "Số tờ/Số trang", "Ghi chú", "Hộp số" },
                { "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)" },
                { null, null, "I. HÀNH CHÍNH" },
                { 1, "H49.64.33.2001.1", "Hồ sơ hội nghị tổng kết công tác năm 2001", "05/01/2001 - 28/12/2001",
                    "Vĩnh viễn", 45, null, "1" },
                { 2, "H49.64.33.2001.2", "Công văn đi năm 2001", withMistake ? "31/02/2001" : "2001", "10 năm", 120,
                    "Thiếu tờ 17", "1" },
                { null, null, "II. ĐỊA CHÍNH" },
                { 3, "H49.64.33.2002.1", "Sổ mục kê đất đai", "2002", "Vĩnh viễn", 80, null, "2" } };
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else if (rows[r][c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    }
                }
            }
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = { "equinox", "felix" })
    void anInventoryIsImportedShownAndExported(String framework) throws Exception {
        Path dir = Files.createDirectories(home.getParent().resolve("xlsx-" + framework));
        Path ws = Files.createDirectories(dir.resolve("workspace"));
        Path bad = inventory(dir.resolve("muc-luc-loi.xlsx"), true);
        Run refused = hosoIn(ws, "--framework", framework, "import", "xlsx", bad.toString());
        assertEquals(1, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("muc-luc-loi.xlsx, trang tính \"Mục lục hồ sơ\", dòng 9, cột D (Thời gian "
                + "tài liệu): Thời gian bắt đầu (startDate): \"31/02/2001\""), refused.err());
        assertEquals("[]", new ObjectMapper().readTree(hosoIn(ws, "fonds", "list", "--json").out()).toString(),
                "nothing imported");

        Path good = inventory(dir.resolve("muc-luc.xlsx"), false);
        Run imported = hosoIn(ws, "--framework", framework, "import", "xlsx", good.toString(), "--json");
        assertEquals(0, imported.code(), imported.out() + imported.err());
        JsonNode report = new ObjectMapper().readTree(imported.out());
        assertTrue(report.get("imported").asBoolean(), imported.out());
        assertEquals(3, report.get("files").asInt());
        assertEquals("FILE_INVENTORY", report.at("/sheets/0/layout").asText());
        assertEquals(64, report.get("sourceObject").asText().length(), "the workbook is kept in the object store");

        Run show = hosoIn(ws, "--framework", framework, "fonds", "show", "H49.64.33", "--json");
        assertEquals(0, show.code(), show.err());
        JsonNode fonds = new ObjectMapper().readTree(show.out());
        assertEquals("UBND xã Tân Trào", fonds.get("name").asText());
        assertEquals(3, fonds.get("files").asInt());
        assertEquals(2, fonds.get("boxes").asInt());
        assertEquals("HÀNH CHÍNH", fonds.at("/scheme/0/title").asText());

        Path out = dir.resolve("xuat.xlsx");
        Run export = hosoIn(ws, "--framework", framework, "inventory", "export", "--fonds", "H49.64.33", "--out",
                out.toString());
        assertEquals(0, export.code(), export.out() + export.err());
        assertTrue(export.out().contains("3 hồ sơ"), export.out());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                out.toFile())) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet("Mục lục hồ sơ");
            assertEquals("MỤC LỤC HỒ SƠ", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals("Số, ký hiệu hồ sơ", sheet.getRow(8).getCell(1).getStringCellValue());
            assertEquals("(7)", sheet.getRow(9).getCell(6).getStringCellValue());
            assertEquals("I. HÀNH CHÍNH", sheet.getRow(10).getCell(2).getStringCellValue());
            assertEquals("H49.64.33.2001.1", sheet.getRow(11).getCell(1).getStringCellValue());
        }
        Run documents = hosoIn(ws, "--framework", framework, "inventory", "documents", "--file", "H49.64.33.2001.1",
                "--out", dir.resolve("van-ban.xlsx").toString());
        assertEquals(0, documents.code(), documents.out() + documents.err());
        Run unknown = hosoIn(ws, "--framework", framework, "inventory", "export", "--fonds", "NOPE", "--out",
                dir.resolve("x.xlsx").toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("NOPE"), unknown.err());
        Run again = hosoIn(ws, "--framework", framework, "import", "xlsx", out.toString());
        assertEquals(1, again.code(), "the files are in the catalogue already");
        assertTrue(again.err().contains("H49.64.33.2001.1 is already in the catalogue"), again.err());
        assertEquals(0, hosoIn(ws, "--framework", framework, "verify").code());
    }

    @ParameterizedTest
    @ValueSource(strings = { "equinox", "felix" })
    void ocrWritesOneSearchablePdfAWithoutAWorkspace(String framework) throws Exception {
        Path dir = Files.createDirectories(home.getParent().resolve("ocr-" + framework));
        Path image = dir.resolve("trang.png");
        String line = "Số hóa tài liệu lưu trữ tiếng Việt";
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1500, 420,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1500, 420);
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try (var in = Files.newInputStream(Paths.get("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))) {
            g.setFont(java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(54f));
        }
        g.drawString(line, 60, 150);
        g.drawString("Hồ sơ số 12, năm 2025", 60, 300);
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", image.toFile());
        Path pdf = dir.resolve("out/trang.pdf");
        Path txt = dir.resolve("trang.txt");

        Run run = hoso("--framework", framework, "ocr", image.toString(), image.toString(), "--out", pdf.toString(),
                "--text", txt.toString(), "--json", "--title", "Trang thử");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2, json.get("pages").asInt(), run.out());
        assertTrue(json.at("/results/0/text").asText().contains("tài liệu lưu trữ"), run.out());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).contains(line), text);
            assertEquals("Trang thử", doc.getDocumentInformation().getTitle());
        }
        assertTrue(Files.readString(txt).contains("Hồ sơ số 12"), Files.readString(txt));
        assertEquals(List.of(), pdfaFailures(pdf), "PDF/A-2b");
    }

    @ParameterizedTest
    @ValueSource(strings = { "equinox", "felix" })
    void extractReadsADocumentsMetadataWithoutTouchingAWorkspace(String framework) throws Exception {
        Path dir = Files.createDirectories(home.getParent().resolve("extract-" + framework));
        Path ws = Files.createDirectories(dir.resolve("workspace"));
        Path doc = dir.resolve("cong-van.txt");
        Files.writeString(doc, """
                UBND THÀNH PHỐ ĐÀ NẴNG
                SỞ GIÁO DỤC VÀ ĐÀO TẠO
                Số: 1906 /SGDĐT-CTrTT
                V/v khẩn trương thực hiện các biện pháp phòng, chống dịch COVID-19
                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Đà Nẵng, ngày 26 tháng 7 năm 2020
                Kính gửi: Các trường trực thuộc Sở.
                """, StandardCharsets.UTF_8);
        Run run = hosoIn(ws, "--framework", framework, "extract", doc.toString(), "--json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        Map<String, String> fields = new HashMap<>();
        json.at("/0/fields").forEach(f -> fields.put(f.get("key").asText(), f.get("value").asText()));
        assertEquals("1906", fields.get("number"), run.out());
        assertEquals("SGDĐT-CTrTT", fields.get("notation"), run.out());
        assertEquals("2020-07-26", fields.get("date"), run.out());
        assertEquals("22", fields.get("type"), "an official letter: " + run.out());
        assertEquals("SỞ GIÁO DỤC VÀ ĐÀO TẠO", fields.get("issuer"), run.out());
        assertEquals("nd30", json.at("/0/extractor").asText());
        assertTrue(Files.notExists(ws.resolve("catalogue")), "extraction alone opens no catalogue");

        Run en = hosoIn(ws, "--framework", framework, "--lang", "en", "extract", doc.toString(),
                dir.resolve("missing.txt").toString());
        assertEquals(1, en.code(), "a missing file fails the command: " + en.out() + en.err());
        assertTrue(en.out().contains("Date") && en.out().contains("2020-07-26") && en.out().contains("confidence"),
                en.out());
        assertTrue(en.err().contains("missing.txt") && en.err().contains("no such file"), en.err());
        Run vi = hosoIn(ws, "--framework", framework, "extract", doc.toString());
        assertTrue(vi.out().contains("Ký hiệu văn bản") && vi.out().contains("Công văn [22]")
                && vi.out().contains("tin cậy"), vi.out());
    }

    @Test
    void benchDigitiseComparesHosoWithTesseractAndOcrmypdfOnTheSamePages() throws Exception {
        Run bad = hoso("--lang", "en", "bench", "digitise", "--pages", "0");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--pages ≥ 1"), bad.err());

        Run run = hoso("bench", "digitise", "--pages", "2", "--jobs", "2", "--estimate", "500000", "--keep",
                "--json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        Path folder = Paths.get(json.get("folder").asText());
        try {
            assertEquals(2, json.get("pages").asInt());
            assertEquals(2, json.get("jobs").asInt());
            JsonNode runs = json.get("runs");
            assertEquals(List.of("hoso", "tesseract", "ocrmypdf"),
                    List.of(runs.get(0).get("name").asText(), runs.get(1).get("name").asText(),
                            runs.get(2).get("name").asText()));
            JsonNode hoso = runs.get(0);
            double hosoSpeed = hoso.get("pagesPerMinute").asDouble();
            // the pages are readable: every way reads them nearly without error
            for (JsonNode r : runs) {
                assertTrue(r.get("available").asBoolean(), r.toString());
                double ppm = r.get("pagesPerMinute").asDouble();
                assertEquals(2 * 60 / r.get("seconds").asDouble(), ppm, 0.1 + ppm * 0.01, r.toString());
                // the JSON's speeds are rounded to 0.1 page/min, its ratio is computed before rounding: allow for it
                double ratio = hosoSpeed / ppm;
                assertEquals(ratio, r.get("hosoSpeedRatio").asDouble(), 0.001 + ratio * (0.05 / hosoSpeed + 0.05 / ppm),
                        r.toString());
                assertTrue(r.get("cer").asDouble() >= 0 && r.get("cer").asDouble() < 0.05, r.toString());
            }
            assertTrue(runs.get(1).get("version").asText().startsWith("tesseract "), runs.toString());
            assertEquals(500_000 / hosoSpeed / 60 / 24, json.at("/estimate/days").asDouble(), 0.1, run.out());
            assertEquals(3, json.get("loadBefore").size(), run.out());
            // what each way wrote is there to look at: Hoso's PDF/A per page, tesseract's text, OCRmyPDF's PDF
            try (Stream<Path> pngs = Files.list(folder)) {
                assertEquals(2, pngs.filter(p -> p.toString().endsWith(".png")).count());
            }
            Path pdf = folder.resolve("hoso/page-001-clean.pdf");
            assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF-"), pdf.toString());
            assertEquals(List.of(), pdfaFailures(pdf), "PDF/A-2b");
            assertTrue(Files.readString(folder.resolve("tesseract/page-002-skewed.txt")).contains("Số:"));
            assertTrue(Files.size(folder.resolve("ocrmypdf/pages.pdf")) > 1000);
        } finally {
            deleteTree(folder);
        }
    }

    @Test
    void qcReportsEveryPageAndFailsOnUnreadableFiles() throws Exception {
        Path dir = Files.createDirectories(home.getParent().resolve("qc"));
        Path empty = Files.write(dir.resolve("rỗng.tif"), new byte[0]);
        Run run = hoso("--lang", "en", "qc", empty.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("rỗng.tif") && run.err().contains("the file is empty"), run.err());
        Run vi = hoso("qc", empty.toString(), "--json");
        assertEquals(1, vi.code());
        assertEquals("EMPTY", new ObjectMapper().readTree(vi.out()).at("/0/error").asText(), vi.out());
    }

    private static List<String> pdfaFailures(Path pdf) throws Exception {
        return Pdfa.failures(pdf);
    }

    @Test
    void badUsageFailsWithAClearMessage() throws Exception {
        Run framework = hoso("--framework", "karaf", "version");
        assertEquals(2, framework.code());
        assertTrue(framework.err().contains("karaf"), framework.err());
        Run command = hoso("frobnicate");
        assertEquals(2, command.code());
        assertTrue(command.err().contains("frobnicate"), command.err());
    }

    @Test
    void releaseZipHoldsTheLauncherScriptAndBundles() throws Exception {
        Path zip = BUILT.getParent().resolve("hoso-0.1.0-SNAPSHOT.zip");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String entry : List.of("hoso/bin/hoso", "hoso/bin/hoso-java.sh", "hoso/lib/org.hoso.launcher.jar",
                    "hoso/framework/equinox/org.eclipse.osgi.jar", "hoso/framework/felix/org.apache.felix.framework.jar",
                    "hoso/conf/hoso.properties", "hoso/examples/org.hoso.example.jar", "hoso/plugins/README.txt")) {
                assertTrue(z.getEntry(entry) != null, entry + " in " + zip);
            }
        }
    }

    private static Run hoso(String... args) throws Exception {
        return hosoWithInput(null, args);
    }

    private static Run hosoIn(Path ws, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = ws.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return hoso(all);
    }

    private static Run hosoWithInput(String input, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/hoso").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOSO_WORKSPACE", workspace.toString());
        pb.environment().put("JAVA_HOME", Paths.get(System.getProperty("java.home")).toString());
        Path out = Files.createTempFile("hoso-out", ".txt");
        Path err = Files.createTempFile("hoso-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()));
        }
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hoso " + String.join(" ", args) + " did not finish in 120 s");
        }
        try {
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
