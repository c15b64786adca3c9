package org.hoso.core.api;

import java.util.Objects;

/**
 * A task to submit as part of a job: see {@link JobService#submit}.
 *
 * @param kind  the kind of work, naming the {@link TaskHandler} that does it (e.g. {@code ocr.page}); not blank,
 *              at most 100 characters
 * @param key   what it works on, unique within the job (e.g. the page's object id); not blank, at most 400
 *              characters
 * @param input the parameters the handler needs, as text (often JSON); may be empty
 * @since 0.2.0
 */
public record NewTask(String kind, String key, String input) {

    public NewTask {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(input, "input");
        if (kind.isBlank() || kind.length() > 100) {
            throw new IllegalArgumentException("a task kind must have 1 to 100 characters: '" + kind + "'");
        }
        if (key.isBlank() || key.length() > 400) {
            throw new IllegalArgumentException("a task key must have 1 to 400 characters: '" + key + "'");
        }
    }
}
