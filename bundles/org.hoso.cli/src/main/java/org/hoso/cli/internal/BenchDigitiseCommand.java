package org.hoso.cli.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.DigitisedPage;
import org.hoso.digitise.api.Digitiser;
import org.hoso.digitise.api.DocumentInfo;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.SampleScans;
import org.hoso.digitise.api.SampleScans.Degradation;
import org.hoso.digitise.api.ScanSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso bench digitise}: renders sample pages into a temporary folder, then measures in one run the pages per
 * minute of Hoso's pipeline (quality checks, clean-up, OCR, one PDF/A-2b per page), of plain {@code tesseract IMAGE -
 * -l vie} processes and of {@code ocrmypdf -l vie --output-type pdfa-2}, all at the same parallelism and with
 * {@code OMP_THREAD_LIMIT=1}; the character error rate of each against the pages' own text; and how many days of
 * round-the-clock work a number of pages takes. Numbers go to the digitise bundle's README; tests never assert on
 * time.
 */
@Command(name = "digitise")
final class BenchDigitiseCommand implements Callable<Integer> {

    /** Resolution of the rendered pages: what archives scan at. */
    static final int DPI = 300;

    /** How the sample pages look, in turn: all readable, as most of an archive's pages are. */
    static final List<Look> LOOKS = List.of(new Look("clean", Degradation.NONE, false),
            new Look("skewed", new Degradation(1.2, 0, 0, 250), false),
            new Look("bilevel", Degradation.NONE, true),
            new Look("faded", new Degradation(0, 0, 110, 235), false),
            new Look("specks", new Degradation(-0.8, 0.005, 20, 245), false));

    /** A sample page's looks; bilevel pages are stored as bilevel scanners give them: TIFF, CCITT G4. */
    record Look(String name, Degradation degradation, boolean bilevel) {
    }

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "20", descriptionKey = "option.benchPages")
    int pages;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0", descriptionKey = "option.benchJobs")
    int jobs;

    @Option(names = "--estimate", paramLabel = "PAGES", defaultValue = "1000000",
            descriptionKey = "option.benchEstimate")
    long estimate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2025", descriptionKey = "option.benchSeedPages")
    long seed;

    @Option(names = "--keep", descriptionKey = "option.benchKeep")
    boolean keep;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    /** One measured way of digitising the pages. */
    record Run(String name, boolean available, String version, double seconds, double cpuSeconds, int pages,
            double cer, String problem) {

        double pagesPerMinute() {
            return available && seconds > 0 ? pages * 60 / seconds : Double.NaN;
        }

        double cpuSecondsPerPage() {
            return available && pages > 0 ? cpuSeconds / pages : Double.NaN;
        }

        static Run missing(String name, String problem) {
            return new Run(name, false, null, Double.NaN, Double.NaN, 0, Double.NaN, problem);
        }
    }

    /** A rendered page: its file and what is written on it. */
    record Sample(Path file, String truth, Look look) {
    }

    @Override
    public Integer call() throws Exception {
        HosoCommand hoso = bench.hoso;
        Reports r = hoso.reports;
        PrintWriter out = hoso.out();
        if (pages < 1 || jobs < 0 || estimate < 1) {
            hoso.err().println(r.text("error.invalid", "--pages ≥ 1, --jobs ≥ 0, --estimate ≥ 1"));
            return 2;
        }
        int workers = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        try (Services services = new Services(hoso.context)) {
            SampleScans samples = services.get(SampleScans.class);
            ScanSource source = services.get(ScanSource.class);
            Digitiser digitiser = services.get(Digitiser.class);
            if (samples == null || source == null || digitiser == null) {
                hoso.err().println(r.text("digitise.unavailable"));
                return 1;
            }
            Path dir = Files.createTempDirectory("hoso-bench-digitise-");
            try {
                if (!json) {
                    out.println(r.text("benchd.rendering", pages, DPI, dir));
                    out.flush();
                }
                List<Sample> rendered = render(samples, dir);
                double[] loadBefore = load();
                List<Run> runs = new ArrayList<>();
                runs.add(hoso(source, digitiser, rendered, dir, workers));
                progress(out, r, runs);
                runs.add(tesseract(rendered, dir, workers));
                progress(out, r, runs);
                runs.add(ocrmypdf(rendered, dir, workers));
                progress(out, r, runs);
                double[] loadAfter = load();
                if (json) {
                    out.println(Json.write(json(runs, workers, loadBefore, loadAfter, keep ? dir : null)));
                } else {
                    table(r, runs, workers, loadBefore, loadAfter).forEach(out::println);
                    if (keep) {
                        out.println(r.text("benchd.kept", dir));
                    }
                }
                return runs.get(0).available() ? 0 : 1;
            } finally {
                if (!keep) {
                    deleteTree(dir);
                }
            }
        }
    }

    private void progress(PrintWriter out, Reports r, List<Run> runs) {
        if (json) {
            return;
        }
        Run run = runs.get(runs.size() - 1);
        out.println(run.available() ? r.text("benchd.done", r.text("benchd.run." + run.name()), run.seconds())
                : r.text("benchd.skipped", r.text("benchd.run." + run.name()), run.problem()));
        out.flush();
    }

    // ---- the pages

    private List<Sample> render(SampleScans samples, Path dir) throws IOException {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            Look look = LOOKS.get(i % LOOKS.size());
            SampleScans.SampleScan scan = samples.page(seed + i, DPI, look.degradation());
            BufferedImage image = look.bilevel() ? bilevel(scan.image()) : scan.image();
            String base = String.format(Locale.ROOT, "page-%03d-%s", i + 1, look.name());
            Path file = dir.resolve(base + (look.bilevel() ? ".tif" : ".png"));
            if (look.bilevel()) {
                write(List.of(image), DPI, file, "tiff", "CCITT T.6");
            } else {
                writePng(image, DPI, file);
            }
            out.add(new Sample(file, scan.text(), look));
        }
        return out;
    }

    /** The page's file name without its extension. */
    private static String base(Sample s) {
        String name = s.file().getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** The page as a bilevel scanner gives it: black where the grey is darker than the middle. */
    static BufferedImage bilevel(BufferedImage grey) {
        BufferedImage b = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        var src = grey.getRaster();
        var dst = b.getRaster();
        int w = grey.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < grey.getHeight(); y++) {
            src.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                row[x] = row[x] >= 128 ? 1 : 0;
            }
            dst.setSamples(0, y, w, 1, 0, row);
        }
        return b;
    }

    /**
     * A PNG that states its resolution (pHYs), as Tesseract and OCRmyPDF need. Not through the standard metadata
     * tree: the JDK's PNG writer turns its pixel size into 85 pixels per metre (2 dpi), and the pages were read as of
     * unknown resolution (Hoso estimated 333 dpi from the letters; Tesseract assumed its own).
     */
    static void writePng(BufferedImage image, int dpi, Path file) throws IOException {
        SampleScans.writePng(image, dpi, file);
    }

    /** A multi-page TIFF (Deflate) of the pages, with their resolution: OCRmyPDF's input. */
    static void writeTiff(List<BufferedImage> images, int dpi, Path file) throws IOException {
        write(images, dpi, file, "tiff", "Deflate");
    }

    private static void write(List<BufferedImage> images, int dpi, Path file, String format, String compression)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (OutputStream o = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(o)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            boolean sequence = images.size() > 1;
            if (sequence) {
                writer.prepareWriteSequence(null);
            }
            for (BufferedImage image : images) {
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                        param);
                IIOMetadataNode size = new IIOMetadataNode("Dimension");
                for (String axis : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
                    IIOMetadataNode n = new IIOMetadataNode(axis);
                    n.setAttribute("value", Double.toString(25.4 / dpi));
                    size.appendChild(n);
                }
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                root.appendChild(size);
                meta.mergeTree("javax_imageio_1.0", root);
                if (sequence) {
                    writer.writeToSequence(new IIOImage(image, null, meta), param);
                } else {
                    writer.write(null, new IIOImage(image, null, meta), param);
                }
            }
            if (sequence) {
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
        }
    }

    // ---- the three runs

    /** Hoso as a job runs it: read, check, clean, OCR, one PDF/A-2b per page; one worker per core. */
    private Run hoso(ScanSource source, Digitiser digitiser, List<Sample> samples, Path dir, int workers)
            throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("hoso"));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            // the engines are made (language model loaded) and the code compiled once per process, not per page:
            // unmeasured pages first, one of each look (clean, skewed, bilevel, faded, specks) and at least one per
            // worker, as a long-running job would have done already (JIT compilation of the clean-up and checks
            // took ~3 CPU seconds, 0.15 s a page over 20 pages, when only the first two looks were done before)
            int warmUp = Math.min(Math.max(workers, LOOKS.size()), samples.size());
            run(pool, samples.subList(0, warmUp), s -> hosoPage(source, digitiser, s,
                    outDir.resolve("warm-up-" + base(s) + ".pdf")));
            double[] cpu0 = cpu();
            long t0 = System.nanoTime();
            List<String> texts = run(pool, samples, s -> hosoPage(source, digitiser, s,
                    outDir.resolve(base(s) + ".pdf")));
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Run("hoso", true, null, seconds, cpu()[0] - cpu0[0], samples.size(), cer(samples, texts),
                    null);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String hosoPage(ScanSource source, Digitiser digitiser, Sample s, Path pdf) throws IOException {
        DigitisedPage page = digitiser.digitise(source.read(s.file(), 1, ReadOptions.DEFAULT), DigitiseOptions.DEFAULT);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        String name = s.file().getFileName().toString();
        try (OutputStream o = Files.newOutputStream(pdf)) {
            digitiser.writePdf(List.of(page), new DocumentInfo(name, name, "", now, now, "vi-VN"), o);
        }
        return page.ocr().text();
    }

    /** {@code tesseract IMAGE - -l vie}, as many processes at a time as Hoso has workers. */
    private Run tesseract(List<Sample> samples, Path dir, int workers) throws Exception {
        String version = version("tesseract", "--version");
        if (version == null) {
            return Run.missing("tesseract", "tesseract: not installed (apt-get install tesseract-ocr-vie)");
        }
        Path outDir = Files.createDirectories(dir.resolve("tesseract"));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            double[] cpu0 = cpu();
            long t0 = System.nanoTime();
            List<String> texts = run(pool, samples, s -> {
                Path txt = outDir.resolve(base(s) + ".txt");
                exec(List.of("tesseract", s.file().toString(), "-", "-l", "vie"), txt);
                return Files.readString(txt);
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Run("tesseract", true, version, seconds, cpu()[1] - cpu0[1], samples.size(),
                    cer(samples, texts), null);
        } finally {
            pool.shutdownNow();
        }
    }

    /** OCRmyPDF over all pages as one multi-page TIFF, with its own parallelism ({@code -j}) set to Hoso's. */
    private Run ocrmypdf(List<Sample> samples, Path dir, int workers) throws Exception {
        String version = version("ocrmypdf", "--version");
        if (version == null) {
            return Run.missing("ocrmypdf", "ocrmypdf: not installed (apt-get install ocrmypdf)");
        }
        Path outDir = Files.createDirectories(dir.resolve("ocrmypdf"));
        Path tiff = outDir.resolve("pages.tif");
        List<BufferedImage> images = new ArrayList<>();
        for (Sample s : samples) {
            images.add(ImageIO.read(s.file().toFile()));
        }
        writeTiff(images, DPI, tiff);
        images.clear();
        Path sidecar = outDir.resolve("pages.txt");
        double[] cpu0 = cpu();
        long t0 = System.nanoTime();
        exec(List.of("ocrmypdf", "-l", "vie", "--output-type", "pdfa-2", "-j", Integer.toString(workers),
                "--sidecar", sidecar.toString(), tiff.toString(), outDir.resolve("pages.pdf").toString()),
                outDir.resolve("ocrmypdf.log"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> texts = List.of(Files.readString(sidecar).split("\f", -1));
        return new Run("ocrmypdf", true, version, seconds, cpu()[1] - cpu0[1], samples.size(), cer(samples, texts),
                null);
    }

    private interface PageTask {
        String apply(Sample s) throws Exception;
    }

    /** Every sample through {@code task} on the pool; the results in page order. */
    private static List<String> run(ExecutorService pool, List<Sample> samples, PageTask task) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (Sample s : samples) {
            futures.add(pool.submit(() -> task.apply(s)));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
        return out;
    }

    /** Runs a tool with one OpenMP thread, its output into {@code output}; fails naming the tool and its error. */
    private static void exec(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(output.resolveSibling(output.getFileName() + ".err")
                        .toFile()));
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        int code = p.waitFor();
        if (code != 0) {
            String err = Files.readString(output.resolveSibling(output.getFileName() + ".err"));
            throw new IOException(command.get(0) + " failed (exit " + code + "): "
                    + err.lines().reduce((a, b) -> b).orElse(""));
        }
    }

    /**
     * CPU seconds used so far by this process (all its threads) and by its children that have ended (with their
     * own children), from /proc/self/stat; NaN where there is no /proc. Unlike wall time, little affected by other
     * work on the machine.
     */
    static double[] cpu() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14-17 of proc(5): utime, stime, cutime, cstime, in clock ticks (100 per second on Linux)
            double self = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            double children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
            return new double[] { self, children };
        } catch (IOException | RuntimeException e) {
            return new double[] { Double.NaN, Double.NaN };
        }
    }

    /** The first line a tool prints for {@code --version}, or null when it is not installed. */
    static String version(String tool, String flag) {
        try {
            Process p = new ProcessBuilder(tool, flag).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? text.lines().findFirst().orElse("").strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- accuracy

    /** Character error rate over all pages: edit distances summed over the truths' lengths (NFC, spaces folded). */
    static double cer(List<Sample> samples, List<String> texts) {
        long errors = 0;
        long length = 0;
        for (int i = 0; i < samples.size(); i++) {
            String truth = samples.get(i).truth();
            errors += SampleScans.editDistance(truth, i < texts.size() ? texts.get(i) : "");
            length += SampleScans.fold(truth).length();
        }
        return length == 0 ? 0 : (double) errors / length;
    }

    // ---- the report

    /** Days of round-the-clock work for {@code pages} pages at {@code pagesPerMinute}. */
    static double days(long pages, double pagesPerMinute) {
        return pagesPerMinute > 0 ? pages / pagesPerMinute / 60 / 24 : Double.NaN;
    }

    /** The load average (1, 5, 15 minutes) from /proc/loadavg; the 1-minute figure alone elsewhere. */
    static double[] load() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return new double[] { Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]) };
        } catch (IOException | RuntimeException e) {
            return new double[] { java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage() };
        }
    }

    List<String> table(Reports r, List<Run> runs, int workers, double[] loadBefore, double[] loadAfter) {
        List<String> lines = new ArrayList<>();
        Run hoso = runs.get(0);
        lines.add(r.text("benchd.header", pages, DPI, workers, Runtime.getRuntime().availableProcessors()));
        lines.add(String.format(Locale.ROOT, "%-37s %9s %10s %11s %14s %8s", r.text("benchd.col.what"),
                r.text("benchd.col.seconds"), r.text("benchd.col.ppm"), r.text("benchd.col.ratio"),
                r.text("benchd.col.cpu"), r.text("benchd.col.cer")));
        for (Run run : runs) {
            String what = r.text("benchd.run." + run.name());
            if (!run.available()) {
                lines.add(String.format(Locale.ROOT, "%-37s %s", what, run.problem()));
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%-37s %9.1f %10.1f %11s %14.2f %7.2f%%", what, run.seconds(),
                    run.pagesPerMinute(), run == hoso ? "1.00" : String.format(Locale.ROOT, "%.2f",
                            hoso.pagesPerMinute() / run.pagesPerMinute()), run.cpuSecondsPerPage(),
                    100 * run.cer()));
        }
        lines.add(r.text("benchd.ratioNote"));
        lines.add(r.text("benchd.estimate", estimate, hoso.pagesPerMinute(), days(estimate, hoso.pagesPerMinute()),
                days(estimate, hoso.pagesPerMinute()) * 3));
        lines.add(r.text("benchd.load", loadText(loadBefore), loadText(loadAfter)));
        return lines;
    }

    private static String loadText(double[] load) {
        return String.join(" ", java.util.Arrays.stream(load).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
                .toList());
    }

    Map<String, Object> json(List<Run> runs, int workers, double[] loadBefore, double[] loadAfter, Path kept) {
        Run hoso = runs.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", pages);
        m.put("dpi", DPI);
        m.put("seed", seed);
        m.put("jobs", workers);
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("ompThreadLimit", 1);
        m.put("looks", LOOKS.stream().map(Look::name).toList());
        List<Object> list = new ArrayList<>();
        for (Run run : runs) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", run.name());
            j.put("available", run.available());
            if (run.available()) {
                j.put("version", run.version());
                j.put("seconds", round(run.seconds(), 2));
                j.put("pagesPerMinute", round(run.pagesPerMinute(), 1));
                j.put("hosoSpeedRatio", round(hoso.pagesPerMinute() / run.pagesPerMinute(), 3));
                j.put("cpuSecondsPerPage", round(run.cpuSecondsPerPage(), 3));
                j.put("cer", round(run.cer(), 4));
            } else {
                j.put("problem", run.problem());
            }
            list.add(j);
        }
        m.put("runs", list);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("pages", estimate);
        e.put("days", round(days(estimate, hoso.pagesPerMinute()), 1));
        e.put("hoursPerDay", 24);
        m.put("estimate", e);
        m.put("loadBefore", java.util.Arrays.stream(loadBefore).boxed().toList());
        m.put("loadAfter", java.util.Arrays.stream(loadAfter).boxed().toList());
        m.put("folder", kept == null ? null : kept.toString());
        return m;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isFinite(v) ? Math.round(v * f) / f : Double.NaN;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
