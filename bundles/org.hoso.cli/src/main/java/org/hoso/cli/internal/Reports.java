package org.hoso.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PluginInfo;
import org.hoso.core.api.ServiceInfo;

/**
 * What the command line and the shell print, in one place so that both say the same thing: text in the user's
 * language, and JSON with stable English keys for scripts.
 */
final class Reports {

    private final ResourceBundle texts;

    Reports(Locale locale) {
        this.texts = Localization.messages("org.hoso.cli.internal.messages", locale, Reports.class.getClassLoader());
    }

    String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : String.format(pattern, args);
    }

    String version(PlatformInfo p) {
        return text("version.line", p.productVersion(), p.framework(), p.frameworkVersion(), p.javaVersion());
    }

    Map<String, Object> versionJson(PlatformInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", "Hoso");
        m.put("version", p.productVersion());
        m.put("framework", p.framework());
        m.put("frameworkVersion", p.frameworkVersion());
        m.put("java", p.javaVersion());
        m.put("workspace", p.workspace());
        return m;
    }

    /** The plugins report: every bundle with state and contributions, then the plugin files. */
    List<String> plugins(PlatformService platform) {
        List<String> lines = new ArrayList<>();
        List<BundleInfo> bundles = platform.bundles();
        lines.add(text("plugins.bundles", bundles.size()));
        for (BundleInfo b : bundles) {
            lines.add(String.format("  %3d %-10s %s %s%s", b.id(), b.state(), b.symbolicName(), b.version(),
                    b.plugin() ? "  [" + text("plugins.fromFolder") + "]" : ""));
            for (ServiceInfo s : b.services()) {
                lines.add("        + " + contribution(s));
            }
        }
        List<PluginInfo> plugins = platform.plugins();
        lines.add("");
        lines.add(text("plugins.folder", platform.pluginsDirectory().map(Object::toString)
                .orElse(text("plugins.noFolder")), plugins.size()));
        for (PluginInfo p : plugins) {
            lines.add(String.format("  %-8s %s", text("plugin.status." + p.status()), p.file()));
            p.bundle().ifPresent(b -> lines.add("           " + b.symbolicName() + " " + b.version()));
            p.problem().ifPresent(pr -> lines.add("           " + text("problem." + pr.kind()) + ": " + pr.detail()));
        }
        long broken = plugins.stream().filter(PluginInfo::isBroken).count();
        if (broken > 0) {
            lines.add(text("plugins.brokenCount", broken));
        }
        return lines;
    }

    Map<String, Object> pluginsJson(PlatformService platform) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("platform", versionJson(platform.platform()));
        m.put("pluginsDirectory", platform.pluginsDirectory().map(Object::toString));
        List<Object> bundles = new ArrayList<>();
        for (BundleInfo b : platform.bundles()) {
            bundles.add(bundleJson(b));
        }
        m.put("bundles", bundles);
        List<Object> plugins = new ArrayList<>();
        for (PluginInfo p : platform.plugins()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("file", p.file());
            pm.put("status", p.status().name());
            pm.put("bundle", p.bundle().map(BundleInfo::symbolicName));
            pm.put("problem", p.problem().map(pr -> {
                Map<String, Object> prm = new LinkedHashMap<>();
                prm.put("kind", pr.kind().name());
                prm.put("message", text("problem." + pr.kind()));
                prm.put("detail", pr.detail());
                return prm;
            }));
            plugins.add(pm);
        }
        m.put("plugins", plugins);
        return m;
    }

    private static Map<String, Object> bundleJson(BundleInfo b) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("id", b.id());
        bm.put("symbolicName", b.symbolicName());
        bm.put("version", b.version());
        bm.put("name", b.name());
        bm.put("state", b.state().name());
        bm.put("plugin", b.plugin());
        bm.put("location", b.location());
        List<Object> services = new ArrayList<>();
        for (ServiceInfo s : b.services()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("types", s.types());
            sm.put("properties", s.properties());
            services.add(sm);
        }
        bm.put("services", services);
        return bm;
    }

    /** "RecordType example.mapsheet" style: simple type names and the Hoso id properties. */
    static String contribution(ServiceInfo s) {
        StringBuilder sb = new StringBuilder();
        for (String type : s.types()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(type.substring(type.lastIndexOf('.') + 1));
        }
        s.properties().entrySet().stream()
                .filter(e -> e.getKey().startsWith("hoso.") && e.getKey().endsWith(".id"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(' ').append(e.getValue()));
        return sb.toString();
    }
}
