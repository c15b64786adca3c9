package org.hoso.ui.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.hoso.core.api.PlatformService;
import org.hoso.ui.api.Workbench;
import org.hoso.ui.api.WorkbenchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** The workbench window in a real framework, driven with real mouse and key events. */
class WorkbenchIT {

    private static final String PLUGINS_TAB = "Phần mở rộng";
    private static final String EXAMPLE_TAB = "Tờ bản đồ địa chính (plugin mẫu)";
    private static final String NOT_A_NUMBER = "Số tờ phải là số (có thể kèm tỷ lệ, ví dụ 12 - 1:2000).";
    private static final String VALID = "Hợp lệ: tờ số 12, tỷ lệ 1:2000.";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    PlatformService platform;

    @InjectService(timeout = 10_000)
    Workbench workbench;

    private Path plugins;
    private final List<Throwable> uiErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void emptyPluginsFolder() throws Exception {
        plugins = platform.pluginsDirectory().orElseThrow();
        Files.createDirectories(plugins);
        clear();
    }

    @AfterEach
    void closeAndClean() throws Exception {
        workbench.close();
        workbench.awaitClosed(Robot.PATIENCE);
        clear();
    }

    /**
     * An archivist opens the workbench, drops the example plugin in, tries its view with the keyboard, sees a
     * broken file explained, removes the plugin again and closes the window.
     */
    @Test
    void archivistInstallsTriesAndRemovesAPlugin() throws Exception {
        Robot robot = openWindow();
        Shell shell = workbench.shell().orElseThrow();
        CTabFolder tabs = robot.onUi(() -> Robot.find(shell, "workbench.tabs", CTabFolder.class));
        assertNotNull(tabs, "the tab folder");
        assertEquals("Hoso — Bàn làm việc lưu trữ", robot.onUi(shell::getText));
        assertTrue(titles(robot, tabs).contains(PLUGINS_TAB), "the plugins view is built in: " + titles(robot, tabs));

        // the plugin arrives: its tab appears in the open window
        Files.copy(fixture("org.hoso.example.jar"), plugins.resolve("org.hoso.example.jar"));
        CTabItem exampleTab = Robot.await("the example tab", () -> tab(robot, tabs, EXAMPLE_TAB));
        Control exampleControl = robot.onUi(exampleTab::getControl);

        // a click on the tab, a click into the field, then typing
        Rectangle bounds = robot.onUi(exampleTab::getBounds);
        robot.click(robot.onUi(() -> tabs.toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2)));
        Robot.await("the example tab to be selected", () -> robot.onUi(() -> tabs.getSelection() == exampleTab)
                ? Optional.of(true) : Optional.empty());
        Text input = robot.onUi(() -> Robot.find(shell, "example.sheet.input", Text.class));
        Label verdict = robot.onUi(() -> Robot.find(shell, "example.sheet.verdict", Label.class));
        assertNotNull(input, "the sheet number field");
        assertNotNull(verdict, "the verdict label");
        robot.click(input);
        Robot.await("the field to have the focus", () -> robot.onUi(input::isFocusControl)
                ? Optional.of(true) : Optional.empty());

        robot.type("12a");
        Robot.awaitText(robot, input::getText, "12a");
        Robot.awaitText(robot, verdict::getText, NOT_A_NUMBER);

        robot.backspace();
        robot.type(" - 1:2000");
        Robot.awaitText(robot, input::getText, "12 - 1:2000");
        Robot.awaitText(robot, verdict::getText, VALID);

        // a broken file is listed with its problem, in red
        Files.writeString(plugins.resolve("broken.jar"), "a text file, not a jar", StandardCharsets.UTF_8);
        Table table = robot.onUi(() -> Robot.find(shell, "plugins.table", Table.class));
        assertNotNull(table, "the plugins table");
        String problem = Robot.await("a row for broken.jar with its problem", () -> robot.onUi(() -> Arrays
                .stream(table.getItems())
                .filter(i -> i.getText(0).equals("broken.jar") && !i.getText(4).isEmpty())
                .findFirst()
                .map(i -> i.getText(4))));
        assertTrue(problem.startsWith("Không phải tệp jar"), problem);
        assertTrue(robot.onUi(() -> row(table, "broken.jar").getForeground(0)
                .equals(table.getDisplay().getSystemColor(SWT.COLOR_RED))), "broken rows are red");
        assertTrue(robot.onUi(() -> row(table, "org.hoso.example.jar").getText(3)).contains("WorkbenchView"),
                "the example's contributions are listed");
        Label status = robot.onUi(() -> Robot.find(shell, "workbench.status", Label.class));
        String statusText = Robot.await("the status line to count the broken file", () -> Optional
                .of(robot.onUi(status::getText)).filter(t -> t.endsWith("Phần mở rộng: 2  ·  Bị lỗi: 1")));
        assertTrue(statusText.startsWith(platform.platform().framework() + " "), statusText);

        // the picture for the record: the example view, with the valid sheet number
        assertEquals(exampleTab, robot.onUi(tabs::getSelection));
        Screenshots.take(robot, shell, "workbench-" + framework() + ".png");
        CTabItem pluginsTab = tab(robot, tabs, PLUGINS_TAB).orElseThrow();
        Rectangle pb = robot.onUi(pluginsTab::getBounds);
        robot.click(robot.onUi(() -> tabs.toDisplay(pb.x + pb.width / 2, pb.y + pb.height / 2)));
        Robot.await("the plugins tab to be selected", () -> robot.onUi(() -> tabs.getSelection() == pluginsTab)
                ? Optional.of(true) : Optional.empty());
        Screenshots.take(robot, shell, "workbench-" + framework() + "-plugins.png");

        // the plugin leaves: its tab closes and its widgets are disposed
        Files.delete(plugins.resolve("org.hoso.example.jar"));
        Robot.await("the example tab to close", () -> tab(robot, tabs, EXAMPLE_TAB).isEmpty()
                ? Optional.of(true) : Optional.empty());
        assertTrue(robot.onUi(exampleControl::isDisposed), "the view's widgets are disposed");
        assertTrue(titles(robot, tabs).contains(PLUGINS_TAB));
        assertEquals(List.of(), uiErrors, "no error on the UI thread");

        workbench.close();
        assertTrue(workbench.awaitClosed(Duration.ofSeconds(10)), "the window closes");
        assertTrue(workbench.display().isEmpty());
        assertTrue(workbench.shell().isEmpty());
    }

    /** A view that fails to build its widgets gets an error in its tab; the window carries on. */
    @Test
    void aFailingViewDoesNotBreakTheWindow() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(WorkbenchView.ID_PROPERTY, "itest.failing");
        props.put(WorkbenchView.ORDER_PROPERTY, 20);
        ServiceRegistration<WorkbenchView> registration = context.registerService(WorkbenchView.class,
                new FailingView(), props);
        try {
            Robot robot = openWindow();
            Shell shell = workbench.shell().orElseThrow();
            CTabFolder tabs = robot.onUi(() -> Robot.find(shell, "workbench.tabs", CTabFolder.class));
            // the catalogue's views share the main stack: look at these two
            assertEquals(List.of(PLUGINS_TAB, "Khung nhìn hỏng"), titles(robot, tabs).stream()
                    .filter(t -> t.equals(PLUGINS_TAB) || t.equals("Khung nhìn hỏng")).toList(),
                    "ordered by hoso.view.order");
            CTabItem failing = tab(robot, tabs, "Khung nhìn hỏng").orElseThrow();
            Label error = robot.onUi(() -> Robot.find(failing.getControl(), "workbench.view.error", Label.class));
            assertNotNull(error, "an error label in the failing view's tab");
            String message = robot.onUi(error::getText);
            assertTrue(message.contains("boom: this view cannot build its widgets"), message);

            registration.unregister();
            registration = null;
            Robot.await("the failing tab to close", () -> tab(robot, tabs, "Khung nhìn hỏng").isEmpty()
                    ? Optional.of(true) : Optional.empty());
            assertTrue(titles(robot, tabs).contains(PLUGINS_TAB), titles(robot, tabs).toString());
            assertEquals(List.of(), uiErrors, "no error on the UI thread");
        } finally {
            if (registration != null) {
                registration.unregister();
            }
        }
    }

    private Robot openWindow() {
        return Robot.open(workbench, framework(), uiErrors);
    }

    private static List<String> titles(Robot robot, CTabFolder tabs) {
        return robot.onUi(() -> Arrays.stream(tabs.getItems()).map(CTabItem::getText).toList());
    }

    private static Optional<CTabItem> tab(Robot robot, CTabFolder tabs, String title) {
        return robot.onUi(() -> Arrays.stream(tabs.getItems()).filter(i -> i.getText().equals(title)).findFirst());
    }

    private static TableItem row(Table table, String name) {
        return Arrays.stream(table.getItems()).filter(i -> i.getText(0).equals(name)).findFirst().orElseThrow();
    }

    private String framework() {
        return Robot.framework(context);
    }

    private void clear() throws Exception {
        try (Stream<Path> files = Files.list(plugins)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Robot.await("the plugins folder to be empty in the framework", () -> Stream.of(context.getBundles())
                .noneMatch(b -> b.getLocation().contains(plugins.toString() + "/"))
                        ? Optional.of(true) : Optional.empty());
    }

    private static Path fixture(String name) {
        Path p = Paths.get(System.getProperty("hoso.itest.fixtures", "target/itest-fixtures"), name);
        assertTrue(Files.isRegularFile(p), "test fixture missing: " + p);
        return p;
    }

    /** A view whose widgets cannot be built. */
    private static final class FailingView implements WorkbenchView {
        @Override
        public String id() {
            return "itest.failing";
        }

        @Override
        public String title(Locale locale) {
            return "Khung nhìn hỏng";
        }

        @Override
        public Control createControl(Composite parent, Locale locale) {
            new Label(parent, SWT.NONE).setText("half built");
            throw new IllegalStateException("boom: this view cannot build its widgets");
        }
    }
}
