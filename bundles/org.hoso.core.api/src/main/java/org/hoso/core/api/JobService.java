package org.hoso.core.api;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Long work as jobs of small idempotent tasks whose state is kept in the catalogue.
 * <p>
 * A front end or a facade submits a job with all its tasks at once; workers (one per processor by default) take
 * pending tasks, oldest job first, and run each with the {@link TaskHandler} of its kind. A task whose handler throws
 * is marked failed with the reason and the job goes on. When the product is stopped or killed, the tasks that were
 * running are run again when the job service next starts, and the job finishes with the same end result as an
 * uninterrupted run: that is why handlers must be idempotent. A task cut off three times that way (a page that
 * crashes the process, say) is marked failed rather than tried forever.
 * <p>
 * Every method may be called from any thread. Methods taking a job id throw {@link NoSuchElementException} when
 * there is no such job.
 *
 * @since 0.2.0
 */
@ProviderType
public interface JobService {

    /**
     * Stores a job and all its tasks in one transaction, audited as {@code job.submit}, and lets the workers start
     * it. A job without tasks is done at once.
     *
     * @param title what the job does, shown to people (1 to 400 characters)
     * @param actor who submits it, for the audit log
     * @param tasks the tasks, in the order they should roughly run; keys unique within the job
     * @return the job as stored, {@link JobState#QUEUED} (or {@link JobState#DONE} when {@code tasks} is empty)
     * @throws IllegalArgumentException when the title is blank or too long, or two tasks have the same key
     */
    Job submit(String title, String actor, List<NewTask> tasks);

    /** The job with this id, if there is one. */
    Optional<Job> job(long id);

    /** Every job, newest first. */
    List<Job> jobs();

    /** How far the job is now. */
    JobProgress progress(long id);

    /**
     * Cancels a job that has not ended: its pending tasks are marked cancelled and never start; running tasks finish
     * (their handlers see {@link TaskContext#cancelled()}). Audited as {@code job.cancel}.
     *
     * @param actor who cancels it, for the audit log
     * @return true when the job was cancelled now; false when it had already ended (nothing changes)
     */
    boolean cancel(long id, String actor);

    /** The job's failed tasks with the reasons, in task order. */
    List<TaskFailure> failures(long id);

    /**
     * Calls {@code listener} with a job's progress whenever it changes: at most about four times a second per job,
     * and always once when a job is {@link JobProgress#finished() finished}. Called on one thread of the job
     * service, one call at a time; a listener must return quickly (a window hands the update to its UI thread).
     *
     * @return closing it removes the listener
     */
    PlatformService.Subscription onProgress(Consumer<JobProgress> listener);

    /**
     * Waits until the job is {@link JobProgress#finished() finished}, at most {@code timeout}.
     *
     * @return true when it is finished, false when the timeout passed first
     */
    boolean awaitFinished(long id, Duration timeout) throws InterruptedException;
}
