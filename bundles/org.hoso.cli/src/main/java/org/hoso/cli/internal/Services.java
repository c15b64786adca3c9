package org.hoso.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Services a command uses, held (and so kept active) until the command ends. */
final class Services implements AutoCloseable {

    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    Services(BundleContext context) {
        this.context = context;
    }

    /** The service, waiting up to ten seconds for it to appear; null if it does not. */
    <T> T get(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        return tracker.waitForService(Duration.ofSeconds(10).toMillis());
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
