package org.hoso.ui.digitise.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobService;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.TaskFailure;
import org.hoso.core.api.model.Fonds;
import org.hoso.digitise.api.DigitisationService;
import org.hoso.digitise.api.DigitisationService.Batch;
import org.hoso.digitise.api.DigitisationService.Rescan;
import org.hoso.digitise.api.DigitisationService.Skipped;
import org.hoso.ui.api.Workbench;

/** The widgets of the digitisation view and what they do. */
final class DigitisationPanel {

    private final DigitisationView.Texts texts;
    private final DigitisationService digitisation;
    private final JobService jobs;
    private final CatalogueService catalogue;
    private final Composite root;
    private final Combo fonds;
    private final Text file;
    private final Text folder;
    private final Button start;
    private final Button cancel;
    private final ProgressBar bar;
    private final Label status;
    private final Text details;
    private final Table failures;
    private final Table rescans;
    private final Display display;
    private final AtomicLong job = new AtomicLong(-1);
    private PlatformService.Subscription subscription;

    DigitisationPanel(Composite parent, int style, DigitisationView.Texts texts, DigitisationService digitisation,
            JobService jobs, CatalogueService catalogue) {
        this.texts = texts;
        this.digitisation = digitisation;
        this.jobs = jobs;
        this.catalogue = catalogue;
        root = new Composite(parent, style);
        display = root.getDisplay();
        root.setLayout(new GridLayout(5, false));

        new Label(root, SWT.NONE).setText(texts.get("fonds"));
        fonds = new Combo(root, SWT.READ_ONLY);
        id(fonds, "fonds");
        fonds.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));

        new Label(root, SWT.NONE).setText(texts.get("file"));
        file = new Text(root, SWT.BORDER);
        id(file, "file");
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));

        new Label(root, SWT.NONE).setText(texts.get("folder"));
        folder = new Text(root, SWT.BORDER);
        id(folder, "folder");
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button choose = new Button(root, SWT.PUSH);
        choose.setText(texts.get("choose"));
        id(choose, "choose");
        choose.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(root.getShell());
            String chosen = d.open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        });
        start = new Button(root, SWT.PUSH);
        start.setText(texts.get("start"));
        id(start, "start");
        start.addListener(SWT.Selection, e -> start());
        cancel = new Button(root, SWT.PUSH);
        cancel.setText(texts.get("cancel"));
        id(cancel, "cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancel());

        bar = new ProgressBar(root, SWT.SMOOTH);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        status = new Label(root, SWT.WRAP);
        id(status, "status");
        status.setText(texts.get("idle"));
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        details = new Text(root, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER);
        id(details, "details");
        GridData dd = new GridData(SWT.FILL, SWT.FILL, true, false, 5, 1);
        dd.heightHint = 50;
        details.setLayoutData(dd);

        label(texts.get("failures"));
        failures = table("failures", texts.get("col.page"), texts.get("col.reason"));
        label(texts.get("rescans"));
        rescans = table("rescans", texts.get("col.document"), texts.get("col.page"), texts.get("col.reason"));

        List<Fonds> all = catalogue.fonds();
        for (Fonds f : all) {
            fonds.add(f.code() + "  " + f.name());
        }
        if (all.isEmpty()) {
            status.setText(texts.get("noFonds"));
        } else {
            fonds.select(0);
            refreshRescans();
        }
        fonds.addListener(SWT.Selection, e -> refreshRescans());
        subscription = jobs.onProgress(this::onProgress);
        root.addListener(SWT.Dispose, e -> subscription.close());
    }

    Control control() {
        return root;
    }

    private static void id(Control c, String id) {
        c.setData(Workbench.WIDGET_ID, DigitisationView.ID + "." + id);
    }

    private void label(String text) {
        Label l = new Label(root, SWT.NONE);
        l.setText(text);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
    }

    private Table table(String id, String... columns) {
        Table t = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        id(t, id);
        t.setHeaderVisible(true);
        GridData d = new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1);
        d.heightHint = 80;
        t.setLayoutData(d);
        for (String c : columns) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals(texts.get("col.reason")) ? 420 : 200);
        }
        return t;
    }

    private Optional<String> fondsCode() {
        int i = fonds.getSelectionIndex();
        return i < 0 ? Optional.empty() : Optional.of(fonds.getItem(i).split("  ", 2)[0]);
    }

    /** Plans and submits in the background: storing a big folder's scans takes a while. */
    private void start() {
        Optional<String> code = fondsCode();
        String dir = folder.getText().strip();
        if (code.isEmpty() || !DigitisationView.readableFolder(dir)) {
            status.setText(texts.get("idle"));
            return;
        }
        Optional<String> fileCode = Optional.of(file.getText().strip()).filter(s -> !s.isEmpty());
        start.setEnabled(false);
        status.setText(texts.get("planning"));
        details.setText("");
        failures.removeAll();
        Display display = root.getDisplay();
        Thread t = new Thread(() -> {
            try {
                Batch batch = digitisation.plan(List.of(Path.of(dir)), code.get(), fileCode);
                StringBuilder skipped = new StringBuilder();
                for (Skipped s : batch.skipped()) {
                    skipped.append(texts.format("skipped", s.path().getFileName(), s.reason())).append('\n');
                }
                if (batch.documents().isEmpty()) {
                    ui(display, () -> {
                        status.setText(texts.get("nothing"));
                        details.setText(skipped.toString());
                        start.setEnabled(true);
                    });
                    return;
                }
                Job submitted = digitisation.submit(batch, "vie", System.getProperty("user.name", "hoso"));
                job.set(submitted.id());
                JobProgress p = jobs.progress(submitted.id());
                ui(display, () -> {
                    details.setText(skipped.toString());
                    cancel.setEnabled(!p.finished());
                    show(p);
                });
            } catch (Exception e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                ui(display, () -> {
                    status.setText(texts.format("error", String.valueOf(e.getMessage())));
                    details.setText(trace.toString());
                    start.setEnabled(true);
                });
            }
        }, "hoso-digitise-start");
        t.setDaemon(true);
        t.start();
    }

    private void cancel() {
        long id = job.get();
        if (id >= 0) {
            cancel.setEnabled(false);
            Thread t = new Thread(() -> jobs.cancel(id, System.getProperty("user.name", "hoso")),
                    "hoso-digitise-cancel");
            t.setDaemon(true);
            t.start();
        }
    }

    /** On the job service's thread: hands the update to the window's thread. */
    private void onProgress(JobProgress p) {
        if (p.jobId() != job.get() || root.isDisposed()) {
            return;
        }
        ui(root.getDisplay(), () -> show(p));
    }

    private void show(JobProgress p) {
        int finished = p.done() + p.failed() + p.cancelled();
        bar.setMaximum(Math.max(1, p.total()));
        bar.setSelection(finished);
        if (!p.finished()) {
            status.setText(texts.format("progress", finished, p.total(), p.tasksPerMinute(),
                    DigitisationView.duration(p.remaining()), p.failed()));
            return;
        }
        status.setText(p.cancelled() > 0 ? texts.format("cancelled", p.jobId())
                : texts.format("finished", p.jobId(), p.done(), p.failed(), p.cancelled()));
        start.setEnabled(true);
        cancel.setEnabled(false);
        long id = p.jobId();
        Display display = root.getDisplay();
        Thread t = new Thread(() -> {
            List<TaskFailure> failed = jobs.failures(id);
            ui(display, () -> {
                failures.removeAll();
                for (TaskFailure f : failed) {
                    TableItem row = new TableItem(failures, SWT.NONE);
                    row.setText(new String[] { f.key(), f.message() });
                }
            });
            refreshRescans();
        }, "hoso-digitise-report");
        t.setDaemon(true);
        t.start();
    }

    private void refreshRescans() {
        if (display.isDisposed()) {
            return; // the window closed while a report was on its way
        }
        Optional<String> code = onUi(this::fondsCode);
        if (code == null || code.isEmpty()) {
            return;
        }
        Runnable load = () -> {
            List<Rescan> list = digitisation.rescans(code.get(), Optional.empty());
            ui(display, () -> {
                rescans.removeAll();
                for (Rescan r : list) {
                    TableItem row = new TableItem(rescans, SWT.NONE);
                    row.setText(new String[] { r.docCode(), Integer.toString(r.page()), String.join("; ", r.reasons()) });
                }
            });
        };
        if (Display.getCurrent() != null) {
            Thread t = new Thread(load, "hoso-digitise-rescans");
            t.setDaemon(true);
            t.start();
        } else {
            load.run();
        }
    }

    private <T> T onUi(java.util.function.Supplier<T> s) {
        if (Display.getCurrent() != null) {
            return s.get();
        }
        Object[] box = new Object[1];
        try {
            display.syncExec(() -> box[0] = root.isDisposed() ? null : s.get());
        } catch (org.eclipse.swt.SWTException e) {
            return null; // the display was disposed meanwhile
        }
        @SuppressWarnings("unchecked")
        T t = (T) box[0];
        return t;
    }

    private void ui(Display on, Runnable r) {
        if (!on.isDisposed()) {
            try {
                on.asyncExec(() -> {
                    if (!root.isDisposed()) {
                        r.run();
                    }
                });
            } catch (org.eclipse.swt.SWTException e) {
                // the display was disposed meanwhile: nothing to show
            }
        }
    }
}
