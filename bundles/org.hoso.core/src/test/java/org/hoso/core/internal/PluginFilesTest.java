package org.hoso.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.hoso.core.api.PluginInfo.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFilesTest {

    @TempDir
    Path dir;

    @Test
    void zeroByteFileIsNotAJar() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.jar"));
        Problem p = PluginFiles.inspect(f).problem().orElseThrow();
        assertEquals(Problem.Kind.NOT_A_JAR, p.kind());
        assertTrue(p.detail().contains("empty.jar"), p.detail());
    }

    @Test
    void readsIdentityOfABundleAndRejectsAPlainJar() throws Exception {
        Path bundle = jar("good.jar", "Bundle-SymbolicName", "org.example.good;singleton:=true", "Bundle-Version",
                "1.2.3");
        PluginFiles.Identity id = PluginFiles.inspect(bundle).identity().orElseThrow();
        assertEquals(new PluginFiles.Identity("org.example.good", "1.2.3"), id);

        Path plain = jar("plain.jar", "Implementation-Title", "plain");
        assertEquals(Problem.Kind.NOT_A_BUNDLE, PluginFiles.inspect(plain).problem().orElseThrow().kind());
    }

    @Test
    void listsOnlyJarsSortedAndToleratesAMissingFolder() throws Exception {
        jar("b.jar", "X", "1");
        jar("a.jar", "X", "1");
        Files.writeString(dir.resolve("readme.txt"), "x");
        assertEquals(2, PluginFiles.list(dir).size());
        assertEquals("a.jar", PluginFiles.list(dir).get(0).getFileName().toString());
        assertTrue(PluginFiles.list(dir.resolve("missing")).isEmpty());
    }

    @Test
    void mapsFileAndReferenceLocationsToPaths() {
        Path p = dir.resolve("x y.jar").toAbsolutePath();
        assertEquals(p, PlatformServiceImpl.file(p.toUri().toString()).orElseThrow());
        assertEquals(p, PlatformServiceImpl.file("reference:" + p.toUri()).orElseThrow());
        assertEquals(Paths.get("/tmp/a.jar"), PlatformServiceImpl.file("file:/tmp/a.jar").orElseThrow());
        assertTrue(PlatformServiceImpl.file("mvn:org.example/x/1.0").isEmpty());
    }

    private Path jar(String name, String... headers) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < headers.length; i += 2) {
            m.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return f;
    }
}
