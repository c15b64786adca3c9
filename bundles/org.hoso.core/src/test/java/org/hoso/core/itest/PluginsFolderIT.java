package org.hoso.core.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PluginInfo;
import org.hoso.core.api.PluginInfo.Problem;
import org.hoso.core.api.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** The platform in a real framework: services wired, plugins hot-installed and removed, broken plugins explained. */
class PluginsFolderIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PlatformService platform;

    private Path plugins;

    @BeforeEach
    void emptyPluginsFolder() throws Exception {
        plugins = platform.pluginsDirectory().orElseThrow();
        Files.createDirectories(plugins);
        clear();
    }

    @AfterEach
    void removePlugins() throws Exception {
        clear();
    }

    @Test
    void platformDescribesItsFrameworkAndBundles() {
        PlatformInfo info = platform.platform();
        String systemBsn = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getSymbolicName();
        assertEquals(systemBsn.equals("org.eclipse.osgi") ? "Eclipse Equinox" : "Apache Felix", info.framework());
        assertEquals("0.1.0-itest", info.productVersion());

        BundleInfo core = platform.bundles().stream().filter(b -> b.symbolicName().equals("org.hoso.core"))
                .findFirst().orElseThrow();
        assertEquals(BundleInfo.State.ACTIVE, core.state());
        assertFalse(core.plugin());
        assertTrue(core.services().stream().anyMatch(s -> s.types().contains(PlatformService.class.getName())),
                "the core contributes the platform service: " + core.services());
    }

    @Test
    void examplePluginAppearsWhenDroppedInAndDisappearsWhenDeleted() throws Exception {
        Path jar = plugins.resolve("org.hoso.example.jar");
        Files.copy(fixture("org.hoso.example.jar"), jar);

        PluginInfo active = await("the example plugin to be active", () -> plugin("org.hoso.example.jar")
                .filter(p -> p.status() == PluginInfo.Status.ACTIVE)
                .filter(p -> p.bundle().orElseThrow().services().size() == 2));
        BundleInfo bundle = active.bundle().orElseThrow();
        assertEquals("org.hoso.example", bundle.symbolicName());
        assertTrue(bundle.plugin());
        List<String> types = bundle.services().stream().flatMap(s -> s.types().stream()).sorted().toList();
        assertEquals(List.of("org.hoso.core.api.RecordType", "org.hoso.ui.api.WorkbenchView"), types);
        assertEquals("example.mapsheet", bundle.services().stream()
                .filter(s -> s.types().contains(RecordType.class.getName())).findFirst().orElseThrow()
                .properties().get(RecordType.ID_PROPERTY));

        RecordType type = await("the record type service", () -> recordType("example.mapsheet"));
        assertEquals("Tờ bản đồ địa chính (plugin mẫu)", type.label(java.util.Locale.forLanguageTag("vi")));

        Files.delete(jar);
        await("the example bundle to be gone", () -> Stream.of(context.getBundles())
                .noneMatch(b -> "org.hoso.example".equals(b.getSymbolicName())) ? Optional.of(true) : Optional.empty());
        assertTrue(recordType("example.mapsheet").isEmpty(), "its service left with it");
        assertTrue(platform.plugins().isEmpty(), "nothing left in the plugins list: " + platform.plugins());
    }

    @Test
    void brokenPluginsAreExplainedAndTheRestKeepsRunning() throws Exception {
        Files.writeString(plugins.resolve("notes.jar"), "this is a text file, not a jar", StandardCharsets.UTF_8);
        writeZip(plugins.resolve("plain-library.jar"), manifest(Map.of("Implementation-Title", "plain")), null);
        writeZip(plugins.resolve("needs-missing.jar"), manifest(Map.of(
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "org.hoso.itest.needsmissing",
                "Bundle-Version", "1.0.0",
                "Import-Package", "org.nowhere.missing;version=\"[1,2)\"")), null);
        writeZip(plugins.resolve("throws-on-start.jar"), manifest(Map.of(
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "org.hoso.itest.throwing",
                "Bundle-Version", "1.0.0",
                "Import-Package", "org.osgi.framework",
                "Bundle-Activator", ThrowingActivator.class.getName())), ThrowingActivator.class);
        Files.copy(fixture("org.hoso.example.jar"), plugins.resolve("org.hoso.example.jar"));

        Map<String, PluginInfo> byFile = await("every plugin to be diagnosed", () -> {
            List<PluginInfo> all = platform.plugins();
            boolean settled = all.size() == 5 && all.stream().allMatch(p -> p.status() != PluginInfo.Status.PENDING)
                    && all.stream().filter(PluginInfo::isBroken).count() == 4;
            return settled ? Optional.of(all.stream().collect(Collectors.toMap(PluginInfo::file, p -> p)))
                    : Optional.empty();
        });

        assertProblem(byFile.get("notes.jar"), Problem.Kind.NOT_A_JAR, "notes.jar");
        assertProblem(byFile.get("plain-library.jar"), Problem.Kind.NOT_A_BUNDLE, "Bundle-SymbolicName");
        assertProblem(byFile.get("needs-missing.jar"), Problem.Kind.UNRESOLVED, "org.nowhere.missing");
        assertProblem(byFile.get("throws-on-start.jar"), Problem.Kind.START_FAILED, "boom");
        assertEquals(PluginInfo.Status.ACTIVE, byFile.get("org.hoso.example.jar").status());
        assertTrue(recordType("example.mapsheet").isPresent(), "a good plugin works beside broken ones");
        assertEquals(Bundle.ACTIVE, Stream.of(context.getBundles())
                .filter(b -> "org.hoso.core".equals(b.getSymbolicName())).findFirst().orElseThrow().getState());
    }

    private static void assertProblem(PluginInfo info, Problem.Kind kind, String detailPart) {
        assertTrue(info.isBroken(), info.file() + " should be broken: " + info);
        Problem problem = info.problem().orElseThrow();
        assertEquals(kind, problem.kind(), info.file() + ": " + problem);
        assertTrue(problem.detail().contains(detailPart), info.file() + ": " + problem.detail());
    }

    private Optional<PluginInfo> plugin(String file) {
        return platform.plugins().stream().filter(p -> p.file().equals(file)).findFirst();
    }

    private Optional<RecordType> recordType(String id) {
        try {
            for (ServiceReference<RecordType> ref : context.getServiceReferences(RecordType.class,
                    "(" + RecordType.ID_PROPERTY + "=" + id + ")")) {
                RecordType type = context.getService(ref);
                if (type != null) {
                    return Optional.of(type);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        return Optional.empty();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
    }

    private void clear() throws Exception {
        try (Stream<Path> files = Files.list(plugins)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        await("the plugins folder to be empty in the framework", () -> Stream.of(context.getBundles())
                .noneMatch(b -> b.getLocation().contains(plugins.toString() + "/"))
                        ? Optional.of(true) : Optional.empty());
    }

    private static Path fixture(String name) {
        Path p = Paths.get(System.getProperty("hoso.itest.fixtures", "target/itest-fixtures"), name);
        assertTrue(Files.isRegularFile(p), "test fixture missing: " + p);
        return p;
    }

    private static Manifest manifest(Map<String, String> headers) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        return m;
    }

    /** Writes a jar with {@code manifest} and, when given, the bytes of {@code type}; atomically (temp + move). */
    private static void writeZip(Path target, Manifest manifest, Class<?> type) throws IOException {
        Path tmp = Files.createTempFile(target.getParent().getParent(), "plugin", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new JarOutputStream(out, manifest)) {
            if (type != null) {
                String entry = type.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            } else {
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write("not a bundle".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
