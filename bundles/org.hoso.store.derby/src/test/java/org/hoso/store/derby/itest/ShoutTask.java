package org.hoso.store.derby.itest;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hoso.core.api.Task;
import org.hoso.core.api.TaskContext;
import org.hoso.core.api.TaskHandler;
import org.osgi.service.component.annotations.Component;

/** A task handler as a plugin writes one: a component with {@code @TaskHandler.Kind}. Fails on an empty input. */
@Component
@TaskHandler.Kind(kind = ShoutTask.KIND)
public final class ShoutTask implements TaskHandler {

    static final String KIND = "itest.shout";

    /** Key to result, of every task run, for the test to read. */
    static final Map<String, String> RESULTS = new ConcurrentHashMap<>();

    @Override
    public String run(Task task, TaskContext ctx) {
        if (task.input().isEmpty()) {
            throw new IllegalArgumentException("trang " + task.key() + " không có chữ");
        }
        String result = task.input().toUpperCase(Locale.ROOT);
        RESULTS.put(task.key(), result);
        return result;
    }
}
