package org.hoso.core.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of long work (digitising a batch of pages, extracting, exporting) made of many small tasks whose state
 * is kept in the catalogue, so that it survives the product being stopped or killed: see {@link JobService}.
 *
 * @param id        the job's number, 1, 2, 3... in the order submitted
 * @param title     what it does, in the submitter's words (e.g. "Số hóa hộp 12, phông H49")
 * @param actor     who submitted it
 * @param submitted when it was submitted
 * @param state     where it is now
 * @param ended     when it reached its ended state (done, done with failures or cancelled)
 * @since 0.2.0
 */
public record Job(long id, String title, String actor, Instant submitted, JobState state, Optional<Instant> ended) {

    public Job {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ended, "ended");
        if (state.ended() != ended.isPresent()) {
            throw new IllegalArgumentException("a job has an end time exactly when it has ended: job " + id);
        }
    }
}
