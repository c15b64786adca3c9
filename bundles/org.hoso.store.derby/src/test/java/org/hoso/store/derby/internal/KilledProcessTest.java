package org.hoso.store.derby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobState;
import org.hoso.core.api.NewTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: a job runs in another Java process, which is killed ({@code SIGKILL}, no shutdown hook, no clean
 * stop) in the middle; started again here on the same catalogue, the job finishes with every task done and every
 * file whole.
 */
class KilledProcessTest {

    @TempDir
    Path workspace;

    /** Runs in the child process: submits the job and works on it with two workers until killed. */
    public static void main(String[] args) throws Exception {
        Path catalogue = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        Database database = Database.open(catalogue);
        DerbyJobService jobs = new DerbyJobService(database, 2);
        jobs.addHandler(new FileTask(out, 15, Set.of("p050")), FileTask.properties());
        jobs.activate();
        jobs.submit("Số hóa hộp 12", "lan", DerbyJobServiceTest.pages(200));
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void aJobKilledWithSigkillFinishesWhenStartedAgain() throws Exception {
        Path catalogue = workspace.resolve("catalogue");
        Path out = Files.createDirectories(workspace.resolve("out"));
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledProcessTest.class.getName(), catalogue.toString(),
                out.toString())
                .redirectErrorStream(true).redirectOutput(workspace.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(out) < 40) {
                assertTrue(child.isAlive(), () -> "the child died: " + log());
                assertTrue(System.nanoTime() < deadline, () -> "the child did not get going: " + log());
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
        }
        int filesAtKill = count(out) - temporary(out);
        assertTrue(filesAtKill < 199, "killed midway: " + filesAtKill);

        FileTask files = new FileTask(out, 0, Set.of("p050"));
        try (Database database = Database.open(catalogue)) {
            DerbyJobService jobs = new DerbyJobService(database, 2);
            jobs.addHandler(files, FileTask.properties());
            jobs.activate();
            try {
                assertTrue(jobs.awaitFinished(1, Duration.ofSeconds(60)));
                JobProgress p = jobs.progress(1);
                assertEquals(JobState.DONE_WITH_FAILURES, p.state());
                assertEquals(199, p.done(), p.toString());
                assertEquals(1, p.failed());
            } finally {
                jobs.deactivate();
            }
        }
        List<NewTask> tasks = DerbyJobServiceTest.pages(200);
        for (NewTask t : tasks) {
            Path file = out.resolve(t.key());
            if (t.key().equals("p050")) {
                assertTrue(Files.notExists(file));
            } else {
                assertEquals(t.input(), Files.readString(file, StandardCharsets.UTF_8), t.key());
            }
        }
        assertEquals(199, count(out), "no half-written file is left");
        int rerun = files.runs.size();
        assertTrue(rerun <= 200 - filesAtKill + 2,
                "only what was not done, and at most the one task per worker that was cut off, ran again: " + rerun);
    }

    private static int count(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return (int) s.count();
        }
    }

    private static int temporary(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    private String log() {
        try {
            return Files.readString(workspace.resolve("child.log"));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
