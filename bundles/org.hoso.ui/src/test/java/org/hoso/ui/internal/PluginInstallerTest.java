package org.hoso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginInstallerTest {

    @TempDir
    Path tmp;

    @Test
    void copiesTheJarAndLeavesNoTemporaryFile() throws Exception {
        Path source = Files.write(tmp.resolve("my-plugin.jar"), new byte[] {1, 2, 3});
        Path plugins = tmp.resolve("plugins");

        Path installed = PluginInstaller.install(source, plugins);

        assertEquals(plugins.resolve("my-plugin.jar"), installed);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(installed));
        assertEquals(List.of(installed), list(plugins));
    }

    @Test
    void replacesAFileOfTheSameName() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.write(plugins.resolve("p.jar"), new byte[] {9});
        Path source = Files.write(Files.createDirectories(tmp.resolve("new")).resolve("p.jar"), new byte[] {4, 5});

        PluginInstaller.install(source, plugins);

        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(plugins.resolve("p.jar")));
        assertEquals(1, list(plugins).size());
    }

    @Test
    void refusesFilesTheWatcherWouldIgnore() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertThrows(IllegalArgumentException.class, () -> PluginInstaller.install(notes, tmp.resolve("plugins")));
        assertEquals(true, PluginInstaller.isJar(Path.of("UPPER.JAR")));
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
