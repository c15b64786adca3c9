package org.hoso.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The work of one kind of {@link Task}, contributed by a plugin: store one page, OCR one page, export one file
 * unit... The {@link JobService} runs the tasks of its jobs on its workers and calls the handler registered for each
 * task's kind.
 * <p>
 * Register an implementation as an OSGi service with the kind as a service property; {@link Kind} sets it:
 *
 * <pre>
 * &#64;Component
 * &#64;TaskHandler.Kind(kind = "ocr.page")
 * public final class OcrPage implements TaskHandler { ... }
 * </pre>
 *
 * <b>A handler must be idempotent.</b> The same task may run more than once: when the process is killed (or the
 * product stopped) while it runs, it runs again, from the start, when the job resumes; the first run may have done
 * any part of its work, all of it included, without its result being recorded. Write outputs so that a second run
 * leaves the same end state as one run: put objects into the {@link ObjectStore} (the same bytes are one object),
 * write files to a temporary name and rename them, and make catalogue changes that set a value rather than add to it.
 * <p>
 * A handler is called on a worker thread, for many tasks at once on different workers, so it must be thread-safe.
 * It should check {@link TaskContext#cancelled()} between long steps and stop (by throwing) when it is true.
 * Tasks whose kind has no handler wait, listed in {@link JobProgress#missingKinds()}, until one is registered.
 *
 * @since 0.2.0
 */
@ConsumerType
public interface TaskHandler {

    /** Service property holding the kind of task the handler runs, e.g. {@code ocr.page}. */
    String KIND_PROPERTY = "hoso.task.kind";

    /**
     * Does the work of one task.
     *
     * @param task the task, with its input as the submitter stored it and the number of this attempt
     * @param ctx  what the handler may ask of the job while it works
     * @return a short text the job keeps as the task's result (an object id, a count...; at most 4000 characters
     *         are kept), or an empty string
     * @throws Exception when the task cannot be done, e.g. on bad input: the task is marked failed with the
     *                   exception's message, which the clerk reads in the job's failures, so make it say what is wrong
     *                   with which input; the other tasks go on. It is not retried.
     */
    String run(Task task, TaskContext ctx) throws Exception;

    /** Makes a component a task handler: sets {@value #KIND_PROPERTY}. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Kind {
        String PREFIX_ = "hoso.task.";

        /** The kind of task, lower case with dots, e.g. {@code ocr.page}. */
        String kind();
    }
}
