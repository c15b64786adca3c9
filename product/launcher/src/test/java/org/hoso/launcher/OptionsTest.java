package org.hoso.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @Test
    void readsGlobalOptionsBeforeTheCommandInBothSpellings() {
        Options o = Options.parse(new String[] { "--workspace", "/tmp/ws", "--framework=felix", "--lang", "en",
                "plugins", "--json" }, Map.of(), "/home/a");
        assertEquals(Paths.get("/tmp/ws"), o.workspace());
        assertEquals("felix", o.framework());
        assertEquals("en", o.lang());
        assertEquals("plugins", o.command().orElseThrow());
        assertFalse(o.shell());
    }

    @Test
    void aCommandsJobsSetTheWorkersOfThisProcess() {
        Options o = Options.parse(new String[] { "--lang", "en", "digitise", "scans", "--fonds", "H49", "--jobs",
                "3" }, Map.of(), "/home/a");
        assertEquals(Optional.of(3), o.jobs());
        assertEquals(Optional.of(1), Options.parse(new String[] { "digitise", "--jobs=1", "x" }, Map.of(), "/h").jobs());
        assertEquals(Optional.empty(), Options.parse(new String[] { "plugins" }, Map.of(), "/h").jobs());
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "digitise", "--jobs", "all" }, Map.of(), "/h"));
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "digitise", "--jobs", "0" }, Map.of(), "/h"));
    }

    @Test
    void defaultsComeFromEnvironmentThenHome() {
        Options o = Options.parse(new String[] { "shell" }, Map.of("HOSO_FRAMEWORK", "FELIX"), "/home/a");
        assertEquals(Paths.get("/home/a/hoso-workspace"), o.workspace());
        assertEquals("felix", o.framework());
        assertEquals("vi", o.lang());
        assertTrue(o.shell());
    }

    @Test
    void rejectsUnknownFrameworkAndMissingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "--framework", "karaf" }, Map.of(), "/h"));
        assertTrue(e.getMessage().contains("karaf"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] { "--workspace" }, Map.of(), "/h"));
    }

    @Test
    void substitutesKnownVariablesAndLeavesOthers() {
        assertEquals("/opt/hoso/plugins and ${other}",
                Main.substitute("${hoso.home}/plugins and ${other}", Map.of("hoso.home", "/opt/hoso")));
    }

    @Test
    void installsCommonBundlesThenFrameworkExtras(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("framework/felix/bundles"));
        Files.createFile(home.resolve("bundles/b.jar"));
        Files.createFile(home.resolve("bundles/a.jar"));
        Files.createFile(home.resolve("framework/felix/bundles/shim.jar"));
        assertEquals(List.of(home.resolve("bundles/a.jar"), home.resolve("bundles/b.jar"),
                home.resolve("framework/felix/bundles/shim.jar")), Main.bundleFiles(home, "felix"));
        assertEquals(2, Main.bundleFiles(home, "equinox").size());
    }
}
