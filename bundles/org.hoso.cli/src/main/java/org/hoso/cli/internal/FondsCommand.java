package org.hoso.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.SchemeNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hoso fonds list|show|create}: the fonds of the workspace's catalogue. */
@Command(name = "fonds", subcommands = { FondsCommand.ListFonds.class, FondsCommand.Show.class,
        FondsCommand.Boxes.class, FondsCommand.Create.class })
final class FondsCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Override
    public Integer call() {
        hoso.spec.commandLine().getSubcommands().get("fonds").usage(hoso.out());
        return 2;
    }

    /** The actor recorded in the audit log for changes made from the command line. */
    static String actor() {
        return System.getProperty("user.name", "cli");
    }

    int withCatalogue(java.util.function.ToIntFunction<CatalogueService> body) throws InterruptedException {
        CatalogueService catalogue = hoso.services().get(CatalogueService.class);
        if (catalogue == null) {
            hoso.err().println(hoso.reports.text("verify.noStore"));
            return 1;
        }
        try {
            return body.applyAsInt(catalogue);
        } catch (IllegalArgumentException e) {
            hoso.err().println(hoso.reports.text("error.invalid", e.getMessage()));
            return 2;
        }
    }

    @Command(name = "list")
    static final class ListFonds implements Callable<Integer> {
        @ParentCommand
        FondsCommand fonds;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return fonds.withCatalogue(catalogue -> {
                List<Object> rows = new ArrayList<>();
                for (Fonds f : catalogue.fonds()) {
                    CatalogueService.Counts n = catalogue.counts(f.code());
                    if (json) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("code", f.code());
                        m.put("name", f.name());
                        m.put("files", n.files());
                        m.put("items", n.items());
                        m.put("boxes", n.boxes());
                        rows.add(m);
                    } else {
                        fonds.hoso.out().println(fonds.hoso.reports.text("fonds.line", f.code(), f.name(), n.files(),
                                n.items(), n.boxes()));
                    }
                }
                if (json) {
                    fonds.hoso.out().println(Json.write(rows));
                } else if (rows.isEmpty() && catalogue.fonds().isEmpty()) {
                    fonds.hoso.out().println(fonds.hoso.reports.text("fonds.none"));
                }
                return 0;
            });
        }
    }

    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        FondsCommand fonds;

        @Parameters(paramLabel = "CODE", descriptionKey = "param.fondsCode")
        String code;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return fonds.withCatalogue(catalogue -> {
                Optional<Fonds> found = catalogue.fonds(code);
                if (found.isEmpty()) {
                    fonds.hoso.err().println(fonds.hoso.reports.text("fonds.unknown", code));
                    return 1;
                }
                Fonds f = found.get();
                CatalogueService.Counts n = catalogue.counts(f.code());
                List<SchemeNode> scheme = catalogue.scheme(f.code());
                Map<Long, Long> perNode = catalogue.fileCounts(f.code());
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", f.code());
                    m.put("name", f.name());
                    m.put("schemeNodes", n.schemeNodes());
                    m.put("files", n.files());
                    m.put("items", n.items());
                    m.put("boxes", n.boxes());
                    m.put("shelfMetres", catalogue.shelfMetres(f.code()));
                    List<Object> nodes = new ArrayList<>();
                    for (SchemeNode s : scheme) {
                        Map<String, Object> sm = new LinkedHashMap<>();
                        sm.put("id", s.id());
                        sm.put("parent", s.parentId());
                        sm.put("code", s.code());
                        sm.put("title", s.title());
                        sm.put("files", perNode.getOrDefault(s.id(), 0L));
                        nodes.add(sm);
                    }
                    m.put("scheme", nodes);
                    fonds.hoso.out().println(Json.write(m));
                } else {
                    fonds.hoso.out().println(fonds.hoso.reports.text("fonds.header", f.code(), f.name()));
                    fonds.hoso.out().println("  " + fonds.hoso.reports.text("fonds.counts", n.schemeNodes(), n.files(),
                            n.items(), n.boxes()));
                    fonds.hoso.out().println("  " + fonds.hoso.reports.text("fonds.shelfMetres",
                            catalogue.shelfMetres(f.code())));
                    for (SchemeNode s : scheme) {
                        int depth = depth(scheme, s);
                        fonds.hoso.out().println("  " + "  ".repeat(depth) + s.code() + ". " + s.title() + "  ("
                                + fonds.hoso.reports.text("fonds.nodeFiles", perNode.getOrDefault(s.id(), 0L)) + ")");
                    }
                }
                return 0;
            });
        }

        private static int depth(List<SchemeNode> scheme, SchemeNode node) {
            int d = 0;
            Optional<Long> parent = node.parentId();
            while (parent.isPresent()) {
                long id = parent.get();
                parent = scheme.stream().filter(s -> s.id() == id).findFirst().flatMap(SchemeNode::parentId);
                d++;
            }
            return d;
        }
    }

    @Command(name = "boxes")
    static final class Boxes implements Callable<Integer> {
        @ParentCommand
        FondsCommand fonds;

        @Parameters(paramLabel = "CODE", descriptionKey = "param.fondsCode")
        String code;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return fonds.withCatalogue(catalogue -> {
                if (catalogue.fonds(code).isEmpty()) {
                    fonds.hoso.err().println(fonds.hoso.reports.text("fonds.unknown", code));
                    return 1;
                }
                Map<Long, String> places = new java.util.HashMap<>();
                catalogue.locations().forEach(l -> places.put(l.id(), l.code()));
                Map<String, Integer> filesPerBox = new java.util.HashMap<>();
                for (SchemeNode node : catalogue.scheme(code)) {
                    catalogue.files(node.id()).forEach(f -> f.box().ifPresent(b -> filesPerBox.merge(b, 1, Integer::sum)));
                }
                List<Object> rows = new ArrayList<>();
                for (org.hoso.core.api.model.Box b : catalogue.boxes(code)) {
                    String place = b.locationId().map(places::get).orElse("");
                    int files = filesPerBox.getOrDefault(b.number(), 0);
                    if (json) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("number", b.number());
                        m.put("files", files);
                        m.put("widthMm", b.widthMm());
                        m.put("location", place);
                        rows.add(m);
                    } else {
                        fonds.hoso.out().println(fonds.hoso.reports.text("boxes.line", b.number(), files, b.widthMm(),
                                place.isEmpty() ? fonds.hoso.reports.text("boxes.noLocation") : place));
                    }
                }
                double metres = catalogue.shelfMetres(code);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("fonds", code);
                    m.put("shelfMetres", metres);
                    m.put("boxes", rows);
                    fonds.hoso.out().println(Json.write(m));
                } else {
                    fonds.hoso.out().println(fonds.hoso.reports.text("fonds.shelfMetres", metres));
                }
                return 0;
            });
        }
    }

    @Command(name = "create")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        FondsCommand fonds;

        @Option(names = "--code", required = true, paramLabel = "CODE", descriptionKey = "param.fondsCode")
        String code;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "param.fondsName")
        String name;

        @Override
        public Integer call() throws InterruptedException {
            return fonds.withCatalogue(catalogue -> {
                Fonds f = catalogue.createFonds(code, name, actor());
                fonds.hoso.out().println(fonds.hoso.reports.text("fonds.created", f.code(), f.name()));
                return 0;
            });
        }
    }
}
