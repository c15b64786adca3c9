package org.hoso.store.derby.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The catalogue database: embedded Derby in {@code <workspace>/catalogue/db}, brought to the current schema by the
 * ordered scripts of {@code db/migrations.txt}, each applied once in its own transaction and recorded in
 * {@code SCHEMA_VERSION}. A script not yet applied is applied even when later versions already are, so a version
 * that joins the list late (V002 after V003) reaches every workspace. The only class that opens connections.
 */
final class Database implements AutoCloseable {

    /** A unit of work in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path directory;
    private final EmbeddedDataSource dataSource;
    /** Connections between transactions, most recently used first. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Connection> idle =
            new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    static final int MAX_IDLE = 4;

    private Database(Path directory, EmbeddedDataSource dataSource) {
        this.directory = directory;
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating when needed) the database under {@code catalogueDir} and migrates it.
     *
     * @throws SQLException naming the folder and the script when a migration fails; nothing of that script stays
     */
    static Database open(Path catalogueDir) throws SQLException, IOException {
        return open(catalogueDir, Database::read);
    }

    /**
     * As {@link #open(Path)}, with the migration resources ({@code migrations.txt} and the scripts, by name) read
     * through {@code resources}: tests give other lists.
     */
    static Database open(Path catalogueDir, UnaryOperator<String> resources) throws SQLException, IOException {
        Files.createDirectories(catalogueDir);
        configureDerby(catalogueDir);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        Path db = catalogueDir.resolve("db");
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        Database database = new Database(db, ds);
        try {
            database.migrate(resources);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Derby's settings, each unless already set (as a {@code -D} option, {@code HOSO_JAVA_OPTS}), before Derby boots;
     * once per JVM. Its diagnostic log goes into the catalogue folder, not the current directory. Its transaction log
     * is written through a 4 MiB buffer (Derby's default of 32 KiB made a million-document import 25% slower), into
     * files of 128 MiB, with a checkpoint every 128 MiB of log instead of every 10 MiB: recovery after a crash replays
     * at most that much, a few seconds.
     */
    private static void configureDerby(Path catalogueDir) {
        defaultProperty("derby.stream.error.file", catalogueDir.resolve("derby.log").toString());
        defaultProperty("derby.storage.logBufferSize", Integer.toString(4 << 20));
        defaultProperty("derby.storage.logSwitchInterval", Integer.toString(128 << 20));
        defaultProperty("derby.storage.checkpointInterval", Integer.toString(128 << 20));
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    Path directory() {
        return directory;
    }

    /**
     * Runs {@code work} in a serializable transaction: committed when it returns, rolled back when it throws.
     *
     * @throws SQLException also when the database was closed
     */
    <T> T inTransaction(Work<T> work) throws SQLException {
        return inTransaction(Connection.TRANSACTION_SERIALIZABLE, work);
    }

    /**
     * Runs {@code work} in a transaction with the given isolation ({@code Connection.TRANSACTION_*}): committed when
     * it returns, rolled back when it throws.
     *
     * @throws SQLException also when the database was closed
     */
    <T> T inTransaction(int isolation, Work<T> work) throws SQLException {
        if (closed) {
            // a connection would boot the database again (createDatabase=create)
            throw new SQLException("catalogue " + directory + " is closed", "08003");
        }
        Connection c = idle.pollFirst();
        while (c != null && c.isClosed()) {
            c = idle.pollFirst(); // closed by Derby after an error of session severity
        }
        if (c == null) {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
        }
        boolean clean = false;
        try {
            c.setTransactionIsolation(isolation);
            try {
                T result = work.run(c);
                c.commit();
                clean = true;
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    clean = true;
                } catch (SQLException r) {
                    e.addSuppressed(r); // the connection is gone: the work's own error is the one to see
                }
                throw e;
            }
        } finally {
            release(c, clean);
        }
    }

    /**
     * A connection whose transaction ended cleanly goes back to the idle ones (at most {@value #MAX_IDLE}), any other
     * is closed: opening a Derby connection costs 50–140 µs on the build machine, the one-row query it then runs 7–30
     * µs, and the catalogue's readers (the search index's catch-up, the navigator) run many small queries.
     */
    private void release(Connection c, boolean clean) {
        if (clean && !closed && idle.size() < MAX_IDLE) {
            idle.offerFirst(c);
            if (!closed || !idle.remove(c)) {
                return; // kept; or close() took it meanwhile and closes it
            }
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
                c.close();
            }
        } catch (SQLException e) {
            // broken or shut down already: nothing of it is wanted
        }
    }

    /** The schema versions applied, in order. */
    List<Integer> appliedVersions() throws SQLException {
        return inTransaction(c -> {
            List<Integer> versions = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT VERSION FROM SCHEMA_VERSION ORDER BY VERSION")) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
            return versions;
        });
    }

    private void migrate(UnaryOperator<String> resources) throws SQLException {
        inTransaction(c -> {
            if (!tableExists(c, "SCHEMA_VERSION")) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE SCHEMA_VERSION (VERSION INT NOT NULL PRIMARY KEY, "
                            + "SCRIPT VARCHAR(200) NOT NULL, APPLIED_AT VARCHAR(40) NOT NULL)");
                }
            }
            return null;
        });
        Map<Integer, String> applied = appliedScripts();
        Map<Integer, String> listed = new LinkedHashMap<>();
        for (String script : scripts(resources.apply("migrations.txt"))) {
            String other = listed.putIfAbsent(version(script), script);
            if (other != null) {
                throw new IllegalStateException("migrations " + other + " and " + script + " have the same version");
            }
        }
        for (Map.Entry<Integer, String> entry : listed.entrySet()) {
            int version = entry.getKey();
            String script = entry.getValue();
            String done = applied.get(version);
            if (done != null && !done.equals(script)) {
                // two branches chose the same number: the second script would silently never run
                throw new SQLException("catalogue " + directory + ": version " + version + " was applied as " + done
                        + ", but this release names it " + script);
            }
            if (done != null) {
                continue;
            }
            List<String> statements = statements(resources.apply(script));
            try {
                inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        for (String sql : statements) {
                            s.execute(resolve(c, sql));
                        }
                    }
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO SCHEMA_VERSION (VERSION, SCRIPT, APPLIED_AT) VALUES (?, ?, ?)")) {
                        p.setInt(1, version);
                        p.setString(2, script);
                        p.setString(3, Instant.now().toString());
                        p.executeUpdate();
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw new SQLException("catalogue " + directory + ": migration " + script + " failed: "
                        + e.getMessage(), e.getSQLState(), e);
            }
        }
    }

    private static final Pattern DROP_FOREIGN_KEY =
            Pattern.compile("(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+DROP\\s+FOREIGN\\s+KEY\\s+TO\\s+(\\w+)\\s*");

    /**
     * A migration statement as Derby takes it. Our one addition to SQL: {@code ALTER TABLE T DROP FOREIGN KEY TO R}
     * drops the one foreign key of T that refers to R, whose name Derby chose when the key was declared inline.
     */
    static String resolve(Connection c, String sql) throws SQLException {
        Matcher m = DROP_FOREIGN_KEY.matcher(sql);
        if (!m.matches()) {
            return sql;
        }
        String table = m.group(1).toUpperCase(java.util.Locale.ROOT);
        String referenced = m.group(2).toUpperCase(java.util.Locale.ROOT);
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT K.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS K "
                + "JOIN SYS.SYSTABLES T ON T.TABLEID = K.TABLEID "
                + "JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID "
                + "JOIN SYS.SYSFOREIGNKEYS F ON F.CONSTRAINTID = K.CONSTRAINTID "
                + "JOIN SYS.SYSCONSTRAINTS P ON P.CONSTRAINTID = F.KEYCONSTRAINTID "
                + "JOIN SYS.SYSTABLES R ON R.TABLEID = P.TABLEID "
                + "WHERE K.TYPE = 'F' AND T.TABLENAME = ? AND R.TABLENAME = ? AND S.SCHEMANAME = CURRENT SCHEMA")) {
            p.setString(1, table);
            p.setString(2, referenced);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        if (names.size() != 1) {
            throw new SQLException(table + " has " + names.size() + " foreign keys to " + referenced + ", not one");
        }
        return "ALTER TABLE " + table + " DROP CONSTRAINT \"" + names.get(0) + "\"";
    }

    /** The scripts applied, by version. */
    private Map<Integer, String> appliedScripts() throws SQLException {
        return inTransaction(c -> {
            Map<Integer, String> scripts = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT VERSION, SCRIPT FROM SCHEMA_VERSION ORDER BY VERSION")) {
                while (rs.next()) {
                    scripts.put(rs.getInt(1), rs.getString(2));
                }
            }
            return scripts;
        });
    }

    /** The script names of a {@code migrations.txt}, in order. */
    static List<String> scripts(String migrationsTxt) {
        List<String> scripts = new ArrayList<>();
        for (String line : migrationsTxt.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                scripts.add(l);
            }
        }
        return scripts;
    }

    static int version(String script) {
        if (!script.matches("V\\d{3}__[a-z0-9_]+\\.sql")) {
            throw new IllegalStateException("migration name must look like V001__name.sql: " + script);
        }
        return Integer.parseInt(script.substring(1, 4));
    }

    /** Splits a script on semicolons that end a line; drops comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (l.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** A resource of the {@code db/} folder beside this class, as UTF-8 text. */
    static String read(String name) {
        try (InputStream in = Database.class.getResourceAsStream("db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource db/" + name);
            }
            StringBuilder sb = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sb.append(line).append('\n');
                }
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    /** Shuts this database down (not the whole Derby engine: other bundles may use it). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection c; (c = idle.pollFirst()) != null;) {
            closeQuietly(c);
        }
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dataSource.getDatabaseName());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection c = shutdown.getConnection()) {
            // a successful shutdown always throws 08006
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING,
                        "catalogue " + directory + " did not shut down cleanly: " + e.getMessage());
            }
        }
    }
}
