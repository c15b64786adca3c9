package org.hoso.ui.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The window's arrangement, remembered per user: the current perspective, which stack each view sits in under each
 * perspective, the stacks minimised, and the language chosen in the preferences. Kept as a properties file
 * ({@code ~/.hoso/workbench.properties} unless {@value #SETTINGS_PROPERTY} names another), written whole to a
 * temporary file and renamed, so a crash never leaves half a file. A missing or unreadable file means the defaults.
 * Used on the UI thread only.
 */
final class Layout {

    /** Framework (or system) property: the settings file, instead of {@code ~/.hoso/workbench.properties}. */
    static final String SETTINGS_PROPERTY = "hoso.ui.settings";
    private static final System.Logger LOG = System.getLogger(Layout.class.getName());

    /** The stacks of tabs in the window. */
    enum Stack {
        LEFT, MAIN, RIGHT, BOTTOM;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A perspective per trade step, with the stacks its known views start in; other views go to the main stack. */
    enum Perspective {
        ARRANGEMENT(Map.of("hoso.navigator", Stack.LEFT, "hoso.editor", Stack.MAIN, "hoso.dashboard", Stack.MAIN)),
        DIGITISATION(Map.of("hoso.navigator", Stack.LEFT, "hoso.page", Stack.MAIN, "hoso.digitise", Stack.MAIN,
                "hoso.editor", Stack.BOTTOM)),
        METADATA(Map.of("hoso.navigator", Stack.LEFT, "hoso.editor", Stack.MAIN, "hoso.page", Stack.RIGHT,
                "hoso.search", Stack.BOTTOM)),
        REPORTS(Map.of("hoso.navigator", Stack.LEFT, "hoso.dashboard", Stack.MAIN, "hoso.editor", Stack.BOTTOM));

        private final Map<String, Stack> defaults;

        Perspective(Map<String, Stack> defaults) {
            this.defaults = defaults;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Optional<Path> file;
    private final Properties values = new Properties();

    Layout(Optional<Path> file) {
        this.file = file;
        file.filter(Files::isRegularFile).ifPresent(f -> {
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read the workbench settings " + f
                        + "; using the default layout", e);
                values.clear();
            }
        });
    }

    /** The settings file named by {@code property} (the framework property), else the user's own. */
    static Optional<Path> settingsFile(String property) {
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty()
                : Optional.of(Path.of(home, ".hoso", "workbench.properties"));
    }

    Optional<Path> file() {
        return file;
    }

    Perspective perspective() {
        String p = values.getProperty("perspective", "");
        for (Perspective each : Perspective.values()) {
            if (each.key().equals(p)) {
                return each;
            }
        }
        return Perspective.ARRANGEMENT;
    }

    void perspective(Perspective p) {
        values.setProperty("perspective", p.key());
    }

    /** Where {@code viewId} sits in {@code p}: where the user put it, else the perspective's default. */
    Stack stackOf(Perspective p, String viewId) {
        String s = values.getProperty(p.key() + ".view." + viewId, "");
        for (Stack each : Stack.values()) {
            if (each.key().equals(s)) {
                return each;
            }
        }
        return p.defaults.getOrDefault(viewId, Stack.MAIN);
    }

    void move(Perspective p, String viewId, Stack to) {
        values.setProperty(p.key() + ".view." + viewId, to.key());
    }

    Set<Stack> minimised(Perspective p) {
        Set<Stack> set = EnumSet.noneOf(Stack.class);
        for (String s : values.getProperty(p.key() + ".minimised", "").split(",")) {
            for (Stack each : Stack.values()) {
                if (each.key().equals(s.strip())) {
                    set.add(each);
                }
            }
        }
        return set;
    }

    void minimised(Perspective p, Stack stack, boolean minimised) {
        Set<Stack> set = minimised(p);
        if (minimised) {
            set.add(stack);
        } else {
            set.remove(stack);
        }
        List<String> keys = new ArrayList<>();
        set.forEach(s -> keys.add(s.key()));
        values.setProperty(p.key() + ".minimised", String.join(",", keys));
    }

    /** The language chosen in the preferences, if one was. */
    Optional<String> language() {
        return Optional.ofNullable(values.getProperty("language")).filter(s -> !s.isBlank());
    }

    void language(String tag) {
        values.setProperty("language", tag);
    }

    /** Everything, for tests and the about box. */
    Map<String, String> values() {
        Map<String, String> copy = new LinkedHashMap<>();
        values.stringPropertyNames().stream().sorted().forEach(k -> copy.put(k, values.getProperty(k)));
        return copy;
    }

    /** Writes the settings (temporary file, then rename); a failure is logged, the window goes on. */
    void save() {
        if (file.isEmpty()) {
            return;
        }
        Path f = file.get();
        try {
            Files.createDirectories(f.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(f.toAbsolutePath().getParent(), ".workbench", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(out, "Hoso workbench layout and preferences");
            }
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the workbench settings " + f, e);
        }
    }
}
