package org.hoso.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JobValuesTest {

    @Test
    void taskCountsMustAddUp() {
        JobProgress p = new JobProgress(1, JobState.RUNNING, 10, 4, 1, 0, 2, 3, 3, List.of("ocr.page"), 12.5,
                Optional.empty());
        assertFalse(p.finished());
        assertThrows(IllegalArgumentException.class, () -> new JobProgress(1, JobState.RUNNING, 10, 4, 1, 0, 2, 2, 0,
                List.of(), 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new JobProgress(1, JobState.RUNNING, 10, 4, 1, 0, 2, 3, 4,
                List.of(), 0, Optional.empty()), "more waiting than pending");
        List<String> kinds = new ArrayList<>(List.of("a"));
        JobProgress copy = new JobProgress(1, JobState.QUEUED, 1, 0, 0, 0, 0, 1, 1, kinds, 0, Optional.empty());
        kinds.add("b");
        assertEquals(List.of("a"), copy.missingKinds());
    }

    @Test
    void aJobIsFinishedWhenItHasEndedAndNothingRuns() {
        assertTrue(new JobProgress(1, JobState.CANCELLED, 3, 1, 0, 2, 0, 0, 0, List.of(), 0, Optional.empty())
                .finished());
        assertFalse(new JobProgress(1, JobState.CANCELLED, 3, 1, 0, 1, 1, 0, 0, List.of(), 0, Optional.empty())
                .finished(), "a task still finishing after the cancel");
        assertEquals(List.of(JobState.CANCELLED, JobState.DONE, JobState.DONE_WITH_FAILURES),
                List.of(JobState.values()).stream().filter(JobState::ended).toList());
    }

    @Test
    void aJobHasAnEndTimeExactlyWhenItHasEnded() {
        Instant t = Instant.parse("2026-11-22T03:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new Job(1, "Số hóa", "lan", t, JobState.DONE, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new Job(1, "Số hóa", "lan", t, JobState.RUNNING, Optional.of(t)));
    }

    @Test
    void aNewTaskNeedsAKindAndAKey() {
        assertThrows(IllegalArgumentException.class, () -> new NewTask(" ", "p1", ""));
        assertThrows(IllegalArgumentException.class, () -> new NewTask("ocr.page", "", ""));
        assertThrows(IllegalArgumentException.class, () -> new NewTask("ocr.page", "k".repeat(401), ""));
        assertEquals("", new NewTask("ocr.page", "p1", "").input());
    }
}
