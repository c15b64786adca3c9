package org.hoso.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.hoso.core.api.PluginInfo.Problem;

/** What can be said about a plugin file without the framework: is it a jar, is it a bundle. */
final class PluginFiles {

    /** The file names FileInstall is configured to pick up. */
    static final String JAR_SUFFIX = ".jar";

    private PluginFiles() {
    }

    /** The identity a plugin jar declares in its manifest. */
    record Identity(String symbolicName, String version) {
    }

    /** The jar files in {@code dir}, sorted by name; empty when the folder does not exist. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(JAR_SUFFIX))
                    .sorted()
                    .toList());
        }
    }

    /**
     * Reads the bundle identity of {@code jar}.
     *
     * @return the identity, or the problem that makes the file unusable as a bundle
     */
    static Result inspect(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException | SecurityException e) {
            return new Result(Optional.empty(), Optional.of(new Problem(Problem.Kind.NOT_A_JAR,
                    "cannot read " + jar.getFileName() + " as a jar: " + message(e))));
        }
        if (manifest == null) {
            return new Result(Optional.empty(), Optional.of(new Problem(Problem.Kind.NOT_A_BUNDLE,
                    jar.getFileName() + " has no META-INF/MANIFEST.MF")));
        }
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            return new Result(Optional.empty(), Optional.of(new Problem(Problem.Kind.NOT_A_BUNDLE,
                    jar.getFileName() + " has no Bundle-SymbolicName in META-INF/MANIFEST.MF")));
        }
        String name = bsn.split(";", 2)[0].trim();
        String version = Optional.ofNullable(main.getValue("Bundle-Version")).map(String::trim).orElse("0.0.0");
        return new Result(Optional.of(new Identity(name, version)), Optional.empty());
    }

    /** Outcome of {@link #inspect}: exactly one of the two is present. */
    record Result(Optional<Identity> identity, Optional<Problem> problem) {
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
