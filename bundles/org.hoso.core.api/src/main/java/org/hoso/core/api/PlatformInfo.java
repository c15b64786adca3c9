package org.hoso.core.api;

import java.util.Objects;

/**
 * The running instance.
 *
 * @param productVersion Hoso's version
 * @param framework      framework vendor and name, e.g. "Eclipse Equinox"
 * @param frameworkVersion version of the framework implementation
 * @param javaVersion    {@code java.runtime.version}
 * @param workspace      the workspace folder this instance works on (may not exist yet)
 * @since 0.1.0
 */
public record PlatformInfo(String productVersion, String framework, String frameworkVersion, String javaVersion,
        String workspace) {

    public PlatformInfo {
        Objects.requireNonNull(productVersion, "productVersion");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(frameworkVersion, "frameworkVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(workspace, "workspace");
    }
}
