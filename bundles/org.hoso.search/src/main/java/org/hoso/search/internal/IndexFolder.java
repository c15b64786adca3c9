package org.hoso.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The workspace's {@code index/} folder: one or more generations ({@code gen-N}, each a Lucene index) and the file
 * {@code CURRENT} naming the one in use. A rebuild writes the next generation beside the current one and then
 * replaces {@code CURRENT} in one atomic rename, so a rebuild cut off at any moment leaves the previous generation in
 * use; what it had written is removed at the next start.
 */
final class IndexFolder {

    static final String CURRENT = "CURRENT";
    private static final String PREFIX = "gen-";

    private final Path root;

    IndexFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The generation in use, when {@code CURRENT} names one that exists. */
    Optional<Path> current() {
        Path file = root.resolve(CURRENT);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!name.matches(PREFIX + "\\d+")) {
                return Optional.empty();
            }
            Path dir = root.resolve(name);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty generation folder, numbered after every existing one. */
    Path next() throws IOException {
        Files.createDirectories(root);
        long max = 0;
        for (Path p : generations()) {
            max = Math.max(max, number(p));
        }
        Path dir = root.resolve(PREFIX + (max + 1));
        Files.createDirectories(dir);
        return dir;
    }

    /** Makes {@code generation} the one in use: written to a temporary file, flushed, renamed over CURRENT. */
    void use(Path generation) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the rename is still atomic
        }
    }

    /** Removes every generation but {@code keep}: what an interrupted rebuild or a replaced index left. */
    void removeAllBut(Path keep) throws IOException {
        for (Path p : generations()) {
            if (!p.equals(keep)) {
                delete(p);
            }
        }
        Files.deleteIfExists(root.resolve(CURRENT + ".tmp"));
    }

    List<Path> generations() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches(PREFIX + "\\d+"))
                    .sorted(Comparator.comparingLong(IndexFolder::number)).toList();
        }
    }

    static long size(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // merged away meanwhile
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long number(Path p) {
        return Long.parseLong(p.getFileName().toString().substring(PREFIX.length()));
    }
}
