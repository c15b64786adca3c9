package org.hoso.xlsx.internal;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hoso.core.api.InventoryService.ExportResult;
import org.hoso.core.api.InventoryService.ImportOptions;
import org.hoso.core.api.InventoryService.ImportReport;

/**
 * Measures import and export on a generated fonds (seeded): not a test, run by hand:
 * {@code java -Xmx512m -cp <test classpath> org.hoso.xlsx.internal.InventoryBenchmark DIR [FILES] [DOCS_PER_FILE]}.
 */
public final class InventoryBenchmark {

    private static final String[] TYPES = { "Quyết định", "Công văn", "Báo cáo", "Kế hoạch", "Tờ trình", "Biên bản" };
    private static final String[] WORDS = { "về việc", "sắp xếp", "tổ chức", "bộ máy", "chỉnh lý", "tài liệu",
        "tồn đọng", "bàn giao", "hồ sơ", "đất đai", "hộ tịch", "năm", "quý", "tổng kết", "công tác", "số hóa" };

    private InventoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Paths.get(args.length > 0 ? args[0] : "target/benchmark"));
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int docs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        System.out.printf("max heap %d MB, %d files x %d documents%n", Runtime.getRuntime().maxMemory() >> 20, files,
                docs);

        Path flat = dir.resolve("flat.xlsx");
        long t = System.nanoTime();
        writeFlat(flat, files, docs);
        report("write a flat digitisation sheet (SXSSF, test generator)", t, peak, flat);

        try (Workspace a = new Workspace(dir.resolve("ws-a"))) {
            t = System.nanoTime();
            ImportReport dry = a.inventory.importXlsx(flat, ImportOptions.DEFAULT.withFonds("B1").withDryRun(true),
                    "bench");
            report("read and check the flat sheet (dry run): " + dry.files() + " files, " + dry.items() + " docs, "
                    + dry.problems().size() + " problems", t, peak, null);
            dry.problems().stream().limit(3).forEach(System.out::println);
            t = System.nanoTime();
            ImportReport r = a.inventory.importXlsx(flat, ImportOptions.DEFAULT.withFonds("B1"), "bench");
            report("import the flat sheet: " + r.files() + " files, " + r.items() + " docs, imported " + r.imported(),
                    t, peak, null);

            Path out = dir.resolve("muc-luc.xlsx");
            t = System.nanoTime();
            ExportResult e = a.inventory.exportFileInventory("B1", out);
            report("export the file inventory with its documents: " + e.files() + " files, " + e.items() + " docs",
                    t, peak, out);
            t = System.nanoTime();
            a.inventory.exportDocumentList("B1." + files, dir.resolve("mlvb.xlsx"));
            report("export one file's document list", t, peak, null);

            try (Workspace b = new Workspace(dir.resolve("ws-b"))) {
                t = System.nanoTime();
                ImportReport back = b.inventory.importXlsx(out, ImportOptions.DEFAULT, "bench");
                report("import the exported inventory into a new workspace: " + back.files() + " files, "
                        + back.items() + " docs, imported " + back.imported(), t, peak, null);
            }
        }
        sampler.interrupt();
    }

    private static void report(String what, long start, AtomicLong peak, Path file) throws Exception {
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-100s %7.1f s  peak heap %4d MB%s%n", what, s, peak.get() >> 20,
                file == null ? "" : String.format("  %.1f MB on disk", Files.size(file) / 1048576.0));
        System.gc();
        peak.set(0);
    }

    /** One row per document, file columns repeated: the layout used for digitisation. */
    static void writeFlat(Path out, int files, int docs) throws Exception {
        Random random = new Random(2025);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false)) {
            SXSSFSheet sheet = wb.createSheet("Số hóa");
            String[] head = { "Mã hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản", "Hộp số", "STT",
                "Số, ký hiệu văn bản", "Ngày tháng năm văn bản", "Tên loại văn bản", "Trích yếu nội dung",
                "Tác giả văn bản", "Số trang" };
            Row h = sheet.createRow(0);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            int r = 1;
            for (int f = 1; f <= files; f++) {
                int year = 1990 + random.nextInt(35);
                String title = "Hồ sơ " + words(random, 8) + " năm " + year;
                String years = year + " - " + (year + 2);
                String retention = random.nextBoolean() ? "Vĩnh viễn" : "20 năm";
                for (int d = 1; d <= docs; d++) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue("B1." + f);
                    row.createCell(1).setCellValue(title);
                    row.createCell(2).setCellValue(years);
                    row.createCell(3).setCellValue(retention);
                    row.createCell(4).setCellValue(1 + f / 10);
                    row.createCell(5).setCellValue(d);
                    row.createCell(6).setCellValue((1 + random.nextInt(999)) + "/QĐ-UBND");
                    row.createCell(7).setCellValue(String.format("%02d/%02d/%d", 1 + random.nextInt(28),
                            1 + random.nextInt(12), year));
                    row.createCell(8).setCellValue(TYPES[random.nextInt(TYPES.length)]);
                    row.createCell(9).setCellValue("Về việc " + words(random, 12));
                    row.createCell(10).setCellValue("UBND huyện " + words(random, 2));
                    row.createCell(11).setCellValue(1 + random.nextInt(20));
                }
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
    }

    private static String words(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
