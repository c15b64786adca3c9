package org.hoso.ui.catalogue.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * What the catalogue views of one framework share: the catalogue, worker threads for everything that touches it
 * (so the window never waits for the database: changes one at a time in order, reads two at a time), the current selection, the undo history, and news of changes. Its
 * service type is internal to this bundle: only its own views use it.
 */
@Component(service = CatalogueSession.class)
public final class CatalogueSession {

    /** Something the user selected: a fonds code, a scheme node, a file, a document or a page. */
    record Selected(Object element) {
    }

    /** What a change touched: the views reload these scheme nodes' files and these files' documents. */
    record Changed(Set<Long> nodes, Set<Long> files) {
        static final Changed EVERYTHING = new Changed(Set.of(), Set.of());

        boolean everything() {
            return nodes.isEmpty() && files.isEmpty();
        }
    }

    private final CatalogueService catalogue;
    private final ObjectStore objects;
    /** Changes, one at a time and in order (a move, its undo, its redo). */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "hoso-ui-catalogue"));
    /** Reads, two at a time: the dashboard's sums over a big fonds do not hold up the navigator's next rows. */
    private final ExecutorService readers = Executors.newFixedThreadPool(2, r -> daemon(r, "hoso-ui-reader"));
    private final History history = new History();
    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    private record Listener<T>(Display display, Class<T> type, Consumer<T> consumer) {
        void offer(Object event) {
            if (type.isInstance(event) && !display.isDisposed()) {
                try {
                    display.asyncExec(() -> consumer.accept(type.cast(event)));
                } catch (SWTException e) {
                    // the window is gone
                }
            }
        }
    }

    @Activate
    public CatalogueSession(@Reference(name = "catalogue") CatalogueService catalogue,
            @Reference(name = "objects") ObjectStore objects) {
        this.catalogue = catalogue;
        this.objects = objects;
    }

    @Deactivate
    void deactivate() {
        writer.shutdownNow();
        readers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    CatalogueService catalogue() {
        return catalogue;
    }

    ObjectStore objects() {
        return objects;
    }

    Clock clock() {
        return clock;
    }

    History history() {
        return history;
    }

    /** Who is at the keyboard, for the audit log and the provenance of typed values. */
    String user() {
        return Optional.ofNullable(System.getProperty("user.name")).filter(s -> !s.isBlank()).orElse("hoso");
    }

    /** Hears events of {@code type} on {@code display}'s UI thread until the returned handle is closed. */
    <T> AutoCloseable listen(Display display, Class<T> type, Consumer<T> consumer) {
        Listener<T> l = new Listener<>(display, type, consumer);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** Tells every listener (on its UI thread) about {@code event}. */
    void publish(Object event) {
        listeners.forEach(l -> l.offer(event));
    }

    /**
     * Runs {@code work} (a read) on a reader thread, then {@code done} with its result on the UI thread, or {@code failed}
     * with what went wrong.
     */
    <T> void run(Display display, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        run(readers, display, work, done, failed);
    }

    /** Runs {@code work}, a change that is not undone from the window, in turn with the other changes. */
    <T> void write(Display display, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        run(writer, display, work, done, failed);
    }

    private <T> void run(ExecutorService on, Display display, Callable<T> work, Consumer<T> done,
            Consumer<Throwable> failed) {
        on.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | LinkageError e) {
                ui(display, () -> failed.accept(e));
                return;
            }
            ui(display, () -> done.accept(result));
        });
    }

    private static void ui(Display display, Runnable r) {
        if (!display.isDisposed()) {
            try {
                display.asyncExec(r);
            } catch (SWTException e) {
                // the window is gone
            }
        }
    }

    /** Makes a change (off the UI thread), records it for undo and tells the views. */
    void apply(Display display, History.Change change, Consumer<Throwable> failed) {
        run(writer, display, () -> {
            change.redo();
            return change;
        }, c -> {
            history.done(c);
            publish(c.affected());
        }, failed);
    }

    void undo(Display display, Consumer<Throwable> failed) {
        history.takeUndo().ifPresent(c -> run(writer, display, () -> {
            c.undo();
            return c;
        }, done -> {
            history.undoneOk(done);
            publish(done.affected());
        }, e -> {
            history.failedUndo(c);
            failed.accept(e);
        }));
    }

    void redo(Display display, Consumer<Throwable> failed) {
        history.takeRedo().ifPresent(c -> run(writer, display, () -> {
            c.redo();
            return c;
        }, done -> {
            history.redoneOk(done);
            publish(done.affected());
        }, e -> {
            history.failedRedo(c);
            failed.accept(e);
        }));
    }
}
