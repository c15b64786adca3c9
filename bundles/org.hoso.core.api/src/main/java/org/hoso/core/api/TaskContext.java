package org.hoso.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link TaskHandler} may ask of the job service while it runs a task.
 *
 * @since 0.2.0
 */
@ProviderType
public interface TaskContext {

    /**
     * True when the handler should stop early: the job was cancelled, or the product is stopping. A handler checks it
     * between long steps and, when true, throws (any exception) to stop. A task stopped because the product is
     * stopping runs again when the job resumes; one stopped because its job was cancelled is marked cancelled.
     * <p>
     * This is the only signal: the job service never interrupts a handler's thread (an interrupt inside the embedded
     * database closes the connection in use, and handlers use the catalogue). When the product stops, handlers that
     * have not returned within a few seconds are abandoned and their tasks run again at the next start.
     */
    boolean cancelled();
}
