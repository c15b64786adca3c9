package org.hoso.digitise.internal;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hoso.digitise.api.CleanupPlan;
import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.DigitisedPage;
import org.hoso.digitise.api.DigitisedPage.Attempt;
import org.hoso.digitise.api.Digitiser;
import org.hoso.digitise.api.DocumentInfo;
import org.hoso.digitise.api.ImageFilter;
import org.hoso.digitise.api.OcrEngine;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PdfAWriter;
import org.hoso.digitise.api.QualityChecker;
import org.hoso.digitise.api.QualityReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * One page: quality checks; the scan turned upright and deskewed (tones untouched) as the image to keep; a
 * clean-up chosen from the page's measurements; OCR; while the mean word confidence stays under the threshold,
 * OCR again with the next clean-up (at most three attempts), keeping the attempt with the most confidently read
 * characters.
 */
@Component(service = Digitiser.class)
public final class DigitiserImpl implements Digitiser {

    /** At most this many OCR attempts per page. */
    static final int MAX_ATTEMPTS = 3;

    private final OcrEngine engine;
    private final QualityChecks quality;
    private final PdfAWriter writer;

    @Activate
    public DigitiserImpl(@Reference(target = "(" + OcrEngine.ID_PROPERTY + "=" + TesseractEngine.ID + ")")
            OcrEngine engine, @Reference QualityChecker quality, @Reference PdfAWriter writer) {
        this.engine = engine;
        this.quality = quality instanceof QualityChecks q ? q : new QualityChecks(engine);
        this.writer = writer;
    }

    /**
     * Clean-up steps that plugins contribute ({@link ImageFilter} services, e.g. a province's filter that removes a
     * red seal): each is applied, in the order of their ids, to the cleaned-up page just before OCR, and named in the
     * attempt's plan. They work on the OCR derivative only: the image kept in the PDF is never filtered.
     */
    private final List<ImageFilter> filters = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFilter(ImageFilter filter) {
        filters.add(filter);
        filters.sort(java.util.Comparator.comparing(ImageFilter::id));
    }

    void removeFilter(ImageFilter filter) {
        filters.remove(filter);
    }

    /** A plugin's filter, held to its contract: same page size, no exception escaping as the page's failure. */
    private static PageImage filtered(ImageFilter f, PageImage in, String page) throws IOException {
        PageImage out;
        try {
            out = f.apply(in);
        } catch (RuntimeException e) {
            throw new IOException("image filter " + f.id() + " failed on " + page + ": " + e, e);
        }
        if (out == null || out.image().getWidth() != in.image().getWidth()
                || out.image().getHeight() != in.image().getHeight()) {
            throw new IOException("image filter " + f.id() + " changed the size of " + page
                    + ": filters before OCR must keep the page's geometry");
        }
        return out;
    }

    /**
     * Mean word confidence of the first reading under which Tesseract's orientation detection is asked whether the
     * page is upside down (an upside-down page reads far below this; an upright one that reads well is not asked).
     */
    static final double ORIENT_BELOW = 80;

    @Override
    public DigitisedPage digitise(PageImage page, DigitiseOptions options) throws IOException {
        QualityChecks.Assessment a = quality.assess(page, options.policy(), false);
        QualityReport report = a.report();
        if (report.blank() || (!report.passed() && !options.ocrFailingPages())) {
            a = quality.orient(a);
            PageImage display = new Turned(page, a).display();
            OcrPage empty = new OcrPage(display.image().getWidth(), display.image().getHeight(), display.dpi(),
                    options.ocr().languages(), List.of());
            return new DigitisedPage(a.report(), display, empty, List.of());
        }
        DigitisedPage d = read(page, a, options, true);
        if (d == null) {
            // the first reading was poor and the orientation check found the page upside down: read it turned
            d = read(page, quality.orient(a), options, false);
        }
        return d;
    }

    /**
     * OCR with the clean-up plans in turn. With {@code mayOrient}, a first reading under {@link #ORIENT_BELOW} on a
     * page whose orientation was not checked asks for the check; null when it finds the page turned.
     */
    private DigitisedPage read(PageImage page, QualityChecks.Assessment a, DigitiseOptions options, boolean mayOrient)
            throws IOException {
        QualityReport report = a.report();
        PageTraits traits = a.traits();
        Turned turned = new Turned(page, a);
        PageImage display = turned.display();
        double ocrDpi = a.workDpi();
        List<CleanupPlan> plans = Cleanup.plans(traits);
        int mandatory = Cleanup.mandatory(traits);
        List<Attempt> attempts = new ArrayList<>();
        OcrPage best = null;
        double bestScore = -1;
        int bestIndex = -1;
        for (CleanupPlan planned : plans) {
            CleanupPlan plan = planned;
            if (attempts.size() >= MAX_ATTEMPTS) {
                break;
            }
            long start = System.nanoTime();
            Cleanup.Result cleaned = Cleanup.apply(a.grey(), turned::grey, report.rotation(), -turned.skew, plan,
                    traits);
            PageImage forOcr = Pages.grey(cleaned.image(), ocrDpi * cleaned.scale());
            List<String> steps = new ArrayList<>(plan.steps());
            for (ImageFilter f : filters) {
                forOcr = filtered(f, forOcr, page.label());
                steps.add(f.id());
            }
            OcrPage ocr = engine.recognise(forOcr, options.ocr());
            plan = steps.size() == plan.steps().size() ? plan : new CleanupPlan(steps, plan.reason());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (mayOrient && attempts.isEmpty() && !a.upsideDownChecked() && ocr.meanConfidence() < ORIENT_BELOW) {
                QualityChecks.Assessment oriented = quality.orient(a);
                if (oriented.report().rotation() != report.rotation()) {
                    return null;
                }
                report = oriented.report();
            }
            double score = score(ocr);
            attempts.add(new Attempt(plan, ocr.meanConfidence(), ocr.words().size(), false, millis));
            if (score > bestScore) {
                bestScore = score;
                best = ocr.scaled(1.0 / cleaned.scale(), display.image().getWidth(), display.image().getHeight());
                bestIndex = attempts.size() - 1;
            }
            if (attempts.size() >= mandatory && ocr.meanConfidence() >= options.retryBelow()) {
                break;
            }
        }
        Attempt chosen = attempts.get(bestIndex);
        attempts.set(bestIndex, new Attempt(chosen.plan(), chosen.meanConfidence(), chosen.words(), true,
                chosen.millis()));
        OcrPage text = new OcrPage(best.width(), best.height(), display.dpi(), best.languages(), best.lines());
        return new DigitisedPage(report, display, text, attempts);
    }

    /**
     * The page turned upright and straightened: in grey (what clean-up starts from when no median comes first)
     * and in its own tones (the image kept), the grey turned once for both.
     */
    private static final class Turned {
        final PageImage page;
        final QualityChecks.Assessment a;
        final int rotation;
        final double skew;
        private Grey grey;

        Turned(PageImage page, QualityChecks.Assessment a) {
            this.page = page;
            this.a = a;
            this.rotation = a.report().rotation();
            this.skew = Math.abs(a.report().skewDegrees()) >= 0.1 ? a.report().skewDegrees() : 0;
        }

        Grey grey() {
            if (grey == null) {
                grey = a.grey().rotate(rotation).rotateSmall(-skew);
            }
            return grey;
        }

        PageImage display() {
            if (rotation == 0 && skew == 0) {
                return page;
            }
            ColourKind kind = page.info().colour();
            if (kind == ColourKind.COLOUR) {
                return upright(page, rotation, skew);
            }
            BufferedImage out = kind == ColourKind.BILEVEL ? grey().threshold(127).toBilevel() : grey().toImage();
            return page.withImage(out, page.dpi());
        }
    }

    /** Characters read, weighted by confidence: what a reader would get right. */
    static double score(OcrPage ocr) {
        double s = 0;
        for (var w : ocr.words()) {
            s += w.confidence() / 100.0 * w.text().codePointCount(0, w.text().length());
        }
        return s;
    }

    @Override
    public void writePdf(List<DigitisedPage> pages, DocumentInfo info, OutputStream out) throws IOException {
        writer.write(pages.stream().map(DigitisedPage::pdfPage).toList(), info, out);
    }

    /** The scan turned upright and straightened, in its own tones (bilevel stays bilevel). */
    static PageImage upright(PageImage page, int rotation, double skew) {
        if (rotation == 0 && skew == 0) {
            return page;
        }
        BufferedImage src = page.image();
        ColourKind kind = page.info().colour();
        BufferedImage out;
        if (kind != ColourKind.COLOUR) {
            Grey g = Grey.of(src).rotate(rotation).rotateSmall(-skew);
            out = kind == ColourKind.BILEVEL ? g.threshold(127).toBilevel() : g.toImage();
        } else {
            BufferedImage turned = rotate90s(src, rotation);
            out = skew == 0 ? turned : Grey.rotateImage(turned, -skew);
        }
        return page.withImage(out, page.dpi());
    }

    static BufferedImage rotate90s(BufferedImage src, int clockwise) {
        if (clockwise == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean turned = clockwise == 90 || clockwise == 270;
        BufferedImage dst = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        AffineTransform t = new AffineTransform();
        switch (clockwise) {
            case 90 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 180 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            default -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
            }
        }
        Graphics2D g = dst.createGraphics();
        g.drawImage(src, t, null);
        g.dispose();
        return dst;
    }
}
