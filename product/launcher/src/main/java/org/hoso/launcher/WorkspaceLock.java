package org.hoso.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * One Hoso process at a time per workspace. The catalogue (embedded Derby) and the search index (Lucene) can each be
 * open in one process only; without this lock a command run while the window is open failed deep inside with "cannot
 * open the store" and no word of why. The lock is an OS file lock on {@value #FILE} in the workspace, held for the
 * life of the process (the OS lets go of it when the process ends, however it ends); the file says who holds it.
 */
final class WorkspaceLock implements AutoCloseable {

    static final String FILE = ".hoso.lock";
    /**
     * Commands that never open the workspace (nor does no command: the help). {@code ocr}, {@code qc} and
     * {@code extract} work on the files they are given, so a clerk can run them while the window is open.
     */
    static final Set<String> FREE = Set.of("version", "plugins", "help", "ocr", "qc", "extract");

    /** Another process holds the workspace; {@code holder} says which (pid, command, since when). */
    static final class InUse extends Exception {
        private static final long serialVersionUID = 1L;
        final String holder;

        InUse(String holder) {
            super("workspace in use by " + holder);
            this.holder = holder;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Whether the command opens the workspace, and so needs it to itself. */
    static boolean needed(Optional<String> command) {
        return command.isPresent() && !FREE.contains(command.get());
    }

    /**
     * Takes the workspace for this process, writing who holds it into the lock file.
     *
     * @throws InUse if another process (or this one, already) holds it
     */
    static WorkspaceLock take(Path workspace, String command) throws IOException, InUse {
        Files.createDirectories(workspace);
        FileChannel channel = FileChannel.open(workspace.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new InUse(holder);
        }
        channel.truncate(0);
        String who = "pid " + ProcessHandle.current().pid() + ", `hoso " + command + "`, "
                + LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replace('T', ' ');
        channel.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new WorkspaceLock(channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "?" : text;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
