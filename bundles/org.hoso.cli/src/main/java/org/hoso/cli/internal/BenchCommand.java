package org.hoso.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.FileQuery;
import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.SampleGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso bench catalogue}: imports a generated inventory into an empty workspace and measures what an archive
 * notices: import rate, database size, latency of the common queries, heap. Numbers go to the bundle README; tests
 * never assert on time.
 */
@Command(name = "bench", subcommands = { BenchCommand.Catalogue.class, SearchBench.class,
        BenchDigitiseCommand.class })
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Override
    public Integer call() {
        hoso.spec.commandLine().getSubcommands().get("bench").usage(hoso.out());
        return 2;
    }

    static final String FONDS = "BENCH";

    @Command(name = "catalogue")
    static final class Catalogue implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--files", paramLabel = "N", defaultValue = "100000", descriptionKey = "option.benchFiles")
        int files;

        @Option(names = "--items-per-file", paramLabel = "N", defaultValue = "10",
                descriptionKey = "option.benchItems")
        int itemsPerFile;

        @Option(names = "--queries", paramLabel = "N", defaultValue = "1000", descriptionKey = "option.benchQueries")
        int queries;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "2025", descriptionKey = "option.seed")
        long seed;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            HosoCommand hoso = bench.hoso;
            Reports r = hoso.reports;
            PrintWriter out = hoso.out();
            if (files < 1 || itemsPerFile < 0 || queries < 1) {
                hoso.err().println(r.text("error.invalid", "--files ≥ 1, --items-per-file ≥ 0, --queries ≥ 1"));
                return 2;
            }
            CatalogueService catalogue = hoso.services().get(CatalogueService.class);
            SampleGenerator sample = hoso.services().get(SampleGenerator.class);
            if (catalogue == null || sample == null) {
                hoso.err().println(r.text("verify.noStore"));
                return 1;
            }
            Path workspace = Paths.get(hoso.context.getProperty("hoso.workspace"));
            if (!catalogue.fonds().isEmpty()) {
                // a benchmark adds a million documents: never into an archivist's catalogue
                hoso.err().println(r.text("bench.notEmpty", workspace));
                return 1;
            }
            HeapWatch heap = new HeapWatch();
            heap.start();
            ImportBatch batch = sample.bulkInventory(FONDS, seed, files, itemsPerFile);
            if (!json) {
                out.println(r.text("bench.importing", files, (long) files * itemsPerFile, workspace));
                out.flush();
            }
            long t0 = System.nanoTime();
            CatalogueService.ImportResult result = catalogue.importBatch(batch, "hoso-bench");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long dbBytes = size(workspace.resolve("catalogue/db/seg0"));
            long logBytes = size(workspace.resolve("catalogue/db/log"));

            Random random = new Random(seed);
            Map<String, double[]> latencies = new LinkedHashMap<>();
            latencies.put("byFileCode", measure(queries, i -> {
                NewFile f = batch.files().get(random.nextInt(files));
                return () -> catalogue.file(f.fileCode()).orElseThrow();
            }));
            latencies.put("byDateRange", measure(queries, i -> {
                LocalDate from = LocalDate.of(1998 + random.nextInt(27), 1 + random.nextInt(12), 1);
                return () -> catalogue.findFiles(new FileQuery(FONDS, Optional.of(from),
                        Optional.of(from.plusMonths(1).minusDays(1)), Optional.empty(), 100));
            }));
            latencies.put("byBox", measure(queries, i -> {
                String box = batch.files().get(random.nextInt(files)).box().orElseThrow();
                return () -> {
                    if (catalogue.findFiles(new FileQuery(FONDS, Optional.empty(), Optional.empty(), Optional.of(box),
                            100)).isEmpty()) {
                        throw new IllegalStateException("box " + box + " not found");
                    }
                };
            }));
            latencies.put("documentsOfFile", measure(queries, i -> {
                NewFile f = batch.files().get(random.nextInt(files));
                long id = catalogue.file(f.fileCode()).orElseThrow().id();
                return () -> catalogue.items(id);
            }));
            // the navigator's slices of 200 files anywhere in the biggest scheme node (a jump to its end included)
            Map<Long, Long> counts = catalogue.fileCounts(FONDS);
            long biggest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int inBiggest = counts.get(biggest).intValue();
            latencies.put("navigatorSlice", measure(queries, i -> {
                int offset = random.nextInt(Math.max(1, inBiggest - 200 + 1));
                return () -> {
                    if (catalogue.files(biggest, offset, 200).isEmpty()) {
                        throw new IllegalStateException("no files at " + offset + " of node " + biggest);
                    }
                };
            }));
            heap.stop();

            double rate = result.items() / seconds;
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("files", result.files());
                m.put("items", result.items());
                m.put("importSeconds", round(seconds));
                m.put("itemsPerSecond", Math.round(rate));
                m.put("filesPerSecond", Math.round(result.files() / seconds));
                m.put("databaseBytes", dbBytes);
                m.put("transactionLogBytes", logBytes);
                Map<String, Object> q = new LinkedHashMap<>();
                latencies.forEach((k, v) -> q.put(k, Map.of("p50ms", round(percentile(v, 50)),
                        "p95ms", round(percentile(v, 95)), "n", v.length)));
                m.put("queries", q);
                m.put("heapPeakUsedBytes", heap.peakUsed);
                m.put("heapPeakAfterGcBytes", heap.peakAfterGc());
                m.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
                m.put("processors", Runtime.getRuntime().availableProcessors());
                out.println(Json.write(m));
            } else {
                out.println(r.text("bench.imported", result.files(), result.items(), seconds, rate,
                        result.files() / seconds));
                out.println(r.text("bench.size", dbBytes / 1e6, (double) dbBytes / Math.max(1, result.items()),
                        logBytes / 1e6));
                latencies.forEach((k, v) -> out.println(r.text("bench.query", r.text("bench.q." + k),
                        percentile(v, 50), percentile(v, 95), v.length)));
                out.println(r.text("bench.heap", heap.peakUsed / 1e6, heap.peakAfterGc() / 1e6,
                        Runtime.getRuntime().maxMemory() / 1e6));
            }
            return 0;
        }
    }

    /** Runs {@code n} queries after {@code n / 10} unmeasured ones; returns each one's time in milliseconds. */
    private static double[] measure(int n, java.util.function.IntFunction<Runnable> query) {
        int warm = Math.max(1, n / 10);
        for (int i = 0; i < warm; i++) {
            query.apply(i).run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            Runnable q = query.apply(i);
            long t = System.nanoTime();
            q.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static long size(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples the heap every 50 ms: the highest use seen, and the highest use left after a collection. */
    static final class HeapWatch {
        private final Thread thread = new Thread(this::run, "hoso-bench-heap");
        private volatile boolean running = true;
        volatile long peakUsed;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        private void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private volatile long peakAfterGc;

        private void sample() {
            peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
            peakAfterGc = Math.max(peakAfterGc, afterGc);
        }

        /** The most the heap pools held just after a collection (summed over pools): the live data, roughly. */
        long peakAfterGc() {
            return peakAfterGc;
        }
    }
}
