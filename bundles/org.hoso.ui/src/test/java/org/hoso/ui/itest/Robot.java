package org.hoso.ui.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.hoso.ui.api.Workbench;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Drives the window like a user: real mouse and key events through {@link Display#post(Event)}, posted from the
 * test thread one at a time, each followed by a short pause and a round trip through the UI thread so that the
 * event has been handled before the next one. {@code post} itself must run on the UI thread, hence the
 * {@code syncExec}.
 * <p>
 * On GTK 3, SWT 3.135 turns a posted mouse move into a real pointer warp and a posted button into a GDK button
 * event on the window under the pointer, with the right window coordinates but without root coordinates
 * ({@code x_root}, {@code y_root} stay 0). GTK's own widgets (text fields, buttons) use the window coordinates and
 * work; SWT's owner-drawn widgets ({@code CTabFolder}) take the root coordinates and see every click at the
 * screen's origin. {@link #click(Point)} therefore moves the shell for the length of the click so that the point
 * clicked <em>is</em> the screen's origin, then puts it back: the events are the real ones, and the coordinates
 * every widget computes are right.
 */
final class Robot {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final long PAUSE_MILLIS = 40;
    /** Time for the X server to move the window, before coordinates are asked for. */
    private static final long MOVE_MILLIS = 150;

    private final Display display;
    private final Shell shell;

    Robot(Display display, Shell shell) {
        this.display = display;
        this.shell = shell;
    }

    /** Runs {@code task} on the UI thread and returns its result. */
    <T> T onUi(Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw new AssertionError("on the UI thread: " + failure.get(), failure.get());
        }
        return result.get();
    }

    /** Left click at the centre of {@code control}. */
    void click(Control control) throws InterruptedException {
        click(onUi(() -> control.toDisplay(control.getSize().x / 2, control.getSize().y / 2)));
    }

    /** Left click at a point in display coordinates (see the class comment for how). */
    void click(Point at) throws InterruptedException {
        Rectangle inside = onUi(shell::getBounds);
        assertTrue(inside.contains(at), "the point " + at + " is outside the window " + inside);
        Point home = onUi(shell::getLocation);
        onUi(() -> {
            shell.setLocation(home.x - at.x, home.y - at.y);
            return null;
        });
        Thread.sleep(MOVE_MILLIS);
        try {
            for (int type : new int[] {SWT.MouseMove, SWT.MouseDown, SWT.MouseUp}) {
                Event e = new Event();
                e.type = type;
                e.button = type == SWT.MouseMove ? 0 : 1;
                post(e);
            }
        } finally {
            onUi(() -> {
                shell.setLocation(home);
                return null;
            });
            Thread.sleep(MOVE_MILLIS);
        }
    }

    /** Types {@code text} key by key (SWT finds the key, and the Shift state, for each character). */
    void type(String text) throws InterruptedException {
        for (char c : text.toCharArray()) {
            key(SWT.KeyDown, 0, c);
            key(SWT.KeyUp, 0, c);
        }
    }

    void backspace() throws InterruptedException {
        key(SWT.KeyDown, SWT.BS, SWT.BS);
        key(SWT.KeyUp, SWT.BS, SWT.BS);
    }

    private void key(int type, int keyCode, char character) throws InterruptedException {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        post(e);
    }

    private void post(Event e) throws InterruptedException {
        assertTrue(onUi(() -> display.post(e)), "Display.post refused event type " + e.type);
        Thread.sleep(PAUSE_MILLIS);
        display.syncExec(() -> {
            // a round trip through the UI thread: the posted event has been read by now
        });
    }

    /** The first widget under {@code root} (inclusive) whose {@link Workbench#WIDGET_ID} is {@code id}. */
    static <W extends Widget> W find(Control root, String id, Class<W> type) {
        if (id.equals(root.getData(Workbench.WIDGET_ID)) && type.isInstance(root)) {
            return type.cast(root);
        }
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                W found = find(child, id, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Opens the window, says how long it took, and collects every error on the UI thread into {@code uiErrors}. */
    static Robot open(Workbench workbench, String framework, List<Throwable> uiErrors) {
        long start = System.nanoTime();
        workbench.open();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[itest] %s: workbench window open in %d ms%n", framework, millis);
        Display display = workbench.display().orElseThrow();
        Robot robot = new Robot(display, workbench.shell().orElseThrow());
        assertTrue(robot.onUi(() -> workbench.shell().orElseThrow().isVisible()), "open() returns a visible window");
        robot.onUi(() -> {
            Consumer<RuntimeException> runtime = display.getRuntimeExceptionHandler();
            display.setRuntimeExceptionHandler(e -> {
                uiErrors.add(e);
                runtime.accept(e);
            });
            Consumer<Error> errors = display.getErrorHandler();
            display.setErrorHandler(e -> {
                uiErrors.add(e);
                errors.accept(e);
            });
            return null;
        });
        return robot;
    }

    /** A key with modifiers held, e.g. {@code combo('z', SWT.CTRL)}: real key events for each. */
    void combo(char key, int... modifiers) throws InterruptedException {
        for (int m : modifiers) {
            key(SWT.KeyDown, m, (char) 0);
        }
        key(SWT.KeyDown, 0, key);
        key(SWT.KeyUp, 0, key);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            key(SWT.KeyUp, modifiers[i], (char) 0);
        }
    }

    /** A key without a character with modifiers held, e.g. {@code press(SWT.F10, SWT.SHIFT)}. */
    void press(int keyCode, int... modifiers) throws InterruptedException {
        for (int m : modifiers) {
            key(SWT.KeyDown, m, (char) 0);
        }
        press(keyCode);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            key(SWT.KeyUp, modifiers[i], (char) 0);
        }
    }

    /** A robot for another window of the same display (the workbench builds its window again on a new language). */
    Robot on(Shell other) {
        return new Robot(display, other);
    }

    /** A key without a character (arrows, Home, End, Tab...). */
    void press(int keyCode) throws InterruptedException {
        key(SWT.KeyDown, keyCode, (char) 0);
        key(SWT.KeyUp, keyCode, (char) 0);
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
    }

    static void awaitText(Robot robot, java.util.concurrent.Callable<String> text, String expected)
            throws InterruptedException {
        try {
            await("the text \"" + expected + "\"", () -> Optional.of(robot.onUi(text)).filter(expected::equals));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it reads \"" + robot.onUi(text) + "\"", e);
        }
    }

    /** equinox or felix, from the system bundle. */
    static String framework(BundleContext context) {
        String bsn = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getSymbolicName();
        return bsn.equals("org.eclipse.osgi") ? "equinox" : bsn.contains("felix") ? "felix" : bsn;
    }
}
