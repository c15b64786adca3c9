package org.hoso.digitise.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hoso.digitise.api.OcrEngine;
import org.hoso.digitise.api.Orientation;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.QualityChecker;
import org.hoso.digitise.api.QualityIssue;
import org.hoso.digitise.api.QualityIssue.Code;
import org.hoso.digitise.api.QualityIssue.Severity;
import org.hoso.digitise.api.QualityPolicy;
import org.hoso.digitise.api.QualityReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The quality checks. Skew, ink, noise and letter size come from {@link Analysis}; which way up a page is, from
 * the projection profile (text lines across or down the page) and Tesseract's orientation detection (upright or
 * upside down), trusted only above {@link #OSD_MIN_CONFIDENCE}.
 */
@Component(service = QualityChecker.class)
public final class QualityChecks implements QualityChecker {

    /** Tesseract's orientation confidence below which its answer is not used (it guesses on small text). */
    static final double OSD_MIN_CONFIDENCE = 2.0;
    /** Median height of the marks of body text, in inches (13 pt Times: letters about 2.3 mm). */
    static final double MARK_HEIGHT_INCH = 0.09;

    private final OcrEngine engine;

    @Activate
    public QualityChecks(@Reference(target = "(" + OcrEngine.ID_PROPERTY + "=" + TesseractEngine.ID + ")")
            OcrEngine engine) {
        this.engine = engine;
    }

    /**
     * The report and the measurements it came from; {@code upsideDownChecked} is false when Tesseract's orientation
     * detection was left for later ({@link #orient}).
     */
    record Assessment(QualityReport report, PageTraits traits, Grey grey, double workDpi, boolean upsideDownChecked) {
    }

    @Override
    public QualityReport check(PageImage page, QualityPolicy policy) throws IOException {
        return assess(page, policy, true).report();
    }

    /**
     * The checks. With {@code upsideDown} false, a page whose text lines run across is taken to be upright without
     * asking Tesseract's orientation detection (about a third of a second per page): the {@link DigitiserImpl}
     * asks it only when the page then reads badly, as an upside-down page does.
     */
    Assessment assess(PageImage page, QualityPolicy policy, boolean upsideDown) throws IOException {
        Grey grey = Grey.of(page.image());
        PageTraits t = Analysis.measure(grey, page.dpi());
        boolean known = page.info().dpiKnown();
        double estimated = t.textHeight() > 0 ? t.textHeight() / MARK_HEIGHT_INCH : 0;
        double dpi = known ? page.dpi() * page.subsampling() : estimated;
        // the resolution OCR should be told for this image (after subsampling, if any)
        double workDpi = known ? page.dpi() : estimated > 0 ? estimated : page.dpi();
        List<QualityIssue> issues = new ArrayList<>();
        if (!known) {
            issues.add(issue(Code.UNKNOWN_RESOLUTION, Severity.WARN, num(estimated)));
        }
        if ((known || estimated > 0) && dpi < policy.minDpi()) {
            issues.add(issue(Code.LOW_RESOLUTION, Severity.FAIL, num(dpi), num(policy.minDpi())));
        }
        if (page.info().bitsPerPixel() < policy.minBitsPerPixel()) {
            issues.add(issue(Code.LOW_COLOUR_DEPTH, Severity.FAIL, num(page.info().bitsPerPixel()),
                    num(policy.minBitsPerPixel())));
        }
        boolean blank = t.inkShare() < policy.blankInkShare();
        if (blank) {
            issues.add(issue(Code.BLANK_PAGE, Severity.WARN, String.format(Locale.ROOT, "%.1f", t.inkShare() * 1000)));
        }
        double skew = blank ? 0 : t.skewDegrees();
        if (Math.abs(skew) > policy.maxSkewDegrees()) {
            issues.add(issue(Code.SKEWED, Severity.WARN, String.format(Locale.ROOT, "%.2f", skew),
                    String.format(Locale.ROOT, "%.1f", policy.maxSkewDegrees())));
        }
        boolean ask = upsideDown || t.sideways();
        int rotation = blank ? 0 : ask ? rotation(grey, t, workDpi) : 0;
        if (rotation != 0) {
            issues.add(issue(Code.ROTATED, Severity.WARN, num(rotation)));
        }
        if (!blank && !t.edges().isEmpty()) {
            issues.add(issue(Code.CROPPED, Severity.WARN, String.join(", ", t.edges())));
        }
        QualityReport report = new QualityReport(page.info(), known ? page.dpi() : Math.round(estimated), known,
                page.info().bitsPerPixel(), t.inkShare(), skew, rotation, issues);
        return new Assessment(report, t, grey, workDpi, blank || ask);
    }

    /** The assessment with the upside-down check done (itself when it was done already). */
    Assessment orient(Assessment a) throws IOException {
        if (a.upsideDownChecked()) {
            return a;
        }
        int rotation = rotation(a.grey(), a.traits(), a.workDpi());
        QualityReport r = a.report();
        List<QualityIssue> issues = new ArrayList<>(r.issues());
        if (rotation != 0) {
            // in the order assess() gives: before the cropping finding
            int at = issues.size();
            while (at > 0 && issues.get(at - 1).code() == Code.CROPPED) {
                at--;
            }
            issues.add(at, issue(Code.ROTATED, Severity.WARN, num(rotation)));
        }
        QualityReport report = new QualityReport(r.page(), r.dpi(), r.dpiKnown(), r.bitsPerPixel(), r.inkShare(),
                r.skewDegrees(), rotation, issues);
        return new Assessment(report, a.traits(), a.grey(), a.workDpi(), true);
    }

    /** Clockwise degrees that turn the page upright. */
    int rotation(Grey grey, PageTraits t, double workDpi) throws IOException {
        int f = t.upscale();
        Grey g = t.noisy() ? grey.median3() : grey;
        if (t.sideways()) {
            Grey turned = g.rotate(90).upscale(f);
            Orientation o = engine.orientation(Pages.grey(turned, workDpi * f));
            // turned 90° clockwise it is upright, or upside down (then it needed 270°)
            return o.confidence() >= OSD_MIN_CONFIDENCE && o.rotation() == 180 ? 270 : 90;
        }
        Orientation o = engine.orientation(Pages.grey(g.rotateSmall(-t.skewDegrees()).upscale(f), workDpi * f));
        return o.confidence() >= OSD_MIN_CONFIDENCE && o.rotation() == 180 ? 180 : 0;
    }

    private static QualityIssue issue(Code code, Severity severity, String... values) {
        return new QualityIssue(code, severity, List.of(values));
    }

    private static String num(double v) {
        return String.valueOf(Math.round(v));
    }
}
