package org.hoso.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobService;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.TaskFailure;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Rendition;
import org.hoso.digitise.api.DigitisationService;
import org.hoso.digitise.api.DigitisationService.Batch;
import org.hoso.digitise.api.DigitisationService.Rescan;
import org.hoso.digitise.api.DigitisationService.Skipped;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso digitise PATH... --fonds CODE [--file FILECODE]}: digitises scans into the catalogue as a job, shows
 * its progress, and ends with what failed, what to scan again and which PDF/A files were made. Interrupted (Ctrl+C,
 * a kill, a power cut), the same command again resumes the job. Exit 0 when every page was digitised, 1 when some
 * failed or must be scanned again (the others are kept).
 */
@Command(name = "digitise", aliases = "digitize")
final class DigitiseCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "digitise.paths")
    List<Path> paths;

    @Option(names = "--fonds", required = true, paramLabel = "CODE", descriptionKey = "digitise.fonds")
    String fonds;

    @Option(names = "--file", paramLabel = "FILECODE", descriptionKey = "digitise.file")
    String file;

    @Option(names = "--jobs", paramLabel = "N", descriptionKey = "digitise.jobs")
    Integer jobs;

    @Option(names = "--lang-ocr", paramLabel = "vie", defaultValue = "vie", descriptionKey = "ocr.languages")
    String languages;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "digitise.out")
    Path out;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Reports r = hoso.reports;
        try (Services services = new Services(hoso.context)) {
            DigitisationService digitisation = services.get(DigitisationService.class);
            JobService jobService = services.get(JobService.class);
            CatalogueService catalogue = services.get(CatalogueService.class);
            ObjectStore objects = services.get(ObjectStore.class);
            if (digitisation == null || jobService == null || catalogue == null || objects == null) {
                hoso.err().println(r.text("digitise.unavailable"));
                return 1;
            }
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    hoso.err().println(r.text("digitise.noPath", p));
                    return 1;
                }
            }
            Batch batch;
            try {
                batch = digitisation.plan(paths, fonds, Optional.ofNullable(file));
            } catch (IllegalArgumentException e) {
                hoso.err().println(e.getMessage());
                return 1;
            }
            for (Skipped s : batch.skipped()) {
                hoso.err().println(r.text("digitise.skipped", s.path(), s.reason()));
            }
            if (batch.documents().isEmpty()) {
                hoso.err().println(r.text("digitise.nothing"));
                return 1;
            }
            Job job = digitisation.submit(batch, languages, FondsCommand.actor());
            if (!json) {
                hoso.out().println(r.text("digitise.started", job.id(), batch.documents().size(), batch.scans(),
                        jobService.progress(job.id()).total()));
                hoso.out().flush();
            }
            AtomicLong lastShown = new AtomicLong();
            try (PlatformService.Subscription sub = jobService.onProgress(p -> {
                if (!json && p.jobId() == job.id() && !p.finished()
                        && System.nanoTime() - lastShown.get() > Duration.ofSeconds(2).toNanos()) {
                    lastShown.set(System.nanoTime());
                    hoso.out().println(progress(r, p));
                    hoso.out().flush();
                }
            })) {
                while (!jobService.awaitFinished(job.id(), Duration.ofMinutes(1))) {
                    // the subscription reports; a batch of a million pages waits for days
                }
            }
            JobProgress end = jobService.progress(job.id());
            List<TaskFailure> failures = jobService.failures(job.id());
            Set<String> files = new LinkedHashSet<>();
            batch.documents().forEach(d -> files.add(d.fileCode()));
            List<Rescan> rescans = new ArrayList<>();
            List<Map<String, Object>> pdfs = new ArrayList<>();
            for (String code : files) {
                rescans.addAll(digitisation.rescans(fonds, Optional.of(code)));
                FileUnit f = catalogue.file(code).orElseThrow();
                Optional<Rendition> pdf = catalogue.rendition(Rendition.Kind.FILE_PDF, f.id());
                if (pdf.isPresent()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", code);
                    m.put("object", pdf.get().object().hex());
                    m.put("pages", pdf.get().pages());
                    if (out != null) {
                        Path target = copy(objects, pdf.get(), out.resolve(code + ".pdf"));
                        m.put("path", target.toString());
                    }
                    pdfs.add(m);
                }
            }
            if (json) {
                Map<String, Object> m = JobsCommand.jobJson(jobService.job(job.id()).orElseThrow(), end);
                List<Object> fl = new ArrayList<>();
                for (TaskFailure f : failures) {
                    fl.add(Map.of("key", f.key(), "message", f.message()));
                }
                m.put("failures", fl);
                m.put("rescans", RescansCommand.json(rescans));
                m.put("pdfs", pdfs);
                hoso.out().println(Json.write(m));
            } else {
                hoso.out().println(r.text("digitise.done", job.id(), end.done(), end.failed(), end.cancelled(),
                        end.tasksPerMinute()));
                for (TaskFailure f : failures) {
                    hoso.out().println("  " + r.text("digitise.failed", f.message()));
                }
                for (Rescan x : rescans) {
                    hoso.out().println("  " + r.text("digitise.rescan", x.docCode(), x.page(),
                            String.join("; ", x.reasons())));
                }
                for (Map<String, Object> m : pdfs) {
                    hoso.out().println("  " + r.text("digitise.pdf", m.get("file"), m.get("pages"),
                            m.getOrDefault("path", m.get("object"))));
                }
            }
            return failures.isEmpty() && rescans.isEmpty() && end.cancelled() == 0 ? 0 : 1;
        }
    }

    static String progress(Reports r, JobProgress p) {
        int finished = p.done() + p.failed() + p.cancelled();
        return r.text("digitise.progress", finished, p.total(), p.tasksPerMinute(),
                p.remaining().map(JobsCommand::duration).orElse("?"), p.failed());
    }

    private static Path copy(ObjectStore objects, Rendition pdf, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".hoso-", ".part");
        try {
            try (InputStream in = objects.open(pdf.object())) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target.toAbsolutePath();
    }
}
