package org.hoso.store.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hoso.core.api.Job;
import org.hoso.core.api.JobState;
import org.hoso.core.api.NewTask;
import org.hoso.core.api.Task;
import org.hoso.core.api.TaskFailure;

/**
 * The SQL of the tables {@code JOB} and {@code TASK} (migration {@code V003__jobs.sql}). Every method works inside
 * the caller's transaction; {@link DerbyJobService} decides which run together and which are serialized.
 * <p>
 * A task's {@code STATE} is one of {@link #PENDING}, {@link #RUNNING}, {@link #DONE}, {@link #FAILED} and
 * {@link #CANCELLED}; every change of it is an {@code UPDATE ... WHERE STATE = <the state it must be in>}, so two
 * workers can never both take a task, and a task that was finished or cancelled is never changed again.
 */
final class JobTables {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    /** Characters of a result or an error message that are kept. */
    static final int TEXT_LIMIT = 4000;

    private static final String ACTIVE_JOB = "J.STATE IN ('QUEUED', 'RUNNING')";
    private static final String JOB_COLUMNS = "ID, TITLE, ACTOR, SUBMITTED_AT, STATE, ENDED_AT";

    private JobTables() {
    }

    /** The task counts of a job by state; pending tasks also by kind. */
    record Counts(int done, int failed, int cancelled, int running, Map<String, Integer> pendingByKind) {

        int pending() {
            return pendingByKind.values().stream().mapToInt(Integer::intValue).sum();
        }

        int total() {
            return done + failed + cancelled + running + pending();
        }
    }

    /** How many tasks of a job finished since a time, and when the earliest of them started. */
    record Recent(int finished, long earliestStart) {
    }

    static long nextJobId(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT MAX(ID) FROM JOB"); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** Inserts a job and its tasks; a job without tasks is done at once. */
    static Job insert(Connection c, long id, String title, String actor, long now, List<NewTask> tasks)
            throws SQLException {
        JobState state = tasks.isEmpty() ? JobState.DONE : JobState.QUEUED;
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO JOB (" + JOB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, id);
            p.setString(2, title);
            p.setString(3, actor);
            p.setLong(4, now);
            p.setString(5, state.name());
            if (state.ended()) {
                p.setLong(6, now);
            } else {
                p.setNull(6, Types.BIGINT);
            }
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO TASK (JOB_ID, SEQ, KIND, TASK_KEY, INPUT_TEXT, "
                + "STATE, ATTEMPT) VALUES (?, ?, ?, ?, ?, '" + PENDING + "', 0)")) {
            int seq = 0;
            for (NewTask t : tasks) {
                p.setLong(1, id);
                p.setInt(2, ++seq);
                p.setString(3, t.kind());
                p.setString(4, t.key());
                p.setString(5, t.input());
                p.addBatch();
                if (seq % 500 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        return new Job(id, title, actor, Instant.ofEpochMilli(now), state,
                state.ended() ? Optional.of(Instant.ofEpochMilli(now)) : Optional.empty());
    }

    static Optional<Job> job(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM JOB WHERE ID = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    /** Every job, newest first. */
    static List<Job> jobs(Connection c) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM JOB ORDER BY ID DESC");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                jobs.add(job(rs));
            }
        }
        return jobs;
    }

    /** The ids of the jobs that have not ended. */
    static List<Long> activeJobs(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT ID FROM JOB J WHERE " + ACTIVE_JOB + " ORDER BY ID");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Job job(ResultSet rs) throws SQLException {
        long ended = rs.getLong(6);
        Optional<Instant> endedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
        return new Job(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                JobState.valueOf(rs.getString(5)), endedAt);
    }

    /**
     * Takes the first pending task, oldest job first, whose kind is one of {@code kinds}: marks it running and counts
     * the attempt, and marks its job running if it was queued.
     *
     * @return the task with the attempt this run is; empty when no task of those kinds is pending
     */
    static Optional<Task> claim(Connection c, Collection<String> kinds, long now) throws SQLException {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        String sql = "SELECT T.JOB_ID, T.SEQ, T.KIND, T.TASK_KEY, T.INPUT_TEXT, T.ATTEMPT FROM TASK T "
                + "JOIN JOB J ON J.ID = T.JOB_ID WHERE T.STATE = '" + PENDING + "' AND " + ACTIVE_JOB
                + " AND T.KIND IN (" + String.join(", ", Collections.nCopies(kinds.size(), "?")) + ") "
                + "ORDER BY T.JOB_ID, T.SEQ FETCH FIRST ROW ONLY";
        while (true) {
            Task task;
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 0;
                for (String kind : kinds) {
                    p.setString(++i, kind);
                }
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    task = new Task(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6) + 1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE TASK SET STATE = '" + RUNNING + "', ATTEMPT = ?, "
                    + "STARTED_AT = ? WHERE JOB_ID = ? AND SEQ = ? AND STATE = '" + PENDING + "'")) {
                p.setInt(1, task.attempt());
                p.setLong(2, now);
                p.setLong(3, task.jobId());
                p.setInt(4, task.seq());
                if (p.executeUpdate() == 0) {
                    continue; // taken or cancelled since it was read: look again
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE JOB SET STATE = 'RUNNING' WHERE ID = ? AND STATE = 'QUEUED'")) {
                p.setLong(1, task.jobId());
                p.executeUpdate();
            }
            return Optional.of(task);
        }
    }

    /**
     * Records how a running task ended: {@link #DONE} with its result, {@link #FAILED} with the error, or
     * {@link #CANCELLED}.
     *
     * @return false when the task was not running (nothing changes)
     */
    static boolean finish(Connection c, Task task, String state, long now, String result, String error)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE TASK SET STATE = ?, FINISHED_AT = ?, RESULT = ?, "
                + "ERROR = ? WHERE JOB_ID = ? AND SEQ = ? AND STATE = '" + RUNNING + "'")) {
            p.setString(1, state);
            p.setLong(2, now);
            p.setString(3, limit(result));
            p.setString(4, limit(error));
            p.setLong(5, task.jobId());
            p.setInt(6, task.seq());
            return p.executeUpdate() == 1;
        }
    }

    /**
     * Puts a running task back to pending without counting the attempt: it was stopped cleanly before it finished
     * (the service is stopping, or its handler went away) and runs again later.
     */
    static void release(Connection c, Task task) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE TASK SET STATE = '" + PENDING + "', ATTEMPT = ATTEMPT "
                + "- 1, STARTED_AT = NULL WHERE JOB_ID = ? AND SEQ = ? AND STATE = '" + RUNNING + "'")) {
            p.setLong(1, task.jobId());
            p.setInt(2, task.seq());
            p.executeUpdate();
        }
    }

    /**
     * Tasks left running by a process that was killed: pending again (their attempt stays counted), or cancelled
     * when their job was cancelled meanwhile.
     *
     * @return how many were put back to pending
     */
    static int resetInterrupted(Connection c, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE TASK SET STATE = '" + CANCELLED + "', FINISHED_AT = ? "
                + "WHERE STATE = '" + RUNNING + "' AND JOB_ID IN (SELECT ID FROM JOB WHERE STATE = 'CANCELLED')")) {
            p.setLong(1, now);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE TASK SET STATE = '" + PENDING + "', STARTED_AT = NULL "
                + "WHERE STATE = '" + RUNNING + "'")) {
            return p.executeUpdate();
        }
    }

    /**
     * Ends an active job whose tasks are all finished: {@link JobState#DONE}, or
     * {@link JobState#DONE_WITH_FAILURES} when one failed.
     *
     * @return the state it ended in; empty when it has pending or running tasks, or had already ended
     */
    static Optional<JobState> endIfFinished(Connection c, long jobId, long now) throws SQLException {
        if (any(c, jobId, "STATE IN ('" + PENDING + "', '" + RUNNING + "')")) {
            return Optional.empty();
        }
        JobState end = any(c, jobId, "STATE = '" + FAILED + "'") ? JobState.DONE_WITH_FAILURES : JobState.DONE;
        try (PreparedStatement p = c.prepareStatement("UPDATE JOB SET STATE = ?, ENDED_AT = ? WHERE ID = ? AND "
                + "STATE IN ('QUEUED', 'RUNNING')")) {
            p.setString(1, end.name());
            p.setLong(2, now);
            p.setLong(3, jobId);
            return p.executeUpdate() == 1 ? Optional.of(end) : Optional.empty();
        }
    }

    /** Whether the job has a task matching {@code condition} (found through the index, without counting). */
    private static boolean any(Connection c, long jobId, String condition) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM TASK WHERE JOB_ID = ? AND " + condition + " FETCH FIRST ROW ONLY")) {
            p.setLong(1, jobId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Cancels an active job and its pending tasks.
     *
     * @return the number of tasks cancelled; empty when the job had already ended
     */
    static Optional<Integer> cancel(Connection c, long jobId, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE JOB SET STATE = 'CANCELLED', ENDED_AT = ? WHERE ID = ? "
                + "AND STATE IN ('QUEUED', 'RUNNING')")) {
            p.setLong(1, now);
            p.setLong(2, jobId);
            if (p.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE TASK SET STATE = '" + CANCELLED + "', FINISHED_AT = ? "
                + "WHERE JOB_ID = ? AND STATE = '" + PENDING + "'")) {
            p.setLong(1, now);
            p.setLong(2, jobId);
            return Optional.of(p.executeUpdate());
        }
    }

    static Counts counts(Connection c, long jobId) throws SQLException {
        int done = 0;
        int failed = 0;
        int cancelled = 0;
        int running = 0;
        Map<String, Integer> pending = new TreeMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT STATE, KIND, COUNT(*) FROM TASK WHERE JOB_ID = ? GROUP BY STATE, KIND")) {
            p.setLong(1, jobId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(3);
                    switch (rs.getString(1)) {
                        case DONE -> done += n;
                        case FAILED -> failed += n;
                        case CANCELLED -> cancelled += n;
                        case RUNNING -> running += n;
                        case PENDING -> pending.merge(rs.getString(2), n, Integer::sum);
                        default -> throw new SQLException("job " + jobId + ": unknown task state " + rs.getString(1));
                    }
                }
            }
        }
        return new Counts(done, failed, cancelled, running, pending);
    }

    /** The tasks of a job that finished (done or failed) at or after {@code since}. */
    static Recent recent(Connection c, long jobId, long since) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*), MIN(STARTED_AT) FROM TASK WHERE JOB_ID = ? "
                + "AND STATE IN ('" + DONE + "', '" + FAILED + "') AND FINISHED_AT >= ?")) {
            p.setLong(1, jobId);
            p.setLong(2, since);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new Recent(rs.getInt(1), rs.getLong(2));
            }
        }
    }

    static List<TaskFailure> failures(Connection c, long jobId) throws SQLException {
        List<TaskFailure> failures = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT SEQ, KIND, TASK_KEY, ERROR FROM TASK WHERE JOB_ID = ? "
                + "AND STATE = '" + FAILED + "' ORDER BY SEQ")) {
            p.setLong(1, jobId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String error = rs.getString(4);
                    failures.add(new TaskFailure(rs.getInt(1), rs.getString(2), rs.getString(3),
                            error == null ? "" : error));
                }
            }
        }
        return failures;
    }

    /** The text, cut to {@link #TEXT_LIMIT} characters with an ellipsis when longer. */
    static String limit(String text) {
        if (text == null || text.length() <= TEXT_LIMIT) {
            return text;
        }
        int end = TEXT_LIMIT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
