package org.hoso.sample.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.CatalogueService.SchemeStep;
import org.hoso.core.api.SampleGenerator;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.Provenance;
import org.osgi.service.component.annotations.Component;

/**
 * The sample fonds: "UBND xã Hòa Bình" (an invented commune) dissolved in 2025, records 1998–2024, arranged by
 * organisational unit and subject as a district archive would. Every random choice comes from one seeded
 * {@link Random}, in a fixed order, so a seed always gives the same fonds.
 */
@Component
public final class CommuneFonds implements SampleGenerator {

    static final String ISSUER = "UBND xã Hòa Bình";
    static final String PARENT = "UBND huyện Yên Sơn";
    /** Provenance of every sample value: imported from the generator, so it never passes for a person's work. */
    static final String ORIGIN = "sample-generator (dữ liệu mẫu, không phải tài liệu thật)";
    private static final Instant AT = Instant.parse("2025-07-01T00:00:00Z");

    /** A kind of file the commune keeps, with the documents it typically holds. */
    private record FileKind(String group, String titlePattern, String retention, String access, DocKind... docs) {
    }

    /** A kind of document: type code, type name, symbol abbreviation, abstracts to choose from. */
    private record DocKind(String typeCode, String typeName, String abbreviation, String... abstracts) {
    }

    private static final DocKind QD = new DocKind("02", "Quyết định", "QĐ-UBND",
            "Về việc thành lập Ban chỉ đạo công tác chuyển đổi số của xã",
            "Về việc phê duyệt kế hoạch sử dụng đất năm %d",
            "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc năm %d",
            "Về việc kiện toàn Hội đồng thi đua - khen thưởng xã");
    private static final DocKind BC = new DocKind("14", "Báo cáo", "BC-UBND",
            "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm %d",
            "Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm %d",
            "Kết quả công tác tư pháp, hộ tịch năm %d");
    private static final DocKind KH = new DocKind("10", "Kế hoạch", "KH-UBND",
            "Triển khai công tác chỉnh lý tài liệu tồn đọng năm %d",
            "Tổ chức hội nghị tổng kết công tác năm %d");
    private static final DocKind TB = new DocKind("07", "Thông báo", "TB-UBND",
            "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng %d",
            "Lịch tiếp công dân quý %d");
    private static final DocKind BB = new DocKind("20", "Biên bản", "BB-UBND",
            "Họp xét duyệt hồ sơ đề nghị công nhận hộ nghèo năm %d",
            "Kiểm tra hiện trạng sử dụng đất tại thôn %d");
    private static final DocKind CV = new DocKind("22", "Công văn", "UBND",
            "V/v báo cáo số liệu thống kê đất đai năm %d",
            "V/v đề nghị hỗ trợ kinh phí sửa chữa trường mầm non",
            "V/v bàn giao hồ sơ, tài liệu khi sắp xếp đơn vị hành chính");
    private static final DocKind TTR = new DocKind("15", "Tờ trình", "TTr-UBND",
            "Về việc đề nghị phê duyệt dự toán ngân sách xã năm %d",
            "Về việc đề nghị công nhận xã đạt chuẩn nông thôn mới");
    private static final DocKind NQ = new DocKind("01", "Nghị quyết", "NQ-HĐND",
            "Về nhiệm vụ phát triển kinh tế - xã hội năm %d",
            "Về phê chuẩn quyết toán ngân sách xã năm %d");

    private static final String GROUP_OFFICE = "I";
    private static final List<SchemeStep> GROUPS = List.of(
            new SchemeStep("I", "Văn phòng HĐND - UBND"),
            new SchemeStep("II", "Tư pháp - Hộ tịch"),
            new SchemeStep("III", "Địa chính - Xây dựng - Nông nghiệp"),
            new SchemeStep("IV", "Tài chính - Kế toán"),
            new SchemeStep("V", "Văn hóa - Xã hội"));

    /** Retention choices here are sample values for practice, not taken from an official schedule. */
    private static final List<FileKind> KINDS = List.of(
            new FileKind("I", "Tập nghị quyết của HĐND xã năm %d", "Vĩnh viễn", "01", NQ),
            new FileKind("I", "Tập quyết định của UBND xã năm %d", "Vĩnh viễn", "01", QD),
            new FileKind("I", "Hồ sơ hội nghị tổng kết công tác năm %d", "Vĩnh viễn", "01", KH, BC, BB, QD),
            new FileKind("I", "Tập thông báo kết luận giao ban của UBND xã năm %d", "10 năm", "01", TB),
            new FileKind("I", "Tập công văn trao đổi về công tác văn thư, lưu trữ năm %d", "10 năm", "01", CV),
            new FileKind("II", "Sổ đăng ký khai sinh năm %d", "Vĩnh viễn", "02", BC),
            new FileKind("II", "Hồ sơ công tác tư pháp, hộ tịch năm %d", "20 năm", "01", BC, CV),
            new FileKind("III", "Hồ sơ kế hoạch sử dụng đất năm %d", "Vĩnh viễn", "01", TTR, QD, BB),
            new FileKind("III", "Hồ sơ giải quyết đơn thư tranh chấp đất đai năm %d", "20 năm", "02", BB, CV, QD),
            new FileKind("IV", "Hồ sơ dự toán, quyết toán ngân sách xã năm %d", "Vĩnh viễn", "01", TTR, NQ, BC),
            new FileKind("IV", "Chứng từ thu chi ngân sách xã năm %d", "10 năm", "01", CV),
            new FileKind("V", "Hồ sơ xét duyệt hộ nghèo, hộ cận nghèo năm %d", "20 năm", "02", BB, QD, BC),
            new FileKind("V", "Hồ sơ công nhận xã đạt chuẩn nông thôn mới năm %d", "Vĩnh viễn", "01", TTR, BC, QD));

    private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
            "Ma", "Hà", "Nông" };
    private static final String[] MIDDLE = { "Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Quang" };
    private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan",
            "Long", "Mai", "Nam", "Phương", "Quý", "Sơn", "Thảo", "Tuấn", "Yến" };

    @Override
    public ImportBatch inventory(long seed, int files) {
        if (files < 1 || files > 1_000_000) {
            throw new IllegalArgumentException("files must be within 1..1000000: " + files);
        }
        Random random = new Random(seed);
        String chairman = name(random);
        String vice = name(random);
        List<NewFile> out = new ArrayList<>();
        Map<String, Integer> numbersByYear = new LinkedHashMap<>();
        int box = 1;
        int inBox = 0;
        int perBox = 8 + random.nextInt(5);
        for (int i = 0; i < files; i++) {
            FileKind kind = KINDS.get(random.nextInt(KINDS.size()));
            int year = 1998 + random.nextInt(27);
            int number = numbersByYear.merge(Integer.toString(year), 1, Integer::sum);
            String fileCode = SampleGenerator.SAMPLE_FONDS + "." + year + "." + number;
            int docs = 1 + random.nextInt(kind.group().equals(GROUP_OFFICE) ? 12 : 7);
            Map<String, Field<String>> fields = new LinkedHashMap<>();
            List<Map<String, Field<String>>> items = file(random, kind, year, docs, chairman, vice, fields);
            if (inBox == perBox) {
                box++;
                inBox = 0;
                perBox = 8 + random.nextInt(5);
            }
            inBox++;
            out.add(new NewFile(List.of(group(kind)), fileCode, Optional.of(Integer.toString(box)), fields, items,
                    i + 1));
        }
        // the inventory lists files group by group, as an archivist numbers them
        out.sort(java.util.Comparator.comparing((NewFile f) -> f.schemePath().get(0).code())
                .thenComparing(f -> f.fields().get(FileFields.START_DATE).value()));
        return new ImportBatch(SampleGenerator.SAMPLE_FONDS, ISSUER + " (đã giải thể năm 2025) — phông mẫu",
                "sample-generator seed " + seed + ", " + files + " files", Optional.empty(), List.copyOf(out));
    }

    @Override
    public ImportBatch bulkInventory(String fondsCode, long seed, int files, int itemsPerFile) {
        if (files < 1 || itemsPerFile < 0 || (long) files * itemsPerFile > 100_000_000L) {
            throw new IllegalArgumentException("files must be at least 1 and files × documents at most 100000000: "
                    + files + " × " + itemsPerFile);
        }
        Random names = new Random(seed);
        String chairman = name(names);
        String vice = name(names);
        List<NewFile> lazy = new java.util.AbstractList<>() {
            @Override
            public NewFile get(int i) {
                java.util.Objects.checkIndex(i, files);
                // each file from its own seeded generator: any file can be made alone, in any order
                Random random = new Random(seed * 1_000_003L + i);
                FileKind kind = KINDS.get(random.nextInt(KINDS.size()));
                int year = 1998 + (int) (27L * i / files);
                Map<String, Field<String>> fields = new LinkedHashMap<>();
                List<Map<String, Field<String>>> items = file(random, kind, year, itemsPerFile, chairman, vice,
                        fields);
                return new NewFile(List.of(group(kind)), fondsCode + "." + year + "." + (i + 1),
                        Optional.of(Integer.toString(i / 10 + 1)), fields, items, i + 1);
            }

            @Override
            public int size() {
                return files;
            }
        };
        return new ImportBatch(fondsCode, ISSUER + " — kho thử tải (benchmark)",
                "sample-generator bulk seed " + seed + ", " + files + " files × " + itemsPerFile + " documents",
                Optional.empty(), lazy);
    }

    private static SchemeStep group(FileKind kind) {
        return GROUPS.stream().filter(g -> g.code().equals(kind.group())).findFirst().orElseThrow();
    }

    /** Makes one file's documents and fills its fields, drawing from {@code random} in a fixed order. */
    private static List<Map<String, Field<String>>> file(Random random, FileKind kind, int year, int docs,
            String chairman, String vice, Map<String, Field<String>> fields) {
        List<Map<String, Field<String>>> items = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        int pages = 0;
        for (int d = 0; d < docs; d++) {
            DocKind doc = kind.docs()[random.nextInt(kind.docs().length)];
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            first = first == null || date.isBefore(first) ? date : first;
            last = last == null || date.isAfter(last) ? date : last;
            int docPages = 1 + random.nextInt(6);
            pages += docPages;
            boolean chair = random.nextBoolean();
            Map<String, Field<String>> f = new LinkedHashMap<>();
            f.put(ItemFields.TYPE, value(doc.typeCode()));
            f.put(ItemFields.NUMBER, value(Integer.toString(1 + random.nextInt(250))));
            f.put(ItemFields.NOTATION, value(doc.abbreviation()));
            f.put(ItemFields.DATE, value(PartialDate.of(date).iso()));
            f.put(ItemFields.ISSUER, value(doc.abbreviation().endsWith("HĐND") ? "HĐND xã Hòa Bình" : ISSUER));
            String abstractText = doc.abstracts()[random.nextInt(doc.abstracts().length)];
            f.put(ItemFields.ABSTRACT, value(abstractText.contains("%d")
                    ? String.format(abstractText, abstractText.contains("tháng") ? 1 + random.nextInt(12)
                            : abstractText.contains("quý") ? 1 + random.nextInt(4)
                                    : abstractText.contains("thôn") ? 1 + random.nextInt(9) : year)
                    : abstractText));
            f.put(ItemFields.LANGUAGE, value("01"));
            f.put(ItemFields.PAGE_COUNT, value(Integer.toString(docPages)));
            f.put(ItemFields.SIGNER, value(chair ? chairman : vice));
            f.put(ItemFields.SIGNER_TITLE, value(chair ? "Chủ tịch" : "Phó Chủ tịch"));
            f.put(ItemFields.SIGNER_AUTHORITY, value(chair ? "TM. ỦY BAN NHÂN DÂN" : "KT. CHỦ TỊCH"));
            f.put(ItemFields.RECIPIENTS, value("Như trên; " + PARENT + "; Lưu: VT."));
            if (random.nextInt(40) == 0) {
                f.put(ItemFields.SECRECY, value("MẬT"));
            }
            items.add(f);
        }
        fields.put(FileFields.TITLE, value(String.format(kind.titlePattern(), year)));
        if (first != null) {
            fields.put(FileFields.START_DATE, value(PartialDate.of(first).iso()));
            fields.put(FileFields.END_DATE, value(PartialDate.of(last).iso()));
        }
        fields.put(FileFields.RETENTION, value(kind.retention()));
        fields.put(FileFields.ACCESS, value(items.stream().anyMatch(m -> m.containsKey(ItemFields.SECRECY))
                ? "03" : kind.access()));
        fields.put(FileFields.LANGUAGE, value("01"));
        fields.put(FileFields.DOCUMENT_COUNT, value(Integer.toString(docs)));
        fields.put(FileFields.SHEET_COUNT, value(Integer.toString((pages + 1) / 2)));
        fields.put(FileFields.PAGE_COUNT, value(Integer.toString(pages)));
        fields.put(FileFields.PHYSICAL_CONDITION, value(random.nextInt(10) == 0 ? "03" : "02"));
        fields.put(FileFields.NOTES, value("Dữ liệu mẫu"));
        return items;
    }

    private static Field<String> value(String v) {
        return new Field<>(v, Provenance.imported(ORIGIN, AT));
    }

    private static String name(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }
}
