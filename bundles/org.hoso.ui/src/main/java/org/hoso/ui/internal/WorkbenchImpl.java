package org.hoso.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.SWTError;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformService;
import org.hoso.ui.api.Workbench;
import org.hoso.ui.api.WorkbenchView;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The workbench window, on a UI thread of its own ({@value #UI_THREAD}). Whiteboard consumer of
 * {@link WorkbenchView} services: a view's tab opens when its service arrives and closes when it leaves, while the
 * window is open.
 * <p>
 * Immediate, so that the window's life does not depend on who holds the service.
 */
@Component(service = Workbench.class, immediate = true)
public final class WorkbenchImpl implements Workbench {

    static final String UI_THREAD = "hoso-ui";
    /** SWT extracts its native libraries into this folder, and only if the folder exists. */
    static final String SWT_LIBRARY_PATH = "swt.library.path";
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_ON_DEACTIVATE = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(WorkbenchImpl.class.getName());

    /**
     * Why the display could not be opened, once it could not: SWT leaves GTK's lock held after a failed
     * {@code gtk_init_check()}, so a second attempt in the same process would hang instead of failing. The
     * environment ({@code DISPLAY}) cannot change within a process either, so later attempts fail at once.
     */
    private static volatile Throwable displayFailure;

    private final PlatformService platform;
    /** Texts in the language the framework was started in (the preferences may choose another for the window). */
    private final Texts texts;
    /** The settings file ({@value Layout#SETTINGS_PROPERTY}, else in the user's home). */
    private final java.util.Optional<java.nio.file.Path> settings;
    private final Map<Long, ViewEntry> views = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** The current or last window; null before the first open. */
    private volatile Session session;

    @Activate
    public WorkbenchImpl(BundleContext context, @Reference(name = "platform") PlatformService platform) {
        this(platform, Localization.resolve(context.getProperty(Localization.LOCALE_PROPERTY)),
                Layout.settingsFile(context.getProperty(Layout.SETTINGS_PROPERTY)));
    }

    WorkbenchImpl(PlatformService platform, Locale locale, java.util.Optional<java.nio.file.Path> settings) {
        this.platform = platform;
        this.texts = new Texts(locale);
        this.settings = settings;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        close();
        if (!awaitClosed(CLOSE_ON_DEACTIVATE)) {
            LOG.log(System.Logger.Level.WARNING, "the workbench window did not close within "
                    + CLOSE_ON_DEACTIVATE.toSeconds() + " s");
        }
    }

    @Reference(name = "views", service = WorkbenchView.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeView", updated = "updatedView")
    void addView(ComponentServiceObjects<WorkbenchView> view, Map<String, Object> properties) {
        ViewEntry entry = ViewEntry.of(new LazyView(view), properties);
        views.put(entry.serviceId(), entry);
        showViews();
    }

    void updatedView(ComponentServiceObjects<WorkbenchView> view, Map<String, Object> properties) {
        ViewEntry before = views.get(ViewEntry.of(new LazyView(view), properties).serviceId());
        ViewEntry entry = ViewEntry.of(before != null ? before.view() : new LazyView(view), properties);
        views.put(entry.serviceId(), entry);
        showViews();
    }

    void removeView(ComponentServiceObjects<WorkbenchView> view, Map<String, Object> properties) {
        ViewEntry entry = views.remove(ViewEntry.of(new LazyView(view), properties).serviceId());
        if (entry != null && entry.view() instanceof LazyView lazy) {
            lazy.release();
        }
        showViews();
    }

    /**
     * A view service taken only when a window first asks for its title or widgets: a command that never opens a
     * window (hoso extract, hoso ocr) must not activate the views, and through them the catalogue they read.
     */
    static final class LazyView implements WorkbenchView {
        private final ComponentServiceObjects<WorkbenchView> objects;
        private volatile WorkbenchView view;

        LazyView(ComponentServiceObjects<WorkbenchView> objects) {
            this.objects = objects;
        }

        private WorkbenchView view() {
            WorkbenchView v = view;
            if (v == null) {
                synchronized (this) {
                    v = view;
                    if (v == null) {
                        v = objects.getService();
                        if (v == null) {
                            throw new IllegalStateException("the view service is gone");
                        }
                        view = v;
                    }
                }
            }
            return v;
        }

        synchronized void release() {
            if (view != null) {
                try {
                    objects.ungetService(view);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the service is already gone
                }
                view = null;
            }
        }

        @Override
        public String id() {
            return view().id();
        }

        @Override
        public String title(Locale locale) {
            return view().title(locale);
        }

        @Override
        public Control createControl(Composite parent, Locale locale) {
            return view().createControl(parent, locale);
        }
    }

    /** The views as the tabs should show them. */
    List<ViewEntry> views() {
        return views.values().stream().sorted(ViewEntry.TAB_ORDER).toList();
    }

    /** Asks the UI thread, if a window is open, to bring its tabs in line with the view services. */
    private void showViews() {
        Session s = session;
        if (s != null) {
            s.asyncExec(() -> {
                WorkbenchWindow w = s.window;
                if (w != null && !w.isDisposed()) {
                    w.showViews(views());
                }
            });
        }
    }

    @Override
    public void open() {
        Session s;
        synchronized (lock) {
            s = session;
            if (s == null || s.closed.getCount() == 0) {
                s = new Session();
                session = s;
                s.start();
            }
        }
        if (Thread.currentThread() == s.thread) {
            return;
        }
        s.awaitOpened();
    }

    @Override
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        Session s = session;
        return s == null || s.closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        Session s = session;
        if (s != null) {
            s.closeRequested = true;
            s.asyncExec(() -> {
                WorkbenchWindow w = s.window;
                if (w != null && !w.isDisposed()) {
                    w.shell().close();
                }
            });
        }
    }

    @Override
    public Optional<Display> display() {
        Session s = session;
        if (s == null || s.closed.getCount() == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(s.display).filter(d -> !d.isDisposed());
    }

    @Override
    public Optional<Shell> shell() {
        Session s = session;
        if (s == null || s.closed.getCount() == 0 || s.window == null) {
            return Optional.empty();
        }
        return Optional.of(s.window.shell()).filter(sh -> !sh.isDisposed());
    }

    /** Creates the {@code swt.library.path} folder when the property names one: SWT does not create it. */
    static void prepareLibraryPath() {
        String path = System.getProperty(SWT_LIBRARY_PATH);
        if (path == null || path.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Paths.get(path));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot create " + SWT_LIBRARY_PATH + " " + path, e);
        }
    }

    /** The message for a display that cannot be opened, naming {@code DISPLAY}. */
    String noDisplayMessage(Throwable cause) {
        String display = Optional.ofNullable(System.getenv("DISPLAY")).filter(s -> !s.isBlank())
                .orElse(texts.get("error.noDisplay.unset"));
        return texts.format("error.noDisplay", display, cause.getMessage());
    }

    /** One window from open to close, with its UI thread and display. */
    private final class Session implements Runnable {

        final Thread thread = new Thread(this, UI_THREAD);
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        volatile Display display;
        volatile WorkbenchWindow window;
        volatile RuntimeException failure;
        /** Set by {@link #close()}, also when it comes before the display exists. */
        volatile boolean closeRequested;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void awaitOpened() {
            boolean done;
            try {
                done = opened.await(OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(texts.format("error.openFailed", e), e);
            }
            if (failure != null) {
                throw failure;
            }
            if (!done) {
                throw new IllegalStateException(texts.format("error.openTimeout", OPEN_TIMEOUT.toSeconds()));
            }
        }

        /** Runs {@code task} on this window's UI thread, unless the window is gone. */
        void asyncExec(Runnable task) {
            Display d = display;
            if (d == null || d.isDisposed()) {
                return;
            }
            try {
                d.asyncExec(task);
            } catch (SWTException e) {
                // disposed meanwhile: the window is closing, nothing left to update
            }
        }

        @Override
        public void run() {
            try {
                if (displayFailure != null) {
                    failure = new IllegalStateException(noDisplayMessage(displayFailure), displayFailure);
                    return;
                }
                prepareLibraryPath();
                Display d;
                try {
                    d = new Display();
                } catch (SWTError | UnsatisfiedLinkError e) {
                    displayFailure = e;
                    failure = new IllegalStateException(noDisplayMessage(e), e);
                    return;
                }
                display = d;
                // a failing listener (a view's bug) is reported, not allowed to end the event loop
                d.setRuntimeExceptionHandler(e -> LOG.log(System.Logger.Level.ERROR, "error in the workbench", e));
                d.setErrorHandler(e -> {
                    if (e instanceof LinkageError) {
                        LOG.log(System.Logger.Level.ERROR, "error in the workbench", e);
                    } else {
                        throw e;
                    }
                });
                Layout layout = new Layout(settings);
                boolean again;
                do {
                    // the language chosen in the preferences, else the one the framework was started in
                    Texts t = layout.language().map(Localization::resolve).map(Texts::new).orElse(texts);
                    boolean[] relaunch = {false};
                    WorkbenchWindow[] holder = new WorkbenchWindow[1];
                    WorkbenchWindow w = new WorkbenchWindow(d, t, platform, layout, () -> {
                        relaunch[0] = true;
                        holder[0].shell().close();
                    });
                    holder[0] = w;
                    window = w;
                    w.showViews(views());
                    w.open();
                    opened.countDown();
                    if (closeRequested) {
                        w.shell().close();
                    }
                    while (!w.isDisposed()) {
                        if (!d.readAndDispatch()) {
                            d.sleep();
                        }
                    }
                    again = relaunch[0] && !closeRequested;
                } while (again);
            } catch (RuntimeException | Error e) {
                if (opened.getCount() > 0) {
                    failure = new IllegalStateException(texts.format("error.openFailed", e.toString()), e);
                } else {
                    LOG.log(System.Logger.Level.ERROR, "the workbench window failed", e);
                }
            } finally {
                Display d = display;
                if (d != null && !d.isDisposed()) {
                    d.dispose();
                }
                opened.countDown();
                closed.countDown();
            }
        }
    }
}
