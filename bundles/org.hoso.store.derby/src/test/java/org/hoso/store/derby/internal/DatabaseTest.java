package org.hoso.store.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations across releases, and a closed database. */
class DatabaseTest {

    @TempDir
    Path workspace;

    /** The real scripts, with {@code migrations.txt} replaced by {@code list} and one extra script. */
    private static UnaryOperator<String> resources(String list, String extraName, String extraSql) {
        return name -> name.equals("migrations.txt") ? list : name.equals(extraName) ? extraSql : Database.read(name);
    }

    private static boolean tableExists(Database db, String table) throws SQLException {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
                return rs.next();
            }
        });
    }

    @Test
    void thisReleaseAppliesItsScriptsInOrder() throws Exception {
        assertEquals(List.of("V001__audit_log.sql", "V002__catalogue.sql", "V003__jobs.sql", "V004__file_years.sql",
                "V005__boxes_pages.sql", "V006__no_item_date_index.sql", "V007__recognition.sql",
                "V008__item_file_key_unchecked.sql", "V009__page_status_index.sql"),
                Database.scripts(Database.read("migrations.txt")));
        try (Database db = Database.open(workspace.resolve("catalogue"))) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), db.appliedVersions());
            assertTrue(tableExists(db, "TASK"));
            assertTrue(tableExists(db, "FILE_UNIT"));
        }
    }

    private static int foreignKeys(Database db, String table, String referenced) throws SQLException {
        return db.inTransaction(c -> {
            int n = 0;
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, null, table)) {
                while (rs.next()) {
                    n += rs.getString("PKTABLE_NAME").equals(referenced) ? 1 : 0;
                }
            }
            return n;
        });
    }

    @Test
    void aWorkspaceOfAnEarlierReleaseLosesOnlyTheDocumentsKeyToTheirFile() throws Exception {
        Path dir = workspace.resolve("catalogue");
        List<String> scripts = Database.scripts(Database.read("migrations.txt"));
        String upTo7 = String.join("\n", scripts.subList(0, 7)) + "\n";
        try (Database db = Database.open(dir, resources(upTo7, "", ""))) {
            assertEquals(1, foreignKeys(db, "ITEM", "FILE_UNIT"));
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO FONDS (CODE, NAME, DESCRIPTION) VALUES ('H1', 'Xã Hòa Bình', '{}')"));
        }
        try (Database db = Database.open(dir)) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), db.appliedVersions());
            assertEquals(0, foreignKeys(db, "ITEM", "FILE_UNIT"));
            assertEquals(1, foreignKeys(db, "PAGE", "ITEM"), "pages still refer to their documents");
            assertEquals(1, (int) db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM FONDS")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
            // our form names what it did not find
            SQLException e = assertThrows(SQLException.class,
                    () -> db.inTransaction(c -> Database.resolve(c, "ALTER TABLE ITEM DROP FOREIGN KEY TO FILE_UNIT")));
            assertTrue(e.getMessage().contains("ITEM has 0 foreign keys to FILE_UNIT"), e.getMessage());
        }
    }

    @Test
    void aVersionListedAfterLaterOnesWereAppliedIsStillApplied() throws Exception {
        Path dir = workspace.resolve("catalogue");
        // a release that shipped V001 and V003 only
        try (Database db = Database.open(dir, resources("V001__audit_log.sql\nV003__jobs.sql\n", "", ""))) {
            assertEquals(List.of(1, 3), db.appliedVersions());
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO JOB (ID, TITLE, ACTOR, STATE, SUBMITTED_AT) VALUES (1, 'Số hóa', 'lan', 'QUEUED', 0)"));
        }
        // the next release adds V002 between V001 and V003
        String list = "V001__audit_log.sql\nV002__late.sql\nV003__jobs.sql\n";
        try (Database db = Database.open(dir, resources(list, "V002__late.sql",
                "CREATE TABLE LATE_TABLE (CODE VARCHAR(20) NOT NULL PRIMARY KEY);\n"))) {
            assertEquals(List.of(1, 2, 3), db.appliedVersions());
            assertTrue(tableExists(db, "LATE_TABLE"));
            assertEquals(1, (int) db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM JOB")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }), "what V003's tables held is kept");
        }
    }

    @Test
    void aVersionAppliedUnderAnotherNameStopsTheCatalogue() throws Exception {
        Path dir = workspace.resolve("catalogue");
        Database.open(dir).close();
        String list = "V001__audit_log.sql\nV003__catalogue.sql\n";
        SQLException e = assertThrows(SQLException.class, () -> Database.open(dir, resources(list,
                "V003__catalogue.sql", "CREATE TABLE FONDS (CODE VARCHAR(20) NOT NULL PRIMARY KEY);\n")));
        assertTrue(e.getMessage().contains("V003__jobs.sql") && e.getMessage().contains("V003__catalogue.sql"),
                e.getMessage());
    }

    @Test
    void twoScriptsWithOneVersionAreRefused() {
        String list = "V001__audit_log.sql\nV001__again.sql\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Database.open(workspace.resolve("catalogue"), resources(list, "V001__again.sql", "")));
        assertTrue(e.getMessage().contains("V001__again.sql"), e.getMessage());
    }

    /**
     * Connections are reused between transactions: what one transaction did to its connection (a failed write, another
     * isolation) never reaches the next, and the next runs.
     */
    @Test
    void aReusedConnectionStartsEachTransactionClean() throws Exception {
        try (Database db = Database.open(workspace.resolve("catalogue"))) {
            db.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE T (ID INT PRIMARY KEY)"));
            SQLException duplicate = assertThrows(SQLException.class, () -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO T VALUES (1)");
                return c.createStatement().executeUpdate("INSERT INTO T VALUES (1)");
            }));
            assertTrue(duplicate.getSQLState().startsWith("23"), duplicate.getSQLState());
            assertEquals(0, (int) db.inTransaction(c -> count(c)), "the failed transaction left nothing");
            assertEquals(java.sql.Connection.TRANSACTION_READ_COMMITTED, (int) db.inTransaction(
                    java.sql.Connection.TRANSACTION_READ_COMMITTED, java.sql.Connection::getTransactionIsolation));
            assertEquals(java.sql.Connection.TRANSACTION_SERIALIZABLE,
                    (int) db.inTransaction(java.sql.Connection::getTransactionIsolation));
            for (int i = 0; i < 50; i++) {
                int n = i;
                db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO T VALUES (" + n + ")"));
            }
            assertEquals(50, (int) db.inTransaction(c -> count(c)));
        }
    }

    private static int count(java.sql.Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aClosedDatabaseRefusesWorkAndIsNotBootedAgain() throws Exception {
        Database db = Database.open(workspace.resolve("catalogue"));
        db.close();
        assertThrows(SQLException.class, () -> db.inTransaction(c -> null));
        db.close();
        // booted again it would hold db.lck; shut down, Derby removes it
        assertFalse(Files.exists(workspace.resolve("catalogue/db/db.lck")));
    }
}
