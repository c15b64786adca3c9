package org.hoso.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts the framework found on the class path (Equinox or Felix: {@code bin/hoso} puts one of them there), installs
 * {@code bundles/} and the framework's own extras, and runs the command through the CLI's
 * {@code Function<String[], Integer>} service. {@code hoso shell} instead leaves the console to a Gogo session
 * (org.hoso.cli's {@code ShellConsole}, which reads UTF-8) until the framework stops.
 * <p>
 * Framework storage is a fresh temporary folder per process, deleted on exit: several hoso processes can run at
 * once (each workspace in one of them: {@link WorkspaceLock}), and nothing is written outside the workspace but that
 * temporary folder.
 */
public final class Main {

    static final String MAIN_FILTER = "(&(objectClass=java.util.function.Function)(hoso.launcher.main=true))";
    static final long MAIN_SERVICE_TIMEOUT_MS = 60_000;
    /** Exit code when another process holds the workspace (sysexits' EX_TEMPFAIL: try again later). */
    static final int WORKSPACE_IN_USE = 75;
    /** Started last: in {@code hoso shell} only once the hoso:* commands exist, so the first line typed finds them. */
    static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    private final PrintStream err;

    Main(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(err).run(args));
    }

    int run(String[] args) {
        Path home = Paths.get(System.getProperty("hoso.home", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, System.getenv(), System.getProperty("user.home"));
        } catch (IllegalArgumentException e) {
            err.println("hoso: " + e.getMessage());
            return 2;
        }
        WorkspaceLock held = null;
        if (WorkspaceLock.needed(options.command())) {
            try {
                held = WorkspaceLock.take(options.workspace(), options.command().orElseThrow());
            } catch (WorkspaceLock.InUse e) {
                err.println(text(options.lang(), "workspace.inUse", options.workspace(), e.holder));
                return WORKSPACE_IN_USE;
            } catch (IOException e) {
                err.println(text(options.lang(), "workspace.lockFailed", options.workspace(), e.getMessage()));
                return 1;
            }
        }
        try {
            return run(args, home, options);
        } finally {
            if (held != null) {
                try {
                    held.close();
                } catch (IOException ignored) {
                    // the OS lets go of it with the process anyway
                }
            }
        }
    }

    /** The launcher's own text, in the user's language (Vietnamese unless English was asked for). */
    static String text(String lang, String key, Object... args) {
        java.util.ResourceBundle messages = java.util.ResourceBundle.getBundle("org.hoso.launcher.messages",
                java.util.Locale.forLanguageTag(lang), Main.class.getClassLoader(),
                java.util.ResourceBundle.Control.getNoFallbackControl(
                        java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        return java.text.MessageFormat.format(messages.getString(key), args);
    }

    private int run(String[] args, Path home, Options options) {
        Path storage;
        try {
            storage = Files.createTempDirectory("hoso-osgi-");
        } catch (IOException e) {
            err.println("hoso: cannot create a temporary folder for the framework: " + e.getMessage());
            return 1;
        }
        Framework framework = null;
        try {
            Map<String, String> props = frameworkProperties(home, options, storage);
            Path swt = storage.resolve("swt");
            Files.createDirectories(swt);
            System.setProperty("swt.library.path", swt.toString());
            framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                    .newFramework(props);
            framework.init();
            List<Bundle> installed = install(framework.getBundleContext(), bundleFiles(home, options.framework()));
            framework.start();
            Bundle shell = null;
            for (Bundle b : installed) {
                if (GOGO_SHELL.equals(b.getSymbolicName())) {
                    shell = b;
                } else {
                    start(b);
                }
            }
            BundleContext context = framework.getBundleContext();
            if (options.shell()) {
                // the console opens once the hoso:* commands are there, so the first line typed finds them
                if (awaitMain(context) == null) {
                    return 1;
                }
                if (shell == null) {
                    err.println("hoso: the Gogo shell bundle is not installed");
                    return 1;
                }
                start(shell);
                framework.waitForStop(0);
                return 0;
            }
            if (shell != null) {
                // non-interactive (gosh.args): it only contributes its commands, as in any running product
                start(shell);
            }
            return runCommand(context, args);
        } catch (Exception e) {
            err.println("hoso: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        } finally {
            stop(framework);
            deleteQuietly(storage);
        }
    }

    static Map<String, String> frameworkProperties(Path home, Options options, Path storage) throws IOException {
        Properties conf = new Properties();
        Path confFile = home.resolve("conf/hoso.properties");
        if (Files.isRegularFile(confFile)) {
            try (InputStream in = Files.newInputStream(confFile)) {
                conf.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> vars = Map.of("hoso.home", home.toString(), "hoso.workspace",
                options.workspace().toString(), "hoso.framework", options.framework());
        Map<String, String> props = new HashMap<>();
        for (String key : conf.stringPropertyNames()) {
            props.put(key, substitute(conf.getProperty(key), vars));
        }
        props.put(Constants.FRAMEWORK_STORAGE, storage.resolve("framework").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("hoso.home", home.toString());
        props.put("hoso.workspace", options.workspace().toString());
        props.put("hoso.framework", options.framework());
        props.put("hoso.locale", options.lang());
        options.jobs().ifPresent(n -> props.put("hoso.jobs.workers", Integer.toString(n)));
        props.putIfAbsent("felix.fileinstall.dir", home.resolve("plugins").toString());
        // Gogo's own console reads bytes as Latin-1: hoso shell's console is org.hoso.cli's (UTF-8); Gogo's shell
        // bundle only contributes its built-in commands (Equinox assumes --nointeractive when gosh.args is absent)
        props.put("gosh.args", "--nointeractive");
        if (options.shell()) {
            props.put("hoso.console", "true");
        }
        return props;
    }

    private static final Pattern VAR = Pattern.compile("\\$\\{([a-z.]+)}");

    static String substitute(String value, Map<String, String> vars) {
        Matcher m = VAR.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code bundles/*.jar} then {@code framework/<name>/bundles/*.jar}, each folder sorted by name. */
    static List<Path> bundleFiles(Path home, String framework) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(home.resolve("bundles"), home.resolve("framework").resolve(framework).resolve("bundles"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(files::add);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no bundles in " + home.resolve("bundles") + ": the product is incomplete");
        }
        return files;
    }

    private List<Bundle> install(BundleContext context, List<Path> files) throws BundleException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path f : files) {
            // reference: keeps the jar where it is instead of copying it into the framework storage
            bundles.add(context.installBundle("reference:" + f.toUri()));
        }
        return bundles;
    }

    private void start(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            b.start();
        } catch (BundleException | RuntimeException e) {
            err.println("hoso: bundle " + b.getSymbolicName() + " did not start: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
        }
    }

    private int runCommand(BundleContext context, String[] args) throws Exception {
        ServiceReference<?> ref = awaitMain(context);
        if (ref == null) {
            return 1;
        }
        @SuppressWarnings("unchecked")
        Function<String[], Integer> main = (Function<String[], Integer>) context.getService(ref);
        if (main == null) {
            err.println("hoso: the command line service went away while starting");
            return 1;
        }
        try {
            return main.apply(args);
        } finally {
            context.ungetService(ref);
        }
    }

    /** The CLI's main service, once it is registered; null (after saying why) when it does not come. */
    private ServiceReference<?> awaitMain(BundleContext context) throws Exception {
        long deadline = System.currentTimeMillis() + MAIN_SERVICE_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, MAIN_FILTER);
            if (refs != null && refs.length > 0) {
                return refs[0];
            }
            Thread.sleep(20);
        }
        err.println("hoso: the command line service did not start within " + MAIN_SERVICE_TIMEOUT_MS / 1000
                + " s; a core bundle is not active (see the messages above)");
        return null;
    }

    private void stop(Framework framework) {
        if (framework == null || (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return;
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(15_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                err.println("hoso: the framework did not stop within 15 s");
            }
        } catch (BundleException | InterruptedException e) {
            err.println("hoso: stopping the framework: " + e.getMessage());
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
