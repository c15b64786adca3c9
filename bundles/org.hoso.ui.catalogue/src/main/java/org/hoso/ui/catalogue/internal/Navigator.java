package org.hoso.ui.catalogue.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.CodeList;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.ui.api.Workbench;

/**
 * The catalogue as a tree: fonds → scheme nodes → files → documents → pages, with counts and status icons. A virtual
 * tree ({@code SWT.VIRTUAL}): only rows on screen exist, and a node's files are read from the catalogue a slice of
 * {@value #SLICE} at a time, off the UI thread, when their rows first show; so a node of 100,000 files opens as fast
 * as one of ten. Files move between nodes and documents between files by drag and drop or by cut and paste
 * (Ctrl+X, Ctrl+V), undone with Ctrl+Z and redone with Ctrl+Y.
 */
final class Navigator {

    static final int SLICE = 200;

    /** The rows' data. */
    record FondsRow(Fonds fonds) {
    }

    record NodeRow(SchemeNode node) {
    }

    record FileRow(FileUnit file) {
    }

    record ItemRow(Item item) {
    }

    record PageRow(Page page) {
    }

    /** What the navigator knows of a fonds before any file is read: its scheme and its files per node. */
    record Overview(Fonds fonds, List<SchemeNode> scheme, Map<Long, Long> fileCounts) {
        List<SchemeNode> children(Optional<Long> parent) {
            return scheme.stream().filter(n -> n.parentId().equals(parent)).toList();
        }

        /** Files under a node, its child nodes' included. */
        long filesUnder(long nodeId) {
            long n = fileCounts.getOrDefault(nodeId, 0L);
            for (SchemeNode child : children(Optional.of(nodeId))) {
                n += filesUnder(child.id());
            }
            return n;
        }

        long files() {
            return fileCounts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A slice of a node's files with their document counts and pages by status. */
    record Slice(List<FileUnit> files, Map<Long, Long> items, Map<Long, Map<Page.Status, Long>> pages) {
    }

    /** A file's documents with their pages. */
    record Documents(List<Item> items, Map<Long, List<Page>> pages) {
    }

    private final CatalogueSession session;
    private final CatalogueService catalogue;
    private final Texts texts;
    private final Composite root;
    private final Tree tree;
    private final Icons icons;
    private final ProblemBar problems;
    private final ToolItem undo;
    private final ToolItem redo;

    private List<Overview> overview = List.of();
    private final Map<Long, Map<Integer, Slice>> slices = new HashMap<>();
    private final Set<String> loading = new HashSet<>();
    private final Map<Long, Documents> documents = new HashMap<>();
    private final Map<Long, TreeItem> nodeItems = new HashMap<>();
    private final Map<Long, TreeItem> fileItems = new HashMap<>();
    /** What Ctrl+X took, or what is being dragged: files or documents. */
    private List<Object> cut = List.of();
    /** Nanoseconds from asking for the fonds list to the first rows shown, for the README's numbers. */
    private volatile long firstShownNanos = -1;

    Navigator(Composite parent, CatalogueSession session, Texts texts) {
        this.session = session;
        this.catalogue = session.catalogue();
        this.texts = texts;
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);

        ToolBar bar = new ToolBar(root, SWT.FLAT | SWT.RIGHT);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ToolItem refresh = new ToolItem(bar, SWT.PUSH);
        refresh.setText(texts.get("navigator.refresh"));
        refresh.addListener(SWT.Selection, e -> reload());
        undo = new ToolItem(bar, SWT.PUSH);
        undo.setData(Workbench.WIDGET_ID, "navigator.undo");
        undo.addListener(SWT.Selection, e -> undo());
        redo = new ToolItem(bar, SWT.PUSH);
        redo.setData(Workbench.WIDGET_ID, "navigator.redo");
        redo.addListener(SWT.Selection, e -> redo());

        tree = new Tree(root, SWT.VIRTUAL | SWT.MULTI | SWT.BORDER);
        tree.setData(Workbench.WIDGET_ID, "navigator.tree");
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        icons = new Icons(tree);
        tree.addListener(SWT.SetData, this::fill);
        tree.addListener(SWT.Selection, e -> {
            TreeItem[] selection = tree.getSelection();
            if (selection.length == 1 && selection[0].getData() != null) {
                session.publish(new CatalogueSession.Selected(selection[0].getData()));
            }
        });
        tree.addListener(SWT.KeyDown, this::key);
        problems = new ProblemBar(root, texts, "navigator.problem");
        problems.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        dragAndDrop();

        AutoCloseable changes = session.listen(tree.getDisplay(), CatalogueSession.Changed.class, this::changed);
        // Ctrl+Z / Ctrl+Y anywhere in the window but in a text field
        Listener keys = e -> {
            if (tree.isDisposed() || e.display.getFocusControl() == null
                    || e.display.getFocusControl().getShell() != tree.getShell()
                    || e.display.getFocusControl() instanceof Text || e.widget == tree) {
                return;
            }
            if (undoRedo(e)) {
                e.doit = false;
            }
        };
        tree.getDisplay().addFilter(SWT.KeyDown, keys);
        tree.addListener(SWT.Dispose, e -> {
            e.display.removeFilter(SWT.KeyDown, keys);
            try {
                changes.close();
            } catch (Exception ignored) {
                // nothing held
            }
        });
        updateUndo();
        reload();
    }

    Control control() {
        return root;
    }

    long firstShownNanos() {
        return firstShownNanos;
    }

    /** Reads the fonds, their schemes and file counts again (off the UI thread) and shows them. */
    void reload() {
        long start = System.nanoTime();
        problems.info(texts.get("navigator.loading"));
        session.run(tree.getDisplay(), () -> {
            List<Overview> all = new ArrayList<>();
            for (Fonds f : catalogue.fonds()) {
                all.add(new Overview(f, catalogue.scheme(f.code()), catalogue.fileCounts(f.code())));
            }
            return all;
        }, all -> {
            if (tree.isDisposed()) {
                return;
            }
            overview = all;
            slices.clear();
            loading.clear();
            documents.clear();
            nodeItems.clear();
            fileItems.clear();
            tree.setItemCount(all.size());
            tree.clearAll(true);
            updateUndo();
            problems.info(all.isEmpty() ? texts.get("navigator.empty")
                    : texts.format("navigator.loaded", all.size()));
            if (firstShownNanos < 0) {
                firstShownNanos = System.nanoTime() - start;
            }
        }, e -> problems.problem(texts.get("navigator.loadFailed"), e));
    }

    // --- rows

    private void fill(Event e) {
        TreeItem item = (TreeItem) e.item;
        TreeItem parent = item.getParentItem();
        int index = e.index;
        Object parentData = parent == null ? null : parent.getData();
        if (parent == null) {
            if (index < overview.size()) {
                Overview o = overview.get(index);
                item.setData(new FondsRow(o.fonds()));
                item.setText(texts.format("row.fonds", o.fonds().code(), o.fonds().name(), o.files()));
                item.setImage(icons.fonds());
                item.setItemCount(o.children(Optional.empty()).size());
            }
        } else if (parentData instanceof FondsRow f) {
            overviewOf(f.fonds().code()).ifPresent(o -> {
                List<SchemeNode> top = o.children(Optional.empty());
                if (index < top.size()) {
                    node(item, o, top.get(index));
                }
            });
        } else if (parentData instanceof NodeRow n) {
            overviewOf(n.node().fondsCode()).ifPresent(o -> {
                List<SchemeNode> kids = o.children(Optional.of(n.node().id()));
                if (index < kids.size()) {
                    node(item, o, kids.get(index));
                } else {
                    file(item, n.node(), index - kids.size());
                }
            });
        } else if (parentData instanceof FileRow f) {
            Documents d = documents.get(f.file().id());
            if (d == null) {
                placeholder(item);
                loadDocuments(f.file());
            } else if (index < d.items().size()) {
                document(item, d, index);
            }
        } else if (parentData instanceof ItemRow i) {
            Documents d = documents.get(i.item().fileId());
            List<Page> pages = d == null ? List.of() : d.pages().getOrDefault(i.item().id(), List.of());
            if (index < pages.size()) {
                page(item, pages.get(index));
            }
        }
    }

    private void document(TreeItem item, Documents d, int index) {
        Item i = d.items().get(index);
        List<Page> pages = d.pages().getOrDefault(i.id(), List.of());
        item.setData(new ItemRow(i));
        item.setText(itemText(i));
        Map<Page.Status, Long> counts = new HashMap<>();
        pages.forEach(p -> counts.merge(p.status(), 1L, Long::sum));
        item.setImage(icons.status(Icons.Status.of(counts)));
        item.setItemCount(pages.size());
    }

    private void page(TreeItem item, Page p) {
        item.setData(new PageRow(p));
        item.setText(texts.format("row.page", p.position(), texts.get("page." + p.status().name())));
        item.setImage(icons.status(Icons.Status.of(p.status())));
    }

    private Optional<Overview> overviewOf(String fondsCode) {
        return overview.stream().filter(o -> o.fonds().code().equals(fondsCode)).findFirst();
    }

    private void node(TreeItem item, Overview o, SchemeNode n) {
        item.setData(new NodeRow(n));
        nodeItems.put(n.id(), item);
        item.setText(texts.format("row.node", n.code(), n.title(), o.filesUnder(n.id())));
        item.setImage(icons.node());
        item.setItemCount(o.children(Optional.of(n.id())).size() + o.fileCounts().getOrDefault(n.id(), 0L).intValue());
    }

    private void file(TreeItem item, SchemeNode node, int fileIndex) {
        int sliceNo = fileIndex / SLICE;
        Slice slice = slices.getOrDefault(node.id(), Map.of()).get(sliceNo);
        if (slice == null) {
            placeholder(item);
            loadSlice(node, sliceNo);
            return;
        }
        int at = fileIndex % SLICE;
        if (at >= slice.files().size()) {
            return;
        }
        FileUnit f = slice.files().get(at);
        fileRow(item, f, slice.items().getOrDefault(f.id(), 0L), slice.pages().getOrDefault(f.id(), Map.of()));
        item.setItemCount((int) slice.items().getOrDefault(f.id(), 0L).longValue());
    }

    private void fileRow(TreeItem item, FileUnit f, long items, Map<Page.Status, Long> pages) {
        item.setData(new FileRow(f));
        fileItems.put(f.id(), item);
        item.setText(texts.format("row.file", f.fileNumber(), f.title(), f.fileCode(), items));
        item.setImage(icons.status(Icons.Status.of(pages)));
    }

    /**
     * What changed: when only some files' documents did (a document edited, moved between files, its pages read),
     * those files' rows and documents are read again and updated in place, the tree left as it is; anything else
     * (files moved, the scheme changed) reads the whole tree again. (Reading it all again on every edit cleared every
     * row, which GTK drew blank until the rows were read again.)
     */
    private void changed(CatalogueSession.Changed c) {
        if (c.files().isEmpty() || !c.nodes().isEmpty()) {
            reload();
            return;
        }
        updateUndo();
        for (long fileId : c.files()) {
            refreshFile(fileId);
        }
    }

    private record Refreshed(FileUnit file, Documents documents) {
    }

    private void refreshFile(long fileId) {
        session.run(tree.getDisplay(), () -> {
            FileUnit f = catalogue.file(fileId).orElseThrow(() -> new IllegalStateException("file " + fileId));
            List<Item> items = catalogue.items(fileId);
            Map<Long, List<Page>> pages = new HashMap<>();
            for (Item i : items) {
                pages.put(i.id(), catalogue.pages(i.id()));
            }
            return new Refreshed(f, new Documents(items, pages));
        }, r -> {
            if (tree.isDisposed()) {
                return;
            }
            Documents d = r.documents();
            Map<Page.Status, Long> counts = new HashMap<>();
            d.pages().values().forEach(ps -> ps.forEach(p -> counts.merge(p.status(), 1L, Long::sum)));
            // what a slice knows of the file, for when its row is read again
            for (Map<Integer, Slice> bySlice : slices.values()) {
                bySlice.replaceAll((n, slice) -> slice.files().stream().noneMatch(f -> f.id() == fileId) ? slice
                        : withFile(slice, r.file(), d.items().size(), counts));
            }
            if (documents.containsKey(fileId)) {
                documents.put(fileId, d);
            }
            TreeItem row = fileItems.get(fileId);
            if (row == null || row.isDisposed() || !(row.getData() instanceof FileRow)) {
                return;
            }
            fileRow(row, r.file(), d.items().size(), counts);
            if (!row.getExpanded()) {
                documents.remove(fileId);
                row.setItemCount(d.items().size());
                row.clearAll(true);
                return;
            }
            documents.put(fileId, d);
            row.setItemCount(d.items().size());
            for (int i = 0; i < d.items().size(); i++) {
                TreeItem child = row.getItem(i);
                document(child, d, i);
                if (child.getExpanded()) {
                    List<Page> pages = d.pages().getOrDefault(d.items().get(i).id(), List.of());
                    for (int k = 0; k < pages.size(); k++) {
                        page(child.getItem(k), pages.get(k));
                    }
                }
            }
        }, e -> problems.problem(texts.get("navigator.loadFailed"), e));
    }

    private static Slice withFile(Slice slice, FileUnit file, long items, Map<Page.Status, Long> pages) {
        List<FileUnit> files = slice.files().stream().map(f -> f.id() == file.id() ? file : f).toList();
        Map<Long, Long> itemCounts = new HashMap<>(slice.items());
        itemCounts.put(file.id(), items);
        Map<Long, Map<Page.Status, Long>> pageCounts = new HashMap<>(slice.pages());
        pageCounts.put(file.id(), pages);
        return new Slice(files, itemCounts, pageCounts);
    }

    private void placeholder(TreeItem item) {
        item.setText(texts.get("row.loading"));
        item.setData(null);
    }

    private String itemText(Item i) {
        String type = i.description().text(ItemFields.TYPE)
                .flatMap(code -> CodeList.builtIn(CodeList.DOCUMENT_TYPE).get(code))
                .map(entry -> entry.label(texts.locale())).orElse("");
        String number = i.description().text(ItemFields.NUMBER).orElse("");
        String notation = i.description().text(ItemFields.NOTATION).orElse("");
        String ref = number.isEmpty() && notation.isEmpty() ? "" : number + (notation.isEmpty() ? "" : "/" + notation);
        return texts.format("row.item", i.position(), type, ref, i.description().text(ItemFields.ABSTRACT).orElse(""));
    }

    private void loadSlice(SchemeNode node, int sliceNo) {
        String key = node.id() + "/" + sliceNo;
        if (!loading.add(key)) {
            return;
        }
        session.run(tree.getDisplay(), () -> {
            List<FileUnit> files = catalogue.files(node.id(), sliceNo * SLICE, SLICE);
            List<Long> ids = files.stream().map(FileUnit::id).toList();
            return new Slice(files, catalogue.itemCounts(ids), catalogue.pageCounts(ids));
        }, slice -> {
            loading.remove(key);
            if (tree.isDisposed()) {
                return;
            }
            slices.computeIfAbsent(node.id(), k -> new HashMap<>()).put(sliceNo, slice);
            TreeItem parent = nodeItems.get(node.id());
            if (parent != null && !parent.isDisposed()) {
                int kids = overviewOf(node.fondsCode()).map(o -> o.children(Optional.of(node.id())).size()).orElse(0);
                int from = kids + sliceNo * SLICE;
                int to = Math.min(parent.getItemCount(), from + slice.files().size());
                for (int i = from; i < to; i++) {
                    parent.clear(i, false);
                }
            }
        }, e -> {
            loading.remove(key);
            problems.problem(texts.get("navigator.loadFailed"), e);
        });
    }

    private void loadDocuments(FileUnit file) {
        String key = "file/" + file.id();
        if (!loading.add(key)) {
            return;
        }
        session.run(tree.getDisplay(), () -> {
            List<Item> items = catalogue.items(file.id());
            Map<Long, List<Page>> pages = new HashMap<>();
            for (Item i : items) {
                pages.put(i.id(), catalogue.pages(i.id()));
            }
            return new Documents(items, pages);
        }, d -> {
            loading.remove(key);
            if (tree.isDisposed()) {
                return;
            }
            documents.put(file.id(), d);
            TreeItem parent = fileItems.get(file.id());
            if (parent != null && !parent.isDisposed()) {
                parent.setItemCount(d.items().size());
                parent.clearAll(true);
            }
        }, e -> {
            loading.remove(key);
            problems.problem(texts.get("navigator.loadFailed"), e);
        });
    }

    // --- moving: keys, cut and paste, drag and drop, undo

    private void key(Event e) {
        if ((e.stateMask & SWT.MOD1) == 0) {
            return;
        }
        if (e.keyCode == 'x') {
            cut = selected();
            problems.info(cut.isEmpty() ? texts.get("move.nothing") : texts.format("move.cut", cut.size()));
            e.doit = false;
        } else if (e.keyCode == 'v') {
            TreeItem[] target = tree.getSelection();
            if (target.length == 1) {
                moveTo(cut, target[0].getData());
            }
            e.doit = false;
        } else if (undoRedo(e)) {
            e.doit = false;
        }
    }

    private boolean undoRedo(Event e) {
        if ((e.stateMask & SWT.MOD1) == 0) {
            return false;
        }
        if (e.keyCode == 'z' && (e.stateMask & SWT.SHIFT) == 0) {
            undo();
            return true;
        }
        if (e.keyCode == 'y' || e.keyCode == 'z') {
            redo();
            return true;
        }
        return false;
    }

    /** The selected files, or the selected documents (never a mix; nothing else moves here). */
    private List<Object> selected() {
        List<Object> files = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        for (TreeItem t : tree.getSelection()) {
            if (t.getData() instanceof FileRow f) {
                files.add(f.file());
            } else if (t.getData() instanceof ItemRow i) {
                items.add(i.item());
            }
        }
        return !files.isEmpty() && items.isEmpty() ? files : files.isEmpty() ? items : List.of();
    }

    /** Moves files onto a scheme node, documents onto a file (at its end) or onto a document (at its place). */
    private void moveTo(List<Object> what, Object target) {
        Optional<History.Change> change = change(what, target);
        if (change.isEmpty()) {
            problems.info(texts.get("move.notHere"));
            return;
        }
        History.Change c = change.get();
        cut = List.of();
        session.apply(tree.getDisplay(), c, e -> problems.problem(c.label(), e));
        problems.info(c.label());
    }

    private Optional<History.Change> change(List<Object> what, Object target) {
        if (what.isEmpty() || target == null) {
            return Optional.empty();
        }
        String user = session.user();
        if (what.get(0) instanceof FileUnit && target instanceof NodeRow n) {
            List<FileUnit> files = what.stream().map(FileUnit.class::cast)
                    .filter(f -> f.schemeNodeId() != n.node().id() && f.fondsCode().equals(n.node().fondsCode()))
                    .toList();
            return files.isEmpty() ? Optional.empty() : Optional.of(Moves.files(catalogue, user, files, n.node(),
                    texts.format("move.files", files.size(), n.node().code(), n.node().title())));
        }
        if (what.get(0) instanceof Item) {
            List<Item> items = what.stream().map(Item.class::cast).toList();
            if (target instanceof FileRow f) {
                return Optional.of(Moves.items(catalogue, user, items, f.file().id(), Moves.AT_END,
                        texts.format("move.items", items.size(), f.file().fileCode())));
            }
            if (target instanceof ItemRow i && items.stream().noneMatch(x -> x.id() == i.item().id())) {
                return Optional.of(Moves.items(catalogue, user, items, i.item().fileId(), i.item().position(),
                        texts.format("move.items", items.size(), i.item().docCode())));
            }
        }
        return Optional.empty();
    }

    private void dragAndDrop() {
        Transfer[] types = {TextTransfer.getInstance()};
        DragSource source = new DragSource(tree, DND.DROP_MOVE);
        source.setTransfer(types);
        List<List<Object>> dragged = new ArrayList<>(List.of(List.of()));
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                List<Object> what = selected();
                event.doit = !what.isEmpty();
                dragged.set(0, what);
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = "hoso:" + dragged.get(0).size();
            }
        });
        DropTarget target = new DropTarget(tree, DND.DROP_MOVE | DND.DROP_DEFAULT);
        target.setTransfer(types);
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_MOVE;
            }

            @Override
            public void dragOver(DropTargetEvent event) {
                Object over = event.item == null ? null : event.item.getData();
                boolean ok = change(dragged.get(0), over).isPresent();
                event.detail = ok ? DND.DROP_MOVE : DND.DROP_NONE;
                event.feedback = DND.FEEDBACK_SELECT | DND.FEEDBACK_SCROLL | DND.FEEDBACK_EXPAND;
            }

            @Override
            public void drop(DropTargetEvent event) {
                Object over = event.item == null ? null : event.item.getData();
                moveTo(dragged.get(0), over);
                dragged.set(0, List.of());
            }
        });
    }

    void undo() {
        session.history().nextUndo().ifPresent(label -> problems.info(texts.format("undo.done", label)));
        session.undo(tree.getDisplay(), e -> problems.problem(texts.get("undo.failed"), e));
    }

    void redo() {
        session.history().nextRedo().ifPresent(label -> problems.info(texts.format("redo.done", label)));
        session.redo(tree.getDisplay(), e -> problems.problem(texts.get("redo.failed"), e));
    }

    private void updateUndo() {
        if (undo.isDisposed()) {
            return;
        }
        Optional<String> u = session.history().nextUndo();
        Optional<String> r = session.history().nextRedo();
        undo.setText(texts.get("navigator.undo"));
        undo.setToolTipText(u.map(l -> texts.format("undo.tip", l)).orElse(texts.get("undo.none")));
        undo.setEnabled(u.isPresent());
        redo.setText(texts.get("navigator.redo"));
        redo.setToolTipText(r.map(l -> texts.format("redo.tip", l)).orElse(texts.get("redo.none")));
        redo.setEnabled(r.isPresent());
    }
}
