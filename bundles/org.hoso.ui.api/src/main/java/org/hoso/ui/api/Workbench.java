package org.hoso.ui.api;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The workbench window. {@code hoso gui} opens it and waits for it to close; views use its display to return to
 * the UI thread.
 *
 * @since 0.1.0
 */
@ProviderType
public interface Workbench {

    /** Widget data key under which every control the workbench creates carries a stable id (for tests and tools). */
    String WIDGET_ID = "hoso.widget.id";

    /**
     * Opens the window on the UI thread, if it is not open, and returns once it is visible.
     *
     * @throws IllegalStateException when no display can be opened (no X server); the message says so in words
     */
    void open();

    /** Waits until the window is closed, at most {@code timeout}; returns true if it is closed. */
    boolean awaitClosed(Duration timeout) throws InterruptedException;

    /** Closes the window if it is open. */
    void close();

    /** The UI thread's display, while the window is open. */
    Optional<Display> display();

    /** The window's shell, while it is open. Call its methods on the UI thread only. */
    Optional<Shell> shell();
}
