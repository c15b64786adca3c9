package org.hoso.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.hoso.core.api.AuditLog;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.internal.TestObjectStores;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.SearchService.Hit;
import org.hoso.core.api.SearchService.Kind;
import org.hoso.core.api.SearchService.Query;
import org.hoso.core.api.SearchService.Results;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.store.derby.internal.DerbyCatalogue;
import org.hoso.store.derby.internal.TestCatalogues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over a real Derby catalogue on disk and a real Lucene index beside it. */
class SearchServiceTest {

    private static final Instant T = Instant.parse("2026-12-01T03:00:00Z");
    private static final String FONDS = "H49.64";

    @TempDir
    Path dir;

    private DerbyCatalogue derby;
    private ObjectStore objects;
    private LuceneSearchService search;
    private FileUnit land;
    private FileUnit budget;

    @BeforeEach
    void catalogue() throws Exception {
        derby = TestCatalogues.open(dir.resolve("catalogue"));
        objects = TestObjectStores.open(dir.resolve("objects"));
        derby.createFonds(FONDS, "UBND xã Tân Trào", "lan");
        SchemeNode office = derby.addSchemeNode(FONDS, Optional.empty(), "I", "Văn phòng", "lan");
        land = derby.addFile(office.id(), "H49.64.2019.1", Optional.of("3"), Map.of(
                FileFields.TITLE, v("Hồ sơ kế hoạch sử dụng đất năm 2019"),
                FileFields.START_DATE, v("2019-01-10"), FileFields.END_DATE, v("2020-02-01"),
                FileFields.RETENTION, v("Vĩnh viễn")), "lan");
        derby.addItem(land.id(), item("02", "15", "QĐ-UBND", "2019-03-19", "UBND xã Tân Trào",
                "Về việc phê duyệt kế hoạch sử dụng đất năm 2019", "Nguyễn Văn Đức"), "lan");
        derby.addItem(land.id(), item("15", "7", "TTr-UBND", "2019-02-01", "UBND xã Tân Trào",
                "Về việc đề nghị số hóa tài liệu lưu trữ", "Trần Thị Lan"), "lan");
        budget = derby.addFile(office.id(), "H49.64.2023.4", Optional.of("12"), Map.of(
                FileFields.TITLE, v("Hồ sơ dự toán ngân sách xã năm 2023"),
                FileFields.START_DATE, v("2023-01-05"), FileFields.END_DATE, v("2023-12-30"),
                FileFields.RETENTION, v("10 năm")), "lan");
        derby.addItem(budget.id(), item("14", "40", "BC-UBND", "2023-06-30", "UBND xã Tân Trào",
                "Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2023", "Nguyễn Văn Đức"), "lan");
        derby.addItem(budget.id(), item("22", "88", "UBND", "2023-08-02", "UBND xã Tân Trào",
                "V/v bàn giao hồ sơ, tài liệu khi sắp xếp đơn vị hành chính; ban hành danh mục", "Lê Minh An"),
                "lan");
        search = open();
    }

    @AfterEach
    void close() {
        if (search != null) {
            search.close();
        }
        TestCatalogues.close(derby);
    }

    private LuceneSearchService open() {
        return open(derby);
    }

    private LuceneSearchService open(CatalogueService catalogue) {
        return new LuceneSearchService(dir.resolve("index"), catalogue, derby, new PageText(catalogue, objects));
    }

    private static Field<String> v(String value) {
        return new Field<>(value, Provenance.typed("lan", T));
    }

    private static Map<String, Field<String>> item(String type, String number, String notation, String date,
            String issuer, String abstractText, String signer) {
        Map<String, Field<String>> m = new LinkedHashMap<>();
        m.put(ItemFields.TYPE, v(type));
        m.put(ItemFields.NUMBER, v(number));
        m.put(ItemFields.NOTATION, v(notation));
        m.put(ItemFields.DATE, v(date));
        m.put(ItemFields.ISSUER, v(issuer));
        m.put(ItemFields.ABSTRACT, v(abstractText));
        m.put(ItemFields.SIGNER, v(signer));
        return m;
    }

    private Results find(String q) {
        return search.search(new Query(q, Optional.empty(), 20));
    }

    private List<String> codes(String q) {
        return find(q).hits().stream().map(h -> h.docCode().orElse(h.fileCode())).toList();
    }

    @Test
    void wordsWithoutDiacriticsFindTheTextWithThem() {
        assertEquals(List.of("H49.64.2019.1.0000002"), codes("so hoa"));
        assertEquals(List.of("H49.64.2019.1.0000002"), codes("SỐ HÓA"));
        // the type is found by its name, folded: "quyet dinh" finds the Quyết định
        assertEquals(List.of("H49.64.2019.1.0000001"), codes("quyet dinh"));
        // đ is d
        assertTrue(codes("duc").containsAll(List.of("H49.64.2019.1.0000001", "H49.64.2023.4.0000001")));
        assertTrue(codes("xyzzy").isEmpty());
    }

    @Test
    void diacriticsAsTypedRankFirst() {
        // "ban" is in one abstract as "bàn" (bàn giao) and "ban" (ban hành); the other has neither
        List<Hit> hits = find("bàn").hits();
        assertEquals("H49.64.2023.4.0000002", hits.get(0).docCode().orElseThrow());
        Results folded = find("ban");
        assertEquals(1, folded.total());
    }

    @Test
    void phrasesKeepTheirOrder() {
        assertEquals(List.of("H49.64.2019.1.0000001", "H49.64.2019.1"),
                codes("\"ke hoach su dung dat\"").stream().sorted().toList().reversed());
        assertTrue(codes("\"dat su dung\"").isEmpty());
        assertEquals(List.of("H49.64.2023.4.0000002"), codes("\"ban giao ho so\""));
    }

    @Test
    void fieldQueries() {
        assertEquals(List.of("H49.64.2019.1.0000001"), codes("type:qd"));
        assertEquals(List.of("H49.64.2019.1.0000001"), codes("loai:\"quyet dinh\""));
        assertEquals(List.of("H49.64.2019.1.0000001"), codes("number:15/QĐ-UBND"));
        assertEquals(List.of("H49.64.2019.1.0000001"), codes("so:15/qd-ubnd"));
        assertEquals(List.of("H49.64.2023.4.0000001"), codes("signer:duc year:2023"));
        assertEquals(4, find("issuer:\"tan trao\"").total());
        // a file spans the years of its dates: the 2019 file also covers 2020
        assertEquals(List.of("H49.64.2019.1"), codes("year:2020"));
        assertEquals(6, find("year:2019..2023").total());
        assertEquals(3, find("year:2023..").total());
        assertEquals(3, find("retention:\"vinh vien\"").total(), "the file and its two documents");
        assertEquals(List.of("H49.64.2019.1", "H49.64.2023.4"),
                codes("kind:file").stream().sorted().toList());
        assertEquals(3, find("box:12").total());
        assertEquals(3, find("file:H49.64.2023.4").total());
        assertEquals(6, find("fonds:" + FONDS).total());
        assertEquals(0, search.search(new Query("", Optional.of("H00"), 20)).total());
        assertEquals(List.of("H49.64.2019.1.0000002"), codes("tai lieu -ban"));
        assertEquals(2, find("pleiku OR so hoa OR \"ban giao\"").total());
    }

    @Test
    void snippetsMarkTheWordsAsWritten() {
        Hit hit = find("so hoa").hits().get(0);
        assertEquals(Kind.ITEM, hit.kind());
        assertEquals("Về việc đề nghị [số hóa] tài liệu lưu trữ", hit.snippet().marked("[", "]"));
        // matched partly through fields the snippet does not show: the words it does show are still marked
        assertEquals("Về việc phê duyệt [kế hoạch] sử dụng đất năm 2019",
                find("quyet dinh ke hoach").hits().get(0).snippet().marked("[", "]"));
        // two lines that match, with the line between them left out; the signer's "KT." ends no passage
        Hit two = find("ngan sach duc").hits().get(0);
        assertEquals("Tình hình thực hiện dự toán [ngân sách] 6 tháng đầu năm 2023 … [Đức]",
                two.snippet().marked("[", "]").replace("Nguyễn Văn ", ""));
        assertTrue(hit.title().startsWith("Tờ trình 7/TTr-UBND, 01/02/2019"), hit.title());
        Hit file = find("kind:file ngan sach").hits().get(0);
        assertEquals("Hồ sơ dự toán [ngân sách] xã năm 2023", file.snippet().marked("[", "]"));
    }

    @Test
    void badQueriesSayWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> find("\"so hoa"));
        assertTrue(e.getMessage().contains("unclosed quote"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> find("year:abc"));
        assertTrue(e.getMessage().contains("year:abc"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> find("year:2025..2019"));
        assertTrue(e.getMessage().contains("ends before"), e.getMessage());
        // a colon after a word that is not a field is just text
        assertTrue(find("V/v: ban giao").total() > 0);
    }

    @Test
    void everyCommittedChangeIsSeenByTheNextSearch() {
        assertTrue(codes("pleiku").isEmpty());
        Item first = derby.items(budget.id()).get(0);
        derby.describeItem(first.id(), ItemFields.ABSTRACT, v("Về việc khảo sát kho lưu trữ Pleiku"), "lan");
        assertEquals(List.of(first.docCode()), codes("pleiku"));
        assertTrue(codes("\"6 thang dau nam\"").isEmpty(), "the old abstract is gone");
        // a file's description reaches its documents: they carry its title and retention
        derby.describeFile(budget.id(), FileFields.RETENTION, v("Vĩnh viễn"), "lan");
        assertEquals(6, find("retention:\"vinh vien\"").total());
    }

    @Test
    void aClosedIndexCatchesUpFromTheAuditLogWhenOpenedAgain() {
        assertEquals(2, find("kind:file").total());
        long seq = search.status().auditSeq();
        assertEquals(derby.size(), seq, "the index records how far it has followed the log");
        search.close();
        search = null;

        // changes made while no search service runs (another process, a crash before the index caught up)
        derby.addItem(land.id(), item("07", "3", "TB-UBND", "2019-05-05", "UBND xã Tân Trào",
                "Thông báo lịch tiếp công dân", "Trần Thị Lan"), "lan");
        search = open();
        assertEquals(seq, search.status().auditSeq(), "the commit kept the position");
        assertEquals(List.of("H49.64.2019.1.0000003"), codes("tiep cong dan"));
        assertEquals(derby.size(), search.status().auditSeq());
    }

    @Test
    void aRebuildThatFailsMidwayLeavesTheIndexInUse() throws Exception {
        assertEquals(List.of("H49.64.2019.1.0000002"), codes("so hoa"));
        search.close();
        // the same catalogue, failing when the rebuild reads the second file's documents: a crash or a disk error
        AtomicInteger reads = new AtomicInteger();
        InvocationHandler failing = (proxy, method, args) -> {
            if (method.getName().equals("items") && reads.incrementAndGet() == 2) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
            }
            try {
                return method.invoke(derby, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        CatalogueService flaky = (CatalogueService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { CatalogueService.class }, failing);
        search = open(flaky);
        assertThrows(java.io.UncheckedIOException.class, search::rebuild);
        assertEquals(List.of("H49.64.2019.1.0000002"), codes("so hoa"), "the previous index still answers");
        try (var gens = Files.list(dir.resolve("index"))) {
            assertEquals(List.of("CURRENT", "gen-1"), gens.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aRebuildCutOffByAKillIsRemovedAtTheNextStart() throws Exception {
        assertEquals(2, find("kind:file").total());
        search.close();
        // what a killed rebuild leaves: a half-written generation that CURRENT does not name
        Path half = Files.createDirectories(dir.resolve("index/gen-7"));
        Files.writeString(half.resolve("_0.cfs"), "half a segment");
        search = open();
        assertEquals(2, find("kind:file").total());
        assertFalse(Files.exists(half));

        var rebuilt = search.rebuild();
        assertEquals(2, rebuilt.files());
        assertEquals(4, rebuilt.items());
        assertEquals(List.of("H49.64.2019.1.0000002"), codes("so hoa"));
        try (var gens = Files.list(dir.resolve("index"))) {
            assertEquals(List.of("CURRENT", "gen-2"), gens.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anIndexIsRebuiltFromNothingWhenItsFolderIsDeleted() throws Exception {
        assertEquals(6, find("").total());
        search.close();
        IndexFolder.delete(dir.resolve("index"));
        search = open();
        assertEquals(6, find("").total());
        assertEquals(2, search.status().files());
        assertEquals(4, search.status().items());
    }

    @Test
    void theRecognisedTextOfPagesIsFoundAndShown() throws Exception {
        Item decision = derby.items(land.id()).get(0);
        ObjectId image = objects.put(new ByteArrayInputStream("a scan".getBytes(StandardCharsets.UTF_8))).id();
        Page page = derby.addPage(decision.id(), image, "lan");
        assertTrue(codes("truong mam non").isEmpty());
        String ocr = "ỦY BAN NHÂN DÂN\nXÃ TÂN TRÀO\nQUYẾT ĐỊNH\nĐiều 1. Giao đất xây dựng trường mầm non "
                + "thôn Tân Lập cho Ban quản lý dự án.\nĐiều 2. Chánh Văn phòng chịu trách nhiệm thi hành.\n"
                + "Về việc phê duyệt kế hoạch sử dụng đất năm 2019";
        ObjectId text = objects.put(new ByteArrayInputStream(
                java.text.Normalizer.normalize(ocr, java.text.Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8)))
                .id();
        derby.recordRecognition(new Recognition(page.id(), Optional.empty(), Optional.of(text), Optional.empty(),
                0.93, List.of(), Provenance.extracted("tesseract", 0.93, T)), Page.Status.RECOGNISED, "ocr");

        Hit hit = find("truong mam non").hits().get(0);
        assertEquals(decision.docCode(), hit.docCode().orElseThrow());
        assertTrue(hit.snippet().marked("[", "]").contains("xây dựng [trường mầm non] thôn Tân Lập"),
                hit.snippet().marked("[", "]"));
        assertEquals(List.of(decision.docCode()), codes("text:\"tan lap\""));
        // the page repeats the abstract: the snippet shows that line once
        assertEquals("Về việc [phê duyệt] kế hoạch sử dụng đất năm 2019",
                find("phe duyet").hits().get(0).snippet().marked("[", "]"));
        assertEquals(1, search.rebuild().pages());
        assertEquals(List.of(decision.docCode()), codes("\"truong mam non\""));
    }

    @Test
    void auditEntriesNameWhatToIndexAgain() {
        LuceneSearchService.Changes changes = new LuceneSearchService.Changes();
        AuditLog log = derby;
        log.events(1, 1000).forEach(changes::add);
        assertEquals(List.of(FONDS), List.copyOf(changes.fonds));
        assertEquals(List.of("H49.64.2019.1", "H49.64.2023.4"), List.copyOf(changes.files));
        assertEquals("H49.64.2019.1", LuceneSearchService.fileOf("H49.64.2019.1.0000002"));
    }
}
