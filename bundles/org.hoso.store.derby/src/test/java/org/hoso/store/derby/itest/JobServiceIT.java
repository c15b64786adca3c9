package org.hoso.store.derby.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog;
import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobService;
import org.hoso.core.api.JobState;
import org.hoso.core.api.NewTask;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.TaskFailure;
import org.hoso.core.api.TaskHandler;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The job service as the product runs it: Derby embedded in the store bundle, the audit log and the job service on
 * one database, and task handlers found on the whiteboard, whether components or registered by hand.
 */
class JobServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    JobService jobs;

    @InjectService(timeout = 10_000)
    AuditLog audit;

    @Test
    void aComponentHandlerRunsTheTasksAndTheSubmitIsAudited() throws Exception {
        assertFalse(context.getServiceReferences(TaskHandler.class, "(hoso.task.kind=" + ShoutTask.KIND + ")")
                .isEmpty(), "@TaskHandler.Kind sets the service property");
        long audited = audit.size();
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            tasks.add(new NewTask(ShoutTask.KIND, "it-" + i, i == 17 ? "" : "trang số " + i));
        }
        List<JobProgress> seen = new CopyOnWriteArrayList<>();
        Job job;
        try (PlatformService.Subscription s = jobs.onProgress(seen::add)) {
            job = jobs.submit("Kiểm tra trong nền tảng", "itest", tasks);
            assertTrue(jobs.awaitFinished(job.id(), WAIT));
            for (long end = System.nanoTime() + 5_000_000_000L; !seen.stream().anyMatch(
                    p -> p.jobId() == job.id() && p.finished()) && System.nanoTime() < end;) {
                Thread.sleep(20);
            }
        }

        JobProgress p = jobs.progress(job.id());
        assertEquals(JobState.DONE_WITH_FAILURES, p.state());
        assertEquals(29, p.done());
        assertEquals(List.of(new TaskFailure(17, ShoutTask.KIND, "it-17", "trang it-17 không có chữ")),
                jobs.failures(job.id()));
        assertEquals("TRANG SỐ 3", ShoutTask.RESULTS.get("it-3"));
        assertTrue(seen.stream().anyMatch(e -> e.jobId() == job.id() && e.finished()), "the end was published");

        assertEquals(audited + 1, audit.size(), "the audit log and the jobs share one catalogue");
        AuditEvent last = audit.events(audited + 1, 1).get(0);
        assertEquals("job.submit", last.action());
        assertEquals(Long.toString(job.id()), last.entityId());
        assertEquals("itest", last.actor());
        assertTrue(audit.verify().intact());
    }

    @Test
    void tasksWaitForAPluginThatComesLater() throws Exception {
        String kind = "itest.later";
        Job job = jobs.submit("Chờ plugin", "itest", List.of(new NewTask(kind, "a", "1"), new NewTask(kind, "b", "2")));
        assertFalse(jobs.awaitFinished(job.id(), Duration.ofMillis(500)));
        assertEquals(List.of(kind), jobs.progress(job.id()).missingKinds());

        Dictionary<String, Object> props = new Hashtable<>();
        props.put(TaskHandler.KIND_PROPERTY, kind);
        ServiceRegistration<TaskHandler> registration = context.registerService(TaskHandler.class,
                (task, ctx) -> "ok " + task.input(), props);
        try {
            assertTrue(jobs.awaitFinished(job.id(), WAIT));
            assertEquals(JobState.DONE, jobs.job(job.id()).orElseThrow().state());
        } finally {
            registration.unregister();
        }
    }
}
