package org.hoso.cli.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobService;
import org.hoso.core.api.TaskFailure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso jobs list|show|cancel}: the long work of the workspace. Opening the job service also lets it resume
 * unfinished jobs in this process until the command ends; tasks cut off by the end run again next time.
 */
@Command(name = "jobs", subcommands = { JobsCommand.ListJobs.class, JobsCommand.Show.class,
        JobsCommand.Cancel.class })
final class JobsCommand implements Callable<Integer> {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @ParentCommand
    HosoCommand hoso;

    @Override
    public Integer call() {
        hoso.spec.commandLine().getSubcommands().get("jobs").usage(hoso.out());
        return 2;
    }

    /** Runs {@code body} with the job service of the workspace, or says why there is none. */
    int withJobs(ToIntFunction<JobService> body) throws InterruptedException {
        JobService jobs = hoso.services().get(JobService.class);
        if (jobs == null) {
            hoso.err().println(hoso.reports.text("jobs.noService"));
            return 1;
        }
        return body.applyAsInt(jobs);
    }

    /** Runs {@code body} with the job numbered {@code id}, or says there is none. */
    int withJob(long id, BiFunction<JobService, Job, Integer> body) throws InterruptedException {
        return withJobs(service -> {
            Optional<Job> job = service.job(id);
            if (job.isEmpty()) {
                hoso.err().println(hoso.reports.text("jobs.unknown", id));
                return 1;
            }
            return body.apply(service, job.get());
        });
    }

    @Command(name = "list")
    static final class ListJobs implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return jobs.withJobs(service -> {
                List<Job> all = service.jobs();
                List<JobProgress> progress = all.stream().map(j -> service.progress(j.id())).toList();
                Reports r = jobs.hoso.reports;
                if (json) {
                    List<Object> list = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        list.add(jobJson(all.get(i), progress.get(i)));
                    }
                    jobs.hoso.out().println(Json.write(list));
                } else {
                    list(r, all, progress).forEach(jobs.hoso.out()::println);
                }
                return 0;
            });
        }
    }

    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;

        @Parameters(paramLabel = "ID", descriptionKey = "param.jobId")
        long id;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return jobs.withJob(id, (service, job) -> {
                JobProgress p = service.progress(id);
                List<TaskFailure> failures = service.failures(id);
                if (json) {
                    Map<String, Object> m = jobJson(job, p);
                    m.put("failures", failuresJson(failures));
                    jobs.hoso.out().println(Json.write(m));
                } else {
                    show(jobs.hoso.reports, job, p, failures).forEach(jobs.hoso.out()::println);
                }
                return 0;
            });
        }
    }

    @Command(name = "cancel")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        JobsCommand jobs;

        @Parameters(paramLabel = "ID", descriptionKey = "param.jobId")
        long id;

        @Override
        public Integer call() throws InterruptedException {
            return jobs.withJob(id, (service, job) -> {
                Reports r = jobs.hoso.reports;
                if (service.cancel(id, System.getProperty("user.name", "?"))) {
                    jobs.hoso.out().println(r.text("jobs.cancelled", id, job.title()));
                    return 0;
                }
                Job now = service.job(id).orElse(job);
                jobs.hoso.err().println(r.text("jobs.alreadyEnded", id, r.text("job.state." + now.state())));
                return 1;
            });
        }
    }

    /** One line per job: number, state, tasks done of all, failures, when, who, what. */
    static List<String> list(Reports r, List<Job> jobs, List<JobProgress> progress) {
        List<String> lines = new ArrayList<>();
        if (jobs.isEmpty()) {
            lines.add(r.text("jobs.none"));
            return lines;
        }
        lines.add(String.format("%5s  %-16s %11s %6s  %-19s  %-12s %s", r.text("jobs.col.id"),
                r.text("jobs.col.state"), r.text("jobs.col.done"), r.text("jobs.col.failed"),
                r.text("jobs.col.submitted"), r.text("jobs.col.actor"), r.text("jobs.col.title")));
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            JobProgress p = progress.get(i);
            lines.add(String.format("%5d  %-16s %11s %6d  %-19s  %-12s %s", j.id(), r.text("job.state." + j.state()),
                    p.done() + "/" + p.total(), p.failed(), shown(j.submitted()), j.actor(), j.title()));
        }
        return lines;
    }

    /** A job in detail: who and when, the counts, what it waits for, speed and time left, every failure. */
    static List<String> show(Reports r, Job j, JobProgress p, List<TaskFailure> failures) {
        List<String> lines = new ArrayList<>();
        lines.add(r.text("jobs.show.title", j.id(), j.title()));
        lines.add("  " + r.text("jobs.show.submitted", j.actor(), shown(j.submitted())));
        lines.add("  " + r.text("jobs.show.state", r.text("job.state." + j.state()))
                + j.ended().map(e -> " (" + shown(e) + ")").orElse(""));
        lines.add("  " + r.text("jobs.show.tasks", p.total(), p.done(), p.failed(), p.cancelled(), p.running(),
                p.pending()));
        if (p.waiting() > 0) {
            lines.add("  " + r.text("jobs.show.waiting", p.waiting(), String.join(", ", p.missingKinds())));
        }
        if (!j.state().ended() && p.tasksPerMinute() > 0) {
            lines.add("  " + r.text("jobs.show.rate", p.tasksPerMinute())
                    + p.remaining().map(d -> "; " + r.text("jobs.show.remaining", duration(d))).orElse(""));
        }
        if (!failures.isEmpty()) {
            lines.add("  " + r.text("jobs.show.failures", failures.size()));
            for (TaskFailure f : failures) {
                lines.add("    " + f.key() + "  " + f.message());
            }
        }
        return lines;
    }

    static Map<String, Object> jobJson(Job j, JobProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("title", j.title());
        m.put("actor", j.actor());
        m.put("submitted", j.submitted().toString());
        m.put("state", j.state().name());
        m.put("ended", j.ended().map(Instant::toString));
        m.put("total", p.total());
        m.put("done", p.done());
        m.put("failed", p.failed());
        m.put("cancelled", p.cancelled());
        m.put("running", p.running());
        m.put("pending", p.pending());
        m.put("waiting", p.waiting());
        m.put("missingKinds", p.missingKinds());
        m.put("tasksPerMinute", p.tasksPerMinute());
        m.put("remainingSeconds", p.remaining().map(Duration::toSeconds));
        return m;
    }

    private static List<Object> failuresJson(List<TaskFailure> failures) {
        List<Object> list = new ArrayList<>();
        for (TaskFailure f : failures) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("seq", f.seq());
            fm.put("kind", f.kind());
            fm.put("key", f.key());
            fm.put("message", f.message());
            list.add(fm);
        }
        return list;
    }

    private static String shown(Instant at) {
        return SHOWN.format(at.atZone(AuditCommand.VIETNAM));
    }

    /** h:mm:ss */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
