package org.hoso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PluginInfo;
import org.hoso.core.api.PluginInfo.Problem;
import org.hoso.core.api.ServiceInfo;
import org.hoso.ui.internal.PluginRows.Row;
import org.junit.jupiter.api.Test;

class PluginRowsTest {

    private static final BundleInfo CORE = new BundleInfo(5, "org.hoso.core", "0.1.0", "Hoso core",
            BundleInfo.State.ACTIVE, "file:/opt/hoso/bundles/core.jar", false, List.of(
                    new ServiceInfo(20, List.of("org.hoso.core.api.PlatformService"), Map.of())));
    private static final BundleInfo EXAMPLE = new BundleInfo(30, "org.hoso.example", "0.1.0.SNAPSHOT",
            "Hoso example plugin", BundleInfo.State.ACTIVE, "file:/opt/hoso/plugins/example.jar", true, List.of(
                    new ServiceInfo(40, List.of("org.hoso.core.api.RecordType"),
                            Map.of("hoso.recordtype.id", "example.mapsheet"))));

    private final List<PluginInfo> plugins = List.of(
            new PluginInfo("broken.jar", PluginInfo.Status.BROKEN, Optional.empty(),
                    Optional.of(new Problem(Problem.Kind.NOT_A_JAR, "broken.jar is not a zip file"))),
            new PluginInfo("example.jar", PluginInfo.Status.ACTIVE, Optional.of(EXAMPLE), Optional.empty()),
            new PluginInfo("new.jar", PluginInfo.Status.PENDING, Optional.empty(), Optional.empty()));

    @Test
    void pluginFilesComeFirstThenTheOtherBundlesOnce() {
        List<Row> rows = PluginRows.rows(plugins, List.of(CORE, EXAMPLE), new Texts(Localization.VIETNAMESE));
        assertEquals(List.of("broken.jar", "example.jar", "new.jar", "Hoso core"), rows.stream().map(Row::name).toList());

        Row broken = rows.get(0);
        assertTrue(broken.broken());
        assertEquals("Bị lỗi", broken.state());
        assertEquals("Không phải tệp jar: broken.jar is not a zip file", broken.problem());

        Row example = rows.get(1);
        assertFalse(example.broken());
        assertEquals("org.hoso.example 0.1.0.SNAPSHOT", example.identity());
        assertEquals("RecordType (example.mapsheet)", example.contributions());
        assertEquals("Hoạt động", example.state());

        assertTrue(rows.get(2).pending());
        Row core = rows.get(3);
        assertFalse(core.pluginFile());
        assertEquals("đang chạy", core.state());
        assertEquals("PlatformService", core.contributions());
    }

    @Test
    void englishWhenAsked() {
        List<Row> rows = PluginRows.rows(plugins, List.of(CORE), new Texts(Locale.ENGLISH));
        assertEquals("Not a jar file: broken.jar is not a zip file", rows.get(0).problem());
        assertEquals("Waiting to be installed", rows.get(2).state());
    }

    @Test
    void statusLineCountsPluginsAndBrokenOnes() {
        PlatformInfo info = new PlatformInfo("0.1.0", "Eclipse Equinox", "3.24.300", "25", "/tmp/ws");
        assertEquals("Eclipse Equinox 3.24.300  ·  Phần mở rộng: 3  ·  Bị lỗi: 1",
                PluginRows.statusLine(info, plugins, new Texts(Localization.VIETNAMESE)));
        assertEquals("Eclipse Equinox 3.24.300  ·  Plugins: 0  ·  Broken: 0",
                PluginRows.statusLine(info, List.of(), new Texts(Locale.ENGLISH)));
    }
}
