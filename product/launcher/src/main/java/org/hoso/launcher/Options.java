package org.hoso.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The global options the launcher needs before any bundle runs: workspace, framework, language, and the command
 * (to know whether to keep the console for the Gogo shell), and a command's {@code --jobs N}, which sets the number of
 * job workers of this process before the job service starts. The arguments themselves go to the CLI unchanged.
 */
record Options(Path workspace, String framework, String lang, Optional<String> command, Optional<Integer> jobs) {

    static final List<String> FRAMEWORKS = List.of("equinox", "felix");

    /**
     * Reads the global options that stand before the command.
     *
     * @param env the environment, for {@code HOSO_WORKSPACE}, {@code HOSO_FRAMEWORK}, {@code HOSO_LANG}
     * @throws IllegalArgumentException for an option without value or an unknown framework
     */
    static Options parse(String[] args, Map<String, String> env, String userHome) {
        String workspace = env.get("HOSO_WORKSPACE");
        String framework = env.getOrDefault("HOSO_FRAMEWORK", "equinox");
        String lang = env.getOrDefault("HOSO_LANG", "vi");
        String command = null;
        Integer jobs = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (command != null && (a.equals("--jobs") || a.startsWith("--jobs="))) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1)
                        : i + 1 < args.length ? args[i + 1] : "";
                try {
                    jobs = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("option --jobs needs a whole number: '" + value + "'");
                }
                if (jobs < 1) {
                    throw new IllegalArgumentException("option --jobs needs a number of at least 1: " + jobs);
                }
            }
            if (command != null) {
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            boolean global = name.equals("--workspace") || name.equals("--framework") || name.equals("--lang");
            if (global) {
                String value;
                if (a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                switch (name) {
                    case "--workspace" -> workspace = value;
                    case "--framework" -> framework = value;
                    default -> lang = value;
                }
            } else if (!a.startsWith("-")) {
                command = a;
            }
        }
        framework = framework.toLowerCase(Locale.ROOT);
        if (!FRAMEWORKS.contains(framework)) {
            throw new IllegalArgumentException("unknown framework '" + framework + "': use equinox or felix");
        }
        Path ws = workspace == null || workspace.isBlank() ? Paths.get(userHome, "hoso-workspace")
                : Paths.get(workspace);
        return new Options(ws.toAbsolutePath().normalize(), framework, lang, Optional.ofNullable(command),
                Optional.ofNullable(jobs));
    }

    boolean shell() {
        return command.filter("shell"::equals).isPresent();
    }
}
