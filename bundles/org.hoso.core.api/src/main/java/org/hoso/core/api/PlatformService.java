package org.hoso.core.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What is running: the product, its framework, every bundle and every plugin file.
 * <p>
 * The rich client's plugins view, {@code hoso plugins} and the shell command {@code hoso:plugins} all read
 * from here, so they always agree.
 *
 * @since 0.1.0
 */
@ProviderType
public interface PlatformService {

    /** Product version, framework, Java and workspace of this running instance. */
    PlatformInfo platform();

    /** Every installed bundle, ordered by bundle id, with the services it registered. */
    List<BundleInfo> bundles();

    /**
     * Every file in the plugins folder, with its state: active, or broken and why (not a bundle, a missing
     * dependency, an activator that failed...). Ordered by file name.
     */
    List<PluginInfo> plugins();

    /** The folder watched for plugin bundles, if this instance watches one. */
    Optional<Path> pluginsDirectory();

    /**
     * Waits until no plugin file is {@link PluginInfo.Status#PENDING} and no bundle is starting or stopping, at
     * most {@code timeout}. One-shot commands call this so that what they report is what a user would see.
     *
     * @return true when settled, false when the timeout passed first
     */
    boolean awaitSettled(Duration timeout) throws InterruptedException;

    /**
     * Calls {@code listener} (on a platform thread) whenever bundles, their services or plugin files change.
     *
     * @return closing it removes the listener
     */
    Subscription onChange(Runnable listener);

    /** A registration that ends when closed. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
