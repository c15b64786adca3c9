package org.hoso.ui.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hoso.core.api.BundleInfo;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PluginInfo;

/** A platform service with fixed answers, for tests without a framework. */
final class FakePlatform implements PlatformService {

    final List<BundleInfo> bundles = new ArrayList<>();
    final List<PluginInfo> plugins = new ArrayList<>();
    final List<Runnable> listeners = new ArrayList<>();

    @Override
    public PlatformInfo platform() {
        return new PlatformInfo("0.1.0-test", "Apache Felix", "7.0.5", "25", "");
    }

    @Override
    public List<BundleInfo> bundles() {
        return List.copyOf(bundles);
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.copyOf(plugins);
    }

    @Override
    public Optional<Path> pluginsDirectory() {
        return Optional.empty();
    }

    @Override
    public boolean awaitSettled(Duration timeout) {
        return true;
    }

    @Override
    public Subscription onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
