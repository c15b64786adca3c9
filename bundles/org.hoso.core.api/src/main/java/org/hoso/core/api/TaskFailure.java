package org.hoso.core.api;

import java.util.Objects;

/**
 * A task that failed, and why.
 *
 * @param seq     the task's place in its job
 * @param kind    its kind
 * @param key     what it worked on (e.g. the page's object id)
 * @param message why it failed: the message of the handler's exception (its class name when it had none)
 * @since 0.2.0
 */
public record TaskFailure(int seq, String kind, String key, String message) {

    public TaskFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }
}
