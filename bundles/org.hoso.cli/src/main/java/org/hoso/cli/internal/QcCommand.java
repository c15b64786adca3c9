package org.hoso.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.QualityChecker;
import org.hoso.digitise.api.QualityIssue;
import org.hoso.digitise.api.QualityPolicy;
import org.hoso.digitise.api.QualityReport;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.ScanSource;
import org.hoso.digitise.api.UnreadablePageException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso qc FILE...}: the quality checks of every page (resolution, colour depth, blank, skew, rotation,
 * cropping). Exit 0 only when every page passes; 1 when a page fails or cannot be read.
 */
@Command(name = "qc")
final class QcCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "qc.files")
    List<Path> files;

    @Option(names = "--min-dpi", paramLabel = "N", defaultValue = "200", descriptionKey = "qc.minDpi")
    int minDpi;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Reports r = hoso.reports;
        try (Services services = new Services(hoso.context)) {
            ScanSource source = services.get(ScanSource.class);
            QualityChecker checker = services.get(QualityChecker.class);
            if (source == null || checker == null) {
                hoso.err().println(r.text("digitise.unavailable"));
                return 1;
            }
            QualityPolicy policy = new QualityPolicy(minDpi, QualityPolicy.DEFAULT.minBitsPerPixel(),
                    QualityPolicy.DEFAULT.maxSkewDegrees(), QualityPolicy.DEFAULT.blankInkShare());
            List<Object> pages = new ArrayList<>();
            int failed = 0;
            for (Path f : files) {
                List<PageInfo> infos;
                try {
                    infos = source.probe(f);
                } catch (UnreadablePageException e) {
                    failed++;
                    pages.add(unreadable(f, e));
                    continue;
                }
                for (PageInfo info : infos) {
                    QualityReport report;
                    try {
                        report = checker.check(source.read(f, info.page(), ReadOptions.DEFAULT), policy);
                    } catch (UnreadablePageException e) {
                        failed++;
                        pages.add(unreadable(f, e));
                        continue;
                    }
                    if (!report.passed()) {
                        failed++;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", f.toString());
                    m.put("page", info.page());
                    m.put("pages", info.pages());
                    m.put("passed", report.passed());
                    m.put("width", info.width());
                    m.put("height", info.height());
                    m.put("dpi", report.dpi());
                    m.put("dpiKnown", report.dpiKnown());
                    m.put("bitsPerPixel", report.bitsPerPixel());
                    m.put("skew", report.skewDegrees());
                    m.put("rotation", report.rotation());
                    m.put("issues", issues(report, hoso.locale));
                    pages.add(m);
                    if (!json) {
                        hoso.out().println(r.text(report.passed() ? "qc.pass" : "qc.fail", f, info.page(),
                                info.pages(), info.width(), info.height(), report.dpi()));
                        for (QualityIssue i : report.issues()) {
                            hoso.out().println("    " + i.code() + " (" + i.severity() + "): "
                                    + i.reason(hoso.locale));
                        }
                    }
                }
            }
            if (json) {
                hoso.out().println(Json.write(pages));
            } else {
                hoso.out().println(r.text("qc.summary", pages.size(), failed));
            }
            return failed == 0 ? 0 : 1;
        }
    }

    private Map<String, Object> unreadable(Path f, UnreadablePageException e) {
        if (!json) {
            hoso.err().println(hoso.reports.text("ocr.unreadable", e.message(hoso.locale)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.toString());
        m.put("page", e.page());
        m.put("passed", false);
        m.put("error", e.problem().name());
        m.put("message", e.message(hoso.locale));
        return m;
    }

    static List<Object> issues(QualityReport report, Locale locale) {
        List<Object> out = new ArrayList<>();
        for (QualityIssue i : report.issues()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", i.code().name());
            m.put("severity", i.severity().name());
            m.put("values", i.values());
            m.put("reason", i.reason(locale));
            out.add(m);
        }
        return out;
    }
}
