package org.hoso.ui.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Provenance;
import org.hoso.digitise.api.SampleScans;
import org.hoso.ui.api.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The digitisation and search views in the real window: an archivist types a scan folder, presses Start, watches the
 * batch run to its end in the view, and the pages are in the catalogue, recognised (real Tesseract, real Derby);
 * searches without diacritics and opens a result in the editor (real Lucene).
 */
class DigitiseViewIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Workbench workbench;

    @InjectService(timeout = 10_000)
    CatalogueService catalogue;

    private final List<Throwable> uiErrors = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        workbench.close();
        assertTrue(workbench.awaitClosed(Robot.PATIENCE), "the window closes");
    }

    @Test
    void archivistRunsASmallBatchFromAFolderToItsEnd() throws Exception {
        FileUnit file = ownFile("SH");
        Path folder = Files.createTempDirectory("hoso-itest-scans-");
        Path fileFolder = Files.createDirectories(folder.resolve(file.fileCode()));
        page(fileFolder.resolve("01.png"), "Về việc chỉnh lý tài liệu");
        page(fileFolder.resolve("02.png"), "Thông báo kết quả số hóa");

        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        clickTool(robot, shell, "workbench.perspective.digitisation");
        showTab(robot, shell, "hoso.digitise");
        Text path = Robot.await("the digitisation view's folder field",
                () -> Optional.ofNullable(robot.onUi(() -> Robot.find(shell, "hoso.digitise.folder", Text.class))));
        // this test's own fonds in the view's fonds list (chosen through the widget, not by a posted event)
        org.eclipse.swt.widgets.Combo fonds = robot.onUi(() -> Robot.find(shell, "hoso.digitise.fonds",
                org.eclipse.swt.widgets.Combo.class));
        robot.onUi(() -> {
            if (fonds.indexOf(file.fondsCode() + "  Phông thử SH") < 0) {
                fonds.add(file.fondsCode() + "  Phông thử SH");
            }
            fonds.select(fonds.indexOf(file.fondsCode() + "  Phông thử SH"));
            fonds.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        robot.click(path);
        robot.type(folder.toString());
        Robot.awaitText(robot, path::getText, folder.toString());
        Button start = robot.onUi(() -> Robot.find(shell, "hoso.digitise.start", Button.class));
        assertNotNull(start, "the Start button");
        robot.click(start);

        Label status = robot.onUi(() -> Robot.find(shell, "hoso.digitise.status", Label.class));
        long deadline = System.nanoTime() + 180_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            text = robot.onUi(status::getText);
            if (text.contains("xong")) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(text.matches("Công việc \\d+ xong: 2 trang, 0 lỗi, 0 đã dừng\\."), "the view says: " + text);
        assertEquals(List.of(), uiErrors, "no exception on the UI thread");
        Screenshots.take(robot, shell, "digitise-" + framework + ".png");
        clickTool(robot, shell, "workbench.perspective.arrangement"); // the layout is remembered: leave it as found

        List<Item> items = catalogue.items(file.id());
        for (int i = 0; i < 2; i++) {
            List<Page> pages = catalogue.pages(items.get(i).id());
            assertEquals(1, pages.size(), "document " + (i + 1) + " has its scan");
            assertTrue(catalogue.recognition(pages.get(0).id()).flatMap(r -> r.text()).isPresent(),
                    "and its text, recognised");
        }
    }

    @Test
    void archivistSearchesWithoutDiacriticsAndOpensAResultInTheEditor() throws Exception {
        FileUnit file = ownFile("TK");
        catalogue.addItem(file.id(), Map.of(ItemFields.ABSTRACT, new Field<>("Về việc đo đạc đất đai của xã",
                Provenance.typed("itest", Instant.now()))), "itest");
        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        clickTool(robot, shell, "workbench.perspective.metadata");
        showTab(robot, shell, "hoso.search");
        Text query = Robot.await("the search field",
                () -> Optional.ofNullable(robot.onUi(() -> Robot.find(shell, "search.query", Text.class))));
        robot.click(query);
        robot.type("dat dai");
        robot.press(SWT.CR);
        Table results = robot.onUi(() -> Robot.find(shell, "search.results", Table.class));
        Label said = robot.onUi(() -> Robot.find(shell, "search.problem.message", Label.class));
        long until = System.nanoTime() + 90_000_000_000L; // the first search builds the index
        while (robot.onUi(results::getItemCount) == 0 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertTrue(robot.onUi(results::getItemCount) > 0, "results for dat dai; the field reads \""
                + robot.onUi(query::getText) + "\", the view says \"" + robot.onUi(said::getText) + "\"");
        String snippet = robot.onUi(() -> results.getItem(0).getText(3));
        assertTrue(snippet.contains("«đất đai»") || snippet.contains("«Đất đai»"),
                "the words typed without diacritics are marked in their Vietnamese spelling: " + snippet);
        String code = robot.onUi(() -> results.getItem(0).getText(1));
        Rectangle first = robot.onUi(() -> results.getItem(0).getBounds());
        robot.click(robot.onUi(() -> results.toDisplay(first.x + 20, first.y + first.height / 2)));
        robot.press(SWT.CR);
        Label title = robot.onUi(() -> Robot.find(shell, "editor.title", Label.class));
        Robot.await("the result in the editor",
                () -> Optional.of(robot.onUi(title::getText)).filter(t -> t.contains(code)));
        Screenshots.take(robot, shell, "search-" + framework + ".png");
        clickTool(robot, shell, "workbench.perspective.arrangement"); // the layout is remembered: leave it as found
        assertEquals(List.of(), uiErrors, "no exception on the UI thread");
    }

    /**
     * A fonds and file of this test's own: the sample fonds belongs to CatalogueIT, whose fixture is made only when
     * the sample fonds is absent.
     */
    private FileUnit ownFile(String suffix) {
        String fonds = "H99.IT." + suffix;
        if (catalogue.fonds(fonds).isEmpty()) {
            catalogue.createFonds(fonds, "Phông thử " + suffix, "itest");
        }
        String code = fonds + ".2026.1";
        return catalogue.file(code).orElseGet(() -> catalogue.addFile(catalogue.addSchemeNode(fonds,
                Optional.empty(), "I", "Hành chính", "itest").id(), code, Optional.empty(), Map.of(FileFields.TITLE,
                        new Field<>("Hồ sơ thử", Provenance.typed("itest", Instant.now()))), "itest"));
    }

    /** A page at 200 dpi with a heading and a line of Vietnamese. */
    private static void page(Path file, String heading) throws Exception {
        BufferedImage img = new BufferedImage(1169, 827, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 40));
        g.drawString(heading, 100, 200);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 30));
        g.drawString("Tài liệu lưu trữ của xã được số hóa theo quy định.", 100, 300);
        g.dispose();
        SampleScans.writePng(img, 200, file);
    }

    /** Brings a view's tab to the front, in whichever stack it is. */
    private static void showTab(Robot robot, Shell shell, String viewId) throws InterruptedException {
        String id = "workbench.tab." + viewId;
        CTabItem tab = Robot.await("the tab of " + viewId, () -> robot.onUi(() -> tabIn(shell, id)));
        Point at = robot.onUi(() -> {
            Rectangle b = tab.getBounds();
            return tab.getParent().toDisplay(b.x + b.width / 2, b.y + b.height / 2);
        });
        robot.click(at);
        Robot.await(viewId + " in front", () -> Optional.of(robot.onUi(() -> tab.getParent().getSelection() == tab))
                .filter(Boolean::booleanValue));
    }

    private static Optional<CTabItem> tabIn(org.eclipse.swt.widgets.Control c, String id) {
        if (c instanceof CTabFolder f) {
            for (CTabItem t : f.getItems()) {
                if (id.equals(t.getData(Workbench.WIDGET_ID))) {
                    return Optional.of(t);
                }
            }
        }
        if (c instanceof org.eclipse.swt.widgets.Composite parent) {
            for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
                Optional<CTabItem> found = tabIn(child, id);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static void clickTool(Robot robot, Shell shell, String id) throws InterruptedException {
        ToolBar bar = robot.onUi(() -> Robot.find(shell, "workbench.perspectives", ToolBar.class));
        Point at = robot.onUi(() -> {
            ToolItem item = Arrays.stream(bar.getItems()).filter(i -> id.equals(i.getData(Workbench.WIDGET_ID)))
                    .findFirst().orElseThrow();
            Rectangle b = item.getBounds();
            return bar.toDisplay(b.x + b.width / 2, b.y + b.height / 2);
        });
        robot.click(at);
    }
}
