package org.hoso.core.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a {@link Job} is. Every task is counted in exactly one of {@code done}, {@code failed}, {@code cancelled},
 * {@code running} and {@code pending}, which add up to {@code total}.
 *
 * @param jobId          the job
 * @param state          the job's state
 * @param total          its tasks
 * @param done           tasks finished with a result
 * @param failed         tasks whose handler threw: {@link JobService#failures(long)} says why
 * @param cancelled      tasks not started (or stopped) because the job was cancelled
 * @param running        tasks a worker is running now
 * @param pending        tasks waiting for a worker, including those {@code waiting} for a handler
 * @param waiting        pending tasks that no installed plugin can run (no {@link TaskHandler} of their kind)
 * @param missingKinds   the kinds of those tasks, sorted: the plugins the job waits for
 * @param tasksPerMinute tasks finished per minute over the last few minutes of work; 0 when none finished lately
 * @param remaining      the estimated time until every task is finished, at that rate; empty when it cannot be
 *                       estimated (nothing finished lately, tasks waiting for a handler) or the job has ended
 * @since 0.2.0
 */
public record JobProgress(long jobId, JobState state, int total, int done, int failed, int cancelled, int running,
        int pending, int waiting, List<String> missingKinds, double tasksPerMinute, Optional<Duration> remaining) {

    public JobProgress {
        Objects.requireNonNull(state, "state");
        missingKinds = List.copyOf(missingKinds);
        Objects.requireNonNull(remaining, "remaining");
        if (done < 0 || failed < 0 || cancelled < 0 || running < 0 || pending < 0 || waiting < 0
                || done + failed + cancelled + running + pending != total || waiting > pending) {
            throw new IllegalArgumentException("job " + jobId + ": task counts do not add up: total " + total
                    + ", done " + done + ", failed " + failed + ", cancelled " + cancelled + ", running " + running
                    + ", pending " + pending + ", waiting " + waiting);
        }
    }

    /** True when the job has ended and none of its tasks is still running: nothing about it will change again. */
    public boolean finished() {
        return state.ended() && running == 0;
    }
}
