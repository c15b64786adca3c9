package org.hoso.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PluginInfo;

/**
 * The rows of the plugins table: first every file of the plugins folder (broken ones included), then every other
 * installed bundle. A bundle installed from the plugins folder appears once, as its file.
 */
final class PluginRows {

    private PluginRows() {
    }

    /** One table row, as text. */
    record Row(String name, String identity, String state, String contributions, String problem, boolean broken,
            boolean pending, boolean pluginFile) {
    }

    static List<Row> rows(List<PluginInfo> plugins, List<BundleInfo> bundles, Texts texts) {
        List<Row> rows = new ArrayList<>();
        for (PluginInfo p : plugins) {
            Optional<BundleInfo> b = p.bundle();
            String state = texts.get("status." + p.status().name());
            if (b.isPresent() && b.get().state() != BundleInfo.State.ACTIVE) {
                state += " (" + texts.get("bundleState." + b.get().state().name()) + ")";
            }
            String problem = p.problem()
                    .map(pr -> texts.get("problem." + pr.kind().name()) + ": " + pr.detail())
                    .orElse("");
            rows.add(new Row(p.file(), b.map(PluginRows::identity).orElse(""), state,
                    b.map(bi -> Contributions.describe(bi.services())).orElse(""), problem, p.isBroken(),
                    p.status() == PluginInfo.Status.PENDING, true));
        }
        for (BundleInfo b : bundles) {
            if (b.plugin()) {
                continue;
            }
            rows.add(new Row(b.name(), identity(b), texts.get("bundleState." + b.state().name()),
                    Contributions.describe(b.services()), "", false, false, false));
        }
        return rows;
    }

    private static String identity(BundleInfo b) {
        return b.symbolicName() + " " + b.version();
    }

    /** The status line's counts: files in the plugins folder, and how many of them are broken. */
    static String statusLine(PlatformInfo platform, List<PluginInfo> plugins, Texts texts) {
        long broken = plugins.stream().filter(PluginInfo::isBroken).count();
        return texts.format("status.line", platform.framework(), platform.frameworkVersion(), plugins.size(), broken);
    }
}
