package org.hoso.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hoso.core.api.AuditLog;
import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.FixityReport;
import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobService;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.SampleGenerator;
import org.hoso.core.api.SearchService;
import org.hoso.digitise.api.DigitisationService;
import org.hoso.digitise.api.SampleScans;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PluginInfo;
import org.hoso.core.api.RecordType;
import org.osgi.framework.BundleContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hoso}: the top command. Global options are read by the launcher before the framework starts (it needs
 * them to choose the framework and the workspace); they are declared here so that help shows them and the parser
 * accepts them anywhere before the subcommand.
 */
@Command(name = "hoso", mixinStandardHelpOptions = false, subcommands = {
        HosoCommand.Version.class, HosoCommand.Plugins.class, HosoCommand.Demo.class, HosoCommand.Gui.class,
        HosoCommand.Shell.class, FondsCommand.class, ImportCommand.class, InventoryCommand.class,
        AuditCommand.class, VerifyCommand.class, JobsCommand.class, BenchCommand.class, OcrCommand.class,
        QcCommand.class, DigitiseCommand.class, RescansCommand.class, ExtractCommand.class, SearchCommand.class,
        CommandLine.HelpCommand.class })
final class HosoCommand implements Callable<Integer> {

    /** How long one-shot commands wait for dropped-in plugins to be installed before reporting. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    final BundleContext context;
    final PlatformService platform;
    final Reports reports;
    final Locale locale;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "DIR", descriptionKey = "option.workspace")
    String workspace;

    @Option(names = "--framework", paramLabel = "equinox|felix", descriptionKey = "option.framework")
    String framework;

    @Option(names = "--lang", paramLabel = "vi|en", descriptionKey = "option.lang")
    String lang;

    @Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "option.help")
    boolean help;

    /** The services this command uses, held until it ends ({@link #release}). */
    private Services services;

    HosoCommand(BundleContext context, PlatformService platform, Locale locale) {
        this.context = context;
        this.platform = platform;
        this.locale = locale;
        this.reports = new Reports(locale);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * The services of the running command: each is held, and so kept active, until the command ends. (Getting a
     * service and letting it go at once deactivated delayed components such as the search index, which the command
     * then used anyway: a second search in one shell session found the index still locked.)
     */
    Services services() {
        if (services == null) {
            services = new Services(context);
        }
        return services;
    }

    void release() {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Command(name = "version")
    static final class Version implements Callable<Integer> {
        @ParentCommand
        HosoCommand hoso;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() {
            PlatformInfo p = hoso.platform.platform();
            hoso.out().println(json ? Json.write(hoso.reports.versionJson(p)) : hoso.reports.version(p));
            return 0;
        }
    }

    @Command(name = "plugins")
    static final class Plugins implements Callable<Integer> {
        @ParentCommand
        HosoCommand hoso;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            hoso.platform.awaitSettled(SETTLE);
            if (json) {
                hoso.out().println(Json.write(hoso.reports.pluginsJson(hoso.platform)));
            } else {
                hoso.reports.plugins(hoso.platform).forEach(hoso.out()::println);
            }
            return 0;
        }
    }

    /**
     * The main job on the bundled sample records: starts the platform, creates the sample fonds in the workspace
     * (once: a second run finds it), and reports what the catalogue holds and whether it is intact. Says plainly what
     * this version does not do yet.
     */
    @Command(name = "demo")
    static final class Demo implements Callable<Integer> {
        @ParentCommand
        HosoCommand hoso;

        @Option(names = "--files", paramLabel = "N", defaultValue = "120", descriptionKey = "option.demoFiles")
        int files;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "2025", descriptionKey = "option.seed")
        long seed;

        @Override
        public Integer call() throws Exception {
            Reports r = hoso.reports;
            PrintWriter out = hoso.out();
            hoso.platform.awaitSettled(SETTLE);
            PlatformInfo p = hoso.platform.platform();
            out.println(r.text("demo.title"));
            out.println("  " + r.version(p));
            out.println("  " + r.text("demo.workspace", p.workspace()));
            List<BundleInfo> bundles = hoso.platform.bundles();
            List<BundleInfo> notActive = bundles.stream()
                    .filter(b -> b.state() != BundleInfo.State.ACTIVE && !isFragment(b))
                    .toList();
            out.println("  " + r.text("demo.bundles", bundles.size() - notActive.size(), bundles.size()));
            List<String> recordTypes = bundles.stream().flatMap(b -> b.services().stream())
                    .filter(s -> s.types().contains(RecordType.class.getName()))
                    .map(s -> s.properties().getOrDefault(RecordType.ID_PROPERTY, "?")).toList();
            out.println("  " + r.text("demo.recordTypes", recordTypes.size())
                    + (recordTypes.isEmpty() ? "" : " (" + String.join(", ", recordTypes) + ")"));
            List<PluginInfo> plugins = hoso.platform.plugins();
            out.println("  " + r.text("demo.plugins", plugins.size(),
                    plugins.stream().filter(PluginInfo::isBroken).count()));
            for (BundleInfo b : notActive) {
                hoso.err().println(r.text("demo.notActive", b.symbolicName(), b.state()));
            }
            if (!notActive.isEmpty()) {
                return 1;
            }

            CatalogueService catalogue = hoso.services().get(CatalogueService.class);
            SampleGenerator sample = hoso.services().get(SampleGenerator.class);
            AuditLog audit = hoso.services().get(AuditLog.class);
            ObjectStore objects = hoso.services().get(ObjectStore.class);
            if (catalogue == null || sample == null || audit == null || objects == null) {
                hoso.err().println(r.text("verify.noStore"));
                return 1;
            }
            out.println();
            String code = SampleGenerator.SAMPLE_FONDS;
            if (catalogue.fonds(code).isPresent()) {
                out.println(r.text("demo.sampleThere", code));
            } else {
                long start = System.nanoTime();
                CatalogueService.ImportResult result = catalogue.importBatch(sample.inventory(seed, files), "hoso-demo");
                out.println(r.text("demo.sampleCreated", code, result.files(), result.items(),
                        (System.nanoTime() - start) / 1e9));
                digitiseSamplePages(r, out, catalogue, code);
            }
            Fonds fonds = catalogue.fonds(code).orElseThrow();
            CatalogueService.Counts n = catalogue.counts(code);
            out.println("  " + r.text("fonds.header", fonds.code(), fonds.name()));
            out.println("    " + r.text("fonds.counts", n.schemeNodes(), n.files(), n.items(), n.boxes()));
            java.util.Map<Long, Long> perNode = catalogue.fileCounts(code);
            for (SchemeNode node : catalogue.scheme(code)) {
                out.println("    " + node.code() + ". " + node.title() + "  ("
                        + r.text("fonds.nodeFiles", perNode.getOrDefault(node.id(), 0L)) + ")");
            }
            SearchService search = hoso.services().get(SearchService.class);
            if (search != null) {
                // typed as a clerk types it, without diacritics: finds "đất đai" in titles, abstracts and page text
                String query = "dat dai";
                List<String> found = SearchCommand.lines(r, search.search(new SearchService.Query(query,
                        Optional.of(code), 3)), query);
                for (String line : found) {
                    out.println("  " + line);
                }
            }
            AuditLog.Verification chain = audit.verify();
            FixityReport fixity = objects.verify();
            out.println("  " + (chain.intact() ? r.text("audit.intact", chain.checked())
                    : r.text("audit.broken", chain.firstBad().orElseThrow(), chain.problem())));
            out.println("  " + r.text("verify.objects", fixity.objects(), fixity.bytes() / (1024.0 * 1024.0),
                    fixity.problems().size()));
            out.println();
            out.println(r.text("demo.notYet"));
            return chain.intact() && fixity.intact() ? 0 : 1;
        }

        /**
         * Renders the first pages of a few sample documents into a temporary scan folder and digitises it as an
         * operator would ({@code hoso digitise}): pages stored, checked, recognised, PDF/A per document and file.
         */
        private void digitiseSamplePages(Reports r, PrintWriter out, CatalogueService catalogue, String code)
                throws Exception {
            SampleScans scans = hoso.services().get(SampleScans.class);
            DigitisationService digitisation = hoso.services().get(DigitisationService.class);
            JobService jobs = hoso.services().get(JobService.class);
            if (scans == null || digitisation == null || jobs == null) {
                out.println("  " + r.text("digitise.unavailable"));
                return;
            }
            long t = System.nanoTime();
            Path dir = Files.createTempDirectory("hoso-demo-scans-");
            try {
                int pages = SamplePages.render(catalogue, scans, code, DEMO_PAGES, dir);
                Job job = digitisation.submit(digitisation.plan(List.of(dir), code, Optional.empty()), "vie",
                        "hoso-demo");
                jobs.awaitFinished(job.id(), Duration.ofMinutes(30));
                JobProgress p = jobs.progress(job.id());
                out.println(r.text("demo.samplePages", pages, p.done(), p.failed(),
                        digitisation.rescans(code, Optional.empty()).size(), (System.nanoTime() - t) / 1e9));
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }

        private static boolean isFragment(BundleInfo b) {
            // fragments stay RESOLVED by design (the SWT natives, for one)
            return b.state() == BundleInfo.State.RESOLVED && b.services().isEmpty()
                    && b.symbolicName().startsWith("org.eclipse.swt.");
        }
    }

    /** Documents of the sample fonds that get a scanned first page. */
    static final int DEMO_PAGES = 6;

    @Command(name = "gui")
    static final class Gui implements Callable<Integer> {
        @ParentCommand
        HosoCommand hoso;

        @Override
        public Integer call() throws InterruptedException {
            try {
                return GuiRunner.run(hoso.context, hoso.reports, hoso.out(), hoso.err());
            } catch (NoClassDefFoundError e) {
                hoso.err().println(hoso.reports.text("gui.notInstalled"));
                return 1;
            }
        }
    }

    /** Handled by the launcher, which keeps the console for Gogo; listed here for help. */
    @Command(name = "shell")
    static final class Shell implements Callable<Integer> {
        @ParentCommand
        HosoCommand hoso;

        @Override
        public Integer call() {
            hoso.err().println(hoso.reports.text("shell.viaLauncher"));
            return 2;
        }
    }
}
