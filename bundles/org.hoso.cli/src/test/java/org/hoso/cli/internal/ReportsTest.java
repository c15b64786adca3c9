package org.hoso.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PluginInfo;
import org.hoso.core.api.ServiceInfo;
import org.junit.jupiter.api.Test;

class ReportsTest {

    /** A fixed platform: two bundles, one working plugin and one broken. */
    private static final class FixedPlatform implements PlatformService {
        final BundleInfo example = new BundleInfo(7, "org.hoso.example", "0.1.0", "Example", BundleInfo.State.ACTIVE,
                "file:/opt/hoso/plugins/example.jar", true, List.of(new ServiceInfo(42,
                        List.of("org.hoso.core.api.RecordType"), Map.of("hoso.recordtype.id", "example.mapsheet"))));

        @Override
        public PlatformInfo platform() {
            return new PlatformInfo("0.1.0", "Apache Felix", "7.0.5", "25", "/home/a/hoso-workspace");
        }

        @Override
        public List<BundleInfo> bundles() {
            return List.of(new BundleInfo(0, "org.apache.felix.framework", "7.0.5", "Felix", BundleInfo.State.ACTIVE,
                    "System Bundle", false, List.of()), example);
        }

        @Override
        public List<PluginInfo> plugins() {
            return List.of(
                    new PluginInfo("broken.jar", PluginInfo.Status.BROKEN, Optional.empty(), Optional.of(
                            new PluginInfo.Problem(PluginInfo.Problem.Kind.NOT_A_JAR, "zip END header not found"))),
                    new PluginInfo("example.jar", PluginInfo.Status.ACTIVE, Optional.of(example), Optional.empty()));
        }

        @Override
        public Optional<Path> pluginsDirectory() {
            return Optional.of(Path.of("/opt/hoso/plugins"));
        }

        @Override
        public boolean awaitSettled(Duration timeout) {
            return true;
        }

        @Override
        public Subscription onChange(Runnable listener) {
            return () -> { };
        }
    }

    @Test
    void pluginsReportNamesTheBrokenFileAndItsReasonInVietnamese() {
        String text = String.join("\n", new Reports(Localization.VIETNAMESE).plugins(new FixedPlatform()));
        assertTrue(text.contains("LỖI      broken.jar"), text);
        assertTrue(text.contains("không phải tệp jar: zip END header not found"), text);
        assertTrue(text.contains("+ RecordType example.mapsheet"), text);
        assertTrue(text.contains("1 plugin không dùng được"), text);
    }

    @Test
    void pluginsJsonKeepsEnglishKeysAndLocalizedMessage() {
        String json = Json.write(new Reports(Locale.ENGLISH).pluginsJson(new FixedPlatform()));
        assertTrue(json.contains("\"file\":\"broken.jar\",\"status\":\"BROKEN\",\"bundle\":null,"
                + "\"problem\":{\"kind\":\"NOT_A_JAR\",\"message\":\"not a jar file\""), json);
        assertTrue(json.contains("\"types\":[\"org.hoso.core.api.RecordType\"]"), json);
    }

    @Test
    void jsonEscapesTextAndKeepsVietnamese() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Hồ sơ \"số 1\"\n\tđã số hóa\\");
        m.put("n", 3L);
        m.put("none", Optional.empty());
        m.put("list", List.of(true, 1.5));
        assertEquals("{\"title\":\"Hồ sơ \\\"số 1\\\"\\n\\tđã số hóa\\\\\",\"n\":3,\"none\":null,\"list\":[true,1.5]}",
                Json.write(m));
    }

    @Test
    void helpIsInVietnameseByDefaultAndEnglishOnRequest() {
        assertTrue(help(Localization.VIETNAMESE).contains("Liệt kê mọi gói (bundle) và plugin"),
                help(Localization.VIETNAMESE));
        assertTrue(help(Locale.ENGLISH).contains("List every bundle and plugin"), help(Locale.ENGLISH));
    }

    @Test
    void unknownCommandFailsWithUsageExitCode() {
        StringWriter err = new StringWriter();
        int code = HosoMain.commandLine(null, new FixedPlatform(), Locale.ENGLISH, new PrintWriter(new StringWriter()),
                new PrintWriter(err)).execute("frobnicate");
        assertEquals(2, code);
        assertTrue(err.toString().contains("frobnicate"), err.toString());
    }

    @Test
    void versionPrintsProductFrameworkAndJava() {
        StringWriter out = new StringWriter();
        int code = HosoMain.commandLine(null, new FixedPlatform(), Localization.VIETNAMESE, new PrintWriter(out),
                new PrintWriter(new StringWriter())).execute("version");
        assertEquals(0, code);
        assertEquals("Hoso 0.1.0 (nền tảng Apache Felix 7.0.5, Java 25)", out.toString().trim());
    }

    private static String help(Locale locale) {
        StringWriter out = new StringWriter();
        HosoMain.commandLine(null, new FixedPlatform(), locale, new PrintWriter(out), new PrintWriter(out))
                .execute("--help");
        return out.toString();
    }
}
