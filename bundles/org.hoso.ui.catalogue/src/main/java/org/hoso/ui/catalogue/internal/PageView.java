package org.hoso.ui.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.Recognition;
import org.hoso.digitise.api.Box;
import org.hoso.digitise.api.OcrJson;
import org.hoso.digitise.api.OcrLine;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.OcrWord;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.ExtractionService;
import org.hoso.extract.api.SourceSpan;
import org.hoso.ui.api.Workbench;

/**
 * A scanned page beside its OCR text. The scan zooms (buttons, Ctrl+wheel), pans (drag) and turns by quarter
 * turns; a click on a word in the text outlines it on the scan and a click on the scan selects the word in the text.
 * The selected word can be corrected (type, Enter): the page's words and text are stored again and recorded as the
 * page's recognition with {@link Provenance#typed typed} provenance, which no later OCR run replaces. Words the
 * engine was unsure of are shaded in the text.
 * <p>
 * When an {@link ExtractionService} is there, the document's pages are read by its extractor and every field it found
 * is drawn on the scan as a labelled, coloured box around the words it came from (amber and dashed when the machine
 * was unsure), listed beside the scan ({@link PageFields}: Enter accepts, F2 or typing fixes); the selected field's
 * box is drawn bold. Without the service the view shows the scan and its text as before.
 */
final class PageView {

    /** Words below this confidence (0–100) are shaded for review. */
    static final float LOW_CONFIDENCE = 60;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.systemDefault());

    /**
     * What the view shows: a page, its scan, its recognition and its words; its document and what the extractor found
     * in the document's recognised pages, of which this page is number {@code ocrPage} (from 0; -1: none).
     */
    record Shown(Page page, ImageData image, Optional<Recognition> recognition, Optional<OcrPage> ocr,
            Optional<Item> item, Optional<Extraction> extraction, int ocrPage) {
    }

    /** Colours of the fields' boxes, in the order of the fields; unsure fields are amber. */
    private static final RGB[] FIELD_COLOURS = {new RGB(0, 114, 178), new RGB(0, 158, 115), new RGB(204, 121, 167),
        new RGB(86, 180, 233), new RGB(120, 80, 160), new RGB(0, 90, 60), new RGB(170, 40, 40)};
    private static final RGB UNSURE = new RGB(230, 140, 0);

    private final CatalogueSession session;
    private final CatalogueService catalogue;
    private final ObjectStore objects;
    private final Texts texts;
    private final Composite root;
    private final Label title;
    private final Canvas canvas;
    private final StyledText text;
    private final Text correction;
    private final Label provenance;
    private final ProblemBar problems;
    private final Color highlight;
    private final Color shade;
    private final Supplier<Optional<ExtractionService>> extraction;
    private final PageFields fields;

    private Shown shown;
    private Image image;
    private List<OcrWord> words = List.of();
    /** Where each word starts in the text. */
    private final List<Integer> offsets = new ArrayList<>();
    private int selected = -1;
    private double zoom = 0;
    private int quarterTurns;
    private Point pan = new Point(0, 0);
    private Point dragFrom;

    PageView(Composite parent, CatalogueSession session, Texts texts,
            Supplier<Optional<ExtractionService>> extraction) {
        this.session = session;
        this.extraction = extraction;
        this.catalogue = session.catalogue();
        this.objects = session.objects();
        this.texts = texts;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        highlight = new Color(new RGB(255, 200, 0));
        shade = new Color(new RGB(255, 236, 170));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayout(new GridLayout(6, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title = new Label(bar, SWT.NONE);
        title.setData(Workbench.WIDGET_ID, "page.title");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setText(texts.get("page.nothing"));
        button(bar, "page.zoomIn", "page.zoomIn", () -> zoomBy(1.25));
        button(bar, "page.zoomOut", "page.zoomOut", () -> zoomBy(0.8));
        button(bar, "page.fit", "page.fit", () -> turn(0));
        button(bar, "page.rotate", "page.rotate", () -> turn(1));
        provenance = new Label(bar, SWT.NONE);
        provenance.setData(Workbench.WIDGET_ID, "page.provenance");

        SashForm split = new SashForm(root, SWT.HORIZONTAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas = new Canvas(split, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setData(Workbench.WIDGET_ID, "page.image");
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, e -> dragFrom = new Point(e.x, e.y));
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragFrom != null && (e.stateMask & SWT.BUTTON1) != 0) {
                pan = new Point(pan.x + e.x - dragFrom.x, pan.y + e.y - dragFrom.y);
                dragFrom = new Point(e.x, e.y);
                canvas.redraw();
            }
        });
        canvas.addListener(SWT.MouseUp, this::clickOnImage);
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            if ((e.stateMask & SWT.MOD1) != 0) {
                zoomBy(e.count > 0 ? 1.25 : 0.8);
                e.doit = false;
            }
        });
        SashForm side = new SashForm(split, SWT.VERTICAL);
        problems = new ProblemBar(root, texts, "page.problem");
        problems.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        fields = new PageFields(side, session, texts, problems, canvas::redraw);
        Composite right = new Composite(side, SWT.NONE);
        right.setLayout(new GridLayout(2, false));
        text = new StyledText(right, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER | SWT.READ_ONLY);
        text.setData(Workbench.WIDGET_ID, "page.text");
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        text.addListener(SWT.MouseUp, e -> selectWord(wordAt(text.getCaretOffset()), false));
        text.addListener(SWT.KeyUp, e -> selectWord(wordAt(text.getCaretOffset()), false));
        new Label(right, SWT.NONE).setText(texts.get("page.correct"));
        correction = new Text(right, SWT.SINGLE | SWT.BORDER);
        correction.setData(Workbench.WIDGET_ID, "page.correction");
        correction.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        correction.addListener(SWT.DefaultSelection, e -> correct());
        side.setWeights(50, 50);
        split.setWeights(55, 45);

        AutoCloseable selections = session.listen(root.getDisplay(), CatalogueSession.Selected.class, s -> {
            if (s.element() instanceof Navigator.PageRow p) {
                load(p.page().id());
            }
        });
        AutoCloseable changes = session.listen(root.getDisplay(), CatalogueSession.Changed.class, this::reread);
        root.addListener(SWT.Dispose, e -> {
            highlight.dispose();
            shade.dispose();
            if (image != null) {
                image.dispose();
            }
            try {
                selections.close();
                changes.close();
            } catch (Exception ignored) {
                // nothing held
            }
        });
    }

    Control control() {
        return root;
    }

    private void button(Composite bar, String key, String id, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(texts.get(key));
        b.setData(Workbench.WIDGET_ID, id);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Reads the page, its scan and its words off the UI thread, then shows them. */
    void load(long pageId) {
        problems.info(texts.get("page.loading"));
        session.run(root.getDisplay(), () -> {
            Page page = catalogue.page(pageId).orElseThrow(() -> new IllegalArgumentException("no page " + pageId));
            ImageData data;
            try (InputStream in = objects.open(page.image())) {
                data = new ImageData(in);
            }
            Optional<Recognition> recognition = catalogue.recognition(pageId);
            Optional<OcrPage> ocr = Optional.empty();
            if (recognition.isPresent() && recognition.get().words().isPresent()) {
                try (InputStream in = objects.open(recognition.get().words().get())) {
                    ocr = Optional.of(OcrJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            Optional<Item> item = catalogue.item(page.itemId());
            Optional<ExtractionService> service = extraction.get();
            if (service.isEmpty() || item.isEmpty() || ocr.isEmpty()) {
                return new Shown(page, data, recognition, ocr, item, Optional.empty(), -1);
            }
            // the extractor reads the whole document: its recognised pages in order
            List<OcrPage> pages = new ArrayList<>();
            int ocrPage = -1;
            for (Page p : catalogue.pages(page.itemId())) {
                Optional<OcrPage> read = p.id() == pageId ? ocr : words(p.id());
                if (read.isPresent()) {
                    ocrPage = p.id() == pageId ? pages.size() : ocrPage;
                    pages.add(read.get());
                }
            }
            Extraction found;
            try {
                found = service.get().extract(ExtractionInput.ofOcr(pages), Optional.empty());
            } catch (IllegalStateException noExtractor) {
                return new Shown(page, data, recognition, ocr, item, Optional.empty(), -1);
            }
            return new Shown(page, data, recognition, ocr, item, Optional.of(found), ocrPage);
        }, this::show, e -> problems.problem(texts.get("page.loadFailed"), e));
    }

    /** A page's OCR words, if it was recognised. */
    private Optional<OcrPage> words(long pageId) throws IOException {
        Optional<Recognition> r = catalogue.recognition(pageId);
        if (r.isEmpty() || r.get().words().isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = objects.open(r.get().words().get())) {
            return Optional.of(OcrJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** After a change to the shown document's file, reads the document again for its fields' new provenance. */
    private void reread(CatalogueSession.Changed changed) {
        Optional<Item> item = fields.item();
        if (item.isEmpty() || !(changed.everything() || changed.files().contains(item.get().fileId()))) {
            return;
        }
        long id = item.get().id();
        session.run(root.getDisplay(), () -> catalogue.item(id), found -> found.ifPresent(fields::item),
                e -> problems.problem(texts.get("page.loadFailed"), e));
    }

    private void show(Shown s) {
        if (root.isDisposed()) {
            return;
        }
        shown = s;
        if (image != null) {
            image.dispose();
        }
        image = new Image(root.getDisplay(), s.image());
        words = s.ocr().map(OcrPage::words).orElse(List.of());
        selected = -1;
        zoom = 0;
        quarterTurns = 0;
        pan = new Point(0, 0);
        title.setText(texts.format("page.title", s.page().position(), texts.get("page." + s.page().status().name()),
                s.image().width, s.image().height));
        provenance.setText(s.recognition().map(this::provenanceText).orElse(texts.get("page.notRecognised")));
        StringBuilder sb = new StringBuilder();
        offsets.clear();
        List<StyleRange> styles = new ArrayList<>();
        for (OcrLine line : s.ocr().map(OcrPage::lines).orElse(List.of())) {
            for (int i = 0; i < line.words().size(); i++) {
                OcrWord w = line.words().get(i);
                if (i > 0) {
                    sb.append(' ');
                }
                offsets.add(sb.length());
                if (w.confidence() < LOW_CONFIDENCE) {
                    StyleRange r = new StyleRange(sb.length(), w.text().length(), null, shade);
                    styles.add(r);
                }
                sb.append(w.text());
            }
            sb.append('\n');
        }
        text.setText(sb.toString());
        text.setStyleRanges(styles.toArray(StyleRange[]::new));
        correction.setText("");
        title.getParent().layout(true);
        problems.info(words.isEmpty() ? texts.get("page.noWords") : texts.format("page.words", words.size()));
        fields.show(s.item(), s.extraction());
        if (s.extraction().isPresent()) {
            problems.info(texts.format("page.fields.found", s.extraction().get().fields().size(),
                    fields.rows().stream().filter(PageFields.Row::low).count()));
        }
        canvas.redraw();
    }

    private String provenanceText(Recognition r) {
        Provenance p = r.provenance();
        return p.source() == Provenance.Source.TYPED ? texts.format("page.corrected", p.agent(), WHEN.format(p.at()))
                : texts.format("page.recognised", p.agent(), Math.round(r.confidence() * 100));
    }

    // --- the scan: zoom, pan, rotate, words on it

    /** Turns the scan by {@code quarters} quarter turns clockwise and fits it to the view again. */
    private void turn(int quarters) {
        quarterTurns = (quarterTurns + quarters) % 4;
        zoom = 0;
        pan = new Point(0, 0);
        canvas.redraw();
    }

    private void zoomBy(double factor) {
        zoom = Math.max(0.05, Math.min(8, scale() * factor));
        canvas.redraw();
    }

    /** Pixels of the screen per pixel of the scan: the chosen zoom, or what fits the canvas. */
    private double scale() {
        if (zoom > 0 || image == null) {
            return zoom > 0 ? zoom : 1;
        }
        Rectangle area = canvas.getClientArea();
        Rectangle b = image.getBounds();
        boolean sideways = quarterTurns % 2 == 1;
        double w = sideways ? b.height : b.width;
        double h = sideways ? b.width : b.height;
        return Math.max(0.02, Math.min((area.width - 8) / w, (area.height - 8) / h));
    }

    /** Screen transform: centre, pan, rotate, scale; the scan's centre at the canvas's centre. */
    private Transform transform() {
        Rectangle area = canvas.getClientArea();
        Rectangle b = image.getBounds();
        double s = scale();
        Transform t = new Transform(canvas.getDisplay());
        t.translate(area.width / 2f + pan.x, area.height / 2f + pan.y);
        t.rotate(90f * quarterTurns);
        t.scale((float) s, (float) s);
        t.translate(-b.width / 2f, -b.height / 2f);
        return t;
    }

    private void paint(GC gc) {
        if (image == null) {
            return;
        }
        Transform t = transform();
        try {
            gc.setTransform(t);
            gc.setInterpolation(SWT.HIGH);
            gc.drawImage(image, 0, 0);
            if (selected >= 0 && selected < words.size()) {
                Box b = words.get(selected).box();
                gc.setAlpha(90);
                gc.setBackground(highlight);
                gc.fillRectangle(b.x(), b.y(), b.width(), b.height());
                gc.setAlpha(255);
                gc.setForeground(highlight);
                gc.setLineWidth((int) Math.max(1, 2 / scale()));
                gc.drawRectangle(b.x(), b.y(), b.width(), b.height());
            }
        } finally {
            gc.setTransform(null);
            t.dispose();
        }
        canvas.setData("hoso.page.wordBoxes", screenBoxes());
        paintFields(gc);
    }

    /**
     * Each extracted field on this page: its words shaded, a box around them and its label, in its colour; bold when
     * selected, amber and dashed when the machine was unsure. Labels go where they cover no word and no other label
     * (beside the box, at the end of its line, above, below). Drawn in screen space, so labels keep their size
     * whatever the zoom.
     */
    private void paintFields(GC gc) {
        Map<String, Rectangle> drawn = new LinkedHashMap<>();
        Shown s = shown;
        if (s == null || s.extraction().isEmpty()) {
            canvas.setData("hoso.page.fieldBoxes", drawn);
            return;
        }
        Optional<String> selectedField = fields.selectedKey();
        List<PageFields.Row> rows = fields.rows();
        List<RGB> colours = new ArrayList<>();
        Transform t = transform();
        try {
            for (int i = 0; i < rows.size(); i++) {
                PageFields.Row row = rows.get(i);
                List<Rectangle> boxes = new ArrayList<>();
                for (SourceSpan.WordBox wb : row.extracted().span().boxes()) {
                    if (wb.page() == s.ocrPage()) {
                        boxes.add(toScreen(t, wb.box()));
                    }
                }
                if (boxes.isEmpty()) {
                    continue;
                }
                Rectangle all = boxes.get(0);
                for (Rectangle b : boxes) {
                    all = all.union(b);
                }
                all = new Rectangle(all.x - 3, all.y - 3, all.width + 6, all.height + 6);
                boolean bold = selectedField.filter(row.key()::equals).isPresent();
                RGB rgb = row.low() ? UNSURE : FIELD_COLOURS[i % FIELD_COLOURS.length];
                Color colour = new Color(rgb);
                try {
                    gc.setBackground(colour);
                    gc.setAlpha(bold ? 90 : 45);
                    boxes.forEach(b -> gc.fillRectangle(b));
                    gc.setAlpha(255);
                    gc.setForeground(colour);
                    gc.setLineWidth(bold ? 3 : 2);
                    gc.setLineStyle(row.low() ? SWT.LINE_DASH : SWT.LINE_SOLID);
                    gc.drawRectangle(all);
                    gc.setLineStyle(SWT.LINE_SOLID);
                } finally {
                    colour.dispose();
                }
                drawn.put(row.key(), all);
                colours.add(rgb);
            }
        } finally {
            t.dispose();
        }
        gc.setLineWidth(1);
        labels(gc, rows, drawn, colours);
        canvas.setData("hoso.page.fieldBoxes", drawn);
    }

    /** Each drawn field's label, on its colour, where it hides no word and no other label. */
    private void labels(GC gc, List<PageFields.Row> rows, Map<String, Rectangle> drawn, List<RGB> colours) {
        List<Rectangle> taken = new ArrayList<>(screenBoxes());
        taken.addAll(drawn.values());
        Rectangle area = canvas.getClientArea();
        int n = 0;
        for (PageFields.Row row : rows) {
            Rectangle box = drawn.get(row.key());
            if (box == null) {
                continue;
            }
            String label = Validation.Form.ITEM.field(row.key()).label(texts.locale())
                    + (row.low() ? " ⚠ " : " ") + Math.round(row.confidence() * 100) + "%";
            Point size = gc.textExtent(label);
            Rectangle at = place(box, new Point(size.x + 6, size.y), taken, area);
            taken.add(at);
            Color colour = new Color(colours.get(n++));
            try {
                gc.setForeground(colour);
                if (at.x > box.x + box.width) {
                    // a label away from its box: a line leads to it
                    int y = box.y + box.height / 2;
                    gc.drawLine(box.x + box.width, y, at.x, at.y + at.height / 2);
                }
                gc.setBackground(colour);
                gc.fillRectangle(at);
                gc.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_WHITE));
                gc.drawText(label, at.x + 3, at.y, true);
            } finally {
                colour.dispose();
            }
        }
    }

    /** Where a label of {@code size} goes: beside the box, at the end of its line, above or below it. */
    private static Rectangle place(Rectangle box, Point size, List<Rectangle> taken, Rectangle area) {
        int middle = box.y + (box.height - size.y) / 2;
        List<Rectangle> candidates = new ArrayList<>();
        candidates.add(new Rectangle(box.x + box.width + 4, middle, size.x, size.y));
        int end = box.x + box.width;
        for (Rectangle r : taken) {
            if (r.y < box.y + box.height && r.y + r.height > box.y) {
                end = Math.max(end, r.x + r.width);
            }
        }
        for (int k = 0; k < 6; k++) {
            candidates.add(new Rectangle(end + 12 + k * (size.x + 4), middle, size.x, size.y));
        }
        candidates.add(new Rectangle(box.x, box.y - size.y - 1, size.x, size.y));
        candidates.add(new Rectangle(box.x, box.y + box.height + 1, size.x, size.y));
        for (Rectangle c : candidates) {
            if (area.contains(c.x, c.y) && area.contains(c.x + c.width - 1, c.y + c.height - 1)
                    && taken.stream().noneMatch(c::intersects)) {
                return c;
            }
        }
        Rectangle above = candidates.get(candidates.size() - 2);
        return above.y < 0 ? candidates.get(candidates.size() - 1) : above;
    }

    /** Every word's box on the screen (canvas coordinates), for tests and tools. */
    private List<Rectangle> screenBoxes() {
        List<Rectangle> boxes = new ArrayList<>();
        Transform t = transform();
        try {
            for (OcrWord w : words) {
                boxes.add(toScreen(t, w.box()));
            }
        } finally {
            t.dispose();
        }
        return boxes;
    }

    /** A box of the scan on the screen (canvas coordinates), through the view's transform. */
    private static Rectangle toScreen(Transform t, Box b) {
        float[] p = {b.x(), b.y(), b.x() + b.width(), b.y() + b.height()};
        t.transform(p);
        return new Rectangle(Math.round(Math.min(p[0], p[2])), Math.round(Math.min(p[1], p[3])),
                Math.round(Math.abs(p[2] - p[0])), Math.round(Math.abs(p[3] - p[1])));
    }

    private void clickOnImage(Event e) {
        Point from = dragFrom;
        dragFrom = null;
        if (image == null || from == null || Math.abs(from.x - e.x) > 3 || Math.abs(from.y - e.y) > 3) {
            return;
        }
        Transform t = transform();
        try {
            t.invert();
            float[] p = {e.x, e.y};
            t.transform(p);
            for (int i = 0; i < words.size(); i++) {
                Box b = words.get(i).box();
                if (p[0] >= b.x() && p[0] <= b.x() + b.width() && p[1] >= b.y() && p[1] <= b.y() + b.height()) {
                    selectWord(i, true);
                    return;
                }
            }
        } finally {
            t.dispose();
        }
    }

    private int wordAt(int offset) {
        for (int i = offsets.size() - 1; i >= 0; i--) {
            if (offsets.get(i) <= offset) {
                return offset <= offsets.get(i) + words.get(i).text().length() ? i : -1;
            }
        }
        return -1;
    }

    /** Selects word {@code i} in the text and outlines it on the scan. */
    private void selectWord(int i, boolean fromImage) {
        if (i < 0 || i >= words.size()) {
            return;
        }
        selected = i;
        OcrWord w = words.get(i);
        if (fromImage) {
            text.setSelection(offsets.get(i), offsets.get(i) + w.text().length());
            text.showSelection();
        }
        text.setData("hoso.page.selectedWord", i);
        correction.setText(w.text());
        problems.info(texts.format("page.word", w.text(), Math.round(w.confidence())));
        canvas.redraw();
    }

    /** Stores the page's words with the selected word corrected, as a recognition typed by the user. */
    private void correct() {
        Shown s = shown;
        int i = selected;
        String fixed = correction.getText().strip();
        if (s == null || s.ocr().isEmpty() || i < 0 || fixed.isEmpty() || fixed.contains(" ")) {
            problems.info(texts.get("page.correctHow"));
            return;
        }
        OcrPage before = s.ocr().get();
        List<OcrLine> lines = new ArrayList<>();
        int n = 0;
        for (OcrLine line : before.lines()) {
            List<OcrWord> ws = new ArrayList<>();
            for (OcrWord w : line.words()) {
                // a person's word is certain
                ws.add(n++ == i ? new OcrWord(fixed, w.box(), 100f) : w);
            }
            lines.add(new OcrLine(ws, line.box()));
        }
        OcrPage after = new OcrPage(before.width(), before.height(), before.dpi(), before.languages(), lines);
        String user = session.user();
        Recognition old = s.recognition().orElseThrow();
        session.write(root.getDisplay(), () -> {
            ObjectId wordsId = put(OcrJson.write(after));
            ObjectId textId = put(after.text());
            Recognition r = new Recognition(s.page().id(), Optional.of(wordsId), Optional.of(textId), old.pdf(),
                    after.meanConfidence() / 100, old.issues(), Provenance.typed(user, session.clock().instant()));
            return catalogue.recordRecognition(r, s.page().status(), user);
        }, r -> {
            problems.info(texts.format("page.saved", before.words().get(i).text(), fixed));
            load(s.page().id());
        }, e -> problems.problem(texts.get("page.saveFailed"), e));
    }

    private ObjectId put(String content) throws IOException {
        return objects.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).id();
    }
}
