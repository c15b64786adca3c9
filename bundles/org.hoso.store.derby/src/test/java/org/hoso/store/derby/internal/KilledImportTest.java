package org.hoso.store.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large import in another Java process, killed with {@code SIGKILL} in the middle: started again, the catalogue
 * holds what was committed before and nothing of the import, the audit chain is intact, and the same import then
 * goes through.
 */
class KilledImportTest {

    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");
    private static final int FILES = 20_000;

    @TempDir
    Path workspace;

    /** An inventory that makes its files as they are read, and says on stdout when the import is well under way. */
    static CatalogueService.ImportBatch inventory(boolean announce) {
        List<NewFile> files = new AbstractList<>() {
            @Override
            public NewFile get(int i) {
                if (announce && i == FILES / 4) {
                    System.out.println("midway");
                    System.out.flush();
                }
                Provenance p = Provenance.imported("lon.xlsx", T);
                return new NewFile(List.of(), "K9.2001." + (i + 1), Optional.of(Integer.toString(i / 10 + 1)),
                        Map.of(FileFields.TITLE, new Field<>("Hồ sơ số " + (i + 1), p)),
                        List.of(Map.of(ItemFields.ABSTRACT, new Field<>("Về việc số " + i, p)),
                                Map.of(ItemFields.ABSTRACT, new Field<>("Về việc thứ hai " + i, p))), i + 2);
            }

            @Override
            public int size() {
                return FILES;
            }
        };
        return new CatalogueService.ImportBatch("K9", "UBND xã cũ", "lon.xlsx", Optional.empty(), files);
    }

    /** Runs in the child process: commits a small fonds, then starts the large import and is killed during it. */
    public static void main(String[] args) throws Exception {
        Database database = Database.open(Paths.get(args[0]));
        DerbyCatalogue catalogue = new DerbyCatalogue(database);
        catalogue.createFonds("K1", "Phông đã có", "lan");
        catalogue.addFile(catalogue.addSchemeNode("K1", Optional.empty(), "I", "I", "lan").id(), "K1.1",
                Optional.of("1"), Map.of(), "lan");
        System.out.println("committed");
        catalogue.importBatch(inventory(true), "lan");
        System.out.println("finished");
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void anImportKilledMidwayLeavesNothingAndCanBeRunAgain() throws Exception {
        Path catalogueDir = workspace.resolve("catalogue");
        Path log = workspace.resolve("child.log");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledImportTest.class.getName(),
                catalogueDir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains("midway")) {
                assertTrue(child.isAlive(), () -> "the child died: " + read(log));
                assertTrue(System.nanoTime() < deadline, () -> "the child did not get going: " + read(log));
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
        }
        assertTrue(!read(log).contains("finished"), "killed during the import: " + read(log));

        try (Database database = Database.open(catalogueDir)) {
            DerbyCatalogue catalogue = new DerbyCatalogue(database);
            assertEquals(List.of("K1"), catalogue.fonds().stream().map(f -> f.code()).toList(),
                    "the fonds committed before is there; the import's fonds is not");
            assertEquals(1, catalogue.counts("K1").files());
            assertTrue(catalogue.file("K9.2001.1").isEmpty());
            assertEquals(0, (int) database.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM ITEM")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }), "no document of the import");
            long audited = catalogue.size();
            assertTrue(catalogue.verify().intact());

            CatalogueService.ImportResult again = catalogue.importBatch(inventory(false), "lan");
            assertEquals(FILES, again.files());
            assertEquals(2L * FILES, again.items());
            assertEquals(audited + 1, catalogue.size(), "one audit entry for the import");
            assertEquals(FILES / 10, catalogue.boxes("K9").size());
            assertTrue(catalogue.verify().intact());
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
