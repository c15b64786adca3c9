package org.hoso.core.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PluginInfo;
import org.hoso.core.api.PluginInfo.Problem;
import org.hoso.core.api.ServiceInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The platform facade. Watches the plugins folder next to Felix FileInstall (which installs and removes the
 * bundles) and explains every file that did not become a working bundle.
 */
@Component(service = PlatformService.class, immediate = true)
public final class PlatformServiceImpl implements PlatformService {

    /** Framework property with the product version, set by the launcher. */
    static final String VERSION_PROPERTY = "hoso.version";
    /** Framework property with the workspace folder, set by the launcher. */
    static final String WORKSPACE_PROPERTY = "hoso.workspace";
    /** FileInstall's folder property: the plugins folder. */
    static final String PLUGINS_PROPERTY = "felix.fileinstall.dir";
    /** A file younger than this that FileInstall has not installed is pending, older is broken. */
    static final Duration INSTALL_GRACE = Duration.ofSeconds(10);
    private static final Duration SCAN_PERIOD = Duration.ofMillis(500);

    private final BundleContext context;
    private final Optional<Path> pluginsDir;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Start failures, by bundle id and last-modified time, so an activator is tried once per version. */
    private final Map<String, Optional<Problem>> startDiagnoses = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scanner;
    private final BundleListener bundleListener = e -> changed();
    private final ServiceListener serviceListener = e -> changed();
    private volatile String lastSignature = "";

    @Activate
    public PlatformServiceImpl(BundleContext context) {
        this.context = context;
        this.pluginsDir = Optional.ofNullable(context.getProperty(PLUGINS_PROPERTY))
                .filter(s -> !s.isBlank())
                .map(s -> Paths.get(s).toAbsolutePath().normalize());
        context.addBundleListener(bundleListener);
        context.addServiceListener(serviceListener);
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hoso-plugin-scanner");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(this::scan, 0, SCAN_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
        context.removeBundleListener(bundleListener);
        context.removeServiceListener(serviceListener);
        listeners.clear();
    }

    @Override
    public PlatformInfo platform() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        String frameworkName = switch (system.getSymbolicName()) {
            case "org.eclipse.osgi" -> "Eclipse Equinox";
            case "org.apache.felix.framework" -> "Apache Felix";
            default -> system.getSymbolicName();
        };
        String version = Optional.ofNullable(context.getProperty(VERSION_PROPERTY))
                .orElse(context.getBundle().getVersion().toString());
        String workspace = Optional.ofNullable(context.getProperty(WORKSPACE_PROPERTY)).orElse("");
        return new PlatformInfo(version, frameworkName, system.getVersion().toString(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")), workspace);
    }

    @Override
    public List<BundleInfo> bundles() {
        return Arrays.stream(context.getBundles())
                .sorted(Comparator.comparingLong(Bundle::getBundleId))
                .map(this::info)
                .toList();
    }

    @Override
    public Optional<Path> pluginsDirectory() {
        return pluginsDir;
    }

    @Override
    public List<PluginInfo> plugins() {
        if (pluginsDir.isEmpty()) {
            return List.of();
        }
        List<Path> files;
        try {
            files = PluginFiles.list(pluginsDir.get());
        } catch (IOException e) {
            return List.of();
        }
        Map<Path, Bundle> byFile = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            file(b).ifPresent(f -> byFile.put(f, b));
        }
        List<PluginInfo> result = new ArrayList<>();
        for (Path f : files) {
            result.add(describe(f, byFile.get(f.toAbsolutePath().normalize())));
        }
        return result;
    }

    @Override
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean busy = plugins().stream().anyMatch(p -> p.status() == PluginInfo.Status.PENDING)
                    || Arrays.stream(context.getBundles())
                            .anyMatch(b -> b.getState() == Bundle.STARTING && !isLazy(b)
                                    || b.getState() == Bundle.STOPPING);
            if (!busy) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public Subscription onChange(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private PluginInfo describe(Path file, Bundle bundle) {
        String name = file.getFileName().toString();
        if (bundle == null) {
            PluginFiles.Result inspected = PluginFiles.inspect(file);
            if (inspected.problem().isPresent()) {
                return new PluginInfo(name, PluginInfo.Status.BROKEN, Optional.empty(), inspected.problem());
            }
            PluginFiles.Identity id = inspected.identity().orElseThrow();
            for (Bundle other : context.getBundles()) {
                if (id.symbolicName().equals(other.getSymbolicName())
                        && id.version().equals(other.getVersion().toString())) {
                    return new PluginInfo(name, PluginInfo.Status.BROKEN, Optional.empty(), Optional.of(new Problem(
                            Problem.Kind.DUPLICATE, id.symbolicName() + " " + id.version()
                                    + " is already installed from " + other.getLocation())));
                }
            }
            if (age(file).compareTo(INSTALL_GRACE) < 0) {
                return new PluginInfo(name, PluginInfo.Status.PENDING, Optional.empty(), Optional.empty());
            }
            return new PluginInfo(name, PluginInfo.Status.BROKEN, Optional.empty(), Optional.of(new Problem(
                    Problem.Kind.INSTALL_FAILED, "the plugins folder watcher did not install " + name)));
        }
        BundleInfo info = info(bundle);
        Optional<Problem> problem = switch (bundle.getState()) {
            case Bundle.INSTALLED -> Optional.of(unresolved(bundle));
            case Bundle.RESOLVED -> isFragment(bundle) ? Optional.empty() : startFailure(bundle);
            default -> Optional.empty();
        };
        if (problem.isPresent()) {
            return new PluginInfo(name, PluginInfo.Status.BROKEN, Optional.of(info(bundle)), problem);
        }
        if (bundle.getState() == Bundle.RESOLVED && !isFragment(bundle)) {
            // started by our diagnosis just now: describe its new state
            info = info(bundle);
        }
        return new PluginInfo(name, PluginInfo.Status.ACTIVE, Optional.of(info), Optional.empty());
    }

    /** Names every mandatory requirement of an unresolved bundle that nothing installed provides. */
    private Problem unresolved(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (wiring.resolveBundles(List.of(bundle))) {
            return new Problem(Problem.Kind.UNRESOLVED, "resolved only now; it will start on the next scan");
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> missing = new ArrayList<>();
        if (revision != null) {
            for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
                String resolution = req.getDirectives().get(Constants.RESOLUTION_DIRECTIVE);
                if (Constants.RESOLUTION_OPTIONAL.equals(resolution)) {
                    continue;
                }
                if (wiring.findProviders(req).isEmpty()) {
                    missing.add(describe(req));
                }
            }
        }
        String detail = missing.isEmpty()
                ? "its requirements could not be satisfied together (a uses conflict)"
                : "missing " + String.join("; ", missing);
        return new Problem(Problem.Kind.UNRESOLVED, detail);
    }

    private static String describe(BundleRequirement req) {
        String filter = req.getDirectives().getOrDefault(Constants.FILTER_DIRECTIVE, "");
        String what = switch (req.getNamespace()) {
            case "osgi.wiring.package" -> "package";
            case "osgi.wiring.bundle" -> "bundle";
            case "osgi.wiring.host" -> "host bundle";
            case ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE -> "Java version";
            default -> req.getNamespace();
        };
        return what + " " + filter;
    }

    /**
     * A resolved, non-lazy bundle in the plugins folder should be active: FileInstall failed to start it. Start it
     * once (per file version) to learn why, as the framework reports failures only to the caller of start().
     */
    private Optional<Problem> startFailure(Bundle bundle) {
        if (isLazy(bundle)) {
            return Optional.empty();
        }
        String key = bundle.getBundleId() + "@" + bundle.getLastModified();
        return startDiagnoses.computeIfAbsent(key, k -> {
            try {
                bundle.start(Bundle.START_TRANSIENT);
                return Optional.empty();
            } catch (BundleException | IllegalStateException | SecurityException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String detail = cause == e ? PluginFiles.message(e)
                        : cause.getClass().getName() + ": " + PluginFiles.message(cause);
                return Optional.of(new Problem(Problem.Kind.START_FAILED, detail));
            }
        });
    }

    private BundleInfo info(Bundle b) {
        List<ServiceInfo> services = new ArrayList<>();
        ServiceReference<?>[] refs = b.getState() == Bundle.UNINSTALLED ? null : b.getRegisteredServices();
        if (refs != null) {
            Arrays.sort(refs, Comparator.comparingLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)));
            for (ServiceReference<?> r : refs) {
                Map<String, String> props = new LinkedHashMap<>();
                for (String key : r.getPropertyKeys()) {
                    if (key.startsWith("hoso.") || key.equals("component.name")) {
                        props.put(key, text(r.getProperty(key)));
                    }
                }
                services.add(new ServiceInfo((Long) r.getProperty(Constants.SERVICE_ID),
                        List.of((String[]) r.getProperty(Constants.OBJECTCLASS)), props));
            }
        }
        String bsn = Optional.ofNullable(b.getSymbolicName()).orElse(b.getLocation());
        String name = name(b, bsn);
        boolean plugin = file(b).map(f -> pluginsDir.map(f::startsWith).orElse(false)).orElse(false);
        return new BundleInfo(b.getBundleId(), bsn, b.getVersion().toString(), name, state(b.getState()),
                b.getLocation(), plugin, services);
    }

    /**
     * Bundle-Name in the framework's locale. Felix does not localize a fragment's headers (its texts live in the
     * fragment, and Felix looks in the host): an untranslated {@code %key} falls back to the symbolic name.
     */
    static String name(Bundle b, String bsn) {
        String raw = b.getHeaders("").get(Constants.BUNDLE_NAME);
        String localized = b.getHeaders().get(Constants.BUNDLE_NAME);
        if (localized == null || localized.isBlank()
                || raw != null && raw.startsWith("%") && (localized.equals(raw) || localized.equals(raw.substring(1)))) {
            return bsn;
        }
        return localized;
    }

    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return String.join(",", Arrays.stream(array).map(String::valueOf).toList());
        }
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static BundleInfo.State state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> BundleInfo.State.INSTALLED;
            case Bundle.RESOLVED -> BundleInfo.State.RESOLVED;
            case Bundle.STARTING -> BundleInfo.State.STARTING;
            case Bundle.STOPPING -> BundleInfo.State.STOPPING;
            case Bundle.ACTIVE -> BundleInfo.State.ACTIVE;
            default -> BundleInfo.State.UNINSTALLED;
        };
    }

    /** The local file a bundle was installed from, for file: and reference:file: locations. */
    static Optional<Path> file(Bundle b) {
        return file(b.getLocation());
    }

    static Optional<Path> file(String location) {
        String loc = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!loc.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Paths.get(URI.create(loc.replace(" ", "%20"))).toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return Optional.of(Paths.get(loc.substring("file:".length())).toAbsolutePath().normalize());
        }
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private static boolean isLazy(Bundle b) {
        String policy = b.getHeaders().get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return policy != null && policy.startsWith(Constants.ACTIVATION_LAZY);
    }

    private static Duration age(Path file) {
        try {
            return Duration.ofMillis(System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return Duration.ZERO;
        }
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // a listener's failure must not stop the others nor the framework's event delivery
            }
        }
    }

    /** Fires change events for plugin files that bring no bundle event (a broken jar dropped in or removed). */
    private void scan() {
        try {
            StringBuilder sig = new StringBuilder();
            for (PluginInfo p : plugins()) {
                sig.append(p.file()).append(':').append(p.status()).append(';');
            }
            String now = sig.toString();
            if (!now.equals(lastSignature)) {
                lastSignature = now;
                changed();
            }
        } catch (RuntimeException e) {
            // keep scanning: a file vanishing between list and read is normal
        }
    }
}
