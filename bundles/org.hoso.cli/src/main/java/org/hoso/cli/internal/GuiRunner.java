package org.hoso.cli.internal;

import java.io.PrintWriter;
import java.time.Duration;

import org.hoso.ui.api.Workbench;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Opens the workbench window and waits for the user to close it. Loaded only by {@code hoso gui}. */
final class GuiRunner {

    private GuiRunner() {
    }

    static int run(BundleContext context, Reports reports, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        ServiceTracker<Workbench, Workbench> tracker = new ServiceTracker<>(context, Workbench.class, null);
        tracker.open();
        try {
            Workbench workbench = tracker.waitForService(Duration.ofSeconds(15).toMillis());
            if (workbench == null) {
                err.println(reports.text("gui.notInstalled"));
                return 1;
            }
            try {
                workbench.open();
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            }
            out.println(reports.text("gui.opened"));
            out.flush();
            while (!workbench.awaitClosed(Duration.ofHours(1))) {
                // keep waiting: the window stays open as long as the user works
            }
            return 0;
        } finally {
            tracker.close();
        }
    }
}
