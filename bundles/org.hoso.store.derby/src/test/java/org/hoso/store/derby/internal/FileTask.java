package org.hoso.store.derby.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.hoso.core.api.Task;
import org.hoso.core.api.TaskContext;
import org.hoso.core.api.TaskHandler;

/**
 * A real, idempotent task handler for the tests: writes a file named after the task's key holding the task's input
 * (to a temporary name, then renamed, so a kill leaves the whole file or none), after a pause; fails on the keys it
 * is told are bad, as a handler fails on bad input. Counts its runs per key and the most runs at once.
 */
final class FileTask implements TaskHandler {

    static final String KIND = "test.file";

    final Path folder;
    final long pauseMillis;
    final Set<String> badKeys;
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    FileTask(Path folder, long pauseMillis, Set<String> badKeys) {
        this.folder = folder;
        this.pauseMillis = pauseMillis;
        this.badKeys = badKeys;
    }

    static Map<String, Object> properties() {
        return Map.of(TaskHandler.KIND_PROPERTY, KIND);
    }

    /** The result the handler returns for a task with this input. */
    static String resultOf(String input) {
        return "bytes=" + input.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String run(Task task, TaskContext ctx) throws IOException, InterruptedException {
        runs.computeIfAbsent(task.key(), k -> new AtomicInteger()).incrementAndGet();
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            if (badKeys.contains(task.key())) {
                throw new IllegalArgumentException("trang " + task.key() + " trắng: không có gì để nhận dạng");
            }
            Path tmp = folder.resolve(task.key() + ".tmp");
            Files.writeString(tmp, task.input(), StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(task.key()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return resultOf(task.input());
        } finally {
            running.decrementAndGet();
        }
    }

    int runs(String key) {
        AtomicInteger n = runs.get(key);
        return n == null ? 0 : n.get();
    }
}
