package org.hoso.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.SampleGenerator;
import org.hoso.core.api.SearchService;
import org.hoso.core.api.SearchService.Query;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.VietnameseText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso bench search}: indexes a generated inventory (the sample's kinds of files and documents, each document
 * with a page of body text written as Vietnamese administrative documents are) into the index of an empty workspace,
 * then measures queries of four kinds through the search service, as the command line runs them (each search first
 * checks the audit log, ranks, counts all hits and highlights the best 20).
 */
@Command(name = "search")
final class SearchBench implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--items", paramLabel = "N", defaultValue = "1000000", descriptionKey = "option.benchSearchItems")
    int items;

    @Option(names = "--items-per-file", paramLabel = "N", defaultValue = "10", descriptionKey = "option.benchItems")
    int itemsPerFile;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "500", descriptionKey = "option.benchQueries")
    int queries;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2025", descriptionKey = "option.seed")
    long seed;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HosoCommand hoso = bench.hoso;
        Reports r = hoso.reports;
        PrintWriter out = hoso.out();
        if (items < 1 || itemsPerFile < 1 || queries < 1) {
            hoso.err().println(r.text("error.invalid", "--items ≥ 1, --items-per-file ≥ 1, --queries ≥ 1"));
            return 2;
        }
        CatalogueService catalogue = hoso.services().get(CatalogueService.class);
        SampleGenerator sample = hoso.services().get(SampleGenerator.class);
        SearchService search = hoso.services().get(SearchService.class);
        if (catalogue == null || sample == null) {
            hoso.err().println(r.text("verify.noStore"));
            return 1;
        }
        if (search == null) {
            hoso.err().println(r.text("search.noService"));
            return 1;
        }
        var workspace = Paths.get(hoso.context.getProperty("hoso.workspace"));
        if (!catalogue.fonds().isEmpty()) {
            hoso.err().println(r.text("bench.notEmpty", workspace).replace("bench catalogue", "bench search"));
            return 1;
        }
        int files = Math.max(1, items / itemsPerFile);
        BenchCommand.HeapWatch heap = new BenchCommand.HeapWatch();
        heap.start();
        ImportBatch batch = sample.bulkInventory(BenchCommand.FONDS, seed, files, itemsPerFile);
        if (!json) {
            out.println(r.text("bench.searchLoading", files, (long) files * itemsPerFile, workspace.resolve("index")));
            out.flush();
        }
        long t0 = System.nanoTime();
        SearchService.Rebuild loaded = search.load(batch, BodyText::of);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = search.status().bytes();

        Random random = new Random(seed);
        Map<String, double[]> latencies = new LinkedHashMap<>();
        Map<String, Double> meanHits = new LinkedHashMap<>();
        measure("plain", i -> pick(random, PLAIN), latencies, meanHits, search);
        measure("phrase", i -> pick(random, PHRASES), latencies, meanHits, search);
        measure("field", i -> String.format(pick(random, FIELDS), 1998 + random.nextInt(27),
                1 + random.nextInt(250)), latencies, meanHits, search);
        measure("folded", i -> VietnameseText.fold(pick(random, PLAIN)), latencies, meanHits, search);
        heap.stop();

        double rate = loaded.items() / seconds;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", loaded.files());
            m.put("items", loaded.items());
            m.put("indexSeconds", Math.round(seconds * 100) / 100.0);
            m.put("itemsPerSecond", Math.round(rate));
            m.put("indexBytes", bytes);
            Map<String, Object> q = new LinkedHashMap<>();
            meanHits.forEach((k, h) -> {
                double[] v = latencies.get(k);
                double[] c = latencies.get(k + "Cpu");
                q.put(k, Map.of("p50ms", round(BenchCommand.percentile(v, 50)), "p95ms",
                        round(BenchCommand.percentile(v, 95)), "cpuP50ms", round(BenchCommand.percentile(c, 50)),
                        "cpuP95ms", round(BenchCommand.percentile(c, 95)), "n", v.length, "meanHits",
                        Math.round(h)));
            });
            m.put("queries", q);
            m.put("heapPeakUsedBytes", heap.peakUsed);
            m.put("heapPeakAfterGcBytes", heap.peakAfterGc());
            m.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
            m.put("processors", Runtime.getRuntime().availableProcessors());
            out.println(Json.write(m));
        } else {
            out.println(r.text("bench.searchLoaded", loaded.files(), loaded.items(), seconds, rate));
            out.println(r.text("bench.searchSize", bytes / 1e6, (double) bytes / Math.max(1, loaded.items())));
            meanHits.forEach((k, h) -> {
                double[] v = latencies.get(k);
                double[] c = latencies.get(k + "Cpu");
                out.println(r.text("bench.searchQuery", r.text("bench.sq." + k), BenchCommand.percentile(v, 50),
                        BenchCommand.percentile(v, 95), BenchCommand.percentile(c, 50), BenchCommand.percentile(c, 95),
                        v.length, h));
            });
            out.println(r.text("bench.heap", heap.peakUsed / 1e6, heap.peakAfterGc() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6));
        }
        return 0;
    }

    /** Runs {@code queries} searches after a tenth as many unmeasured ones; milliseconds each. */
    private void measure(String kind, IntFunction<String> query, Map<String, double[]> latencies,
            Map<String, Double> meanHits, SearchService search) {
        for (int i = 0; i < Math.max(1, queries / 10); i++) {
            search.search(new Query(query.apply(i), Optional.empty(), 20));
        }
        double[] ms = new double[queries];
        double[] cpu = new double[queries];
        long hits = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < queries; i++) {
            Query q = new Query(query.apply(i), Optional.empty(), 20);
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            hits += search.search(q).total();
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        latencies.put(kind, ms);
        latencies.put(kind + "Cpu", cpu);
        meanHits.put(kind, (double) hits / queries);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String pick(Random random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    static final List<String> PLAIN = List.of("ngân sách", "đất đai", "hộ nghèo", "chuyển đổi số", "trường mầm non",
            "tiêm chủng", "bão lũ", "hộ tịch", "nông thôn mới", "kinh phí sửa chữa", "thi đua khen thưởng",
            "giao ban", "quyết toán", "thủy lợi", "an ninh trật tự", "đường giao thông", "lưu trữ", "tranh chấp",
            "phê duyệt", "Hòa Bình", "công dân", "dịch bệnh", "giải phóng mặt bằng", "bảo hiểm y tế");
    static final List<String> PHRASES = List.of("\"kế hoạch sử dụng đất\"", "\"tư pháp, hộ tịch\"",
            "\"nông thôn mới\"", "\"dự toán ngân sách\"", "\"chịu trách nhiệm thi hành\"", "\"hội nghị tổng kết\"",
            "\"hộ cận nghèo\"", "\"phòng, chống thiên tai\"", "\"đơn vị hành chính\"", "\"kiên cố hóa kênh mương\"");
    /** Field queries; %1$d is a year, %2$d a document number. */
    static final List<String> FIELDS = List.of("type:qd year:%1$d", "loai:\"bao cao\" nam:%1$d..2024",
            "issuer:\"hoa binh\" year:%1$d", "so:%2$d/QĐ-UBND", "retention:\"vinh vien\" type:tb year:%1$d",
            "signer:\"chu tich\" year:%1$d ngan sach", "type:\"to trinh\" kind:item year:%1$d");

    /**
     * A page of body text for a generated document: the preamble, articles and closing lines of a commune's
     * administrative document, about 150–250 words, chosen by a generator seeded from the document's own values (the
     * same document always gets the same text).
     */
    static final class BodyText {

        private static final String[] BASES = { "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
                "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;",
                "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;",
                "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
                "Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;",
                "Căn cứ Nghị quyết của Hội đồng nhân dân xã về nhiệm vụ phát triển kinh tế - xã hội;" };
        private static final String[] PROPOSERS = { "Văn phòng - Thống kê", "công chức Địa chính - Xây dựng",
                "công chức Tài chính - Kế toán", "công chức Tư pháp - Hộ tịch", "công chức Văn hóa - Xã hội",
                "Trưởng Công an xã", "Ban chỉ huy Quân sự xã" };
        /** Sentences of the articles: {h} a hamlet, {n} a number 10..99, {d} a day, {m} a month. */
        private static final String[] SENTENCES = {
                "Giao thôn {h} phối hợp với Ban quản lý dự án rà soát hiện trạng sử dụng đất, lập danh sách các hộ "
                        + "bị ảnh hưởng và hoàn thành trước ngày {d} tháng {m}.",
                "Tổng kinh phí thực hiện là {n} triệu đồng, từ nguồn ngân sách xã và vốn huy động hợp pháp của nhân dân.",
                "Tiếp tục thực hiện chương trình xây dựng nông thôn mới, kiên cố hóa kênh mương nội đồng và đường giao "
                        + "thông liên thôn {h}.",
                "Rà soát, bình xét hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều; công khai danh sách tại nhà văn "
                        + "hóa thôn {h} trong thời hạn {n} ngày.",
                "Chủ động phương án phòng, chống thiên tai, bão lũ và tìm kiếm cứu nạn; bố trí lực lượng trực 24/24 giờ "
                        + "trong mùa mưa bão.",
                "Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính, tiếp nhận hồ sơ trực tuyến và số hóa "
                        + "tài liệu lưu trữ của xã.",
                "Tổ chức tiêm chủng đầy đủ cho trẻ em dưới {n} tuổi, phòng chống dịch bệnh và vệ sinh môi trường tại "
                        + "các thôn, bản.",
                "Bảo đảm an ninh trật tự, an toàn giao thông; giải quyết dứt điểm đơn thư tranh chấp đất đai tại thôn "
                        + "{h}.",
                "Sửa chữa trường mầm non và nhà lớp học điểm trường thôn {h}, hoàn thành trước năm học mới.",
                "Thu ngân sách trên địa bàn đạt {n}% dự toán; chi ngân sách bảo đảm đúng chế độ, tiết kiệm, hiệu quả.",
                "Quản lý chặt chẽ hồ sơ địa chính, cấp giấy chứng nhận quyền sử dụng đất cho {n} hộ gia đình, cá nhân.",
                "Thực hiện tốt công tác hộ tịch, chứng thực; đăng ký khai sinh đúng hạn cho {n} trẻ em.",
                "Vận động nhân dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện; tỷ lệ bao phủ đạt {n}%.",
                "Tổ chức hội nghị tổng kết, đánh giá kết quả thực hiện và đề ra phương hướng, nhiệm vụ năm tiếp theo.",
                "Chỉnh lý tài liệu tồn đọng, lập mục lục hồ sơ và giao nộp vào Lưu trữ lịch sử theo quy định.",
                "Hỗ trợ giải phóng mặt bằng, bồi thường cho các hộ có đất bị thu hồi để xây dựng công trình thủy lợi {h}." };
        private static final String[] HAMLETS = { "Tân Lập", "Đồng Tâm", "Khuổi Kịp", "Nà Mò", "Bản Pài", "Làng Ngòi",
                "Cây Thông", "Gốc Gạo", "Thác Dẫng", "Pác Cáp" };

        private BodyText() {
        }

        static String of(Map<String, Field<String>> item) {
            Field<String> abs = item.get(ItemFields.ABSTRACT);
            Field<String> date = item.get(ItemFields.DATE);
            Field<String> number = item.get(ItemFields.NUMBER);
            String abstractText = abs == null ? "" : abs.value();
            Random random = new Random(((long) abstractText.hashCode() << 32)
                    ^ ((date == null ? "" : date.value()) + (number == null ? "" : number.value())).hashCode());
            StringBuilder sb = new StringBuilder(1600);
            int bases = 2 + random.nextInt(2);
            for (int i = 0; i < bases; i++) {
                sb.append(BASES[random.nextInt(BASES.length)]).append('\n');
            }
            sb.append("Xét đề nghị của ").append(PROPOSERS[random.nextInt(PROPOSERS.length)]).append(".\n");
            int articles = 2 + random.nextInt(3);
            for (int a = 1; a <= articles; a++) {
                sb.append("Điều ").append(a).append(". ");
                if (a == 1 && !abstractText.isEmpty()) {
                    sb.append(abstractText.replaceFirst("^(Về việc|V/v) ", "")).append(". ");
                }
                int n = 1 + random.nextInt(3);
                for (int s = 0; s < n; s++) {
                    sb.append(SENTENCES[random.nextInt(SENTENCES.length)]
                            .replace("{h}", HAMLETS[random.nextInt(HAMLETS.length)])
                            .replace("{n}", Integer.toString(10 + random.nextInt(90)))
                            .replace("{d}", Integer.toString(1 + random.nextInt(28)))
                            .replace("{m}", Integer.toString(1 + random.nextInt(12)))).append(' ');
                }
                sb.append('\n');
            }
            sb.append("Điều ").append(articles + 1).append(". Văn phòng - Thống kê, các ban, ngành, đoàn thể và các "
                    + "thôn chịu trách nhiệm thi hành văn bản này kể từ ngày ký.\n");
            sb.append("Nơi nhận: Như Điều ").append(articles + 1).append("; UBND huyện; Lưu: VT.");
            return sb.toString();
        }
    }
}
