package org.hoso.ui.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabFolder2Adapter;
import org.eclipse.swt.custom.CTabFolderEvent;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.hoso.core.api.PlatformInfo;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.PlatformService.Subscription;
import org.hoso.ui.api.Workbench;
import org.hoso.ui.internal.Layout.Perspective;
import org.hoso.ui.internal.Layout.Stack;

/**
 * The widgets of one open window: menu bar, a bar of perspectives (one per trade step), four stacks of tabs (left,
 * main, right, bottom) in sashes, and a status line with the minimised stacks. Lives on the UI thread only; the
 * workbench tells it which views exist ({@link #showViews}) and the {@link Layout} says where each one goes in the
 * current perspective. A view's widgets are made once and move between stacks with it (SWT reparenting), so
 * switching perspective or moving a view keeps what the user typed.
 */
final class WorkbenchWindow {

    private static final System.Logger LOG = System.getLogger(WorkbenchWindow.class.getName());
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    private final Texts texts;
    private final PlatformService platform;
    private final Layout layout;
    private final Runnable languageChanged;
    private final Shell shell;
    private final ToolBar perspectives;
    private final SashForm outer;
    private final SashForm inner;
    private final Map<Stack, CTabFolder> stacks = new EnumMap<>(Stack.class);
    private final ToolBar minimisedBar;
    private final Label status;
    /** Views shown, by service id. */
    private final Map<Long, Placed> placed = new HashMap<>();
    private List<ViewEntry> views = List.of();

    /** A view in the window: its widgets' holder and its current tab. */
    private static final class Placed {
        ViewEntry entry;
        final Composite holder;
        CTabItem item;

        Placed(ViewEntry entry, Composite holder) {
            this.entry = entry;
            this.holder = holder;
        }
    }

    WorkbenchWindow(Display display, Texts texts, PlatformService platform, Layout layout, Runnable languageChanged) {
        this.texts = texts;
        this.platform = platform;
        this.layout = layout;
        this.languageChanged = languageChanged;
        shell = new Shell(display, SWT.SHELL_TRIM);
        shell.setText(texts.get("window.title"));
        shell.setData(Workbench.WIDGET_ID, "workbench.shell");
        shell.setSize(WIDTH, HEIGHT);
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        grid.verticalSpacing = 0;
        shell.setLayout(grid);
        createMenuBar();

        perspectives = new ToolBar(shell, SWT.FLAT | SWT.RIGHT);
        perspectives.setData(Workbench.WIDGET_ID, "workbench.perspectives");
        perspectives.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ToolItem caption = new ToolItem(perspectives, SWT.PUSH);
        caption.setText(texts.get("perspective.caption"));
        caption.setEnabled(false);
        for (Perspective p : Perspective.values()) {
            new ToolItem(perspectives, SWT.SEPARATOR);
            ToolItem item = new ToolItem(perspectives, SWT.RADIO);
            item.setText(texts.get("perspective." + p.key()));
            item.setToolTipText(texts.get("perspective." + p.key() + ".tip"));
            item.setData(Workbench.WIDGET_ID, "workbench.perspective." + p.key());
            item.setData(Perspective.class.getName(), p);
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection()) {
                    switchTo(p);
                }
            });
        }

        outer = new SashForm(shell, SWT.VERTICAL);
        GridData outerData = new GridData(SWT.FILL, SWT.FILL, true, true);
        // the stacks take the room left, never their views' preferred size (which would push the status line out)
        outerData.widthHint = 200;
        outerData.heightHint = 200;
        outer.setLayoutData(outerData);
        inner = new SashForm(outer, SWT.HORIZONTAL);
        for (Stack s : List.of(Stack.LEFT, Stack.MAIN, Stack.RIGHT)) {
            stacks.put(s, createStack(inner, s));
        }
        stacks.put(Stack.BOTTOM, createStack(outer, Stack.BOTTOM));
        inner.setWeights(22, 56, 22);
        outer.setWeights(72, 28);

        Composite statusRow = new Composite(shell, SWT.NONE);
        statusRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout rowLayout = new GridLayout(2, false);
        rowLayout.marginHeight = 0;
        statusRow.setLayout(rowLayout);
        status = new Label(statusRow, SWT.NONE);
        status.setData(Workbench.WIDGET_ID, "workbench.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText(texts.get("status.loading"));
        minimisedBar = new ToolBar(statusRow, SWT.FLAT | SWT.RIGHT);
        minimisedBar.setData(Workbench.WIDGET_ID, "workbench.minimised");
        minimisedBar.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        Refresher<String> refresher = new Refresher<>("hoso-ui-status", status,
                () -> PluginRows.statusLine(platform.platform(), platform.plugins(), texts), this::showStatus);
        Subscription subscription = platform.onChange(refresher::request);
        shell.addListener(SWT.Dispose, e -> {
            subscription.close();
            refresher.close();
        });
        refresher.request();
        markPerspective();
    }

    private CTabFolder createStack(Composite parent, Stack stack) {
        CTabFolder folder = new CTabFolder(parent, SWT.BORDER | SWT.TOP);
        // the main stack keeps the id the window always had
        folder.setData(Workbench.WIDGET_ID, stack == Stack.MAIN ? "workbench.tabs" : "workbench.stack." + stack.key());
        folder.setData(Stack.class.getName(), stack);
        folder.setMinimizeVisible(true);
        folder.addCTabFolder2Listener(new CTabFolder2Adapter() {
            @Override
            public void minimize(CTabFolderEvent event) {
                minimise(stack, true);
            }
        });
        folder.addListener(SWT.MenuDetect, e -> {
            Point at = folder.toControl(e.x, e.y);
            CTabItem item = folder.getItem(at);
            if (item == null && e.detail == SWT.MENU_KEYBOARD) {
                item = folder.getSelection();
            }
            if (item != null) {
                e.doit = false;
                tabMenu(folder, item).setVisible(true);
            }
        });
        return folder;
    }

    /** The tab's menu: move the view to another stack, minimise this stack. */
    private Menu tabMenu(CTabFolder folder, CTabItem item) {
        Menu menu = new Menu(shell, SWT.POP_UP);
        menu.setData(Workbench.WIDGET_ID, "workbench.tabMenu");
        Stack here = (Stack) folder.getData(Stack.class.getName());
        ViewEntry entry = (ViewEntry) item.getData(ViewEntry.class.getName());
        for (Stack s : Stack.values()) {
            if (s != here) {
                MenuItem move = new MenuItem(menu, SWT.PUSH);
                move.setText(texts.format("stack.moveTo", texts.get("stack." + s.key())));
                move.setData(Workbench.WIDGET_ID, "workbench.moveTo." + s.key());
                move.addListener(SWT.Selection, e -> moveView(entry.id(), s));
            }
        }
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem minimise = new MenuItem(menu, SWT.PUSH);
        minimise.setText(texts.get("stack.minimise"));
        minimise.addListener(SWT.Selection, e -> minimise(here, true));
        menu.addListener(SWT.Hide, e -> shell.getDisplay().asyncExec(menu::dispose));
        return menu;
    }

    /** Moves a view to {@code to} in the current perspective and remembers it. */
    void moveView(String viewId, Stack to) {
        Perspective p = layout.perspective();
        layout.move(p, viewId, to);
        layout.minimised(p, to, false);
        layout.save();
        arrange();
        placed.values().stream().filter(v -> v.entry.id().equals(viewId)).findFirst()
                .ifPresent(v -> v.item.getParent().setSelection(v.item));
    }

    /** Minimises or restores a stack of the current perspective and remembers it. */
    void minimise(Stack stack, boolean minimised) {
        layout.minimised(layout.perspective(), stack, minimised);
        layout.save();
        arrange();
    }

    void switchTo(Perspective p) {
        if (layout.perspective() == p) {
            return;
        }
        layout.perspective(p);
        layout.save();
        markPerspective();
        arrange();
    }

    private void markPerspective() {
        for (ToolItem item : perspectives.getItems()) {
            if (item.getData(Perspective.class.getName()) != null) {
                item.setSelection(item.getData(Perspective.class.getName()) == layout.perspective());
            }
        }
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
        // the menu bar takes its room only once the shell is shown: lay out again, or the status line falls off
        shell.layout(true, true);
        display.asyncExec(() -> {
            if (!shell.isDisposed()) {
                shell.layout(true, true);
            }
        });
    }

    boolean isDisposed() {
        return shell.isDisposed();
    }

    private void showStatus(String text) {
        status.setText(text);
        status.getParent().layout(true);
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

        MenuItem window = new MenuItem(bar, SWT.CASCADE);
        window.setText(texts.get("menu.window"));
        Menu windowMenu = new Menu(shell, SWT.DROP_DOWN);
        window.setMenu(windowMenu);
        for (Perspective p : Perspective.values()) {
            MenuItem item = new MenuItem(windowMenu, SWT.PUSH);
            item.setText(texts.get("perspective." + p.key()));
            item.addListener(SWT.Selection, e -> {
                switchTo(p);
            });
        }
        new MenuItem(windowMenu, SWT.SEPARATOR);
        MenuItem preferences = new MenuItem(windowMenu, SWT.PUSH);
        preferences.setText(texts.get("menu.window.preferences"));
        preferences.setData(Workbench.WIDGET_ID, "workbench.menu.preferences");
        preferences.addListener(SWT.Selection, e -> showPreferences());

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
                info.javaVersion(), workspace) + "\n" + texts.format("about.settings",
                        layout.file().map(Object::toString).orElse(texts.get("about.noWorkspace"))));
        box.open();
    }

    /** The preferences: the language of the window (applied at once: the window is built again in it). */
    void showPreferences() {
        Shell dialog = new Shell(shell, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        dialog.setText(texts.get("preferences.title"));
        dialog.setData(Workbench.WIDGET_ID, "preferences.shell");
        dialog.setLayout(new GridLayout(2, false));
        new Label(dialog, SWT.NONE).setText(texts.get("preferences.language"));
        Combo language = new Combo(dialog, SWT.READ_ONLY);
        language.setData(Workbench.WIDGET_ID, "preferences.language");
        language.setItems("Tiếng Việt", "English");
        language.select("en".equals(texts.locale().getLanguage()) ? 1 : 0);
        Label where = new Label(dialog, SWT.WRAP);
        where.setText(texts.format("preferences.where", layout.file().map(Object::toString).orElse("-")));
        where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Composite buttons = new Composite(dialog, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        buttons.setLayout(new FillLayout());
        Button ok = new Button(buttons, SWT.PUSH);
        ok.setText(texts.get("preferences.ok"));
        ok.setData(Workbench.WIDGET_ID, "preferences.ok");
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText(texts.get("preferences.cancel"));
        cancel.addListener(SWT.Selection, e -> dialog.close());
        ok.addListener(SWT.Selection, e -> {
            String tag = language.getSelectionIndex() == 1 ? "en" : "vi";
            boolean changed = !tag.equals(texts.locale().getLanguage());
            layout.language(tag);
            layout.save();
            dialog.close();
            if (changed) {
                languageChanged.run();
            }
        });
        dialog.setDefaultButton(ok);
        dialog.pack();
        Rectangle b = shell.getBounds();
        Point size = dialog.getSize();
        dialog.setLocation(b.x + (b.width - size.x) / 2, b.y + (b.height - size.y) / 3);
        dialog.open();
    }

    /**
     * Brings the tabs in line with {@code views} (sorted in {@link ViewEntry#TAB_ORDER}): closes the tabs of views
     * that went away, disposing their controls, and opens tabs for new ones in their stack. Idempotent.
     */
    void showViews(List<ViewEntry> views) {
        if (shell.isDisposed()) {
            return;
        }
        this.views = List.copyOf(views);
        Set<Long> wanted = new HashSet<>();
        views.forEach(v -> wanted.add(v.serviceId()));
        for (Iterator<Map.Entry<Long, Placed>> it = placed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Long, Placed> tab = it.next();
            if (!wanted.contains(tab.getKey())) {
                close(tab.getValue());
                it.remove();
            }
        }
        arrange();
    }

    /** Puts every view in its stack of the current perspective, in tab order; hides empty and minimised stacks. */
    private void arrange() {
        Perspective p = layout.perspective();
        Map<Stack, List<ViewEntry>> byStack = new EnumMap<>(Stack.class);
        for (Stack s : Stack.values()) {
            byStack.put(s, new ArrayList<>());
        }
        for (ViewEntry v : views) {
            byStack.get(layout.stackOf(p, v.id())).add(v);
        }
        // first take every misplaced tab out, then put each in at its place
        for (ViewEntry v : views) {
            Placed pl = placed.get(v.serviceId());
            if (pl != null && pl.item != null
                    && (pl.item.getParent() != stacks.get(layout.stackOf(p, v.id())) || !v.equals(pl.entry))) {
                pl.item.dispose();
                pl.item = null;
            }
        }
        for (Stack s : Stack.values()) {
            CTabFolder folder = stacks.get(s);
            List<ViewEntry> list = byStack.get(s);
            for (int i = 0; i < list.size(); i++) {
                ViewEntry v = list.get(i);
                Placed pl = placed.get(v.serviceId());
                if (pl == null) {
                    pl = create(v, folder);
                    placed.put(v.serviceId(), pl);
                }
                pl.entry = v;
                if (pl.item != null && folder.indexOf(pl.item) != i) {
                    pl.item.dispose();
                    pl.item = null;
                }
                if (pl.item == null) {
                    if (pl.holder.getParent() != folder) {
                        pl.holder.setParent(folder);
                    }
                    pl.item = tab(folder, Math.min(i, folder.getItemCount()), v, pl.holder);
                }
            }
            if (folder.getSelection() == null && folder.getItemCount() > 0) {
                folder.setSelection(0);
            }
        }
        Set<Stack> minimised = layout.minimised(p);
        for (ToolItem item : minimisedBar.getItems()) {
            item.dispose();
        }
        for (Stack s : Stack.values()) {
            CTabFolder folder = stacks.get(s);
            boolean hasTabs = folder.getItemCount() > 0;
            folder.setVisible(hasTabs && !minimised.contains(s));
            if (hasTabs && minimised.contains(s)) {
                ToolItem restore = new ToolItem(minimisedBar, SWT.PUSH);
                restore.setText(texts.format("stack.restore", texts.get("stack." + s.key()), folder.getItemCount()));
                restore.setToolTipText(String.join(", ", titles(folder)));
                restore.setData(Workbench.WIDGET_ID, "workbench.restore." + s.key());
                restore.addListener(SWT.Selection, e -> minimise(s, false));
            }
        }
        inner.setVisible(stacks.get(Stack.LEFT).getVisible() || stacks.get(Stack.MAIN).getVisible()
                || stacks.get(Stack.RIGHT).getVisible());
        inner.layout(true);
        outer.layout(true);
        minimisedBar.getParent().layout(true);
        shell.layout(true);
    }

    private static List<String> titles(CTabFolder folder) {
        List<String> titles = new ArrayList<>();
        for (CTabItem item : folder.getItems()) {
            titles.add(item.getText());
        }
        return titles;
    }

    private CTabItem tab(CTabFolder folder, int index, ViewEntry view, Composite holder) {
        CTabItem item = new CTabItem(folder, SWT.NONE, index);
        item.setData(ViewEntry.class.getName(), view);
        item.setData(Workbench.WIDGET_ID, "workbench.tab." + view.id());
        item.setText(title(view));
        item.setControl(holder);
        return item;
    }

    /** The view's title in the window's language; its id when it has none or fails to say. */
    private String title(ViewEntry view) {
        String title;
        try {
            title = view.view().title(texts.locale());
        } catch (RuntimeException | LinkageError e) {
            title = view.id();
        }
        return title == null || title.isBlank() ? view.id() : title;
    }

    private Placed create(ViewEntry view, CTabFolder folder) {
        Composite holder = new Composite(folder, SWT.NONE);
        holder.setLayout(new FillLayout());
        holder.setData(Workbench.WIDGET_ID, "workbench.view." + view.id());
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
            error.setText(texts.format("view.failed", title(view), message));
        }
        return new Placed(view, holder);
    }

    private static void close(Placed placed) {
        try {
            if (placed.item != null && !placed.item.isDisposed()) {
                placed.item.dispose();
            }
            if (!placed.holder.isDisposed()) {
                placed.holder.dispose();
            }
        } catch (RuntimeException | LinkageError e) {
            // a view's dispose listener failed (its bundle may be gone): the tab is closed all the same
            LOG.log(System.Logger.Level.WARNING, "a view failed while its tab was closed", e);
        }
    }

    /** The language the window shows. */
    Locale locale() {
        return texts.locale();
    }
}
