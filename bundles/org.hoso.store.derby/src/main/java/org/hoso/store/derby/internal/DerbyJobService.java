package org.hoso.store.derby.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobService;
import org.hoso.core.api.JobState;
import org.hoso.core.api.NewTask;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.Task;
import org.hoso.core.api.TaskContext;
import org.hoso.core.api.TaskFailure;
import org.hoso.core.api.TaskHandler;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The job service over the workspace's catalogue database, with a fixed pool of workers that run the tasks with the
 * {@link TaskHandler} services of their kinds.
 * <p>
 * <b>Workers.</b> {@value #WORKERS_PROPERTY} threads (default: one per available processor) each loop: take the
 * first pending task, oldest job first, of a kind that has a handler (an {@code UPDATE ... WHERE STATE = 'PENDING'}
 * in its own transaction, see {@link JobTables#claim}), run it, record its end in one transaction that also ends the
 * job when it was the last task, and take the next. Idle workers wait until a job is submitted or a handler appears.
 * <p>
 * <b>Transactions.</b> Every write to {@code JOB} and {@code TASK} is made under one lock of this service: they are
 * a few milliseconds each (the work of a task happens outside any transaction) and, serialized, they cannot
 * deadlock on Derby's row and index locks. Reads (progress, lists) run at READ COMMITTED and take no lock. The two
 * audited writes ({@code job.submit}, {@code job.cancel}) are serializable, as {@link AuditChain#append} needs.
 * <p>
 * <b>Stopping and resuming.</b> On deactivation workers stop taking tasks, handlers see
 * {@link TaskContext#cancelled()} (their threads are not interrupted), and tasks they give up on go back to pending,
 * their attempt not counted. A killed process cannot do that: on activation, tasks left running go back to pending
 * with their attempt counted, and a task taken again after {@value #MAX_ATTEMPTS} runs cut off that way is failed
 * instead of run.
 * <p>
 * <b>Failures.</b> A handler that throws fails its task with the exception's message; it is not retried (bad input
 * stays bad; a clerk fixes it and submits a new job). It is not a failure when the service is stopping (the task
 * runs again later), when its job was cancelled (the task is cancelled) or when its handler was unregistered while it
 * ran (the task waits for the plugin).
 */
@Component(service = JobService.class)
public final class DerbyJobService implements JobService {

    /** Framework property: the number of workers; default the number of available processors. */
    static final String WORKERS_PROPERTY = "hoso.jobs.workers";
    /** Runs of one task that may be cut off by the process stopping before it is failed instead of run again. */
    static final int MAX_ATTEMPTS = 3;
    /** The span over which {@link JobProgress#tasksPerMinute()} is measured. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(5);

    private static final long PUBLISH_INTERVAL_MILLIS = 250;
    private static final long IDLE_WAIT_MILLIS = 5_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(DerbyJobService.class.getName());

    private final Database database;
    private final int workers;

    /** Held by every transaction that writes {@code JOB} or {@code TASK}. */
    private final Object writeLock = new Object();
    /** Kind to the handlers registered for it, best first (highest ranking, then lowest service id). */
    private final Map<String, List<Registration>> handlers = new HashMap<>();
    /** Guards {@link #generation}; idle workers wait on it. */
    private final Object workSignal = new Object();
    /** Bumped whenever there may be new work for an idle worker. */
    private long generation;
    /** Notified whenever a job's progress changes. */
    private final Object progressSignal = new Object();
    private final Set<Long> cancelledJobs = ConcurrentHashMap.newKeySet();
    private final Set<Long> changedJobs = ConcurrentHashMap.newKeySet();
    private final List<Consumer<JobProgress>> listeners = new CopyOnWriteArrayList<>();

    private volatile boolean stopping;
    private ExecutorService pool;
    private ScheduledExecutorService publisher;

    private record Registration(TaskHandler handler, int ranking, long serviceId) {
    }

    @Activate
    public DerbyJobService(BundleContext context, @Reference(name = "database") CatalogueDatabase catalogue) {
        this(catalogue.database(), workers(context.getProperty(WORKERS_PROPERTY)));
    }

    DerbyJobService(Database database, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.database = database;
        this.workers = workers;
    }

    static int workers(String property) {
        int processors = Runtime.getRuntime().availableProcessors();
        if (property == null || property.isBlank()) {
            return processors;
        }
        try {
            int n = Integer.parseInt(property.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.log(Level.WARNING, WORKERS_PROPERTY + "=" + property + " is not a positive number: using " + processors
                + " workers, one per processor");
        return processors;
    }

    /** Puts back what a killed process left running, ends jobs it left unended, and starts the workers. */
    @Activate
    void activate() throws SQLException {
        int reset = write(Connection.TRANSACTION_READ_COMMITTED, JobTables::resetInterrupted);
        List<Long> active = read(JobTables::activeJobs);
        for (long id : active) {
            // a process killed between a task's end and its job's end leaves a job with nothing left to do
            write(Connection.TRANSACTION_READ_COMMITTED, (c, now) -> JobTables.endIfFinished(c, id, now));
        }
        if (reset > 0) {
            LOG.log(Level.DEBUG, "catalogue " + database.directory() + ": " + reset + " task(s) interrupted when the "
                    + "program last stopped will run again");
        }
        pool = Executors.newFixedThreadPool(workers, threads("hoso-job-worker-"));
        for (int i = 0; i < workers; i++) {
            pool.execute(this::work);
        }
        publisher = Executors.newSingleThreadScheduledExecutor(threads("hoso-job-progress-"));
        publisher.scheduleWithFixedDelay(this::publish, PUBLISH_INTERVAL_MILLIS, PUBLISH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the workers: no task is started any more; running handlers see {@link TaskContext#cancelled()} and are
     * waited for up to ten seconds. A task still running then stays marked running in the database and runs again at
     * the next start, as after a kill. Worker threads are not interrupted: Derby closes the connection of a thread
     * interrupted inside it, and handlers use the catalogue too.
     */
    @Deactivate
    void deactivate() {
        stopping = true;
        wake();
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.log(Level.WARNING, "tasks still running after " + STOP_WAIT.toSeconds()
                            + " s are left to run again at the next start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.shutdownNow();
        }
    }

    @Reference(service = TaskHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeHandler")
    void addHandler(TaskHandler handler, Map<String, Object> properties) {
        Object kind = properties.get(TaskHandler.KIND_PROPERTY);
        if (!(kind instanceof String k) || k.isBlank()) {
            LOG.log(Level.WARNING, "a TaskHandler (" + handler.getClass().getName() + ") without the service property "
                    + TaskHandler.KIND_PROPERTY + " is ignored: annotate it @TaskHandler.Kind(kind = \"...\")");
            return;
        }
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
        long serviceId = properties.get(Constants.SERVICE_ID) instanceof Long l ? l : Long.MAX_VALUE;
        Registration r = new Registration(handler, ranking, serviceId);
        synchronized (handlers) {
            List<Registration> list = handlers.computeIfAbsent(k, x -> new ArrayList<>());
            list.add(r);
            list.sort((a, b) -> a.ranking() != b.ranking() ? Integer.compare(b.ranking(), a.ranking())
                    : Long.compare(a.serviceId(), b.serviceId()));
        }
        wake();
    }

    void removeHandler(TaskHandler handler, Map<String, Object> properties) {
        synchronized (handlers) {
            handlers.values().forEach(list -> list.removeIf(r -> r.handler() == handler));
            handlers.values().removeIf(List::isEmpty);
        }
    }

    private Optional<TaskHandler> handler(String kind) {
        synchronized (handlers) {
            List<Registration> list = handlers.get(kind);
            return list == null ? Optional.empty() : Optional.of(list.get(0).handler());
        }
    }

    private Set<String> kinds() {
        synchronized (handlers) {
            return new HashSet<>(handlers.keySet());
        }
    }

    // ---- the facade

    @Override
    public Job submit(String title, String actor, List<NewTask> tasks) {
        if (title == null || title.isBlank() || title.length() > 400) {
            throw new IllegalArgumentException("a job title must have 1 to 400 characters: '" + title + "'");
        }
        if (actor == null || actor.isBlank() || actor.length() > 200) {
            throw new IllegalArgumentException("an actor must have 1 to 200 characters: '" + actor + "'");
        }
        List<NewTask> list = List.copyOf(tasks);
        Set<String> keys = new HashSet<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (NewTask t : list) {
            if (!keys.add(t.key())) {
                throw new IllegalArgumentException("two tasks have the key '" + t.key()
                        + "': keys are unique in a job");
            }
            kinds.merge(t.kind(), 1, Integer::sum);
        }
        Job job = query(() -> write(Connection.TRANSACTION_SERIALIZABLE, (c, now) -> {
            long id = JobTables.nextJobId(c);
            Job j = JobTables.insert(c, id, title, actor, now, list);
            StringBuilder after = new StringBuilder("{\"title\":").append(quote(title)).append(",\"tasks\":")
                    .append(list.size()).append(",\"kinds\":{");
            kinds.forEach((kind, n) -> after.append(after.charAt(after.length() - 1) == '{' ? "" : ",")
                    .append(quote(kind)).append(':').append(n));
            after.append("}}");
            AuditChain.append(c, new AuditChain.Change(actor, "job.submit", "job", Long.toString(id), "",
                    after.toString()), Instant.ofEpochMilli(now));
            return j;
        }));
        changed(job.id());
        wake();
        return job;
    }

    @Override
    public Optional<Job> job(long id) {
        return query(() -> read(c -> JobTables.job(c, id)));
    }

    @Override
    public List<Job> jobs() {
        return query(() -> read(JobTables::jobs));
    }

    @Override
    public JobProgress progress(long id) {
        Set<String> handled = kinds();
        long now = now();
        return query(() -> read(c -> {
            Job job = JobTables.job(c, id).orElseThrow(() -> noSuchJob(id));
            JobTables.Counts counts = JobTables.counts(c, id);
            JobTables.Recent recent = JobTables.recent(c, id, now - RATE_WINDOW.toMillis());
            return progress(job, counts, recent, handled, now);
        }));
    }

    static JobProgress progress(Job job, JobTables.Counts counts, JobTables.Recent recent, Set<String> handled,
            long now) {
        List<String> missing = new ArrayList<>();
        int waiting = 0;
        for (Map.Entry<String, Integer> e : counts.pendingByKind().entrySet()) {
            if (!handled.contains(e.getKey())) {
                missing.add(e.getKey());
                waiting += e.getValue();
            }
        }
        double perMinute = 0;
        if (recent.finished() > 0) {
            long from = Math.max(now - RATE_WINDOW.toMillis(), recent.earliestStart());
            perMinute = recent.finished() / (Math.max(now - from, 1_000) / 60_000.0);
        }
        int left = counts.pending() + counts.running();
        Optional<Duration> remaining = !job.state().ended() && waiting == 0 && perMinute > 0
                ? Optional.of(Duration.ofMillis(Math.round(left / perMinute * 60_000)))
                : Optional.empty();
        return new JobProgress(job.id(), job.state(), counts.total(), counts.done(), counts.failed(),
                counts.cancelled(), counts.running(), counts.pending(), waiting, missing, perMinute, remaining);
    }

    @Override
    public boolean cancel(long id, String actor) {
        if (actor == null || actor.isBlank() || actor.length() > 200) {
            throw new IllegalArgumentException("an actor must have 1 to 200 characters: '" + actor + "'");
        }
        boolean cancelled = query(() -> write(Connection.TRANSACTION_SERIALIZABLE, (c, now) -> {
            JobState before = JobTables.job(c, id).orElseThrow(() -> noSuchJob(id)).state();
            Optional<Integer> tasks = JobTables.cancel(c, id, now);
            if (tasks.isEmpty()) {
                return false;
            }
            AuditChain.append(c, new AuditChain.Change(actor, "job.cancel", "job", Long.toString(id),
                    "{\"state\":" + quote(before.name()) + "}",
                    "{\"state\":\"CANCELLED\",\"cancelledTasks\":" + tasks.get() + "}"), Instant.ofEpochMilli(now));
            return true;
        }));
        if (cancelled) {
            cancelledJobs.add(id);
            changed(id);
        }
        return cancelled;
    }

    @Override
    public List<TaskFailure> failures(long id) {
        return query(() -> read(c -> {
            JobTables.job(c, id).orElseThrow(() -> noSuchJob(id));
            return JobTables.failures(c, id);
        }));
    }

    @Override
    public PlatformService.Subscription onProgress(Consumer<JobProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean awaitFinished(long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (progress(id).finished()) {
                return true;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            synchronized (progressSignal) {
                progressSignal.wait(Math.min(left, 200));
            }
        }
    }

    // ---- workers

    private void work() {
        while (!stopping) {
            long seen = generation();
            Optional<Task> claimed;
            try {
                Set<String> kinds = kinds();
                claimed = write(Connection.TRANSACTION_READ_COMMITTED, (c, now) -> JobTables.claim(c, kinds, now));
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.log(Level.ERROR, "catalogue " + database.directory() + ": cannot take a task: " + e.getMessage(),
                        e);
                claimed = Optional.empty();
            }
            if (claimed.isPresent()) {
                run(claimed.get());
            } else if (!idle(seen)) {
                return;
            }
        }
    }

    private void run(Task task) {
        changed(task.jobId());
        if (task.attempt() > MAX_ATTEMPTS) {
            end(task, JobTables.FAILED, null, "the program stopped " + MAX_ATTEMPTS + " times while this task ran "
                    + "(killed or crashed): it is not run again");
            return;
        }
        Optional<TaskHandler> handler = handler(task.kind());
        if (handler.isEmpty() || stopping) {
            release(task);
            return;
        }
        String result = null;
        Throwable error = null;
        try {
            result = handler.get().run(task, () -> stopping || cancelledJobs.contains(task.jobId()));
        } catch (Throwable t) { // a plugin's Error (a missing class, a page too big for memory) fails only its task
            error = t;
        }
        Thread.interrupted(); // a handler that left its thread interrupted would break the writes below
        if (error == null) {
            end(task, JobTables.DONE, result == null ? "" : result, null);
        } else if (stopping || handler(task.kind()).orElse(null) != handler.get()) {
            release(task);
        } else if (cancelledJobs.contains(task.jobId())) {
            end(task, JobTables.CANCELLED, null, null);
        } else {
            LOG.log(Level.DEBUG, "job " + task.jobId() + ", task " + task.key() + " failed", error);
            end(task, JobTables.FAILED, null, message(error));
        }
    }

    /** Records a task's end and, when it was the job's last, the job's. */
    private void end(Task task, String state, String result, String error) {
        try {
            write(Connection.TRANSACTION_READ_COMMITTED, (c, now) -> {
                JobTables.finish(c, task, state, now, result, error);
                return JobTables.endIfFinished(c, task.jobId(), now);
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(stopping ? Level.INFO : Level.ERROR, "job " + task.jobId() + ": cannot record the end of task "
                    + task.key() + " (it runs again at the next start): " + e.getMessage());
        }
        changed(task.jobId());
    }

    private void release(Task task) {
        try {
            write(Connection.TRANSACTION_READ_COMMITTED, (c, now) -> {
                JobTables.release(c, task);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(stopping ? Level.INFO : Level.ERROR, "job " + task.jobId() + ": cannot put task " + task.key()
                    + " back (it runs again at the next start): " + e.getMessage());
        }
        changed(task.jobId());
    }

    static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : m;
    }

    private long generation() {
        synchronized (workSignal) {
            return generation;
        }
    }

    /** There may be new work: wakes the idle workers. */
    private void wake() {
        synchronized (workSignal) {
            generation++;
            workSignal.notifyAll();
        }
    }

    /** Waits until {@link #wake()} after {@code seen}, or a while; false when interrupted. */
    private boolean idle(long seen) {
        synchronized (workSignal) {
            try {
                if (generation == seen && !stopping) {
                    workSignal.wait(IDLE_WAIT_MILLIS);
                }
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    // ---- progress events

    private void changed(long jobId) {
        changedJobs.add(jobId);
        synchronized (progressSignal) {
            progressSignal.notifyAll();
        }
    }

    /** Every {@value #PUBLISH_INTERVAL_MILLIS} ms: the progress of each job that changed, to every listener. */
    private void publish() {
        if (changedJobs.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(changedJobs);
        changedJobs.removeAll(ids);
        if (listeners.isEmpty()) {
            return;
        }
        for (long id : ids) {
            JobProgress p;
            try {
                p = progress(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "job " + id + ": cannot read its progress: " + e.getMessage());
                continue;
            }
            for (Consumer<JobProgress> l : listeners) {
                try {
                    l.accept(p);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a job progress listener failed", e);
                }
            }
        }
    }

    // ---- plumbing

    /** A write to {@code JOB} or {@code TASK}, given the time taken under the lock. */
    @FunctionalInterface
    private interface Write<T> {
        T run(Connection c, long now) throws SQLException;
    }

    /**
     * Runs {@code work} under {@link #writeLock}. The time is taken under the lock too, so that the times stored follow
     * the order of the writes (a task taken before a cancel started before the job's end time).
     */
    private <T> T write(int isolation, Write<T> work) throws SQLException {
        synchronized (writeLock) {
            long now = now();
            return database.inTransaction(isolation, c -> work.run(c, now));
        }
    }

    private <T> T read(Database.Work<T> work) throws SQLException {
        return database.inTransaction(Connection.TRANSACTION_READ_COMMITTED, work);
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private <T> T query(Query<T> q) {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("catalogue " + database.directory() + ": "
                    + e.getMessage(), e));
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static NoSuchElementException noSuchJob(long id) {
        return new NoSuchElementException("no job " + id);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
