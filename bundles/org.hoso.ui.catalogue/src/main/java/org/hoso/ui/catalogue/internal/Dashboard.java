package org.hoso.ui.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.Page;
import org.hoso.ui.api.Workbench;

/**
 * Where the work stands, per fonds: files, documents, boxes, shelf-metres, and pages scanned, recognised, reviewed
 * and to scan again; a table and two charts drawn with GC (pages by status, shelf-metres). Read off the UI thread,
 * again after every change made in the window.
 */
final class Dashboard {

    /** One fonds' figures. */
    record Figures(Fonds fonds, CatalogueService.Counts counts, double shelfMetres, Map<Page.Status, Long> pages) {
        long pages(Page.Status s) {
            return pages.getOrDefault(s, 0L);
        }

        long allPages() {
            return pages.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final RGB[] STATUS_COLOURS = {new RGB(230, 150, 0), new RGB(200, 30, 30), new RGB(70, 120, 200),
        new RGB(30, 150, 60)};

    private final CatalogueSession session;
    private final Texts texts;
    private final Composite root;
    private final Table table;
    private final Canvas chart;
    private final ProblemBar problems;
    private List<Figures> figures = List.of();

    Dashboard(Composite parent, CatalogueSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        Button refresh = new Button(root, SWT.PUSH);
        refresh.setText(texts.get("dashboard.refresh"));
        refresh.addListener(SWT.Selection, e -> reload());

        table = new Table(root, SWT.BORDER | SWT.FULL_SELECTION);
        table.setData(Workbench.WIDGET_ID, "dashboard.table");
        table.setHeaderVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, false);
        td.heightHint = 110;
        table.setLayoutData(td);
        for (String key : List.of("dashboard.fonds", "dashboard.files", "dashboard.items", "dashboard.boxes",
                "dashboard.metres", "dashboard.pages", "dashboard.reviewed")) {
            TableColumn c = new TableColumn(table, key.equals("dashboard.fonds") ? SWT.LEFT : SWT.RIGHT);
            c.setText(texts.get(key));
            c.setWidth(key.equals("dashboard.fonds") ? 260 : 110);
        }

        chart = new Canvas(root, SWT.DOUBLE_BUFFERED);
        chart.setData(Workbench.WIDGET_ID, "dashboard.chart");
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.addListener(SWT.Paint, e -> paint(e.gc, chart.getClientArea()));
        problems = new ProblemBar(root, texts, "dashboard.problem");
        problems.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        AutoCloseable changes = session.listen(root.getDisplay(), CatalogueSession.Changed.class, c -> reload());
        root.addListener(SWT.Dispose, e -> {
            try {
                changes.close();
            } catch (Exception ignored) {
                // nothing held
            }
        });
        reload();
    }

    Control control() {
        return root;
    }

    void reload() {
        CatalogueService catalogue = session.catalogue();
        session.run(root.getDisplay(), () -> {
            List<Figures> all = new ArrayList<>();
            for (Fonds f : catalogue.fonds()) {
                all.add(new Figures(f, catalogue.counts(f.code()), catalogue.shelfMetres(f.code()),
                        catalogue.pageCounts(f.code())));
            }
            return all;
        }, this::show, e -> problems.problem(texts.get("dashboard.failed"), e));
    }

    private void show(List<Figures> all) {
        if (root.isDisposed()) {
            return;
        }
        figures = all;
        table.removeAll();
        for (Figures f : all) {
            TableItem row = new TableItem(table, SWT.NONE);
            row.setText(new String[] {f.fonds().code() + " — " + f.fonds().name(), number(f.counts().files()),
                number(f.counts().items()), number(f.counts().boxes()), texts.format("dashboard.metresValue",
                        f.shelfMetres()), number(f.allPages()), number(f.pages(Page.Status.REVIEWED))});
        }
        problems.info(texts.format("dashboard.loaded", all.size()));
        chart.redraw();
    }

    private String number(long n) {
        return java.text.NumberFormat.getIntegerInstance(texts.locale()).format(n);
    }

    /** Two charts side by side: pages by status per fonds (stacked bars), shelf-metres per fonds. */
    private void paint(GC gc, Rectangle area) {
        gc.setAntialias(SWT.ON);
        int half = area.width / 2;
        Rectangle left = new Rectangle(area.x + 10, area.y + 10, half - 20, area.height - 20);
        Rectangle right = new Rectangle(area.x + half + 10, area.y + 10, half - 20, area.height - 20);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawText(texts.get("dashboard.chart.pages"), left.x, left.y, true);
        gc.drawText(texts.get("dashboard.chart.metres"), right.x, right.y, true);
        if (figures.isEmpty()) {
            return;
        }
        int lineHeight = gc.getFontMetrics().getHeight();
        int top = left.y + lineHeight + 8;
        int barHeight = Math.max(12, Math.min(28, (left.height - 3 * lineHeight) / Math.max(1, figures.size()) - 8));
        long maxPages = Math.max(1, figures.stream().mapToLong(Figures::allPages).max().orElse(1));
        double maxMetres = Math.max(0.01, figures.stream().mapToDouble(Figures::shelfMetres).max().orElse(1));
        Page.Status[] order = {Page.Status.SCANNED, Page.Status.RESCAN, Page.Status.RECOGNISED, Page.Status.REVIEWED};
        Color[] colours = new Color[order.length];
        for (int i = 0; i < order.length; i++) {
            colours[i] = new Color(STATUS_COLOURS[i]);
        }
        Color metres = new Color(new RGB(120, 90, 40));
        int labelWidth = 90;
        for (int row = 0; row < figures.size(); row++) {
            Figures f = figures.get(row);
            int y = top + row * (barHeight + 8);
            gc.drawText(f.fonds().code(), left.x, y, true);
            int x = left.x + labelWidth;
            int width = left.width - labelWidth - 60;
            for (int i = 0; i < order.length; i++) {
                int w = (int) Math.round(width * (double) f.pages(order[i]) / maxPages);
                gc.setBackground(colours[i]);
                gc.fillRectangle(x, y, w, barHeight);
                x += w;
            }
            gc.drawText(number(f.allPages()), x + 4, y, true);

            gc.drawText(f.fonds().code(), right.x, y, true);
            int mw = (int) Math.round((right.width - labelWidth - 60) * f.shelfMetres() / maxMetres);
            gc.setBackground(metres);
            gc.fillRectangle(right.x + labelWidth, y, mw, barHeight);
            gc.drawText(texts.format("dashboard.metresValue", f.shelfMetres()), right.x + labelWidth + mw + 4, y, true);
        }
        // the legend
        int y = top + figures.size() * (barHeight + 8) + 6;
        int x = left.x;
        for (int i = 0; i < order.length; i++) {
            gc.setBackground(colours[i]);
            gc.fillRectangle(x, y + 3, 10, 10);
            String label = texts.get("page." + order[i].name());
            gc.drawText(label, x + 14, y, true);
            Point size = gc.textExtent(label);
            x += size.x + 30;
        }
        for (Color c : colours) {
            c.dispose();
        }
        metres.dispose();
    }
}
