package org.hoso.ui.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Widget;

/**
 * Reads platform state off the UI thread and shows it on the UI thread. Bursts of change notifications (a plugin
 * dropped in brings a dozen bundle and service events) are coalesced into one read.
 *
 * @param <T> what is read
 */
final class Refresher<T> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Refresher.class.getName());
    private static final long COALESCE_MILLIS = 150;

    private final Display display;
    private final Widget owner;
    private final Supplier<T> read;
    private final Consumer<T> show;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService executor;

    /** Shows with {@code show} on the UI thread what {@code read} returns, while {@code owner} is not disposed. */
    Refresher(String name, Widget owner, Supplier<T> read, Consumer<T> show) {
        this.display = owner.getDisplay();
        this.owner = owner;
        this.read = read;
        this.show = show;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a refresh soon; callable from any thread, cheap, never blocks. */
    void request() {
        if (executor.isShutdown() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(this::run, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            scheduled.set(false);
        }
    }

    private void run() {
        scheduled.set(false);
        T value;
        try {
            value = read.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not read the platform state", e);
            return;
        }
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!owner.isDisposed()) {
                    show.accept(value);
                }
            });
        } catch (SWTException e) {
            // the display went away meanwhile: nothing to show any more
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
