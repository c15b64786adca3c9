package org.hoso.core.internal;

import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hoso.core.api.FixityReport;
import org.hoso.core.api.FixityReport.Problem;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.StoredObject;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The object store in {@code <workspace>/objects}: one read-only file per object at {@code ab/cd/abcd...}, named by
 * the SHA-256 of its bytes. A put streams the bytes once, hashing them on the way, into {@code tmp/<random>.part},
 * flushes the file to disk, renames it into place atomically and flushes the folder, so a crash leaves either the
 * whole object or a {@code .part} file that the next start removes.
 */
@Component(service = ObjectStore.class)
public final class FileObjectStore implements ObjectStore {

    /** The store's folder inside the workspace. */
    static final String OBJECTS = "objects";
    /** The folder, inside the store, of writes in progress. Not hex, so it cannot clash with an object folder. */
    static final String TMP = "tmp";
    static final String PART_SUFFIX = ".part";
    /** Bytes read and written at a time: the only memory a put or a check uses, whatever the object's size. */
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final Pattern HEX_PAIR = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<PosixFilePermission> WRITE = Set.of(OWNER_WRITE, GROUP_WRITE, OTHERS_WRITE);

    private final Path root;
    private final Path tmp;

    @Activate
    public FileObjectStore(BundleContext context) throws IOException {
        this(workspace(context).resolve(OBJECTS));
    }

    /** A store in {@code root}, created if missing; {@code .part} files left by a crash are removed. */
    FileObjectStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve(TMP);
        createDirectories(tmp);
        removeStaleParts();
    }

    private static Path workspace(BundleContext context) {
        String workspace = context.getProperty(PlatformServiceImpl.WORKSPACE_PROPERTY);
        if (workspace == null || workspace.isBlank()) {
            throw new IllegalStateException("the object store needs the workspace folder: the framework property "
                    + PlatformServiceImpl.WORKSPACE_PROPERTY + " is not set");
        }
        return Paths.get(workspace);
    }

    @Override
    public StoredObject put(InputStream content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path part = tmp.resolve(UUID.randomUUID() + PART_SUFFIX);
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                // out is not closed: that would close the channel before the force below
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256);
                byte[] buffer = new byte[BUFFER_SIZE];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    size += n;
                }
                // read-only before the flush, so that the permissions are on disk with the bytes
                makeReadOnly(part);
                channel.force(true);
            }
            ObjectId id = ObjectId.of(HexFormat.of().formatHex(sha256.digest()));
            Path target = file(id);
            createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(part);
            } else {
                // a concurrent put of the same bytes may rename first: the rename then replaces equal bytes
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
            // also after a dedup: the other put's rename may not be flushed yet, and ours promises a stored object
            syncDirectory(target.getParent());
            return new StoredObject(id, size);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public StoredObject put(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        }
    }

    @Override
    public Optional<StoredObject> find(ObjectId id) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file(id), BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(new StoredObject(id, attributes.size())) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(ObjectId id) throws IOException {
        try {
            return Files.newInputStream(file(id));
        } catch (NoSuchFileException e) {
            throw missing(id);
        }
    }

    @Override
    public Path path(ObjectId id) throws IOException {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            throw missing(id);
        }
        return file;
    }

    @Override
    public boolean verify(ObjectId id) throws IOException {
        try (InputStream in = open(id)) {
            return id.hex().equals(sha256(in).hex());
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public FixityReport verify() throws IOException {
        Check check = new Check();
        Files.walkFileTree(root, check);
        check.problems.sort(Comparator.comparing(Problem::file));
        return new FixityReport(check.objects, check.bytes, check.problems);
    }

    /** Walks the store: hashes every object, reports every other file. */
    private final class Check extends SimpleFileVisitor<Path> {
        long objects;
        long bytes;
        final List<Problem> problems = new ArrayList<>();

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String name = relative(file);
            if (file.getParent().equals(tmp) && name.endsWith(PART_SUFFIX)) {
                return FileVisitResult.CONTINUE; // a put in progress
            }
            Optional<ObjectId> id = objectAt(file);
            if (id.isEmpty() || !attributes.isRegularFile()) {
                String what = attributes.isSymbolicLink() ? "a symbolic link" : attributes.isRegularFile() ? "a file"
                        : "a special file";
                problems.add(new Problem(name, Optional.empty(), Problem.Kind.UNEXPECTED_FILE,
                        what + " that is not an object: objects are named by their SHA-256 at ab/cd/abcd..."));
                return FileVisitResult.CONTINUE;
            }
            objects++;
            try (InputStream in = Files.newInputStream(file)) {
                Hash actual = sha256(in);
                bytes += actual.size();
                if (!actual.hex().equals(id.get().hex())) {
                    problems.add(new Problem(name, id, Problem.Kind.HASH_MISMATCH,
                            "expected SHA-256 " + id.get() + ", actual " + actual.hex()));
                }
            } catch (IOException e) {
                problems.add(new Problem(name, id, Problem.Kind.UNREADABLE, describe(e)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(root)) {
                throw e;
            }
            problems.add(new Problem(relative(file), objectAt(file), Problem.Kind.UNREADABLE, describe(e)));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
                if (dir.equals(root)) {
                    throw e;
                }
                problems.add(new Problem(relative(dir), Optional.empty(), Problem.Kind.UNREADABLE,
                        "cannot list the folder: " + describe(e)));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    /** Where the object {@code id} lives: {@code ab/cd/abcd...}. */
    private Path file(ObjectId id) {
        String hex = id.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    /** The object a file holds by its place in the store, if the place is an object's. */
    private Optional<ObjectId> objectAt(Path file) {
        Path rel = root.relativize(file);
        if (rel.getNameCount() != 3) {
            return Optional.empty();
        }
        String a = rel.getName(0).toString();
        String b = rel.getName(1).toString();
        String hex = rel.getName(2).toString();
        if (!HEX_PAIR.matcher(a).matches() || !HEX_PAIR.matcher(b).matches() || !SHA_256_HEX.matcher(hex).matches()
                || !hex.startsWith(a + b)) {
            return Optional.empty();
        }
        return Optional.of(ObjectId.of(hex));
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private NoSuchFileException missing(ObjectId id) {
        return new NoSuchFileException(file(id).toString(), null, "the object store has no object " + id);
    }

    private void removeStaleParts() throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*" + PART_SUFFIX)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** A SHA-256 in hex and the number of bytes hashed. */
    record Hash(String hex, long size) {
    }

    /** Hashes {@code in} to its end with a fixed buffer. */
    static Hash sha256(InputStream in) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream digesting = new DigestInputStream(in, sha256)) {
            for (int n; (n = digesting.read(buffer)) >= 0; ) {
                size += n;
            }
        }
        return new Hash(HexFormat.of().formatHex(sha256.digest()), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Creates {@code dir} and its missing parents, flushing each new folder's entry to disk. */
    private static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            // made by a concurrent put, which may not have flushed it yet: flush it here too
        }
        syncDirectory(dir.getParent());
    }

    /** Flushes a folder's entries (a rename, a new file or folder in it) to disk: Linux lets a folder be opened so. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Takes away every write permission, keeping the read permissions. */
    private static void makeReadOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            throw new IOException("cannot make " + file + " read-only: the store needs POSIX file permissions");
        }
        Set<PosixFilePermission> permissions = new HashSet<>(posix.readAttributes().permissions());
        permissions.removeAll(WRITE);
        posix.setPermissions(permissions);
    }

    /** An I/O error as a user can read it: for file errors, the kind of error and the file. */
    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + PluginFiles.message(e);
    }
}
