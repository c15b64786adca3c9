package org.hoso.ui.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.SampleGenerator;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.digitise.api.Box;
import org.hoso.digitise.api.OcrJson;
import org.hoso.digitise.api.OcrLine;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.OcrWord;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.ExtractionService;
import org.hoso.ui.api.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The catalogue views in the real window over the real store (Derby on disk) and the sample fonds, driven with real
 * mouse and key events: open the fonds, move a file to another scheme node with Ctrl+X / Ctrl+V, undo and redo it
 * with Ctrl+Z / Ctrl+Y, type a wrong date and see it refused, correct a title and see its provenance turn to typed.
 */
class CatalogueIT {

    private static final String FONDS = SampleGenerator.SAMPLE_FONDS;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Workbench workbench;

    @InjectService(timeout = 10_000)
    CatalogueService catalogue;

    @InjectService(timeout = 10_000)
    SampleGenerator sample;

    @InjectService(timeout = 10_000)
    ObjectStore objects;

    @InjectService(timeout = 10_000)
    ExtractionService extraction;

    private final List<Throwable> uiErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void theSampleFonds() throws Exception {
        if (catalogue.fonds(FONDS).isEmpty()) {
            catalogue.importBatch(sample.inventory(2025, 120), "itest");
            // pages for the status icons: the first document reviewed, the second waiting for review
            SchemeNode first = catalogue.scheme(FONDS).stream()
                    .filter(n -> !catalogue.files(n.id()).isEmpty()).findFirst().orElseThrow();
            List<Item> items = catalogue.items(catalogue.files(first.id()).get(0).id());
            Page reviewed = catalogue.addPage(items.get(0).id(), objects.put(scan(List.of(List.of("Trang", "1"))))
                    .id(), "itest");
            catalogue.setPageStatus(reviewed.id(), Page.Status.REVIEWED, "itest");
            // the second document's page, recognised by a machine that read a zero as the letter O
            BufferedImage image = new BufferedImage(620, 300, BufferedImage.TYPE_INT_RGB);
            OcrPage ocr = draw(image, PAGE_WORDS);
            Page page = catalogue.addPage(items.get(1).id(), objects.put(png(image)).id(), "itest");
            List<OcrLine> lines = new ArrayList<>();
            for (OcrLine line : ocr.lines()) {
                lines.add(new OcrLine(line.words().stream().map(w -> w.text().equals("03/CT-UBND")
                        ? new OcrWord("O3/CT-UBND", w.box(), 41f) : w).toList(), line.box()));
            }
            OcrPage read = new OcrPage(ocr.width(), ocr.height(), ocr.dpi(), ocr.languages(), lines);
            catalogue.recordRecognition(new Recognition(page.id(),
                    Optional.of(objects.put(utf8(OcrJson.write(read))).id()),
                    Optional.of(objects.put(utf8(read.text())).id()), Optional.empty(), read.meanConfidence() / 100,
                    List.of(), Provenance.extracted("tesseract-5.3 vie", 0.86, Instant.now())),
                    Page.Status.RECOGNISED, "itest");
            // a new document at the end of that file, recognised (a 2 misread as a 7) and its fields extracted
            recognisedDocument(items.get(0).fileId());
        }
    }

    /** The header of a decision as printed; the machine reads the number 12 as 17, unsure. */
    private static final List<List<String>> DECISION = List.of(List.of("UBND", "XÃ", "HÒA", "BÌNH"),
            List.of("Số:", "12/QĐ-UBND"), List.of("Hòa", "Bình,", "ngày", "19", "tháng", "3", "năm", "2025"),
            List.of("QUYẾT", "ĐỊNH"), List.of("Về", "việc", "kiện", "toàn", "tổ", "chỉnh", "lý"),
            List.of("CHỦ", "TỊCH"), List.of("Nguyễn", "Văn", "Hùng"));

    private void recognisedDocument(long fileId) throws Exception {
        Item doc = catalogue.addItem(fileId, Map.of(), "itest");
        BufferedImage image = new BufferedImage(760, 470, BufferedImage.TYPE_INT_RGB);
        OcrPage printed = draw(image, DECISION);
        Page page = catalogue.addPage(doc.id(), objects.put(png(image)).id(), "itest");
        List<OcrLine> lines = new ArrayList<>();
        for (OcrLine line : printed.lines()) {
            lines.add(new OcrLine(line.words().stream().map(w -> w.text().equals("12/QĐ-UBND")
                    ? new OcrWord("17/QĐ-UBND", w.box(), 48f) : w).toList(), line.box()));
        }
        OcrPage read = new OcrPage(printed.width(), printed.height(), printed.dpi(), printed.languages(), lines);
        catalogue.recordRecognition(new Recognition(page.id(), Optional.of(objects.put(utf8(OcrJson.write(read))).id()),
                Optional.of(objects.put(utf8(read.text())).id()), Optional.empty(), read.meanConfidence() / 100,
                List.of(), Provenance.extracted("tesseract-5.3 vie", 0.84, Instant.now())), Page.Status.RECOGNISED,
                "itest");
        extraction.apply(doc.id(), extraction.extract(ExtractionInput.ofOcr(List.of(read)), Optional.empty()),
                "itest");
    }

    /** The words on the recognised page, line by line. */
    private static final List<List<String>> PAGE_WORDS = List.of(List.of("UBND", "XÃ", "HÒA", "BÌNH"),
            List.of("Số:", "03/CT-UBND"), List.of("CHỈ", "THỊ"), List.of("Về", "công", "tác", "lưu", "trữ"));

    @AfterEach
    void close() throws Exception {
        workbench.close();
        assertTrue(workbench.awaitClosed(Robot.PATIENCE), "the window closes");
    }

    @Test
    void archivistMovesAFileUndoesItAndCorrectsATitle() throws Exception {
        String framework = Robot.framework(context);
        long start = System.nanoTime();
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
        assertNotNull(tree, "the navigator");
        TreeItem fondsRow = Robot.await("the sample fonds in the navigator", () -> robot.onUi(() -> Arrays
                .stream(tree.getItems()).filter(i -> i.getText().startsWith(FONDS + " — ")).findFirst()));
        System.out.printf("[itest] %s: window open to sample fonds shown in %d ms%n", framework,
                (System.nanoTime() - start) / 1_000_000);
        String fondsText = robot.onUi(() -> fondsRow.getText());
        assertTrue(fondsText.endsWith("(" + catalogue.counts(FONDS).files() + " hồ sơ)"), fondsText);

        // a node with files, and another node to move one to
        List<SchemeNode> scheme = catalogue.scheme(FONDS);
        Map<Long, Long> counts = catalogue.fileCounts(FONDS);
        SchemeNode from = scheme.stream().filter(n -> counts.getOrDefault(n.id(), 0L) > 1).findFirst().orElseThrow();
        SchemeNode to = scheme.stream().filter(n -> n.id() != from.id())
                .findFirst().orElseThrow();
        FileUnit moved = catalogue.files(from.id(), 0, 1).get(0);
        long toBefore = counts.getOrDefault(to.id(), 0L);

        TreeItem fromRow = row(robot, tree, scheme, from);
        TreeItem fileRow = child(robot, fromRow, "[" + moved.fileCode() + "]");
        robot.click(centre(robot, tree, fileRow));
        Label title = robot.onUi(() -> Robot.find(shell, "editor.title", Label.class));
        Robot.await("the editor to show the file", () -> Optional.of(robot.onUi(title::getText))
                .filter(t -> t.contains(moved.fileCode())));

        // move it: Ctrl+X on the file, Ctrl+V on the other node
        robot.combo('x', SWT.CTRL);
        robot.onUi(() -> {
            fromRow.setExpanded(false);
            return null;
        });
        TreeItem toRow = row(robot, tree, scheme, to);
        robot.click(centre(robot, tree, toRow));
        robot.combo('v', SWT.CTRL);
        Robot.await("the file to be under " + to.code(), () -> catalogue.file(moved.fileCode())
                .filter(f -> f.schemeNodeId() == to.id()));
        Robot.await("the navigator to count it under " + to.code(), () -> Optional.of(robot.onUi(toRow::getText))
                .filter(t -> t.endsWith("(" + (toBefore + 1) + ")")));
        robot.onUi(() -> {
            toRow.setExpanded(true);
            return null;
        });
        child(robot, toRow, "[" + moved.fileCode() + "]");
        Screenshots.take(robot, shell, "navigator-" + framework + ".png");

        // undo, redo, undo: back where it was, every step audited
        robot.combo('z', SWT.CTRL);
        Robot.await("the undo to put it back", () -> catalogue.file(moved.fileCode())
                .filter(f -> f.schemeNodeId() == from.id()));
        robot.combo('y', SWT.CTRL);
        Robot.await("the redo to move it again", () -> catalogue.file(moved.fileCode())
                .filter(f -> f.schemeNodeId() == to.id()));
        robot.combo('z', SWT.CTRL);
        Robot.await("the second undo", () -> catalogue.file(moved.fileCode())
                .filter(f -> f.schemeNodeId() == from.id()));
        Robot.await("the navigator to count it back", () -> Optional.of(robot.onUi(toRow::getText))
                .filter(t -> t.endsWith("(" + toBefore + ")")));

        // the editor: a wrong date is refused as it is typed, a title corrected and saved with Ctrl+S; on a file
        // whose title is still as imported (the workspace outlives a run)
        FileUnit file = catalogue.files(from.id()).stream().filter(f -> f.description().get(FileFields.TITLE)
                .orElseThrow().provenance().source() == Provenance.Source.IMPORTED).findFirst().orElseThrow();
        TreeItem again = child(robot, row(robot, tree, scheme, from), "[" + file.fileCode() + "]");
        robot.click(centre(robot, tree, again));
        Robot.await("the editor to show the file", () -> Optional.of(robot.onUi(title::getText))
                .filter(t -> t.contains(file.fileCode())));
        Label provenance = robot.onUi(() -> Robot.find(shell, "editor.provenance.title", Label.class));
        String imported = robot.onUi(() -> provenance.getText());
        assertTrue(imported.startsWith("Nhập từ tệp"), imported);

        Text startDate = robot.onUi(() -> Robot.find(shell, "editor.field.startDate", Text.class));
        robot.click(startDate);
        robot.combo('a', SWT.CTRL);
        robot.type("31/02/2001");
        Robot.await("the wrong date to be pointed out", () -> Optional.ofNullable(robot.onUi(() -> {
            Label l = Robot.find(shell, "editor.problem.startDate", Label.class);
            return l != null && l.isVisible() ? l.getText() : null;
        })).filter(t -> t.contains("không phải ngày")));
        robot.combo('a', SWT.CTRL);
        // January of the year the file starts: valid, and not after its end
        String year = file.description().text(FileFields.START_DATE).map(v -> v.substring(0, 4)).orElse("1998");
        robot.type("01/" + year);
        Robot.await("the date to be accepted", () -> robot.onUi(() -> Robot.find(shell, "editor.problem.startDate",
                Label.class).isVisible()) ? Optional.empty() : Optional.of(true));

        Text titleField = robot.onUi(() -> Robot.find(shell, "editor.field.title", Text.class));
        String corrected = "Ho so sua tay " + System.currentTimeMillis() % 100_000;
        robot.click(titleField);
        robot.combo('a', SWT.CTRL);
        robot.type(corrected);
        robot.combo('s', SWT.CTRL);
        Robot.await("the title to be saved", () -> catalogue.file(file.fileCode())
                .filter(f -> f.title().equals(corrected)));
        FileUnit saved = catalogue.file(file.fileCode()).orElseThrow();
        assertEquals(Provenance.Source.TYPED, saved.description().get(FileFields.TITLE).orElseThrow()
                .provenance().source());
        assertEquals(year + "-01", saved.description().text(FileFields.START_DATE).orElseThrow());
        // found and read in one go: the form is built again whenever the file is read again
        String typedBy = Robot.await("the provenance shown as typed", () -> Optional.ofNullable(robot.onUi(() -> {
            Label l = Robot.find(shell, "editor.provenance.title", Label.class);
            return l == null ? null : l.getText();
        })).filter(t -> t.startsWith("Nhập tay: ")));
        assertTrue(typedBy.contains(System.getProperty("user.name")), typedBy);
        Screenshots.take(robot, shell, "editor-" + framework + ".png");

        // the reports perspective: the dashboard in the middle
        click(robot, shell, "workbench.perspective.reports");
        Robot.await("the dashboard's figures", () -> Optional.ofNullable(robot.onUi(() -> Robot.find(shell,
                "dashboard.table", org.eclipse.swt.widgets.Table.class))).filter(t -> robot.onUi(
                        () -> t.isVisible() && t.getItemCount() > 0)));
        Screenshots.take(robot, shell, "dashboard-" + framework + ".png");
        click(robot, shell, "workbench.perspective.arrangement");
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    @Test
    void archivistCorrectsAWordTheMachineMisread() throws Exception {
        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
        List<SchemeNode> scheme = catalogue.scheme(FONDS);
        SchemeNode first = scheme.stream().filter(n -> !catalogue.files(n.id()).isEmpty()).findFirst().orElseThrow();
        FileUnit file = catalogue.files(first.id()).get(0);
        Item item = catalogue.items(file.id()).get(1);
        Page page = catalogue.pages(item.id()).get(0);

        openPage(robot, shell, tree, scheme, first, file, "2. ");
        StyledText text = robot.onUi(() -> Robot.find(shell, "page.text", StyledText.class));
        Robot.await("the page's text", () -> Optional.of(robot.onUi(text::getText)).filter(t -> t.contains("O3/CT")));
        Label provenance = robot.onUi(() -> Robot.find(shell, "page.provenance", Label.class));
        String machine = robot.onUi(() -> provenance.getText());
        assertTrue(machine.startsWith("Máy nhận dạng: tesseract"), machine);

        // a click on the misread word in the text outlines it on the scan
        int at = robot.onUi(() -> text.getText().indexOf("O3/CT"));
        robot.click(robot.onUi(() -> {
            Point p = text.getLocationAtOffset(at + 2);
            return text.toDisplay(p.x, p.y + text.getLineHeight() / 2);
        }));
        Robot.await("the word selected", () -> Optional.ofNullable(robot.onUi(() -> text.getData(
                "hoso.page.selectedWord"))).filter(i -> i.equals(5)));
        Text correction = robot.onUi(() -> Robot.find(shell, "page.correction", Text.class));
        assertEquals("O3/CT-UBND", robot.onUi(() -> correction.getText()));

        // and a click on the scan selects the word in the text: the first word, "UBND"
        Canvas canvas = robot.onUi(() -> Robot.find(shell, "page.image", Canvas.class));
        @SuppressWarnings("unchecked")
        Rectangle ubnd = robot.onUi(() -> ((List<Rectangle>) canvas.getData("hoso.page.wordBoxes")).get(0));
        robot.click(robot.onUi(() -> canvas.toDisplay(ubnd.x + ubnd.width / 2, ubnd.y + ubnd.height / 2)));
        Robot.await("UBND selected in the text", () -> Optional.of(robot.onUi(text::getSelectionText))
                .filter("UBND"::equals));

        // correct the misread word: select it again, type, Enter
        robot.click(robot.onUi(() -> {
            Point p = text.getLocationAtOffset(at + 2);
            return text.toDisplay(p.x, p.y + text.getLineHeight() / 2);
        }));
        Robot.await("the word selected again", () -> Optional.of(robot.onUi(() -> correction.getText()))
                .filter("O3/CT-UBND"::equals));
        robot.click(correction);
        robot.combo('a', SWT.CTRL);
        robot.type("03/CT-UBND");
        robot.press(SWT.CR);
        Recognition corrected = Robot.await("the correction to be recorded", () -> catalogue.recognition(page.id())
                .filter(r -> r.provenance().source() == Provenance.Source.TYPED));
        try (var in = objects.open(corrected.text().orElseThrow())) {
            String stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(stored.contains("Số: 03/CT-UBND"), stored);
        }
        String typed = Robot.await("the provenance shown as corrected", () -> Optional.of(robot.onUi(
                provenance::getText)).filter(t -> t.startsWith("Đã sửa tay: ")));
        assertTrue(typed.contains(System.getProperty("user.name")), typed);
        Robot.await("the corrected text", () -> Optional.of(robot.onUi(text::getText))
                .filter(t -> t.contains("Số: 03/CT-UBND")));
        Screenshots.take(robot, shell, "page-" + framework + ".png");
        Label status = robot.onUi(() -> Robot.find(shell, "workbench.status", Label.class));
        assertTrue(robot.onUi(() -> shell.getClientArea().contains(status.getParent().getLocation().x,
                status.getParent().getBounds().y + status.getParent().getBounds().height - 1)),
                "the status line is inside the window");
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    /**
     * A file dragged with the mouse from one scheme node onto another, then put back with Ctrl+Z. The mouse is driven
     * through the X server (XTest, by {@code xdotool}, which {@code scripts/install-native.sh} installs): SWT's posted
     * button events never start a GTK drag.
     */
    @Test
    void archivistDragsAFileOntoAnotherNodeAndUndoes() throws Exception {
        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
        List<SchemeNode> scheme = catalogue.scheme(FONDS);
        Map<Long, Long> counts = catalogue.fileCounts(FONDS);
        List<SchemeNode> top = scheme.stream().filter(n -> n.parentId().isEmpty()).toList();
        // the target above the source, so that both rows are in sight with the source expanded
        SchemeNode to = top.get(0);
        SchemeNode from = top.stream().skip(1).filter(n -> counts.getOrDefault(n.id(), 0L) > 1).findFirst()
                .orElseThrow();
        FileUnit dragged = catalogue.files(from.id(), 0, 1).get(0);
        TreeItem toRow = row(robot, tree, scheme, to);
        robot.onUi(() -> {
            Arrays.stream(tree.getItems()).flatMap(i -> Arrays.stream(i.getItems())).forEach(i -> i.setExpanded(false));
            return null;
        });
        TreeItem fromRow = row(robot, tree, scheme, from);
        TreeItem fileRow = child(robot, fromRow, "[" + dragged.fileCode() + "]");
        drag(robot, tree, fileRow, toRow);
        Robot.await("the dragged file to be under " + to.code(), () -> catalogue.file(dragged.fileCode())
                .filter(f -> f.schemeNodeId() == to.id()));
        Robot.await("the navigator to count it under " + to.code(), () -> Optional.of(robot.onUi(toRow::getText))
                .filter(t -> t.endsWith("(" + (counts.getOrDefault(to.id(), 0L) + 1) + ")")));
        Screenshots.take(robot, shell, "navigator-dragged-" + framework + ".png");
        undoAfterDrag(robot, tree, toRow);
        Robot.await("the undo to put the file back", () -> catalogue.file(dragged.fileCode())
                .filter(f -> f.schemeNodeId() == from.id()));
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    /** A document cut from one file and pasted onto another: renumbered in both, then put back with Ctrl+Z. */
    @Test
    void archivistMovesADocumentToAnotherFileAndUndoes() throws Exception {
        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
        List<SchemeNode> scheme = catalogue.scheme(FONDS);
        Map<Long, Long> counts = catalogue.fileCounts(FONDS);
        // two files of one node (not the first file, whose documents the other tests use), the first with two
        // documents or more
        SchemeNode node = scheme.stream().filter(n -> counts.getOrDefault(n.id(), 0L) > 2 && catalogue.files(n.id())
                .stream().skip(1).anyMatch(f -> catalogue.items(f.id()).size() > 1)).findFirst().orElseThrow();
        List<FileUnit> files = catalogue.files(node.id());
        FileUnit from = files.stream().skip(1).filter(f -> catalogue.items(f.id()).size() > 1).findFirst()
                .orElseThrow();
        FileUnit to = files.stream().skip(1).filter(f -> f.id() != from.id()).findFirst().orElseThrow();
        List<Item> fromBefore = catalogue.items(from.id());
        List<Item> toBefore = catalogue.items(to.id());
        Item moved = fromBefore.get(0);

        TreeItem nodeRow = row(robot, tree, scheme, node);
        TreeItem fromRow = child(robot, nodeRow, "[" + from.fileCode() + "]");
        robot.onUi(() -> {
            fromRow.setExpanded(true);
            return null;
        });
        TreeItem itemRow = Robot.await("the first document", () -> robot.onUi(() -> Arrays.stream(fromRow.getItems())
                .filter(i -> i.getText().startsWith("1. ")).findFirst()));
        robot.click(centre(robot, tree, itemRow));
        robot.combo('x', SWT.CTRL);
        TreeItem toRow = child(robot, nodeRow, "[" + to.fileCode() + "]");
        robot.click(centre(robot, tree, toRow));
        robot.combo('v', SWT.CTRL);
        Item there = Robot.await("the document in the other file", () -> catalogue.item(moved.id())
                .filter(i -> i.fileId() == to.id()));
        assertEquals(toBefore.size() + 1, there.position(), "at the end of the file");
        List<Item> fromAfter = catalogue.items(from.id());
        assertEquals(fromBefore.size() - 1, fromAfter.size());
        assertEquals(1, fromAfter.get(0).position(), "the documents behind it close up");
        assertEquals(fromBefore.get(0).docCode(), fromAfter.get(0).docCode(), "and take the codes of their places");
        Robot.await("the navigator to count it", () -> Optional.of(robot.onUi(toRow::getText))
                .filter(t -> t.endsWith("(" + (toBefore.size() + 1) + " vb)")));
        Screenshots.take(robot, shell, "navigator-document-moved-" + framework + ".png");

        robot.combo('z', SWT.CTRL);
        Item back = Robot.await("the undo to put it back", () -> catalogue.item(moved.id())
                .filter(i -> i.fileId() == from.id()));
        assertEquals(1, back.position());
        assertEquals(moved.docCode(), back.docCode());
        assertEquals(toBefore.stream().map(Item::id).toList(), catalogue.items(to.id()).stream().map(Item::id)
                .toList(), "the other file as it was");
        Robot.await("the navigator to count it back", () -> Optional.of(robot.onUi(toRow::getText))
                .filter(t -> t.endsWith("(" + toBefore.size() + " vb)")));
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    /**
     * A document dragged with the mouse onto a document of another file takes that document's place there (the
     * documents from there on move down one); Ctrl+Z puts it back.
     */
    @Test
    void archivistDragsADocumentOntoADocumentOfAnotherFile() throws Exception {
        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
        List<SchemeNode> scheme = catalogue.scheme(FONDS);
        // the last node's last two files with two documents or more each (the other tests use first files)
        SchemeNode node = scheme.stream().filter(n -> catalogue.files(n.id()).stream()
                .filter(f -> catalogue.items(f.id()).size() > 1).count() > 1).reduce((a, b) -> b).orElseThrow();
        List<FileUnit> withTwo = catalogue.files(node.id()).stream().filter(f -> catalogue.items(f.id()).size() > 1)
                .toList();
        FileUnit from = withTwo.get(withTwo.size() - 1);
        FileUnit to = withTwo.get(withTwo.size() - 2);
        List<Item> fromBefore = catalogue.items(from.id());
        List<Item> toBefore = catalogue.items(to.id());
        Item moved = fromBefore.get(1);

        TreeItem nodeRow = row(robot, tree, scheme, node);
        TreeItem toRow = child(robot, nodeRow, "[" + to.fileCode() + "]");
        TreeItem fromRow = child(robot, nodeRow, "[" + from.fileCode() + "]");
        TreeItem target = document(robot, toRow, 2);
        TreeItem dragged = document(robot, fromRow, 2);
        drag(robot, tree, dragged, target);

        Item there = Robot.await("the document in the other file", () -> catalogue.item(moved.id())
                .filter(i -> i.fileId() == to.id()));
        assertEquals(2, there.position(), "in the place of the document it was dropped on");
        assertEquals(to.fileCode() + ".0000002", there.docCode());
        List<Item> toAfter = catalogue.items(to.id());
        assertEquals(toBefore.get(1).id(), toAfter.get(2).id(), "the document that was there moved down one");
        assertEquals(fromBefore.size() - 1, catalogue.items(from.id()).size());
        Robot.await("the navigator to count it", () -> Optional.of(robot.onUi(toRow::getText))
                .filter(t -> t.endsWith("(" + (toBefore.size() + 1) + " vb)")));

        Screenshots.take(robot, shell, "navigator-document-dragged-" + framework + ".png");
        undoAfterDrag(robot, tree, toRow);
        Item back = Robot.await("the undo to put it back", () -> catalogue.item(moved.id())
                .filter(i -> i.fileId() == from.id()));
        assertEquals(moved.docCode(), back.docCode());
        assertEquals(toBefore.stream().map(Item::id).toList(), catalogue.items(to.id()).stream().map(Item::id)
                .toList(), "the other file as it was");
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    /**
     * The fields the machine extracted, on the scan where they came from: accept one with Enter, fix another with F2,
     * and see in the catalogue that both are now the person's values.
     */
    @Test
    void archivistAcceptsAndFixesExtractedFields() throws Exception {
        String framework = Robot.framework(context);
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
        List<SchemeNode> scheme = catalogue.scheme(FONDS);
        SchemeNode first = scheme.stream().filter(n -> !catalogue.files(n.id()).isEmpty()).findFirst().orElseThrow();
        FileUnit file = catalogue.files(first.id()).get(0);
        List<Item> items = catalogue.items(file.id());
        Item doc = items.get(items.size() - 1);
        assertEquals(Provenance.Source.EXTRACTED, doc.description().get("notation").orElseThrow().provenance()
                .source(), "the notation as the extractor proposed it");
        assertEquals("17", doc.description().text("number").orElseThrow(), "the misread number, as extracted");

        openPage(robot, shell, tree, scheme, first, file, doc.position() + ". ");
        Table table = robot.onUi(() -> Robot.find(shell, "page.fields", Table.class));
        @SuppressWarnings("unchecked")
        List<String> keys = Robot.await("the extracted fields listed", () -> Optional.ofNullable(robot.onUi(
                () -> (List<String>) table.getData("hoso.page.fieldKeys"))).filter(k -> k.contains("number")
                        && k.contains("notation")));
        // drawn on the scan over the words they came from: the number and notation over "17/QĐ-UBND"
        Canvas canvas = robot.onUi(() -> Robot.find(shell, "page.image", Canvas.class));
        @SuppressWarnings("unchecked")
        Map<String, Rectangle> drawn = Robot.await("the fields drawn on the scan", () -> Optional.ofNullable(
                robot.onUi(() -> (Map<String, Rectangle>) canvas.getData("hoso.page.fieldBoxes")))
                .filter(m -> m.containsKey("number") && m.containsKey("notation")));
        @SuppressWarnings("unchecked")
        Rectangle word = robot.onUi(() -> ((List<Rectangle>) canvas.getData("hoso.page.wordBoxes")).get(5));
        Rectangle area = robot.onUi(canvas::getClientArea);
        for (String key : List.of("number", "notation")) {
            assertTrue(drawn.get(key).intersects(word) && area.intersects(drawn.get(key)),
                    key + " drawn at " + drawn.get(key) + ", the word is at " + word);
        }
        // the unsure number is shaded in the list
        int numberRow = keys.indexOf("number");
        assertEquals(new org.eclipse.swt.graphics.RGB(255, 220, 140), robot.onUi(() -> table.getItem(numberRow)
                .getBackground().getRGB()), "the misread number is marked for review");

        // click the first field, then Tab down to the notation and accept it with Enter
        Rectangle firstRow = robot.onUi(() -> table.getItem(0).getBounds(0));
        robot.click(robot.onUi(() -> table.toDisplay(firstRow.x + 10, firstRow.y + firstRow.height / 2)));
        Robot.await("the first field selected", () -> Optional.of(robot.onUi(table::getSelectionIndex))
                .filter(i -> i == 0));
        for (int i = 0; i < keys.indexOf("notation"); i++) {
            int expected = i + 1;
            robot.press(SWT.TAB);
            Robot.await("Tab to field " + keys.get(expected), () -> Optional.of(robot.onUi(
                    table::getSelectionIndex)).filter(s -> s == expected));
        }
        robot.press(SWT.CR);
        Item accepted = Robot.await("the notation to be accepted", () -> catalogue.item(doc.id()).filter(
                it -> it.description().get("notation").orElseThrow().provenance().source() == Provenance.Source.TYPED));
        assertEquals(doc.description().text("notation"), accepted.description().text("notation"),
                "accepting keeps the value");

        // the arrows to the number, F2, the right number, Enter
        arrowTo(robot, table, numberRow);
        robot.press(SWT.F2);
        Text editor = Robot.await("the number open for fixing", () -> Optional.ofNullable(robot.onUi(
                () -> Robot.find(shell, "page.fields.editor", Text.class))));
        assertEquals("17", robot.onUi(editor::getText));
        robot.combo('a', SWT.CTRL);
        robot.type("12");
        robot.press(SWT.CR);
        Item fixed = Robot.await("the number to be fixed", () -> catalogue.item(doc.id()).filter(
                it -> it.description().text("number").orElse("").equals("12")));
        assertEquals(Provenance.Source.TYPED, fixed.description().get("number").orElseThrow().provenance().source());
        assertEquals(System.getProperty("user.name"), fixed.description().get("number").orElseThrow().provenance()
                .agent());
        // and the list says so
        String source = Robot.await("the number shown as typed", () -> Optional.of(robot.onUi(() -> table.getItem(
                numberRow).getText(2))).filter(t -> t.startsWith("Nhập tay: ")));
        assertTrue(source.contains(System.getProperty("user.name")), source);
        assertEquals("12", robot.onUi(() -> table.getItem(numberRow).getText(1)));

        // typing on a field fixes it too: the date, typed day first, stored as ISO
        arrowTo(robot, table, keys.indexOf("date"));
        robot.type("20/03/2025");
        robot.press(SWT.CR);
        Item dated = Robot.await("the date to be fixed", () -> catalogue.item(doc.id()).filter(
                it -> it.description().text("date").orElse("").equals("2025-03-20")));
        assertEquals(Provenance.Source.TYPED, dated.description().get("date").orElseThrow().provenance().source());
        Screenshots.take(robot, shell, "page-fields-" + framework + ".png");
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    /** Moves the table's selection to {@code row} with the arrow keys. */
    private static void arrowTo(Robot robot, Table table, int row) throws InterruptedException {
        for (int guard = 0; guard < 50 && robot.onUi(table::getSelectionIndex) != row; guard++) {
            int before = robot.onUi(table::getSelectionIndex);
            robot.press(before < row ? SWT.ARROW_DOWN : SWT.ARROW_UP);
            Robot.await("an arrow to move", () -> Optional.of(robot.onUi(table::getSelectionIndex))
                    .filter(s -> s != before));
        }
        assertEquals(row, robot.onUi(table::getSelectionIndex), "row " + row + " selected with the arrows");
    }

    /** Selects a document's first page in the navigator and brings the page view forward. */
    private static void openPage(Robot robot, Shell shell, Tree tree, List<SchemeNode> scheme, SchemeNode node,
            FileUnit file, String itemPrefix) throws InterruptedException {
        TreeItem fileRow = child(robot, row(robot, tree, scheme, node), "[" + file.fileCode() + "]");
        robot.onUi(() -> {
            fileRow.setExpanded(true);
            return null;
        });
        TreeItem itemRow = Robot.await("the document " + itemPrefix, () -> robot.onUi(() -> Arrays.stream(
                fileRow.getItems()).filter(i -> i.getText().startsWith(itemPrefix)).findFirst()));
        TreeItem pageRow = child(robot, itemRow, "Trang 1");
        robot.click(centre(robot, tree, pageRow));
        CTabFolder tabs = robot.onUi(() -> Robot.find(shell, "workbench.tabs", CTabFolder.class));
        CTabItem pageTab = robot.onUi(() -> Arrays.stream(tabs.getItems())
                .filter(t -> "workbench.tab.hoso.page".equals(t.getData(Workbench.WIDGET_ID))).findFirst()
                .orElseThrow());
        Rectangle tb = robot.onUi(pageTab::getBounds);
        robot.click(robot.onUi(() -> tabs.toDisplay(tb.x + tb.width / 2, tb.y + tb.height / 2)));
    }

    /** English chosen in the preferences (kept in the user's settings file): every text of the window follows. */
    @Test
    void theWindowSpeaksEnglishWhenTheUserChoseIt() throws Exception {
        Path settings = Path.of(context.getProperty("hoso.ui.settings"));
        Files.createDirectories(settings.getParent());
        Optional<String> before = Files.exists(settings) ? Optional.of(Files.readString(settings)) : Optional.empty();
        Files.writeString(settings, before.orElse("") + "\nlanguage=en\n");
        try {
            Robot robot = Robot.open(workbench, Robot.framework(context), uiErrors);
            Shell shell = workbench.shell().orElseThrow();
            assertEquals("Hoso — Archival workbench", robot.onUi(() -> shell.getText()));
            CTabFolder left = robot.onUi(() -> Robot.find(shell, "workbench.stack.left", CTabFolder.class));
            assertEquals("Catalogue", robot.onUi(() -> left.getItem(0).getText()));
            Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
            Robot.await("the fonds in English", () -> robot.onUi(() -> Arrays.stream(tree.getItems())
                    .map(TreeItem::getText).filter(t -> t.startsWith(FONDS) && t.endsWith(" files)")).findFirst()));
            ToolBar bar = robot.onUi(() -> Robot.find(shell, "workbench.perspectives", ToolBar.class));
            assertEquals(List.of("Perspective:", "Arrangement", "Digitisation", "Metadata", "Reports"), robot.onUi(
                    () -> Arrays.stream(bar.getItems()).map(ToolItem::getText).filter(t -> !t.isEmpty()).toList()));
        } finally {
            workbench.close();
            workbench.awaitClosed(Robot.PATIENCE);
            if (before.isPresent()) {
                Files.writeString(settings, before.get());
            } else {
                Files.delete(settings);
            }
        }
    }

    /**
     * Measures (does not assert) a fonds of many files in the navigator, when {@code HOSO_UI_BIG_FONDS} names how many
     * (100000 for the README's numbers): the window opening, the fonds shown, its biggest node's first files, its
     * last file, and the heap in use. The fonds is imported with the store's bulk import the first time.
     */
    @Test
    void aFondsOfManyFilesOpensAtOnce() throws Exception {
        String many = System.getenv("HOSO_UI_BIG_FONDS");
        Assumptions.assumeTrue(many != null && many.matches("\\d+"),
                "HOSO_UI_BIG_FONDS=N measures a fonds of N files");
        int files = Integer.parseInt(many);
        String big = "BIG" + files;
        if (catalogue.fonds(big).isEmpty()) {
            long t = System.nanoTime();
            catalogue.importBatch(sample.bulkInventory(big, 7, files, 1), "itest");
            System.out.printf("[itest] imported %d files in %.1f s%n", files, (System.nanoTime() - t) / 1e9);
        }
        String framework = Robot.framework(context);
        long start = System.nanoTime();
        Robot robot = Robot.open(workbench, framework, uiErrors);
        Shell shell = workbench.shell().orElseThrow();
        Tree tree = robot.onUi(() -> Robot.find(shell, "navigator.tree", Tree.class));
        TreeItem fondsRow = Robot.await("the big fonds", () -> robot.onUi(() -> Arrays.stream(tree.getItems())
                .filter(i -> i.getText().startsWith(big + " — ")).findFirst()));
        long shown = System.nanoTime() - start;
        Map<Long, Long> counts = catalogue.fileCounts(big);
        SchemeNode biggest = catalogue.scheme(big).stream()
                .max(java.util.Comparator.comparingLong(n -> counts.getOrDefault(n.id(), 0L))).orElseThrow();
        long nodeFiles = counts.get(biggest.id());
        long t1 = System.nanoTime();
        TreeItem nodeRow = child(robot, fondsRow, biggest.code() + ". " + biggest.title() + " (");
        robot.onUi(() -> {
            nodeRow.setExpanded(true);
            return null;
        });
        Robot.await("its first file", () -> robot.onUi(() -> Optional.of(nodeRow.getItem(0).getText())
                .filter(t -> t.matches("\\d+\\. .*"))));
        long firstFiles = System.nanoTime() - t1;
        long t2 = System.nanoTime();
        int last = (int) nodeFiles - 1;
        robot.onUi(() -> {
            tree.showItem(nodeRow.getItem(last));
            return null;
        });
        String lastText = Robot.await("its last file", () -> robot.onUi(() -> Optional.of(nodeRow.getItem(last)
                .getText()).filter(t -> t.matches("\\d+\\. .*"))));
        long lastFile = System.nanoTime() - t2;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long used = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        Screenshots.take(robot, shell, "navigator-" + files + "-" + framework + ".png");
        System.out.printf("[itest] %s: %d files (%d in node %s): window to fonds shown %d ms, node's first files "
                + "%d ms, its last file (%s) %d ms, heap in use after GC %d MB (max %d MB)%n", framework, files,
                nodeFiles, biggest.code(), shown / 1_000_000, firstFiles / 1_000_000, lastText, lastFile / 1_000_000,
                used, rt.maxMemory() / (1024 * 1024));
        assertEquals(List.of(), uiErrors, "no error on the UI thread");
    }

    /** The row of a scheme node, its ancestors expanded on the way. */
    private static TreeItem row(Robot robot, Tree tree, List<SchemeNode> scheme, SchemeNode node)
            throws InterruptedException {
        List<SchemeNode> path = new ArrayList<>();
        for (SchemeNode n = node; n != null;) {
            path.add(0, n);
            Optional<Long> parent = n.parentId();
            n = parent.flatMap(p -> scheme.stream().filter(s -> s.id() == p).findFirst()).orElse(null);
        }
        TreeItem current = Robot.await("the fonds row", () -> robot.onUi(() -> Arrays.stream(tree.getItems())
                .filter(i -> i.getText().startsWith(FONDS + " — ")).findFirst()));
        for (SchemeNode n : path) {
            TreeItem parent = current;
            current = child(robot, parent, n.code() + ". " + n.title() + " (");
        }
        return current;
    }

    /** The child row of {@code parent} whose text contains {@code text}, once it has been read. */
    private static TreeItem child(Robot robot, TreeItem parent, String text) throws InterruptedException {
        robot.onUi(() -> {
            parent.setExpanded(true);
            return null;
        });
        return Robot.await("a row with \"" + text + "\" under \"" + robot.onUi(parent::getText) + "\"",
                () -> robot.onUi(() -> Arrays.stream(parent.getItems())
                        .filter(i -> i.getText().contains(text)).findFirst()));
    }

    /** The middle of a row's text, the row scrolled into view first (GTK scrolls when it next draws). */
    private static Point centre(Robot robot, Tree tree, TreeItem item) throws InterruptedException {
        robot.onUi(() -> {
            tree.showItem(item);
            return null;
        });
        Thread.sleep(200);
        return inSight(robot, tree, item);
    }

    /** The display point of a row that is in sight (fails if it is not), without scrolling. */
    private static Point inSight(Robot robot, Tree tree, TreeItem item) throws InterruptedException {
        return robot.onUi(() -> {
            Rectangle b = item.getBounds();
            Rectangle area = tree.getClientArea();
            assertTrue(area.contains(b.x + 2, b.y + b.height / 2), "row " + item.getText() + " at " + b
                    + " is not in sight " + area);
            return tree.toDisplay(b.x + Math.min(b.width / 2, 60), b.y + b.height / 2);
        });
    }

    /** The row of a file's document at {@code position}, the file's row expanded. */
    private static TreeItem document(Robot robot, TreeItem file, int position) throws InterruptedException {
        robot.onUi(() -> {
            file.setExpanded(true);
            return null;
        });
        return Robot.await("document " + position + " under \"" + robot.onUi(file::getText) + "\"",
                () -> robot.onUi(() -> Arrays.stream(file.getItems())
                        .filter(i -> i.getText().startsWith(position + ". ")).findFirst()));
    }

    /**
     * Drags one row onto another with the X server's pointer (XTest, by {@code xdotool}): press, twelve moves,
     * release. Both rows must be in sight at once.
     */
    private static void drag(Robot robot, Tree tree, TreeItem from, TreeItem onto) throws Exception {
        assertTrue(new ProcessBuilder("sh", "-c", "command -v xdotool").start().waitFor() == 0,
                "xdotool is needed to drag with a real pointer: scripts/install-native.sh installs it");
        // onto first: showing the dragged row last must leave the target in sight, or the points would be stale
        centre(robot, tree, onto);
        Point start = centre(robot, tree, from);
        Point end = inSight(robot, tree, onto);
        List<String> command = new ArrayList<>(List.of("xdotool", "mousemove", "--sync", "" + start.x, "" + start.y,
                "sleep", "0.3", "mousedown", "1", "sleep", "0.3"));
        for (int step = 1; step <= 12; step++) {
            command.addAll(List.of("mousemove", "" + (start.x + (end.x - start.x) * step / 12),
                    "" + (start.y + (end.y - start.y) * step / 12), "sleep", "0.08"));
        }
        command.addAll(List.of("sleep", "0.5", "mouseup", "1"));
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor(), "xdotool " + command);
    }

    /**
     * A real click on a row, then Ctrl+Z, both through the X server: after a drag by {@code xdotool} the pointer is
     * the X server's, and clicks posted by SWT no longer reach the tree.
     */
    private static void undoAfterDrag(Robot robot, Tree tree, TreeItem row) throws Exception {
        Point target = centre(robot, tree, row);
        Process click = new ProcessBuilder("xdotool", "mousemove", "--sync", "" + target.x, "" + target.y, "sleep",
                "0.2", "click", "1").inheritIO().start();
        assertEquals(0, click.waitFor(), "xdotool click");
        Robot.await("the row selected", () -> Optional.of(robot.onUi(() -> tree.getSelection()))
                .filter(sel -> sel.length == 1 && sel[0] == row));
        Process undo = new ProcessBuilder("xdotool", "key", "--clearmodifiers", "ctrl+z").inheritIO().start();
        assertEquals(0, undo.waitFor(), "xdotool key ctrl+z");
    }

    /** Clicks a tool item of the window by its widget id. */
    private static void click(Robot robot, Shell shell, String id) throws InterruptedException {
        ToolBar bar = robot.onUi(() -> Robot.find(shell, "workbench.perspectives", ToolBar.class));
        Point at = robot.onUi(() -> {
            ToolItem item = Arrays.stream(bar.getItems()).filter(i -> id.equals(i.getData(Workbench.WIDGET_ID)))
                    .findFirst().orElseThrow();
            Rectangle b = item.getBounds();
            return bar.toDisplay(b.x + b.width / 2, b.y + b.height / 2);
        });
        robot.click(at);
    }

    /** A small scanned-looking page with these lines of words. */
    private static ByteArrayInputStream scan(List<List<String>> words) throws Exception {
        BufferedImage image = new BufferedImage(420, 594, BufferedImage.TYPE_INT_RGB);
        draw(image, words);
        return png(image);
    }

    /** Draws the words line by line and says where each one is, as an OCR engine would. */
    private static OcrPage draw(BufferedImage image, List<List<String>> words) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 30));
        FontMetrics m = g.getFontMetrics();
        List<OcrLine> lines = new ArrayList<>();
        int y = 60;
        for (List<String> line : words) {
            int x = 40;
            List<OcrWord> ocr = new ArrayList<>();
            for (String w : line) {
                g.drawString(w, x, y);
                int width = m.stringWidth(w);
                ocr.add(new OcrWord(w, new Box(x, y - m.getAscent(), width, m.getAscent() + m.getDescent()), 93f));
                x += width + m.stringWidth(" ");
            }
            Box first = ocr.get(0).box();
            lines.add(new OcrLine(ocr, new Box(first.x(), first.y(), x - first.x(), first.height())));
            y += m.getHeight() + 14;
        }
        g.dispose();
        return new OcrPage(image.getWidth(), image.getHeight(), 200, "vie", lines);
    }

    private static ByteArrayInputStream png(BufferedImage image) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return new ByteArrayInputStream(png.toByteArray());
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
