package org.hoso.core.api;

import java.util.Objects;

/**
 * One small, idempotent piece of a {@link Job}: what a {@link TaskHandler} is given to do.
 *
 * @param jobId   the job it belongs to
 * @param seq     its place in the job, 1, 2, 3... in the order submitted; tasks start roughly in this order
 * @param kind    the kind of work, naming the {@link TaskHandler} that does it (e.g. {@code ocr.page})
 * @param key     what it works on, unique within the job (e.g. the page's object id)
 * @param input   the submitter's parameters, as text (often JSON); empty when there are none
 * @param attempt 1 on the first run; more when an earlier run was cut off because the process stopped while it ran
 * @since 0.2.0
 */
public record Task(long jobId, int seq, String kind, String key, String input, int attempt) {

    public Task {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(input, "input");
    }
}
