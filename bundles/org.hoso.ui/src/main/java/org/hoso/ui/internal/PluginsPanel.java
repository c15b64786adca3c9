package org.hoso.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Table;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PlatformService.Subscription;
import org.hoso.ui.api.Workbench;
import org.hoso.ui.internal.PluginRows.Row;

/** The widgets of one plugins view: a button bar and the table, refreshed whenever the platform changes. */
final class PluginsPanel {

    private final Texts texts;
    private final PlatformService platform;
    private final Composite root;
    private final TableViewer viewer;
    private final Label feedback;

    PluginsPanel(Composite parent, Texts texts, PlatformService platform) {
        this.texts = texts;
        this.platform = platform;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));

        Button install = new Button(root, SWT.PUSH);
        install.setText(texts.get("plugins.install"));
        install.setData(Workbench.WIDGET_ID, "plugins.install");
        Optional<Path> folder = platform.pluginsDirectory();
        install.setEnabled(folder.isPresent());
        install.addListener(SWT.Selection, e -> folder.ifPresent(this::chooseAndInstall));

        Label where = new Label(root, SWT.NONE);
        where.setText(folder.map(f -> texts.format("plugins.folder", f)).orElse(texts.get("plugins.noFolder")));
        where.setData(Workbench.WIDGET_ID, "plugins.folder");

        feedback = new Label(root, SWT.NONE);
        feedback.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        feedback.setData(Workbench.WIDGET_ID, "plugins.feedback");

        viewer = new TableViewer(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setData(Workbench.WIDGET_ID, "plugins.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        column("plugins.column.name", 200, Row::name);
        column("plugins.column.identity", 250, Row::identity);
        column("plugins.column.state", 130, Row::state);
        column("plugins.column.contributions", 260, Row::contributions);
        column("plugins.column.problem", 330, Row::problem);

        Refresher<List<Row>> refresher = new Refresher<>("hoso-ui-plugins", root,
                () -> PluginRows.rows(platform.plugins(), platform.bundles(), texts), this::show);
        Subscription subscription = platform.onChange(refresher::request);
        root.addListener(SWT.Dispose, e -> {
            subscription.close();
            refresher.close();
        });
        refresher.request();
    }

    Control control() {
        return root;
    }

    private void column(String titleKey, int width, Function<Row, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(texts.get(titleKey));
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }

            @Override
            public Color getForeground(Object element) {
                Row row = (Row) element;
                if (row.broken()) {
                    return viewer.getTable().getDisplay().getSystemColor(SWT.COLOR_RED);
                }
                return row.pending() ? viewer.getTable().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY) : null;
            }

            @Override
            public String getToolTipText(Object element) {
                String value = text.apply((Row) element);
                return value.isEmpty() ? null : value;
            }
        });
    }

    private void show(List<Row> rows) {
        viewer.setInput(rows);
    }

    private void chooseAndInstall(Path pluginsDir) {
        FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
        dialog.setText(texts.get("plugins.install.dialog"));
        dialog.setFilterExtensions(new String[] {"*.jar", "*"});
        dialog.setFilterNames(new String[] {texts.get("plugins.install.filter"), texts.get("plugins.install.filterAll")});
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path source = Paths.get(chosen);
        String name = source.getFileName().toString();
        if (!PluginInstaller.isJar(source)) {
            message(SWT.ICON_WARNING | SWT.OK, texts.format("plugins.install.notJar", name));
            return;
        }
        if (Files.exists(PluginInstaller.target(source, pluginsDir))
                && message(SWT.ICON_QUESTION | SWT.YES | SWT.NO, texts.format("plugins.install.replace", name))
                        != SWT.YES) {
            return;
        }
        try {
            PluginInstaller.install(source, pluginsDir);
            feedback.setText(texts.format("plugins.install.done", name));
            root.layout(true, true);
        } catch (IOException | RuntimeException e) {
            message(SWT.ICON_ERROR | SWT.OK, texts.format("plugins.install.failed", name, e.getMessage()));
        }
    }

    private int message(int style, String text) {
        MessageBox box = new MessageBox(root.getShell(), style);
        box.setText(texts.get("plugins.title"));
        box.setMessage(text);
        return box.open();
    }
}
