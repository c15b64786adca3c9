package org.hoso.ui.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PlatformService.Subscription;
import org.hoso.ui.api.Workbench;

/**
 * The widgets of one open window: menu bar, one tab per view, status line. Lives on the UI thread only; the
 * workbench tells it which views exist and it brings its tabs in line ({@link #showViews}).
 */
final class WorkbenchWindow {

    private static final System.Logger LOG = System.getLogger(WorkbenchWindow.class.getName());
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    private final Texts texts;
    private final PlatformService platform;
    private final Shell shell;
    private final CTabFolder tabs;
    private final Label status;
    /** Open tabs by service id. */
    private final Map<Long, CTabItem> tabsByService = new HashMap<>();

    WorkbenchWindow(Display display, Texts texts, PlatformService platform) {
        this.texts = texts;
        this.platform = platform;
        shell = new Shell(display, SWT.SHELL_TRIM);
        shell.setText(texts.get("window.title"));
        shell.setData(Workbench.WIDGET_ID, "workbench.shell");
        shell.setSize(WIDTH, HEIGHT);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        shell.setLayout(layout);
        createMenuBar();

        tabs = new CTabFolder(shell, SWT.BORDER | SWT.TOP);
        tabs.setData(Workbench.WIDGET_ID, "workbench.tabs");
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        status = new Label(shell, SWT.NONE);
        status.setData(Workbench.WIDGET_ID, "workbench.status");
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusData.horizontalIndent = 6;
        status.setLayoutData(statusData);
        status.setText(texts.get("status.loading"));

        Refresher<String> refresher = new Refresher<>("hoso-ui-status", status,
                () -> PluginRows.statusLine(platform.platform(), platform.plugins(), texts), this::showStatus);
        Subscription subscription = platform.onChange(refresher::request);
        shell.addListener(SWT.Dispose, e -> {
            subscription.close();
            refresher.close();
        });
        refresher.request();
    }

    Shell shell() {
        return shell;
    }

    void open() {
        Display display = shell.getDisplay();
        Rectangle area = display.getPrimaryMonitor().getClientArea();
        shell.setLocation(area.x + Math.max(0, (area.width - WIDTH) / 2),
                area.y + Math.max(0, (area.height - HEIGHT) / 2));
        shell.open();
    }

    boolean isDisposed() {
        return shell.isDisposed();
    }

    private void showStatus(String text) {
        status.setText(text);
        shell.layout(new Control[] {status});
    }

    private void createMenuBar() {
        Menu bar = new Menu(shell, SWT.BAR);
        shell.setMenuBar(bar);

        MenuItem file = new MenuItem(bar, SWT.CASCADE);
        file.setText(texts.get("menu.file"));
        Menu fileMenu = new Menu(shell, SWT.DROP_DOWN);
        file.setMenu(fileMenu);
        MenuItem exit = new MenuItem(fileMenu, SWT.PUSH);
        exit.setText(texts.get("menu.file.exit"));
        exit.setData(Workbench.WIDGET_ID, "workbench.menu.exit");
        exit.addListener(SWT.Selection, e -> shell.close());

        MenuItem help = new MenuItem(bar, SWT.CASCADE);
        help.setText(texts.get("menu.help"));
        Menu helpMenu = new Menu(shell, SWT.DROP_DOWN);
        help.setMenu(helpMenu);
        MenuItem about = new MenuItem(helpMenu, SWT.PUSH);
        about.setText(texts.get("menu.help.about"));
        about.setData(Workbench.WIDGET_ID, "workbench.menu.about");
        about.addListener(SWT.Selection, e -> showAbout());
    }

    private void showAbout() {
        PlatformInfo info = platform.platform();
        String workspace = info.workspace().isBlank() ? texts.get("about.noWorkspace") : info.workspace();
        MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
        box.setText(texts.get("about.title"));
        box.setMessage(texts.format("about.text", info.productVersion(), info.framework(), info.frameworkVersion(),
                info.javaVersion(), workspace));
        box.open();
    }

    /**
     * Brings the tabs in line with {@code views} (sorted in {@link ViewEntry#TAB_ORDER}): closes the tabs of views
     * that went away, disposing their controls, and opens tabs for new ones at their place. Idempotent.
     */
    void showViews(List<ViewEntry> views) {
        if (tabs.isDisposed()) {
            return;
        }
        Set<Long> wanted = new HashSet<>();
        views.forEach(v -> wanted.add(v.serviceId()));
        for (Iterator<Map.Entry<Long, CTabItem>> it = tabsByService.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Long, CTabItem> tab = it.next();
            if (!wanted.contains(tab.getKey())) {
                closeTab(tab.getValue());
                it.remove();
            }
        }
        for (int i = 0; i < views.size(); i++) {
            ViewEntry view = views.get(i);
            CTabItem item = tabsByService.get(view.serviceId());
            if (item != null && (tabs.indexOf(item) != i || !view.equals(item.getData(ViewEntry.class.getName())))) {
                // its properties changed (a new order): reopen it at its new place
                closeTab(item);
                item = null;
            }
            if (item == null) {
                tabsByService.put(view.serviceId(), openTab(view, i));
            }
        }
        if (tabs.getSelection() == null && tabs.getItemCount() > 0) {
            tabs.setSelection(0);
        }
    }

    private CTabItem openTab(ViewEntry view, int index) {
        CTabItem item = new CTabItem(tabs, SWT.NONE, index);
        item.setData(ViewEntry.class.getName(), view);
        item.setData(Workbench.WIDGET_ID, "workbench.tab." + view.id());
        String title;
        try {
            title = view.view().title(texts.locale());
        } catch (RuntimeException | LinkageError e) {
            title = view.id();
        }
        item.setText(title == null || title.isBlank() ? view.id() : title);
        Composite holder = new Composite(tabs, SWT.NONE);
        holder.setLayout(new FillLayout());
        try {
            view.view().createControl(holder, texts.locale());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.ERROR, "view " + view.id() + " failed to create its widgets", e);
            for (Control child : holder.getChildren()) {
                child.dispose();
            }
            Label error = new Label(holder, SWT.WRAP);
            error.setData(Workbench.WIDGET_ID, "workbench.view.error");
            error.setForeground(holder.getDisplay().getSystemColor(SWT.COLOR_RED));
            String message = e.getMessage() == null ? e.getClass().getName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            error.setText(texts.format("view.failed", item.getText(), message));
        }
        item.setControl(holder);
        return item;
    }

    private static void closeTab(CTabItem item) {
        if (item.isDisposed()) {
            return;
        }
        Control control = item.getControl();
        try {
            item.dispose();
            if (control != null && !control.isDisposed()) {
                control.dispose();
            }
        } catch (RuntimeException | LinkageError e) {
            // a view's dispose listener failed (its bundle may be gone): the tab is closed all the same
            LOG.log(System.Logger.Level.WARNING, "a view failed while its tab was closed", e);
        }
    }
}
