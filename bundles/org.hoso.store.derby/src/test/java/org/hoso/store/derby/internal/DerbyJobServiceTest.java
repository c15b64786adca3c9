package org.hoso.store.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobState;
import org.hoso.core.api.NewTask;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.Task;
import org.hoso.core.api.TaskContext;
import org.hoso.core.api.TaskFailure;
import org.hoso.core.api.TaskHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job service on a real Derby database on disk, with real handlers that write files, fail and sleep. */
class DerbyJobServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path workspace;

    private Path out;
    private Database database;
    private DerbyJobService jobs;

    @BeforeEach
    void open() throws Exception {
        out = Files.createDirectories(workspace.resolve("out"));
        database = Database.open(workspace.resolve("catalogue"));
    }

    @AfterEach
    void close() {
        if (jobs != null) {
            jobs.deactivate();
        }
        database.close();
    }

    /** A started service with {@code workers} workers and these handlers (handler, kind, ...). */
    private DerbyJobService start(int workers, Object... handlersAndKinds) throws Exception {
        jobs = new DerbyJobService(database, workers);
        for (int i = 0; i < handlersAndKinds.length; i += 2) {
            jobs.addHandler((TaskHandler) handlersAndKinds[i],
                    Map.of(TaskHandler.KIND_PROPERTY, handlersAndKinds[i + 1]));
        }
        jobs.activate();
        return jobs;
    }

    static List<NewTask> pages(int n) {
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String key = String.format("p%03d", i);
            tasks.add(new NewTask(FileTask.KIND, key, "Trang " + i + " của hồ sơ 12/HS-2025 (phông H49)"));
        }
        return tasks;
    }

    /** Each task's end as stored: key to state, result and error. */
    private Map<String, String> tasks(long jobId) throws Exception {
        return tasks(database, jobId);
    }

    private static Map<String, String> tasks(Database database, long jobId) throws Exception {
        return database.inTransaction(c -> {
            Map<String, String> m = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT TASK_KEY, STATE, RESULT, ERROR FROM TASK WHERE JOB_ID = ? ORDER BY SEQ")) {
                p.setLong(1, jobId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4));
                    }
                }
            }
            return m;
        });
    }

    private static Map<String, String> files(Path folder) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private int sql(String statement) throws Exception {
        return database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }

    private List<AuditEvent> audit() {
        return new DerbyCatalogue(database).events(1, 1000);
    }

    @Test
    void aJobOf200TasksOnFourWorkersRunsEachTaskExactlyOnce() throws Exception {
        FileTask files = new FileTask(out, 5, Set.of());
        start(4, files, FileTask.KIND);
        List<NewTask> tasks = pages(200);

        Job job = jobs.submit("Số hóa hộp 12, phông H49", "lan", tasks);

        assertEquals(JobState.QUEUED, job.state());
        assertTrue(jobs.awaitFinished(job.id(), WAIT));
        assertEquals(JobState.DONE, jobs.job(job.id()).orElseThrow().state());
        for (NewTask t : tasks) {
            assertEquals(1, files.runs(t.key()), t.key() + " ran once");
            assertEquals(t.input(), Files.readString(out.resolve(t.key()), StandardCharsets.UTF_8));
        }
        assertEquals(200, files(out).size());
        assertTrue(files.mostAtOnce.get() >= 2 && files.mostAtOnce.get() <= 4,
                "ran on several workers, never more than four: " + files.mostAtOnce.get());
        JobProgress p = jobs.progress(job.id());
        assertEquals(new JobProgress(job.id(), JobState.DONE, 200, 200, 0, 0, 0, 0, 0, List.of(),
                p.tasksPerMinute(), Optional.empty()), p);
        assertTrue(p.finished());
        assertTrue(p.tasksPerMinute() > 0, p.toString());
        assertEquals("DONE | " + FileTask.resultOf(tasks.get(6).input()) + " | null", tasks(job.id()).get("p007"));
        List<AuditEvent> audit = audit();
        assertEquals(1, audit.size());
        assertEquals("lan", audit.get(0).actor());
        assertEquals("job.submit", audit.get(0).action());
        assertEquals(Long.toString(job.id()), audit.get(0).entityId());
        assertEquals("{\"title\":\"Số hóa hộp 12, phông H49\",\"tasks\":200,\"kinds\":{\"test.file\":200}}",
                audit.get(0).after());
    }

    @Test
    void aFailingTaskRecordsItsReasonAndTheJobGoesOn() throws Exception {
        FileTask files = new FileTask(out, 0, Set.of("p007", "p023"));
        start(4, files, FileTask.KIND);

        Job job = jobs.submit("Nhận dạng chữ hộp 3", "lan", pages(50));

        assertTrue(jobs.awaitFinished(job.id(), WAIT));
        assertEquals(JobState.DONE_WITH_FAILURES, jobs.job(job.id()).orElseThrow().state());
        assertEquals(List.of(
                new TaskFailure(7, FileTask.KIND, "p007", "trang p007 trắng: không có gì để nhận dạng"),
                new TaskFailure(23, FileTask.KIND, "p023", "trang p023 trắng: không có gì để nhận dạng")),
                jobs.failures(job.id()));
        JobProgress p = jobs.progress(job.id());
        assertEquals(48, p.done());
        assertEquals(2, p.failed());
        assertEquals(48, files(out).size());
        assertEquals(1, files.runs("p007"), "a failure is not retried");
        assertTrue(jobs.job(job.id()).orElseThrow().ended().isPresent());
    }

    @Test
    void cancelStartsNoFurtherTaskAndLetsRunningOnesEnd() throws Exception {
        Sleeper sleeper = new Sleeper(50);
        start(2, sleeper, Sleeper.KIND);
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            tasks.add(new NewTask(Sleeper.KIND, "k" + i, ""));
        }
        Job job = jobs.submit("Xuất hồ sơ", "lan", tasks);
        while (jobs.progress(job.id()).done() < 4) {
            Thread.sleep(10);
        }

        assertTrue(jobs.cancel(job.id(), "minh"));

        assertEquals(JobState.CANCELLED, jobs.job(job.id()).orElseThrow().state());
        assertTrue(jobs.awaitFinished(job.id(), WAIT));
        JobProgress p = jobs.progress(job.id());
        assertEquals(0, p.running());
        assertEquals(0, p.pending());
        assertEquals(0, p.failed(), "a handler stopping because of the cancel is not a failure");
        assertTrue(p.cancelled() >= 90, p.toString());
        assertEquals(100, p.done() + p.cancelled());
        long cancelledAt = jobs.job(job.id()).orElseThrow().ended().orElseThrow().toEpochMilli();
        assertEquals(List.of(), keys("SELECT TASK_KEY FROM TASK WHERE STARTED_AT > " + cancelledAt, 100),
                "no task started after the cancel");
        assertFalse(jobs.cancel(job.id(), "minh"), "an ended job cannot be cancelled again");
        AuditEvent last = audit().get(audit().size() - 1);
        assertEquals("minh", last.actor());
        assertEquals("job.cancel", last.action());
        assertTrue(last.before().contains("RUNNING"), last.before());
        assertEquals(2, audit().size(), "submit and one cancel");
    }

    @Test
    void aJobKilledMidwayResumesToTheSameEndResult() throws Exception {
        Set<String> bad = Set.of("p013", "p077");
        List<NewTask> tasks = pages(120);
        // the uninterrupted run, in a workspace of its own
        Path refOut = Files.createDirectories(workspace.resolve("ref-out"));
        Map<String, String> refTasks;
        JobState refState;
        try (Database ref = Database.open(workspace.resolve("ref-catalogue"))) {
            DerbyJobService refJobs = new DerbyJobService(ref, 4);
            refJobs.addHandler(new FileTask(refOut, 0, bad), FileTask.properties());
            refJobs.activate();
            long id = refJobs.submit("Số hóa hộp 12", "lan", tasks).id();
            assertTrue(refJobs.awaitFinished(id, WAIT));
            refState = refJobs.job(id).orElseThrow().state();
            refJobs.deactivate();
            refTasks = tasks(ref, id);
        }

        FileTask first = new FileTask(out, 10, bad);
        start(4, first, FileTask.KIND);
        long id = jobs.submit("Số hóa hộp 12", "lan", tasks).id();
        while (jobs.progress(id).done() < 40) {
            Thread.sleep(5);
        }
        jobs.deactivate();
        jobs = null;
        assertEquals(0, sql("UPDATE TASK SET STATE = 'PENDING' WHERE STATE = 'RUNNING'"),
                "a clean stop leaves no task running");
        // what a kill leaves: tasks whose work was done but not recorded, tasks just taken, a half-written file
        List<String> done = keys("SELECT TASK_KEY FROM TASK WHERE STATE = 'DONE' ORDER BY SEQ", 5);
        List<String> pending = keys("SELECT TASK_KEY FROM TASK WHERE STATE = 'PENDING' ORDER BY SEQ", 5);
        for (String key : done) {
            sql("UPDATE TASK SET STATE = 'RUNNING', RESULT = NULL, FINISHED_AT = NULL WHERE TASK_KEY = '" + key + "'");
        }
        for (String key : pending) {
            sql("UPDATE TASK SET STATE = 'RUNNING', ATTEMPT = 1, STARTED_AT = 0 WHERE TASK_KEY = '" + key + "'");
            Files.writeString(out.resolve(key + ".tmp"), "Trang");
        }
        database.close();
        database = Database.open(workspace.resolve("catalogue"));

        FileTask second = new FileTask(out, 0, bad);
        start(4, second, FileTask.KIND);

        assertTrue(jobs.awaitFinished(id, WAIT));
        assertEquals(refState, jobs.job(id).orElseThrow().state());
        assertEquals(JobState.DONE_WITH_FAILURES, refState);
        assertEquals(refTasks, tasks(id), "every task ended as in the uninterrupted run");
        assertEquals(files(refOut), files(out), "the same files with the same content, nothing half-written");
        for (String key : done) {
            assertEquals(1, second.runs(key), key + ", done before the kill but not recorded, ran again");
        }
        for (NewTask t : tasks) {
            assertTrue(first.runs(t.key()) + second.runs(t.key()) >= 1);
        }
        JobProgress p = jobs.progress(id);
        assertEquals(120, p.total());
        assertEquals(118, p.done());
        assertEquals(2, p.failed());
    }

    private List<String> keys(String query, int limit) throws Exception {
        return database.inTransaction(c -> {
            List<String> keys = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                while (rs.next() && keys.size() < limit) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }

    @Test
    void aTaskCutOffThreeTimesIsFailedInsteadOfRunAgain() throws Exception {
        FileTask files = new FileTask(out, 0, Set.of());
        jobs = new DerbyJobService(database, 1);
        long id = jobs.submit("Số hóa", "lan", pages(3)).id();
        sql("UPDATE TASK SET STATE = 'RUNNING', ATTEMPT = 3 WHERE TASK_KEY = 'p002'");
        sql("UPDATE TASK SET STATE = 'RUNNING', ATTEMPT = 2 WHERE TASK_KEY = 'p003'");
        jobs.addHandler(files, FileTask.properties());
        jobs.activate();

        assertTrue(jobs.awaitFinished(id, WAIT));
        assertEquals(0, files.runs("p002"));
        assertEquals(1, files.runs("p003"), "twice cut off, run a third time");
        List<TaskFailure> failures = jobs.failures(id);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).message().contains("stopped 3 times"), failures.get(0).message());
        assertEquals("DONE | " + FileTask.resultOf(pages(3).get(2).input()) + " | null", tasks(id).get("p003"));
    }

    @Test
    void progressIsPublishedAndAlwaysAddsUp() throws Exception {
        FileTask files = new FileTask(out, 20, Set.of("p010"));
        start(2, files, FileTask.KIND);
        List<JobProgress> seen = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        Job job;
        try (PlatformService.Subscription s = jobs.onProgress(p -> {
            seen.add(p);
            if (p.finished()) {
                finished.countDown();
            }
        })) {
            job = jobs.submit("Số hóa", "lan", pages(60));
            assertTrue(finished.await(60, TimeUnit.SECONDS), "the end is always published");
        }
        assertTrue(seen.size() >= 2 && seen.size() < 60, "throttled, not one event per task: " + seen.size());
        for (JobProgress p : seen) {
            assertEquals(job.id(), p.jobId());
            assertEquals(60, p.done() + p.failed() + p.cancelled() + p.running() + p.pending());
        }
        JobProgress last = seen.get(seen.size() - 1);
        assertEquals(JobState.DONE_WITH_FAILURES, last.state());
        assertEquals(59, last.done());
        assertTrue(seen.stream().anyMatch(p -> p.running() > 0 && p.remaining().isPresent()),
                "an estimate while it runs: " + seen);
        int before = seen.size();
        jobs.submit("Số hóa lần hai", "lan", List.of(new NewTask(FileTask.KIND, "x", "")));
        Thread.sleep(600);
        assertEquals(before, seen.size(), "a closed subscription hears nothing");
    }

    @Test
    void theRateAndTheEstimate() {
        long now = Instant.parse("2026-11-22T03:10:00Z").toEpochMilli();
        Job running = new Job(1, "t", "lan", Instant.ofEpochMilli(now - 600_000), JobState.RUNNING, Optional.empty());
        // 60 tasks finished in the last two minutes (the earliest started two minutes ago); 30 left
        JobProgress p = DerbyJobService.progress(running,
                new JobTables.Counts(100, 0, 0, 2, Map.of(FileTask.KIND, 28)),
                new JobTables.Recent(60, now - 120_000), Set.of(FileTask.KIND), now);
        assertEquals(30.0, p.tasksPerMinute(), 1e-9);
        assertEquals(Optional.of(Duration.ofMinutes(1)), p.remaining());
        // work older than the window does not count
        p = DerbyJobService.progress(running, new JobTables.Counts(100, 0, 0, 2, Map.of(FileTask.KIND, 28)),
                new JobTables.Recent(50, now - 3_600_000), Set.of(FileTask.KIND), now);
        assertEquals(10.0, p.tasksPerMinute(), 1e-9);
        // tasks waiting for a plugin: no estimate
        p = DerbyJobService.progress(running, new JobTables.Counts(100, 0, 0, 0, Map.of("ocr.page", 30)),
                new JobTables.Recent(60, now - 120_000), Set.of(FileTask.KIND), now);
        assertEquals(Optional.empty(), p.remaining());
        assertEquals(30, p.waiting());
        assertEquals(List.of("ocr.page"), p.missingKinds());
    }

    @Test
    void tasksWithoutAHandlerWaitUntilOneAppears() throws Exception {
        start(2);
        Job job = jobs.submit("Nhận dạng chữ", "lan", pages(10));

        assertFalse(jobs.awaitFinished(job.id(), Duration.ofMillis(300)));
        JobProgress p = jobs.progress(job.id());
        assertEquals(JobState.QUEUED, p.state());
        assertEquals(10, p.pending());
        assertEquals(10, p.waiting());
        assertEquals(List.of(FileTask.KIND), p.missingKinds());
        assertEquals(Optional.empty(), p.remaining());

        jobs.addHandler(new FileTask(out, 0, Set.of()), FileTask.properties());

        assertTrue(jobs.awaitFinished(job.id(), WAIT));
        assertEquals(JobState.DONE, jobs.progress(job.id()).state());
    }

    @Test
    void aTaskWhoseHandlerGoesAwayWhileItRunsWaitsForTheNextOne() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskHandler leaving = (task, ctx) -> {
            started.countDown();
            release.await();
            throw new IllegalStateException("bundle stopped");
        };
        start(1, leaving, FileTask.KIND);
        Job job = jobs.submit("Số hóa", "lan", pages(1));
        assertTrue(started.await(10, TimeUnit.SECONDS));

        jobs.removeHandler(leaving, Map.of(TaskHandler.KIND_PROPERTY, FileTask.KIND));
        release.countDown();

        JobProgress p = jobs.progress(job.id());
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); p.running() > 0 && System.nanoTime() < end;) {
            Thread.sleep(10);
            p = jobs.progress(job.id());
        }
        assertEquals(0, p.failed(), p.toString());
        assertEquals(1, p.waiting(), p.toString());
        jobs.addHandler(new FileTask(out, 0, Set.of()), FileTask.properties());
        assertTrue(jobs.awaitFinished(job.id(), WAIT));
        assertEquals("DONE | " + FileTask.resultOf(pages(1).get(0).input()) + " | null", tasks(job.id()).get("p001"));
    }

    @Test
    void submitChecksItsInputAndUnknownJobsAreNamed() throws Exception {
        start(1);
        List<NewTask> twice = List.of(new NewTask("k", "a", ""), new NewTask("k", "a", ""));
        assertThrows(IllegalArgumentException.class, () -> jobs.submit("t", "lan", twice));
        assertThrows(IllegalArgumentException.class, () -> jobs.submit(" ", "lan", List.of()));
        assertThrows(IllegalArgumentException.class, () -> jobs.submit("t", "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new NewTask("", "a", ""));
        assertEquals(List.of(), jobs.jobs(), "nothing stored by a refused submit");

        Job empty = jobs.submit("Không có gì", "lan", List.of());
        assertEquals(JobState.DONE, empty.state());
        assertTrue(jobs.awaitFinished(empty.id(), Duration.ZERO));
        Job second = jobs.submit("Hai", "lan", pages(1));
        assertEquals(empty.id() + 1, second.id());
        assertEquals(List.of(second.id(), empty.id()), jobs.jobs().stream().map(Job::id).toList());

        assertEquals(Optional.empty(), jobs.job(99));
        assertEquals("no job 99", assertThrows(NoSuchElementException.class, () -> jobs.progress(99)).getMessage());
        assertThrows(NoSuchElementException.class, () -> jobs.cancel(99, "lan"));
        assertThrows(NoSuchElementException.class, () -> jobs.failures(99));
        assertThrows(NoSuchElementException.class, () -> jobs.awaitFinished(99, Duration.ZERO));
    }

    @Test
    void theNumberOfWorkersComesFromTheFrameworkProperty() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(processors, DerbyJobService.workers(null));
        assertEquals(3, DerbyJobService.workers(" 3 "));
        assertEquals(processors, DerbyJobService.workers("0"));
        assertEquals(processors, DerbyJobService.workers("many"));
    }

    /** Sleeps in short steps, stopping (by throwing) when told to. */
    static final class Sleeper implements TaskHandler {
        static final String KIND = "test.sleep";
        final long millis;

        Sleeper(long millis) {
            this.millis = millis;
        }

        @Override
        public String run(Task task, TaskContext ctx) throws InterruptedException {
            for (long slept = 0; slept < millis; slept += 5) {
                if (ctx.cancelled()) {
                    throw new InterruptedException("cancelled");
                }
                Thread.sleep(5);
            }
            return "slept";
        }
    }
}
