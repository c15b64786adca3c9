package org.hoso.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hoso.core.api.InventoryService;
import org.hoso.core.api.InventoryService.ImportOptions;
import org.hoso.core.api.InventoryService.ImportReport;
import org.hoso.core.api.InventoryService.Problem;
import org.hoso.core.api.InventoryService.SheetReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso import xlsx FILE}: an existing inventory (mục lục hồ sơ) or digitisation sheet into the catalogue,
 * all or nothing. Exit 0 when it was imported (or, on a dry run, would be), 1 when a problem stopped it.
 */
@Command(name = "import", subcommands = { ImportCommand.Xlsx.class })
final class ImportCommand implements Callable<Integer> {

    /** Problems listed in text output; the JSON has them all. */
    static final int SHOWN = 50;

    @ParentCommand
    HosoCommand hoso;

    @Override
    public Integer call() {
        hoso.spec.commandLine().getSubcommands().get("import").usage(hoso.out());
        return 2;
    }

    /** The inventory service, or null after saying why there is none. */
    static InventoryService service(HosoCommand hoso) throws InterruptedException {
        InventoryService s = hoso.services().get(InventoryService.class);
        if (s == null) {
            hoso.err().println(hoso.reports.text("inventory.noService"));
        }
        return s;
    }

    @Command(name = "xlsx")
    static final class Xlsx implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Parameters(paramLabel = "FILE", descriptionKey = "param.xlsxFile")
        Path file;

        @Option(names = "--fonds", paramLabel = "CODE", descriptionKey = "option.importFonds")
        String fonds;

        @Option(names = "--fonds-name", paramLabel = "NAME", descriptionKey = "option.importFondsName")
        String fondsName;

        @Option(names = "--skip-invalid", descriptionKey = "option.skipInvalid")
        boolean skipInvalid;

        @Option(names = "--dry-run", descriptionKey = "option.dryRun")
        boolean dryRun;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            HosoCommand hoso = parent.hoso;
            Reports r = hoso.reports;
            InventoryService inventory = service(hoso);
            if (inventory == null) {
                return 1;
            }
            Path path = Paths.get("").toAbsolutePath().resolve(file);
            ImportReport report;
            try {
                report = inventory.importXlsx(path, new ImportOptions(Optional.ofNullable(fonds),
                        Optional.ofNullable(fondsName), skipInvalid, dryRun), FondsCommand.actor());
            } catch (NoSuchFileException e) {
                hoso.err().println(r.text("inventory.noFile", path));
                return 1;
            } catch (IOException e) {
                hoso.err().println(r.text("inventory.ioError", path, e.getMessage()));
                return 1;
            }
            boolean ok = report.imported() || dryRun && report.problems().isEmpty() && report.files() > 0;
            if (json) {
                hoso.out().println(Json.write(json(report)));
            } else {
                text(hoso, report);
            }
            return ok ? 0 : 1;
        }

        private void text(HosoCommand hoso, ImportReport report) {
            Reports r = hoso.reports;
            PrintWriter out = hoso.out();
            PrintWriter err = hoso.err();
            out.println(r.text("import.file", report.file(), report.fondsCode().isEmpty() ? "?" : report.fondsCode()));
            for (SheetReport s : report.sheets()) {
                if (s.layout().isEmpty()) {
                    out.println("  " + r.text("import.sheetSkipped", s.sheet()));
                    continue;
                }
                out.println("  " + r.text("import.sheet", s.sheet(), r.text("layout." + s.layout().get()),
                        s.headerRow(), s.files(), s.items()));
                List<String> cols = new ArrayList<>();
                s.columns().forEach((c, f) -> cols.add(c + "→" + f));
                out.println("    " + r.text("import.columns", String.join(", ", cols)));
                if (!s.unmatched().isEmpty()) {
                    List<String> un = new ArrayList<>();
                    s.unmatched().forEach((c, h) -> un.add(c + " \"" + h + "\""));
                    out.println("    " + r.text("import.unmatched", String.join(", ", un)));
                }
            }
            if (!report.warnings().isEmpty()) {
                out.println(r.text("import.warnings", report.warnings().size()));
                report.warnings().stream().limit(SHOWN).forEach(w -> out.println("  " + where(r, report, w)));
            }
            if (!report.problems().isEmpty()) {
                err.println(r.text("import.problems", report.problems().size()));
                report.problems().stream().limit(SHOWN).forEach(p -> err.println("  " + where(r, report, p)));
                if (report.problems().size() > SHOWN) {
                    err.println("  " + r.text("import.more", report.problems().size() - SHOWN));
                }
            }
            if (report.imported()) {
                out.println(r.text("import.done", report.files(), report.items(), report.schemeNodesCreated(),
                        report.fondsCode(), report.auditSeq(), report.sourceObject().map(Object::toString)
                                .orElse("")));
                if (!report.skippedFiles().isEmpty()) {
                    out.println(r.text("import.skipped", report.skippedFiles().size(),
                            String.join(", ", report.skippedFiles())));
                }
            } else if (dryRun && report.problems().isEmpty()) {
                out.println(r.text("import.dryRun", report.files(), report.items()));
            } else {
                err.println(r.text(report.problems().isEmpty() ? "import.nothing" : skipInvalid
                        ? "import.nothingValid" : "import.notImported"));
            }
        }
    }

    /** "muc-luc.xlsx, sheet 'Mục lục', row 12, column D (Thời gian bắt đầu): message", in the user's language. */
    static String where(Reports r, ImportReport report, Problem p) {
        StringBuilder sb = new StringBuilder(report.file());
        if (!p.sheet().isEmpty()) {
            sb.append(", ").append(r.text("where.sheet", p.sheet()));
        }
        if (p.row() > 0) {
            sb.append(", ").append(r.text("where.row", p.row()));
        }
        if (!p.column().isEmpty()) {
            sb.append(", ").append(r.text("where.column", p.column()));
            if (!p.heading().isEmpty()) {
                sb.append(" (").append(p.heading().replaceAll("\\s+", " ")).append(')');
            }
        }
        return sb.append(": ").append(p.message()).toString();
    }

    static Map<String, Object> json(ImportReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", report.file());
        m.put("fonds", report.fondsCode());
        m.put("imported", report.imported());
        m.put("files", report.files());
        m.put("items", report.items());
        m.put("schemeNodesCreated", report.schemeNodesCreated());
        m.put("sourceObject", report.sourceObject().map(Object::toString));
        m.put("auditSeq", report.auditSeq());
        List<Object> sheets = new ArrayList<>();
        for (SheetReport s : report.sheets()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("sheet", s.sheet());
            sm.put("layout", s.layout().map(Enum::name));
            sm.put("headerRow", s.headerRow());
            sm.put("columns", s.columns());
            sm.put("unmatched", s.unmatched());
            sm.put("files", s.files());
            sm.put("items", s.items());
            sheets.add(sm);
        }
        m.put("sheets", sheets);
        m.put("problems", problems(report.problems()));
        m.put("warnings", problems(report.warnings()));
        m.put("skippedFiles", report.skippedFiles());
        return m;
    }

    private static List<Object> problems(List<Problem> list) {
        List<Object> out = new ArrayList<>();
        for (Problem p : list) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("sheet", p.sheet());
            pm.put("row", p.row());
            pm.put("column", p.column());
            pm.put("heading", p.heading());
            pm.put("message", p.message());
            out.add(pm);
        }
        return out;
    }
}
