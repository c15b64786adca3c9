package org.hoso.ui.catalogue.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.hoso.ui.api.Workbench;

/**
 * A line under a view that says what went wrong in words a clerk understands, with the technical details behind
 * "Chi tiết…" (details on demand), or what just happened when all went well. Never a modal dialog: the work goes
 * on.
 */
final class ProblemBar {

    private final Texts texts;
    private final Composite bar;
    private final Label message;
    private final Link toggle;
    private final Text details;

    ProblemBar(Composite parent, Texts texts, String idPrefix) {
        this.texts = texts;
        bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 2;
        bar.setLayout(layout);
        message = new Label(bar, SWT.WRAP);
        message.setData(Workbench.WIDGET_ID, idPrefix + ".message");
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        toggle = new Link(bar, SWT.NONE);
        toggle.setText("<a>" + texts.get("problem.details") + "</a>");
        toggle.setData(Workbench.WIDGET_ID, idPrefix + ".details");
        toggle.setVisible(false);
        details = new Text(bar, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        GridData d = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        d.heightHint = 90;
        d.exclude = true;
        details.setLayoutData(d);
        details.setVisible(false);
        toggle.addListener(SWT.Selection, e -> {
            boolean show = !details.getVisible();
            details.setVisible(show);
            ((GridData) details.getLayoutData()).exclude = !show;
            bar.getParent().layout(true, true);
        });
    }

    Composite control() {
        return bar;
    }

    /** Says what happened, in black. */
    void info(String text) {
        show(text, SWT.COLOR_WIDGET_FOREGROUND, null);
    }

    /** Says in plain words what could not be done; the exception goes behind "details". */
    void problem(String whatFailed, Throwable cause) {
        show(texts.format("problem.plain", whatFailed, plainCause(cause)), SWT.COLOR_RED, cause);
    }

    private void show(String text, int colour, Throwable cause) {
        if (bar.isDisposed()) {
            return;
        }
        message.setText(text);
        message.setForeground(bar.getDisplay().getSystemColor(colour));
        toggle.setVisible(cause != null);
        if (cause != null) {
            StringWriter w = new StringWriter();
            cause.printStackTrace(new PrintWriter(w));
            details.setText(w.toString());
        } else {
            details.setVisible(false);
            ((GridData) details.getLayoutData()).exclude = true;
        }
        bar.getParent().layout(true, true);
    }

    /** The cause in a clerk's words: what the catalogue said was wrong, or that the database failed. */
    private String plainCause(Throwable cause) {
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return texts.format("problem.invalid", cause.getMessage());
        }
        if (cause instanceof UncheckedIOException) {
            return texts.get("problem.database");
        }
        return texts.get("problem.unexpected");
    }
}
