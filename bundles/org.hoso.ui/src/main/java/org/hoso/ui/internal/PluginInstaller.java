package org.hoso.ui.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Copies a plugin jar into the plugins folder so that the folder watcher never sees half a file: the bytes go to a
 * hidden temporary file in the same folder (which no {@code .jar} filter matches), then one atomic rename.
 */
final class PluginInstaller {

    private PluginInstaller() {
    }

    /** True for a file name the plugins folder watcher picks up. */
    static boolean isJar(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** Where {@code source} lands in {@code pluginsDir}. */
    static Path target(Path source, Path pluginsDir) {
        return pluginsDir.resolve(source.getFileName().toString());
    }

    /**
     * Copies {@code source} into {@code pluginsDir}, replacing a file of the same name.
     *
     * @return the installed file
     */
    static Path install(Path source, Path pluginsDir) throws IOException {
        if (!isJar(source)) {
            throw new IllegalArgumentException("not a .jar file: " + source);
        }
        Files.createDirectories(pluginsDir);
        Path target = target(source, pluginsDir);
        Path tmp = Files.createTempFile(pluginsDir, ".install-", ".part");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
