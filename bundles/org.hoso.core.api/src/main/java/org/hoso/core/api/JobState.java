package org.hoso.core.api;

/**
 * Where a {@link Job} is in its life. A job moves from {@link #QUEUED} to {@link #RUNNING} to one of the three ended
 * states, or from either active state to {@link #CANCELLED}; an ended job never changes again.
 *
 * @since 0.2.0
 */
public enum JobState {
    /** Submitted; none of its tasks has started yet (another job may be using the workers). */
    QUEUED,
    /** At least one task has started and some are not finished. */
    RUNNING,
    /**
     * Cancelled by a person: no further task starts; tasks that were running when it was cancelled finish
     * ({@link JobProgress#running()} says how many still are).
     */
    CANCELLED,
    /** Every task done. */
    DONE,
    /** Every task finished, and at least one failed: {@link JobService#failures(long)} lists them with reasons. */
    DONE_WITH_FAILURES;

    /** True for the states a job never leaves: {@link #CANCELLED}, {@link #DONE}, {@link #DONE_WITH_FAILURES}. */
    public boolean ended() {
        return this == CANCELLED || this == DONE || this == DONE_WITH_FAILURES;
    }
}
