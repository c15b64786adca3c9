package org.hoso.core.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A file in the plugins folder and what became of it.
 *
 * @param file    file name inside the plugins folder
 * @param status  what the platform made of the file
 * @param bundle  the bundle installed from it, when there is one
 * @param problem why it does not work, when it is {@link Status#BROKEN}
 * @since 0.1.0
 */
public record PluginInfo(String file, Status status, Optional<BundleInfo> bundle, Optional<Problem> problem) {

    public PluginInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(problem, "problem");
        if ((status == Status.BROKEN) != problem.isPresent()) {
            throw new IllegalArgumentException("a plugin has a problem exactly when it is broken: " + file);
        }
    }

    /** True when the file did not become a working bundle. */
    public boolean isBroken() {
        return status == Status.BROKEN;
    }

    /** What the platform made of a plugin file. */
    public enum Status {
        /** Installed, resolved and started (or a resolved fragment / lazily activated bundle). */
        ACTIVE,
        /** Just dropped in: the folder watcher has not installed it yet. */
        PENDING,
        /** Not usable; {@link PluginInfo#problem()} says why. */
        BROKEN
    }

    /**
     * Why a plugin does not work. Front ends show {@link #kind()} in the user's language and {@link #detail()},
     * the technical reason (missing package, exception message), as it is.
     */
    public record Problem(Kind kind, String detail) {

        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }

        /** Kinds of plugin problems. */
        public enum Kind {
            /** The file is not a readable jar (zip) file. */
            NOT_A_JAR,
            /** The jar has no OSGi manifest ({@code Bundle-SymbolicName}). */
            NOT_A_BUNDLE,
            /** A bundle with the same symbolic name and version is already installed. */
            DUPLICATE,
            /** The framework refused to install it. */
            INSTALL_FAILED,
            /** It needs packages, bundles or capabilities nothing provides. */
            UNRESOLVED,
            /** Its activator threw or it otherwise failed to start. */
            START_FAILED
        }
    }
}
