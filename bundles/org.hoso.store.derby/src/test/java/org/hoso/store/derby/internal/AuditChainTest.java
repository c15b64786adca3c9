package org.hoso.store.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain on a real Derby database on disk. */
class AuditChainTest {

    @TempDir
    Path workspace;

    private Database database;
    private DerbyCatalogue catalogue;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(workspace.resolve("catalogue"));
        catalogue = new DerbyCatalogue(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void appendFive() throws SQLException {
        Instant t = Instant.parse("2026-11-22T03:00:00Z");
        for (int i = 1; i <= 5; i++) {
            int n = i;
            catalogue.database().inTransaction(c -> AuditChain.append(c, new AuditChain.Change("lan", "fonds.update",
                    "fonds", "H49", "{\"name\":\"UBND xã " + (n - 1) + "\"}", "{\"name\":\"UBND xã " + n + "\"}"),
                    t.plusSeconds(n)));
        }
    }

    private void sql(String statement) throws SQLException {
        catalogue.database().inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(statement);
            }
            return null;
        });
    }

    @Test
    void entriesAreChainedAndAnIntactLogVerifies() throws Exception {
        assertTrue(catalogue.verify().intact(), "an empty log is intact");
        appendFive();
        List<AuditEvent> events = catalogue.events(1, 100);
        assertEquals(5, events.size());
        assertEquals(AuditEvent.GENESIS, events.get(0).previousHash());
        for (int i = 1; i < 5; i++) {
            assertEquals(events.get(i - 1).hash(), events.get(i).previousHash());
        }
        assertEquals("{\"name\":\"UBND xã 3\"}", events.get(2).after(), "Vietnamese text kept exactly");
        Verification v = catalogue.verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(5, v.checked());
        assertEquals(List.of(3L, 4L), catalogue.events(3, 2).stream().map(AuditEvent::seq).toList());
    }

    @Test
    void anEditedEntryIsNamed() throws Exception {
        appendFive();
        sql("UPDATE AUDIT_LOG SET AFTER_JSON = '{\"name\":\"UBND xã 99\"}' WHERE SEQ = 3");
        Verification v = catalogue.verify();
        assertEquals(Optional.of(3L), v.firstBad());
        assertTrue(v.problem().contains("edited"), v.problem());
    }

    @Test
    void aDeletedEntryIsNamed() throws Exception {
        appendFive();
        sql("DELETE FROM AUDIT_LOG WHERE SEQ = 2");
        Verification v = catalogue.verify();
        assertEquals(Optional.of(2L), v.firstBad());
        assertTrue(v.problem().contains("missing"), v.problem());
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        appendFive();
        sql("UPDATE AUDIT_LOG SET SEQ = 100 WHERE SEQ = 2");
        sql("UPDATE AUDIT_LOG SET SEQ = 2 WHERE SEQ = 3");
        sql("UPDATE AUDIT_LOG SET SEQ = 3 WHERE SEQ = 100");
        Verification v = catalogue.verify();
        assertEquals(Optional.of(2L), v.firstBad());
    }

    @Test
    void entriesRemovedFromTheEndAreNoticed() throws Exception {
        appendFive();
        sql("DELETE FROM AUDIT_LOG WHERE SEQ = 5");
        Verification v = catalogue.verify();
        assertFalse(v.intact());
        assertTrue(v.problem().contains("removed from the end"), v.problem());
    }

    @Test
    void aChangeAndItsEntryCommitTogetherOrNotAtAll() throws Exception {
        appendFive();
        assertThrows(IllegalStateException.class, () -> catalogue.database().inTransaction(c -> {
            AuditChain.append(c, new AuditChain.Change("lan", "fonds.delete", "fonds", "H49", "{}", ""),
                    Instant.now());
            throw new IllegalStateException("the change itself failed");
        }));
        assertEquals(5, catalogue.size());
        assertTrue(catalogue.verify().intact());
    }

    @Test
    void migrationsRunOnceAndTheLogSurvivesReopening() throws Exception {
        appendFive();
        database.close();
        database = Database.open(workspace.resolve("catalogue"));
        catalogue = new DerbyCatalogue(database);
        assertEquals(Database.scripts(Database.read("migrations.txt")).stream().map(Database::version).sorted().toList(),
                catalogue.database().appliedVersions(), "every migration applied exactly once");
        assertEquals(5, catalogue.size());
        assertTrue(catalogue.verify().intact());
        assertTrue(Files.exists(workspace.resolve("catalogue/derby.log")) || Files.isDirectory(workspace.resolve("catalogue/db")));
    }

    @Test
    void scriptsAreSplitIntoStatements() {
        assertEquals(List.of("CREATE TABLE A (X INT)", "INSERT INTO A VALUES (1)"),
                Database.statements("-- comment\nCREATE TABLE A (X INT);\n\nINSERT INTO A VALUES (1);\n"));
        assertEquals(1, Database.version("V001__audit_log.sql"));
        assertThrows(IllegalStateException.class, () -> Database.version("001-audit.sql"));
    }
}
