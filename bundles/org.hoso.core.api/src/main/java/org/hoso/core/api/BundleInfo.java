package org.hoso.core.api;

import java.util.List;
import java.util.Objects;

/**
 * One installed bundle as a user sees it.
 *
 * @param id           framework bundle id
 * @param symbolicName Bundle-SymbolicName (or the location when a legacy bundle has none)
 * @param version      Bundle-Version
 * @param name         Bundle-Name, or the symbolic name
 * @param state        lifecycle state
 * @param location     install location
 * @param plugin       true when the bundle was installed from the plugins folder
 * @param services     services this bundle registered, in registration order
 * @since 0.1.0
 */
public record BundleInfo(long id, String symbolicName, String version, String name, State state, String location,
        boolean plugin, List<ServiceInfo> services) {

    public BundleInfo {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(location, "location");
        services = List.copyOf(services);
    }

    /** OSGi bundle states, by name. */
    public enum State {
        INSTALLED, RESOLVED, STARTING, STOPPING, ACTIVE, UNINSTALLED
    }
}
