package org.hoso.ui.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.hoso.ui.api.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The window as a user arranges it, with real key and mouse events: the language switched in the preferences and
 * back; a view moved to another stack with its tab's menu, that stack minimised and restored, and all of it still
 * there when the window opens again. The user's settings file ({@code hoso.ui.settings}, under {@code target/}) is
 * put back as it was after each test.
 */
class LayoutIT {

    private static final String NAVIGATOR = "workbench.tab.hoso.navigator";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Workbench workbench;

    private final List<Throwable> uiErrors = new CopyOnWriteArrayList<>();
    private Path settings;
    private Optional<String> before;

    @BeforeEach
    void keepTheSettings() throws Exception {
        settings = Path.of(context.getProperty("hoso.ui.settings"));
        before = Files.exists(settings) ? Optional.of(Files.readString(settings)) : Optional.empty();
    }

    @AfterEach
    void closeAndPutTheSettingsBack() throws Exception {
        workbench.close();
        assertTrue(workbench.awaitClosed(Robot.PATIENCE), "the window closes");
        if (before.isPresent()) {
            Files.writeString(settings, before.get());
        } else {
            Files.deleteIfExists(settings);
        }
    }

    @Test
    void archivistSwitchesTheLanguageAndBack() throws Exception {
        Robot robot = Robot.open(workbench, Robot.framework(context), uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Robot.awaitText(robot, () -> tabText(shell, NAVIGATOR), "Mục lục");

        // Cửa sổ → Tùy chọn… by its mnemonics, English with the arrow, Enter on the default button
        Shell english = choose(robot, shell, 'c', 't', SWT.ARROW_DOWN);
        Robot english1 = robot.on(english);
        assertEquals("Hoso — Archival workbench", english1.onUi(english::getText));
        Robot.awaitText(english1, () -> tabText(english, NAVIGATOR), "Catalogue");
        assertTrue(Files.readString(settings).contains("language=en"), "the choice is kept in " + settings);
        Screenshots.take(english1, english, "preferences-english-" + Robot.framework(context) + ".png");

        // Window → Preferences…, back to Vietnamese
        Shell vietnamese = choose(english1, english, 'w', 'p', SWT.ARROW_UP);
        Robot back = robot.on(vietnamese);
        assertEquals("Hoso — Bàn làm việc lưu trữ", back.onUi(vietnamese::getText));
        Robot.awaitText(back, () -> tabText(vietnamese, NAVIGATOR), "Mục lục");
        assertTrue(Files.readString(settings).contains("language=vi"), "Vietnamese kept in " + settings);
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    /**
     * Opens the preferences with Alt+{@code menu} then {@code item}, moves the language with {@code arrow}, presses
     * Enter, and returns the window built again in the new language.
     */
    private static Shell choose(Robot robot, Shell shell, char menu, char item, int arrow) throws Exception {
        robot.combo(menu, SWT.ALT);
        robot.type(String.valueOf(item));
        Shell dialog = Robot.await("the preferences", () -> Optional.ofNullable(robot.onUi(() -> Arrays.stream(
                shell.getShells()).filter(s -> "preferences.shell".equals(s.getData(Workbench.WIDGET_ID))
                        && s.isVisible()).findFirst().orElse(null))));
        Combo language = robot.onUi(() -> Robot.find(dialog, "preferences.language", Combo.class));
        int chosen = robot.onUi(language::getSelectionIndex);
        Robot.await("the language list to have the focus", () -> Optional.of(robot.onUi(language::isFocusControl))
                .filter(Boolean::booleanValue));
        robot.press(arrow);
        Robot.await("the other language chosen", () -> Optional.of(robot.onUi(language::getSelectionIndex))
                .filter(i -> i != chosen));
        Display display = robot.onUi(shell::getDisplay);
        robot.press(SWT.CR);
        return Robot.await("the window built again", () -> robot.onUi(() -> shell.isDisposed()
                ? workbench(display, shell) : Optional.<Shell>empty()));
    }

    private static Optional<Shell> workbench(Display display, Shell old) {
        return Arrays.stream(display.getShells())
                .filter(s -> s != old && !s.isDisposed() && s.isVisible()
                        && "workbench.shell".equals(s.getData(Workbench.WIDGET_ID)))
                .findFirst();
    }

    @Test
    void archivistMovesAViewMinimisesItsStackAndFindsItAgain() throws Exception {
        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        assertEquals("workbench.stack.left", robot.onUi(() -> stackOf(shell, NAVIGATOR)));

        // the tab's menu from the keyboard (Shift+F10 on the selected tab), the first "move to" entry
        CTabItem tab = robot.onUi(() -> tab(shell, NAVIGATOR));
        CTabFolder left = robot.onUi(tab::getParent);
        Rectangle tb = robot.onUi(tab::getBounds);
        robot.click(robot.onUi(() -> left.toDisplay(tb.x + tb.width / 2, tb.y + tb.height / 2)));
        Robot.await("the left stack to have the focus", () -> Optional.of(robot.onUi(left::isFocusControl))
                .filter(Boolean::booleanValue));
        robot.press(SWT.F10, SWT.SHIFT);
        Thread.sleep(300);
        robot.press(SWT.ARROW_DOWN);
        robot.press(SWT.CR);
        String moved = Robot.await("the navigator in another stack", () -> Optional.ofNullable(robot.onUi(
                () -> stackOf(shell, NAVIGATOR))).filter(s -> !s.equals("workbench.stack.left")));
        assertTrue(Files.readString(settings).contains("hoso.navigator"), "the move is kept in " + settings);

        // minimise that stack with its own button, see it leave a button in the status line
        CTabFolder stack = robot.onUi(() -> Robot.find(shell, moved, CTabFolder.class));
        // CTabFolder's minimise button is a ToolItem of its own ToolBar, its tooltip SWT's "Minimize"
        ToolItem minimise = robot.onUi(() -> Arrays.stream(stack.getChildren()).filter(ToolBar.class::isInstance)
                .map(ToolBar.class::cast).flatMap(b -> Arrays.stream(b.getItems()))
                .filter(i -> String.valueOf(i.getToolTipText()).contains("inimi")).findFirst().orElseThrow());
        clickTool(robot, minimise);
        Robot.await("the stack minimised", () -> Optional.of(robot.onUi(stack::isVisible)).filter(v -> !v));
        String key = moved.equals("workbench.tabs") ? "main" : moved.substring("workbench.stack.".length());
        ToolItem restore = Robot.await("its button in the status line", () -> Optional.ofNullable(robot.onUi(
                () -> restoreButton(shell, key))));
        assertTrue(robot.onUi(restore::getText).startsWith("▣ "), robot.onUi(restore::getText));
        Screenshots.take(robot, shell, "layout-minimised-" + framework + ".png");

        // the window again: the view where it was put, the stack still minimised
        workbench.close();
        assertTrue(workbench.awaitClosed(Robot.PATIENCE), "the window closes");
        Robot again = Robot.open(workbench, framework, uiErrors);
        Shell reopened = workbench.shell().orElseThrow();
        assertEquals(moved, again.onUi(() -> stackOf(reopened, NAVIGATOR)), "the view stays where it was moved");
        ToolItem restoreAgain = Robot.await("the stack still minimised", () -> Optional.ofNullable(again.onUi(
                () -> restoreButton(reopened, key))));
        clickTool(again, restoreAgain);
        CTabFolder shown = again.onUi(() -> Robot.find(reopened, moved, CTabFolder.class));
        Robot.await("the stack restored", () -> Optional.of(again.onUi(shown::isVisible)).filter(v -> v));
        assertEquals(null, again.onUi(() -> restoreButton(reopened, key)), "no restore button once restored");
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    private static String tabText(Shell shell, String id) {
        CTabItem t = tab(shell, id);
        return t == null ? "" : t.getText();
    }

    private static CTabItem tab(Shell shell, String id) {
        for (String stack : List.of("workbench.tabs", "workbench.stack.left", "workbench.stack.right",
                "workbench.stack.bottom")) {
            CTabFolder folder = Robot.find(shell, stack, CTabFolder.class);
            if (folder != null) {
                for (CTabItem item : folder.getItems()) {
                    if (id.equals(item.getData(Workbench.WIDGET_ID))) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    private static String stackOf(Shell shell, String id) {
        CTabItem t = tab(shell, id);
        return t == null ? null : (String) t.getParent().getData(Workbench.WIDGET_ID);
    }

    private static ToolItem restoreButton(Shell shell, String stack) {
        ToolBar bar = Robot.find(shell, "workbench.minimised", ToolBar.class);
        return bar == null ? null : Arrays.stream(bar.getItems())
                .filter(i -> ("workbench.restore." + stack).equals(i.getData(Workbench.WIDGET_ID))).findFirst()
                .orElse(null);
    }

    private static void clickTool(Robot robot, ToolItem item) throws InterruptedException {
        Point at = robot.onUi(() -> {
            Rectangle b = item.getBounds();
            Control bar = item.getParent();
            return bar.toDisplay(b.x + b.width / 2, b.y + b.height / 2);
        });
        robot.click(at);
    }
}
