package org.hoso.ui.digitise.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.JobService;
import org.hoso.core.api.Localization;
import org.hoso.digitise.api.DigitisationService;
import org.hoso.ui.api.WorkbenchView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The digitisation view: a batch started from a folder, its progress (pages/min, time left), failures with their
 * reasons, stop and go on, and the re-scan list. It runs {@code hoso digitise}'s service; the work runs in the job
 * service's workers, never on the window's thread.
 */
@Component(service = WorkbenchView.class)
@WorkbenchView.Kind(id = DigitisationView.ID, order = 5)
public final class DigitisationView implements WorkbenchView {

    static final String ID = "hoso.digitise";

    private final DigitisationService digitisation;
    private final JobService jobs;
    private final CatalogueService catalogue;

    @Activate
    public DigitisationView(@Reference DigitisationService digitisation, @Reference JobService jobs,
            @Reference CatalogueService catalogue) {
        this.digitisation = digitisation;
        this.jobs = jobs;
        this.catalogue = catalogue;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return new Texts(locale).get("view.title");
    }

    @Override
    public Control createControl(Composite parent, Locale locale) {
        return new DigitisationPanel(parent, SWT.NONE, new Texts(locale), digitisation, jobs, catalogue).control();
    }

    /** The view's texts in one language. */
    static final class Texts {
        private final Locale locale;
        private final ResourceBundle bundle;

        Texts(Locale locale) {
            this.locale = locale;
            this.bundle = Localization.messages("org.hoso.ui.digitise.internal.messages", locale,
                    Texts.class.getClassLoader());
        }

        String get(String key) {
            return bundle.getString(key);
        }

        String format(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        }
    }

    /** h:mm:ss */
    static String duration(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "?";
        }
        long s = Math.max(0, d.get().toSeconds());
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Whether a path is a folder that can be read. */
    static boolean readableFolder(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        Path p = Path.of(path.strip());
        return Files.isDirectory(p) && Files.isReadable(p);
    }
}
