package org.hoso.digitise.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;

import org.hoso.digitise.api.Box;
import org.hoso.digitise.api.OcrEngine;
import org.hoso.digitise.api.OcrLine;
import org.hoso.digitise.api.OcrOptions;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.OcrWord;
import org.hoso.digitise.api.Orientation;
import org.hoso.digitise.api.PageImage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Tesseract 5 through its C API. Engine handles are expensive to make (the language model is loaded) and not
 * safe for concurrent use: the engine keeps a pool of at most {@code engines} handles per language set (one per
 * worker, by default one per core), each made on first need and reused for every later page until the component
 * stops. Never one per page.
 */
@Component(service = OcrEngine.class, property = OcrEngine.ID_PROPERTY + "=" + TesseractEngine.ID,
        configurationPid = "org.hoso.digitise.tesseract")
public final class TesseractEngine implements OcrEngine, AutoCloseable {

    static final String ID = "tesseract";
    private static final Logger LOG = Logger.getLogger(TesseractEngine.class.getName());
    /** Tesseract's folder of language data on Debian 12 and elsewhere, in order of preference. */
    static final List<String> TESSDATA = List.of("/usr/share/tesseract-ocr/5/tessdata",
            "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata");
    private static final String OSD = "osd";

    @ObjectClassDefinition(name = "Hoso Tesseract OCR")
    public @interface Config {
        @AttributeDefinition(description = "tessdata folder (empty: TESSDATA_PREFIX, then the usual places)")
        String datapath() default "";

        @AttributeDefinition(description = "engines per language set (0: one per core)")
        int engines() default 0;
    }

    private static volatile TessApi api;

    private final Path datapath;
    private final int engines;
    private final Map<String, Pool> pools = new HashMap<>();
    private volatile boolean closed;

    @Activate
    public TesseractEngine(Config config) {
        this(config.datapath(), config.engines());
    }

    /** For use without a framework (tests, tools). */
    public TesseractEngine(String datapath, int engines) {
        this.datapath = findTessdata(datapath);
        this.engines = engines > 0 ? engines : Runtime.getRuntime().availableProcessors();
        api();
    }

    static TessApi api() {
        TessApi a = api;
        if (a == null) {
            synchronized (TesseractEngine.class) {
                if (api == null) {
                    try {
                        api = TessApi.load();
                    } catch (UnsatisfiedLinkError e) {
                        throw new IllegalStateException("Tesseract (libtesseract.so.5) is not installed: "
                                + "apt-get install tesseract-ocr tesseract-ocr-vie (" + e.getMessage() + ")", e);
                    }
                }
                a = api;
            }
        }
        return a;
    }

    static Path findTessdata(String configured) {
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
            candidates.add(Paths.get(env, "tessdata").toString());
        }
        candidates.addAll(TESSDATA);
        for (String c : candidates) {
            Path p = Paths.get(c);
            if (Files.isRegularFile(p.resolve("vie.traineddata"))) {
                return p;
            }
        }
        throw new IllegalStateException("no Vietnamese language data (vie.traineddata) in " + candidates
                + ": apt-get install tesseract-ocr-vie");
    }

    public Path datapath() {
        return datapath;
    }

    public String version() {
        return api().TessVersion();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public OcrPage recognise(PageImage page, OcrOptions options) throws IOException {
        Grey g = Grey.of(page.image());
        int dpi = (int) Math.round(page.dpi());
        Pool pool = pool(options.languages());
        Pointer h = pool.take();
        TessApi t = api();
        try {
            t.TessBaseAPISetPageSegMode(h, options.pageSegmentation());
            t.TessBaseAPISetImage(h, g.px, g.width, g.height, 1, g.width);
            t.TessBaseAPISetSourceResolution(h, Math.max(1, dpi));
            if (t.TessBaseAPIRecognize(h, null) != 0) {
                throw new IOException("Tesseract could not recognise " + page.label());
            }
            List<OcrLine> lines = read(t, h);
            return new OcrPage(g.width, g.height, page.dpi(), options.languages(), lines);
        } finally {
            t.TessBaseAPIClear(h);
            pool.give(h);
        }
    }

    private static List<OcrLine> read(TessApi t, Pointer h) {
        List<OcrLine> lines = new ArrayList<>();
        Pointer it = t.TessBaseAPIGetIterator(h);
        if (it == null) {
            return lines;
        }
        try {
            Pointer pi = t.TessResultIteratorGetPageIterator(it);
            List<OcrWord> words = new ArrayList<>();
            IntByReference l = new IntByReference();
            IntByReference tp = new IntByReference();
            IntByReference r = new IntByReference();
            IntByReference b = new IntByReference();
            do {
                if (t.TessPageIteratorIsAtBeginningOf(pi, TessApi.RIL_TEXTLINE) != 0 && !words.isEmpty()) {
                    lines.add(line(words));
                    words = new ArrayList<>();
                }
                Pointer text = t.TessResultIteratorGetUTF8Text(it, TessApi.RIL_WORD);
                if (text == null) {
                    continue;
                }
                String s;
                try {
                    s = Normalizer.normalize(text.getString(0, "UTF-8").strip(), Normalizer.Form.NFC);
                } finally {
                    t.TessDeleteText(text);
                }
                if (s.isEmpty() || t.TessPageIteratorBoundingBox(pi, TessApi.RIL_WORD, l, tp, r, b) == 0) {
                    continue;
                }
                float conf = t.TessResultIteratorConfidence(it, TessApi.RIL_WORD);
                words.add(new OcrWord(s, new Box(l.getValue(), tp.getValue(), Math.max(1, r.getValue() - l.getValue()),
                        Math.max(1, b.getValue() - tp.getValue())), Math.max(0, Math.min(100, conf))));
            } while (t.TessResultIteratorNext(it, TessApi.RIL_WORD) != 0);
            if (!words.isEmpty()) {
                lines.add(line(words));
            }
        } finally {
            t.TessResultIteratorDelete(it);
        }
        return lines;
    }

    private static OcrLine line(List<OcrWord> words) {
        Box box = words.get(0).box();
        for (OcrWord w : words) {
            box = box.union(w.box());
        }
        return new OcrLine(words, box);
    }

    @Override
    public Orientation orientation(PageImage page) throws IOException {
        Pool pool;
        try {
            pool = pool(OSD);
        } catch (IOException e) {
            return new Orientation(0, 0, "none (" + e.getMessage() + ")");
        }
        Grey g = Grey.of(page.image());
        Pointer h = pool.take();
        TessApi t = api();
        try {
            t.TessBaseAPISetPageSegMode(h, 0);
            t.TessBaseAPISetImage(h, g.px, g.width, g.height, 1, g.width);
            t.TessBaseAPISetSourceResolution(h, (int) Math.max(1, Math.round(page.dpi())));
            IntByReference deg = new IntByReference();
            FloatByReference conf = new FloatByReference();
            PointerByReference script = new PointerByReference();
            FloatByReference scriptConf = new FloatByReference();
            if (t.TessBaseAPIDetectOrientationScript(h, deg, conf, script, scriptConf) == 0) {
                return new Orientation(0, 0, "tesseract-osd");
            }
            // Tesseract reports how far the image is turned clockwise; turning it upright is the rest of the circle
            int rotation = ((360 - deg.getValue()) % 360 + 360) % 360;
            return new Orientation(rotation, conf.getValue(), "tesseract-osd");
        } finally {
            t.TessBaseAPIClear(h);
            pool.give(h);
        }
    }

    private Pool pool(String languages) throws IOException {
        if (closed) {
            throw new IOException("the Tesseract engine is stopped");
        }
        synchronized (pools) {
            Pool p = pools.get(languages);
            if (p == null) {
                for (String lang : languages.split("\\+")) {
                    if (!Files.isRegularFile(datapath.resolve(lang + ".traineddata"))) {
                        throw new IOException("no Tesseract language data " + lang + ".traineddata in " + datapath);
                    }
                }
                p = new Pool(languages);
                pools.put(languages, p);
            }
            return p;
        }
    }

    /** Handles of one language set: made on demand up to {@code engines}, then shared in turn. */
    private final class Pool {
        final String languages;
        final BlockingQueue<Pointer> idle;
        final List<Pointer> all = new ArrayList<>();

        Pool(String languages) {
            this.languages = languages;
            this.idle = new ArrayBlockingQueue<>(engines);
        }

        Pointer take() throws IOException {
            Pointer h = idle.poll();
            if (h != null) {
                return h;
            }
            synchronized (this) {
                if (all.size() < engines) {
                    TessApi t = api();
                    Pointer created = t.TessBaseAPICreate();
                    if (t.TessBaseAPIInit2(created, datapath.toString(), languages, TessApi.OEM_DEFAULT) != 0) {
                        t.TessBaseAPIDelete(created);
                        throw new IOException("Tesseract could not load " + languages + " from " + datapath);
                    }
                    // no debug files, no noise on stderr
                    t.TessBaseAPISetVariable(created, "debug_file", "/dev/null");
                    // no second reading of each poorly read line as white on black: records are dark ink on paper,
                    // and the second reading cost 5-15% of the page's time for nothing (bench digitise, README)
                    t.TessBaseAPISetVariable(created, "tessedit_do_invert", "0");
                    all.add(created);
                    return created;
                }
            }
            try {
                return idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a Tesseract engine", e);
            }
        }

        void give(Pointer h) {
            idle.offer(h);
        }

        /** Ends every handle once it is back from the page it may be reading (a minute at most). */
        synchronized void end() {
            TessApi t = api();
            for (int i = 0; i < all.size(); i++) {
                Pointer h;
                try {
                    h = idle.poll(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    h = null;
                }
                if (h == null) {
                    LOG.warning("a Tesseract engine of " + languages + " is still busy; left to the process exit");
                    continue;
                }
                t.TessBaseAPIEnd(h);
                t.TessBaseAPIDelete(h);
            }
            all.clear();
            idle.clear();
        }
    }

    /** Number of engine handles made so far, over all language sets (for tests: never one per page). */
    int handles() {
        synchronized (pools) {
            return pools.values().stream().mapToInt(p -> p.all.size()).sum();
        }
    }

    @Deactivate
    @Override
    public void close() {
        closed = true;
        synchronized (pools) {
            pools.values().forEach(Pool::end);
            pools.clear();
        }
        LOG.fine("Tesseract engines ended");
    }
}
