package org.hoso.digitise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hoso.digitise.api.DigitisationService.Batch;
import org.hoso.digitise.api.DigitisationService.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which scan becomes which document: the folder rules an operator follows when scanning. */
class BatchesTest {

    @TempDir
    Path root;

    private Path touch(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] { 1 });
    }

    private static List<String> names(Document d) {
        return d.scans().stream().map(p -> p.getParent().getFileName() + "/" + p.getFileName()).toList();
    }

    @Test
    void eachEntryOfAFileFolderIsADocumentInNaturalOrder() throws Exception {
        touch("scans/H49.1.2/vb 10.tif");
        touch("scans/H49.1.2/vb 2.pdf");
        touch("scans/H49.1.2/vb 1/trang 10.jpg");
        touch("scans/H49.1.2/vb 1/trang 9.jpg");
        touch("scans/H49.1.2/vb 1/ghi chú.txt");
        touch("scans/H49.1.2/.DS_Store");
        touch("scans/H49.1.3/001.png");
        touch("scans/khác/001.png");
        Batch b = Batches.plan(List.of(root.resolve("scans")), "H49", Optional.empty(),
                Set.of("H49.1.2", "H49.1.3")::contains);
        assertEquals(List.of("H49.1.2#1", "H49.1.2#2", "H49.1.2#3", "H49.1.3#1"),
                b.documents().stream().map(d -> d.fileCode() + "#" + d.position()).toList());
        assertEquals(List.of("vb 1/trang 9.jpg", "vb 1/trang 10.jpg"), names(b.documents().get(0)));
        assertEquals(List.of("H49.1.2/vb 2.pdf"), names(b.documents().get(1)));
        assertEquals(List.of("H49.1.2/vb 10.tif"), names(b.documents().get(2)));
        assertEquals(5, b.scans());
        assertEquals(List.of("ghi chú.txt", "khác"),
                b.skipped().stream().map(s -> s.path().getFileName().toString()).sorted().toList());
        assertTrue(b.skipped().stream().anyMatch(s -> s.reason().contains("không phải bản quét")
                && s.reason().contains("is not a scan")), b.skipped().toString());
    }

    @Test
    void withAFileCodeEveryPathIsADocumentOfThatFile() throws Exception {
        Path a = touch("x/b.tif");
        Path c = touch("x/a.tif");
        Batch b = Batches.plan(List.of(a, c), "H49", Optional.of("H49.1.2"), code -> false);
        assertEquals(List.of(a, c), b.documents().stream().map(d -> d.scans().get(0)).toList(),
                "paths given one by one keep the order they were given in");
        Batch folder = Batches.plan(List.of(root.resolve("x")), "H49", Optional.of("H49.1.2"), code -> false);
        assertEquals(List.of(c, a), folder.documents().stream().map(d -> d.scans().get(0)).toList());
    }

    @Test
    void aFolderWithoutFileFoldersIsReportedNotGuessed() throws Exception {
        touch("lô 1/trang 1.tif");
        Batch b = Batches.plan(List.of(root.resolve("lô 1")), "H49", Optional.empty(), code -> false);
        assertEquals(List.of(), b.documents());
        assertEquals(2, b.skipped().size(), b.skipped().toString());
    }

    @Test
    void numbersCompareByValue() {
        assertTrue(Batches.natural("trang 9", "trang 10") < 0);
        assertTrue(Batches.natural("vb02", "vb10") < 0);
        assertTrue(Batches.natural("a", "a1") < 0);
        assertEquals(0, Batches.natural("x007", "x7"));
    }
}
