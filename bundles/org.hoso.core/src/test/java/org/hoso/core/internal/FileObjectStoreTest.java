package org.hoso.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.hoso.core.api.FixityReport;
import org.hoso.core.api.FixityReport.Problem;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object store on a real file system. Surefire runs this module with a 64 MB heap (see the pom), so the
 * 100 MB put shows that no object is held in memory.
 */
class FileObjectStoreTest {

    @TempDir
    Path workspace;

    private Path root;
    private FileObjectStore store;

    @BeforeEach
    void openStore() throws IOException {
        root = workspace.resolve("objects");
        store = new FileObjectStore(root);
    }

    @Test
    void idIsTheSha256OfTheContentAndTheObjectIsReadOnlyAtItsPlace() throws Exception {
        byte[] page = "Hồ sơ số 12, tờ 3".getBytes(StandardCharsets.UTF_8);
        StoredObject stored = store.put(new ByteArrayInputStream(page));

        String expected = sha256(page);
        assertEquals(expected, stored.id().hex());
        assertEquals(page.length, stored.size());
        Path file = root.resolve(expected.substring(0, 2)).resolve(expected.substring(2, 4)).resolve(expected);
        assertEquals(file, store.path(stored.id()));
        assertArrayEquals(page, Files.readAllBytes(file));
        assertFalse(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE),
                "objects are read-only: " + Files.getPosixFilePermissions(file));
        assertEquals(Optional.of(stored), store.find(stored.id()));
        try (InputStream in = store.open(stored.id())) {
            assertArrayEquals(page, in.readAllBytes());
        }
        assertTrue(store.verify(stored.id()));
    }

    @Test
    void sameBytesAreStoredOnce() throws Exception {
        byte[] scan = generated(300_000, 1);
        StoredObject first = store.put(new ByteArrayInputStream(scan));
        Path copy = Files.write(workspace.resolve("scan.tif"), scan);
        StoredObject second = store.put(copy);
        StoredObject third = store.put(new ByteArrayInputStream(scan));

        assertEquals(first, second);
        assertEquals(first, third);
        assertEquals(1, objectFiles().size());
        assertTrue(partFiles().isEmpty());
        assertTrue(Files.exists(copy), "put(Path) leaves the file alone");
        assertEquals(1, store.verify().objects());
    }

    @Test
    void storesAHundredMegabyteStream() throws Exception {
        long size = 100L * 1024 * 1024;
        StoredObject stored = store.put(new GeneratedStream(size, 7));

        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (InputStream again = new GeneratedStream(size, 7)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = again.read(buffer)) >= 0; ) {
                expected.update(buffer, 0, n);
            }
        }
        assertEquals(HexFormat.of().formatHex(expected.digest()), stored.id().hex());
        assertEquals(size, stored.size());
        assertEquals(size, Files.size(store.path(stored.id())));
        FixityReport report = store.verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(size, report.bytes());
    }

    @Test
    void concurrentPutsOfTheSameBytesAllSucceedWithOneObject() throws Exception {
        byte[] scan = generated(2 * 1024 * 1024, 3);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StoredObject>> puts = Stream.generate(() -> pool.submit(() -> {
                start.await();
                return store.put(new ByteArrayInputStream(scan));
            })).limit(threads).toList();
            for (Future<StoredObject> put : puts) {
                assertEquals(sha256(scan), put.get().id().hex());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, objectFiles().size());
        assertTrue(partFiles().isEmpty(), "no temporary file left: " + partFiles());
        assertTrue(store.verify().intact());
    }

    @Test
    void aPartFileLeftByACrashIsNeverAnObjectAndIsRemovedOnStart() throws Exception {
        StoredObject kept = store.put(new ByteArrayInputStream(generated(1000, 5)));
        Path part = Files.write(root.resolve("tmp").resolve("crashed.part"), generated(5000, 6));

        FixityReport whileRunning = store.verify();
        assertEquals(1, whileRunning.objects(), "a .part file is a write in progress, not an object");
        assertTrue(whileRunning.intact(), whileRunning.problems().toString());

        new FileObjectStore(root);
        assertFalse(Files.exists(part));
        assertEquals(List.of(store.path(kept.id())), objectFiles());
        assertEquals(1, store.verify().objects());
    }

    @Test
    void verifyNamesACorruptedObjectAndUnexpectedFiles() throws Exception {
        byte[] good = generated(10_000, 8);
        byte[] damaged = generated(20_000, 9);
        StoredObject goodObject = store.put(new ByteArrayInputStream(good));
        StoredObject damagedObject = store.put(new ByteArrayInputStream(damaged));
        Path file = store.path(damagedObject.id());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        damaged[12_345] ^= 0x01;
        Files.write(file, damaged);
        Files.writeString(root.resolve("notes.txt"), "ghi chú");
        // an object's name in the wrong folder: never found, so not an object
        String misplaced = goodObject.id().hex();
        Files.createDirectories(root.resolve("00/00"));
        Files.write(root.resolve("00/00").resolve(misplaced), good);

        FixityReport report = store.verify();

        assertFalse(report.intact());
        assertEquals(2, report.objects());
        assertEquals(good.length + damaged.length, report.bytes());
        assertEquals(3, report.problems().size(), report.problems().toString());
        Problem mismatch = problem(report, Problem.Kind.HASH_MISMATCH);
        String hex = damagedObject.id().hex();
        assertEquals(hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex, mismatch.file());
        assertEquals(Optional.of(damagedObject.id()), mismatch.id());
        assertTrue(mismatch.detail().contains("expected SHA-256 " + hex), mismatch.detail());
        assertTrue(mismatch.detail().contains("actual " + sha256(damaged)), mismatch.detail());
        List<String> unexpected = report.problems().stream()
                .filter(p -> p.kind() == Problem.Kind.UNEXPECTED_FILE).map(Problem::file).toList();
        assertEquals(List.of("00/00/" + misplaced, "notes.txt"), unexpected);

        assertFalse(store.verify(damagedObject.id()));
        assertTrue(store.verify(goodObject.id()));
    }

    @Test
    void verifyReportsAnUnreadableObject() throws Exception {
        StoredObject stored = store.put(new ByteArrayInputStream(generated(1000, 10)));
        Path file = store.path(stored.id());
        Files.setPosixFilePermissions(file, Set.of());
        assumeFalse(Files.isReadable(file), "permissions do not bind this user (root): nothing to test");

        Problem problem = problem(store.verify(), Problem.Kind.UNREADABLE);
        assertEquals(Optional.of(stored.id()), problem.id());
        assertTrue(problem.detail().contains("AccessDenied"), problem.detail());
    }

    @Test
    void aMissingObjectIsNamedInTheError() throws Exception {
        ObjectId missing = ObjectId.of(sha256("never stored".getBytes(StandardCharsets.UTF_8)));

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> store.open(missing));
        assertTrue(e.getMessage().contains("no object " + missing.hex()), e.getMessage());
        assertTrue(assertThrows(NoSuchFileException.class, () -> store.path(missing)).getMessage()
                .contains(missing.hex()));
        assertEquals(Optional.empty(), store.find(missing));
        assertFalse(store.verify(missing));
    }

    @Test
    void aStreamThatFailsMidwayLeavesNothingBehind() throws Exception {
        IOException cause = new IOException("the scanner was unplugged");
        InputStream failing = new GeneratedStream(10L * 1024 * 1024, 11) {
            private long delivered;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (delivered > 3 * 1024 * 1024) {
                    throw cause;
                }
                int n = super.read(b, off, len);
                delivered += Math.max(n, 0);
                return n;
            }
        };

        assertSame(cause, assertThrows(IOException.class, () -> store.put(failing)));
        assertEquals(List.of(), objectFiles());
        assertEquals(List.of(), partFiles());
        FixityReport report = store.verify();
        assertEquals(0, report.objects());
        assertTrue(report.intact());
    }

    private static Problem problem(FixityReport report, Problem.Kind kind) {
        return report.problems().stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + report.problems()));
    }

    /** Every regular file in the store but the temporary folder. */
    private List<Path> objectFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getParent().equals(root.resolve("tmp")))
                    .sorted().toList();
        }
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] generated(int size, long seed) throws IOException {
        try (InputStream in = new GeneratedStream(size, seed)) {
            return in.readAllBytes();
        }
    }

    /** {@code size} pseudo-random bytes from {@code seed} (xorshift), made as they are read. */
    private static class GeneratedStream extends InputStream {
        private long remaining;
        private long state;

        GeneratedStream(long size, long seed) {
            this.remaining = size;
            this.state = seed * 0x9E3779B97F4A7C15L + 1;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            remaining -= n;
            return n;
        }
    }
}
