package org.hoso.ui.catalogue.internal;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.hoso.core.api.model.Page;

/**
 * The navigator's status icons, drawn once per control with GC (no image files): a grey ring for records not yet
 * digitised, amber for pages that need review (scanned or recognised), red for pages to scan again, green for
 * everything reviewed; a folder and a page shape for scheme nodes and the fonds.
 */
final class Icons {

    /** Where a file, document or page stands in the digitisation work. */
    enum Status {
        NOT_DIGITISED(new RGB(160, 160, 160)), NEEDS_REVIEW(new RGB(230, 150, 0)), RESCAN(new RGB(200, 30, 30)),
        DONE(new RGB(30, 150, 60));

        final RGB rgb;

        Status(RGB rgb) {
            this.rgb = rgb;
        }

        /** From the counts of pages by status: none, some to scan again, some not reviewed, or all reviewed. */
        static Status of(Map<Page.Status, Long> pages) {
            long total = pages.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                return NOT_DIGITISED;
            }
            if (pages.getOrDefault(Page.Status.RESCAN, 0L) > 0) {
                return RESCAN;
            }
            return pages.getOrDefault(Page.Status.REVIEWED, 0L) == total ? DONE : NEEDS_REVIEW;
        }

        static Status of(Page.Status page) {
            return switch (page) {
                case RESCAN -> RESCAN;
                case REVIEWED -> DONE;
                case SCANNED, RECOGNISED -> NEEDS_REVIEW;
            };
        }
    }

    private final Image[] status = new Image[Status.values().length];
    private final Image node;
    private final Image fonds;

    Icons(Control owner) {
        Display d = owner.getDisplay();
        for (Status s : Status.values()) {
            status[s.ordinal()] = draw(d, s.rgb, s == Status.NOT_DIGITISED);
        }
        node = folder(d);
        fonds = draw(d, new RGB(40, 80, 160), false);
        owner.addListener(SWT.Dispose, e -> dispose());
    }

    Image status(Status s) {
        return status[s.ordinal()];
    }

    Image node() {
        return node;
    }

    Image fonds() {
        return fonds;
    }

    private static Image draw(Display d, RGB rgb, boolean ring) {
        Image image = new Image(d, 16, 16);
        GC gc = new GC(image);
        Color colour = new Color(rgb);
        gc.setBackground(d.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(0, 0, 16, 16);
        gc.setAntialias(SWT.ON);
        if (ring) {
            gc.setForeground(colour);
            gc.setLineWidth(2);
            gc.drawOval(3, 3, 10, 10);
        } else {
            gc.setBackground(colour);
            gc.fillOval(2, 2, 12, 12);
        }
        gc.dispose();
        return image;
    }

    private static Image folder(Display d) {
        Image image = new Image(d, 16, 16);
        GC gc = new GC(image);
        gc.setBackground(d.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(0, 0, 16, 16);
        Color colour = new Color(new RGB(210, 170, 60));
        gc.setBackground(colour);
        gc.fillRectangle(1, 3, 6, 3);
        gc.fillRectangle(1, 5, 14, 9);
        gc.dispose();
        return image;
    }

    private void dispose() {
        for (Image i : status) {
            i.dispose();
        }
        node.dispose();
        fonds.dispose();
    }
}
