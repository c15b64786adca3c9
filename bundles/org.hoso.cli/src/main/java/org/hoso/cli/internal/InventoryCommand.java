package org.hoso.cli.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hoso.core.api.InventoryService;
import org.hoso.core.api.InventoryService.ExportResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso inventory export|documents}: the catalogue as the inventory forms of Nghị định 30/2020 (Phụ lục V):
 * the file inventory of a fonds, the document list of a file, as .xlsx.
 */
@Command(name = "inventory", subcommands = { InventoryCommand.Export.class, InventoryCommand.Documents.class })
final class InventoryCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Override
    public Integer call() {
        hoso.spec.commandLine().getSubcommands().get("inventory").usage(hoso.out());
        return 2;
    }

    @FunctionalInterface
    interface Writer {
        ExportResult write(InventoryService inventory, Path out) throws IOException;
    }

    int export(Path out, boolean json, String textKey, Writer writer) throws InterruptedException {
        Reports r = hoso.reports;
        InventoryService inventory = ImportCommand.service(hoso);
        if (inventory == null) {
            return 1;
        }
        Path path = Paths.get("").toAbsolutePath().resolve(out);
        ExportResult result;
        try {
            result = writer.write(inventory, path);
        } catch (IllegalArgumentException e) {
            hoso.err().println(r.text("error.invalid", e.getMessage()));
            return 1;
        } catch (NoSuchFileException e) {
            hoso.err().println(r.text("inventory.noFolder", path.getParent()));
            return 1;
        } catch (IOException e) {
            hoso.err().println(r.text("inventory.ioError", path, e.getMessage()));
            return 1;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", result.file().toString());
            m.put("files", result.files());
            m.put("items", result.items());
            hoso.out().println(Json.write(m));
        } else {
            hoso.out().println(r.text(textKey, result.file(), result.files(), result.items()));
        }
        return 0;
    }

    @Command(name = "export")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        InventoryCommand parent;

        @Option(names = "--fonds", required = true, paramLabel = "CODE", descriptionKey = "param.fondsCode")
        String fonds;

        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", descriptionKey = "option.out")
        Path out;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return parent.export(out, json, "inventory.exported", (s, p) -> s.exportFileInventory(fonds, p));
        }
    }

    @Command(name = "documents")
    static final class Documents implements Callable<Integer> {
        @ParentCommand
        InventoryCommand parent;

        @Option(names = "--file", required = true, paramLabel = "FILECODE", descriptionKey = "param.fileCode")
        String fileCode;

        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", descriptionKey = "option.out")
        Path out;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return parent.export(out, json, "inventory.documentsExported",
                    (s, p) -> s.exportDocumentList(fileCode, p));
        }
    }
}
