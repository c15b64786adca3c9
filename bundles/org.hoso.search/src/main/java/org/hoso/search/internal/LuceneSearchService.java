package org.hoso.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.SearchService;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.search.internal.Entries.FileEntry;
import org.hoso.search.internal.Entries.ItemEntry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The search service over a Lucene index in the workspace's {@code index/} folder. Delayed: the index is opened on
 * first use, and then brought up to date from the audit log (and again before every search), so that
 * {@code hoso version} never touches the workspace and an index left behind by a crash catches up by itself.
 * <p>
 * Crash safety: the last audit entry followed is stored in the Lucene commit itself (commit user data), so the index
 * and its position in the log change together or not at all; re-indexing an entity is idempotent, so entries read
 * again after a crash do no harm.
 */
@Component(service = SearchService.class)
public final class LuceneSearchService implements SearchService {

    static final String WORKSPACE_PROPERTY = "hoso.workspace";
    /** Commit user data: the last audit entry the index has followed. */
    static final String SEQ = "hoso.auditSeq";
    /** Commit user data: the layout of the documents; an index of another layout is rebuilt. */
    static final String SCHEMA = "hoso.schema";
    static final String SCHEMA_VERSION = "3";

    private static final Logger LOG = Logger.getLogger(LuceneSearchService.class.getName());
    /**
     * Lucene warns on every start that the incubating Vector API is not readable: inside OSGi it never is, and text
     * search does not need it (see the README). Held here: java.util.logging keeps loggers only weakly.
     */
    private static final Logger VECTOR_NOTICE = Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        VECTOR_NOTICE.setLevel(Level.SEVERE);
    }
    /** Hits counted one by one; past this many a result says "at least". */
    static final int COUNT_EXACTLY = 1000;
    /** Audit entries read at a time. */
    private static final int EVENT_PAGE = 5_000;
    /** Files changed before the index commits what it has (keeps a long catch-up's memory bounded). */
    private static final int FILES_PER_COMMIT = 20_000;

    private final IndexFolder folder;
    private final CatalogueService catalogue;
    private final AuditLog audit;
    private final PageText pageText;
    /** Held by whoever writes the live index; searches only read. */
    private final ReentrantLock lock = new ReentrantLock();

    private Live live;

    /** The open generation: its writer, the searchers over it, the last audit entry it has followed. */
    private record Live(Path dir, FSDirectory directory, IndexWriter writer, SearcherManager searchers, long[] seq) {
        void close() throws IOException {
            searchers.close();
            writer.rollback(); // what was not committed is not wanted
            directory.close();
        }
    }

    @Activate
    public LuceneSearchService(BundleContext context, @Reference CatalogueService catalogue,
            @Reference AuditLog audit, @Reference ObjectStore objects) {
        this(workspace(context).resolve("index"), catalogue, audit, new PageText(catalogue, objects));
    }

    LuceneSearchService(Path indexFolder, CatalogueService catalogue, AuditLog audit, PageText pageText) {
        this.folder = new IndexFolder(indexFolder);
        this.catalogue = catalogue;
        this.audit = audit;
        this.pageText = pageText;
    }

    private static Path workspace(BundleContext context) {
        String ws = context.getProperty(WORKSPACE_PROPERTY);
        if (ws == null || ws.isBlank()) {
            throw new IllegalStateException("the search index needs the workspace folder: the framework property "
                    + WORKSPACE_PROPERTY + " is not set");
        }
        return Paths.get(ws);
    }

    @Deactivate
    public void close() {
        lock.lock();
        try {
            if (live != null) {
                live.close();
                live = null;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the search index failed", e);
        } finally {
            lock.unlock();
        }
    }

    // --- searching

    @Override
    public Results search(Query query) {
        org.apache.lucene.search.Query q = QueryLanguage.parse(query.text(), query.fondsCode());
        open();
        if (lock.tryLock()) {
            try {
                catchUp();
            } finally {
                lock.unlock();
            }
        } // else a rebuild is swapping or a long catch-up runs: search what is there meanwhile
        try {
            SearcherManager manager = open().searchers();
            manager.maybeRefresh();
            IndexSearcher searcher = manager.acquire();
            try {
                // hits are counted exactly up to COUNT_EXACTLY; past that the count is a lower bound (counting
                // every one of half a million hits would cost more than finding the best twenty)
                TopDocs top = searcher.search(q, new TopScoreDocCollectorManager(query.limit(), COUNT_EXACTLY));
                long total = top.totalHits.value();
                boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
                int[] ids = new int[top.scoreDocs.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = top.scoreDocs[i].doc;
                }
                Snippet[] snippets = Snippets.of(searcher, q, ids);
                StoredFields stored = searcher.storedFields();
                List<Hit> hits = new ArrayList<>(ids.length);
                for (int i = 0; i < ids.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document d = stored.document(sd.doc, Set.of(Fields.KIND, Fields.FONDS, Fields.FILE, Fields.DOC,
                            Fields.TITLE_SHOWN));
                    Kind kind = "file".equals(d.get(Fields.KIND)) ? Kind.FILE : Kind.ITEM;
                    hits.add(new Hit(kind, d.get(Fields.FONDS), d.get(Fields.FILE),
                            Optional.ofNullable(d.get(Fields.DOC)), d.get(Fields.TITLE_SHOWN), snippets[i], sd.score));
                }
                return new Results(total, exact, List.copyOf(hits));
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index in " + folder.root() + " failed: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Status status() {
        Live l = open();
        try {
            l.searchers().maybeRefreshBlocking();
            IndexSearcher s = l.searchers().acquire();
            try {
                long files = s.count(new TermQuery(new Term(Fields.KIND, "file")));
                long items = s.count(new TermQuery(new Term(Fields.KIND, "item")));
                return new Status(files, items, l.seq()[0], IndexFolder.size(l.dir()));
            } finally {
                l.searchers().release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- following the catalogue

    @Override
    public long catchUp() {
        lock.lock();
        try {
            Live l = open();
            long from = l.seq()[0] + 1;
            long read = 0;
            Changes changes = new Changes();
            while (true) {
                List<AuditEvent> events = audit.events(from, EVENT_PAGE);
                if (events.isEmpty()) {
                    break;
                }
                for (AuditEvent e : events) {
                    changes.add(e);
                }
                from = events.get(events.size() - 1).seq() + 1;
                read += events.size();
                if (changes.size() >= FILES_PER_COMMIT || !changes.fonds.isEmpty()) {
                    apply(l, changes);
                    commit(l, from - 1);
                }
            }
            if (read > 0) {
                apply(l, changes);
                commit(l, from - 1);
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("updating the index in " + folder.root() + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** What audit entries changed that the index shows: whole fonds, files (a file's entries hold its documents). */
    static final class Changes {
        final Set<String> fonds = new LinkedHashSet<>();
        final Set<String> files = new LinkedHashSet<>();
        /** Pages whose recognised text changed: their documents' files are found through the catalogue. */
        final Set<Long> pages = new LinkedHashSet<>();

        void add(AuditEvent e) {
            String id = e.entityId();
            switch (e.entityType()) {
                case "fonds" -> fonds.add(id); // created, or an inventory imported into it
                case "file" -> files.add(id);
                case "item" -> files.add(fileOf(id));
                case "page" -> {
                    if (e.action().equals("page.recognition")) {
                        pages.add(Long.parseLong(id));
                    }
                }
                default -> {
                    // scheme nodes, boxes, locations, renditions, jobs: nothing the index shows
                }
            }
        }

        int size() {
            return fonds.size() + files.size() + pages.size();
        }

        void clear() {
            fonds.clear();
            files.clear();
            pages.clear();
        }
    }

    /** The file code of a document code (the file code and a 7-digit ordinal). */
    static String fileOf(String docCode) {
        int dot = docCode.lastIndexOf('.');
        return dot > 0 ? docCode.substring(0, dot) : docCode;
    }

    private void apply(Live l, Changes changes) throws IOException {
        for (String f : changes.fonds) {
            l.writer().deleteDocuments(new Term(Fields.FONDS, f));
            indexFonds(l.writer(), f);
        }
        if (!changes.pages.isEmpty()) {
            // a page names its document by catalogue id: the index knows each document's file
            l.searchers().maybeRefreshBlocking();
            IndexSearcher s = l.searchers().acquire();
            try {
                for (long pageId : changes.pages) {
                    Optional<Page> page = catalogue.page(pageId);
                    if (page.isEmpty()) {
                        continue;
                    }
                    TopDocs found = s.search(new TermQuery(new Term(Fields.ITEM_ID, Long.toString(page.get()
                            .itemId()))), 1);
                    if (found.scoreDocs.length > 0) {
                        changes.files.add(s.storedFields().document(found.scoreDocs[0].doc, Set.of(Fields.FILE))
                                .get(Fields.FILE));
                    }
                }
            } finally {
                l.searchers().release(s);
            }
        }
        for (String code : changes.files) {
            l.writer().deleteDocuments(new Term(Fields.FILE, code));
            Optional<FileUnit> file = catalogue.file(code);
            if (file.isPresent()) {
                indexFile(l.writer(), file.get(), new long[3]);
            }
        }
        changes.clear();
    }

    private long[] indexFonds(IndexWriter writer, String fondsCode) throws IOException {
        long[] counts = new long[3];
        for (SchemeNode node : catalogue.scheme(fondsCode)) {
            for (FileUnit f : catalogue.files(node.id())) {
                indexFile(writer, f, counts);
            }
        }
        return counts;
    }

    /** Adds a file and its documents; counts files, documents and pages with text in {@code counts}. */
    private void indexFile(IndexWriter writer, FileUnit f, long[] counts) throws IOException {
        FileEntry file = new FileEntry(f.fondsCode(), f.fileCode(), f.box(), f.description().fields());
        List<Document> docs = new ArrayList<>();
        docs.add(Entries.file(file));
        for (Item item : catalogue.items(f.id())) {
            PageText.Text text = pageText.of(item);
            counts[2] += text.pages();
            Document d = Entries.item(file, new ItemEntry(item.docCode(), item.description().fields(), text.text()));
            d.add(new StringField(Fields.ITEM_ID, Long.toString(item.id()), Store.NO));
            docs.add(d);
        }
        writer.addDocuments(docs);
        counts[0]++;
        counts[1] += docs.size() - 1;
    }

    private void commit(Live l, long seq) throws IOException {
        l.writer().setLiveCommitData(Map.of(SEQ, Long.toString(seq), SCHEMA, SCHEMA_VERSION).entrySet());
        l.writer().commit();
        l.seq()[0] = seq;
        l.searchers().maybeRefreshBlocking();
    }

    // --- rebuilding

    @Override
    public Rebuild rebuild() {
        long t0 = System.nanoTime();
        open();
        Path dir = null;
        try {
            // entries from here on are applied by the catch-up after the swap (again, if the build saw them: harmless)
            long seq = audit.size();
            dir = folder.next();
            long[] counts = new long[3];
            try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config())) {
                for (var fonds : catalogue.fonds()) {
                    long[] c = indexFonds(w, fonds.code());
                    for (int i = 0; i < 3; i++) {
                        counts[i] += c[i];
                    }
                }
                w.setLiveCommitData(Map.of(SEQ, Long.toString(seq), SCHEMA, SCHEMA_VERSION).entrySet());
                w.commit();
            }
            lock.lock();
            try {
                folder.use(dir);
                Live old = live;
                live = openGeneration(dir);
                dir = null;
                if (old != null) {
                    old.close();
                    folder.removeAllBut(live.dir());
                }
            } finally {
                lock.unlock();
            }
            catchUp();
            return new Rebuild(counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1_000_000, seq);
        } catch (IOException e) {
            throw new UncheckedIOException("rebuilding the index in " + folder.root() + " failed: " + e.getMessage(),
                    e);
        } finally {
            if (dir != null) {
                try {
                    IndexFolder.delete(dir); // a failed build leaves the index in use as it was
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot remove the unfinished index " + dir, e);
                }
            }
        }
    }

    @Override
    public Rebuild load(ImportBatch batch, Function<Map<String, Field<String>>, String> text) {
        if (!catalogue.fonds().isEmpty()) {
            throw new IllegalStateException("the catalogue holds fonds: generated records are loaded only into the "
                    + "index of an empty workspace");
        }
        long t0 = System.nanoTime();
        lock.lock();
        try {
            Live l = open();
            // the files are read once, in order, on this thread; one worker per core makes and adds their documents
            int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            java.util.concurrent.BlockingQueue<Optional<NewFile>> queue =
                    new java.util.concurrent.ArrayBlockingQueue<>(64 * threads);
            java.util.concurrent.atomic.AtomicLongArray counts = new java.util.concurrent.atomic.AtomicLongArray(3);
            java.util.concurrent.Callable<Void> worker = () -> {
                for (Optional<NewFile> next = queue.take(); next.isPresent(); next = queue.take()) {
                    NewFile f = next.get();
                    FileEntry file = new FileEntry(batch.fondsCode(), f.fileCode(), f.box(), f.fields());
                    List<Document> docs = new ArrayList<>(f.items().size() + 1);
                    docs.add(Entries.file(file));
                    for (int i = 0; i < f.items().size(); i++) {
                        Map<String, Field<String>> fields = f.items().get(i);
                        String t = text.apply(fields);
                        if (!t.isEmpty()) {
                            counts.incrementAndGet(2);
                        }
                        docs.add(Entries.item(file, new ItemEntry(Item.docCode(f.fileCode(), i + 1), fields, t)));
                    }
                    l.writer().addDocuments(docs);
                    counts.incrementAndGet(0);
                    counts.addAndGet(1, docs.size() - 1);
                }
                return null;
            };
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<Void>> running = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    running.add(pool.submit(worker));
                }
                for (NewFile f : batch.files()) {
                    while (!queue.offer(Optional.of(f), 1, java.util.concurrent.TimeUnit.SECONDS)) {
                        for (var r : running) {
                            if (r.isDone()) {
                                r.get(); // a worker failed: its exception ends the load
                            }
                        }
                    }
                }
                for (int i = 0; i < threads; i++) {
                    queue.put(Optional.empty());
                }
                for (var r : running) {
                    r.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("loading was interrupted", e);
            } finally {
                pool.shutdownNow();
            }
            commit(l, l.seq()[0]);
            return new Rebuild(counts.get(0), counts.get(1), counts.get(2), (System.nanoTime() - t0) / 1_000_000,
                    l.seq()[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("loading into the index in " + folder.root() + " failed: "
                    + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    // --- the live generation

    /** The live generation, opened on first use: the one CURRENT names, or a new empty one that catches up. */
    private Live open() {
        Live l = live;
        if (l != null) {
            return l;
        }
        lock.lock();
        try {
            if (live == null) {
                Optional<Path> current = folder.current();
                Path dir;
                if (current.isPresent() && schemaOf(current.get()).map(SCHEMA_VERSION::equals).orElse(true)) {
                    dir = current.get();
                } else {
                    // no index yet, or one of another layout: start empty from the first audit entry
                    dir = folder.next();
                    folder.use(dir);
                }
                live = openGeneration(dir);
                folder.removeAllBut(dir);
            }
            return live;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder.root() + ": "
                    + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static Optional<String> schemaOf(Path dir) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return Optional.empty();
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                return Optional.ofNullable(r.getIndexCommit().getUserData().get(SCHEMA));
            }
        }
    }

    private Live openGeneration(Path dir) throws IOException {
        Files.createDirectories(dir);
        FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, config());
        long seq = 0;
        if (DirectoryReader.indexExists(d)) {
            try (DirectoryReader r = DirectoryReader.open(d)) {
                seq = Long.parseLong(r.getIndexCommit().getUserData().getOrDefault(SEQ, "0"));
            }
        }
        return new Live(dir, d, w, new SearcherManager(w, null), new long[] { seq });
    }

    private static IndexWriterConfig config() {
        IndexWriterConfig c = new IndexWriterConfig(Analyzers.PER_FIELD);
        c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        c.setRAMBufferSizeMB(48);
        c.setCommitOnClose(false); // only explicit commits, each with its audit position
        return c;
    }
}
