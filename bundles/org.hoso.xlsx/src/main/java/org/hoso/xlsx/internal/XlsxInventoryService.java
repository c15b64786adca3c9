package org.hoso.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.CatalogueService.ImportBatch;
import org.hoso.core.api.CatalogueService.ImportResult;
import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.InventoryService;
import org.hoso.core.api.InventoryService.SheetReport;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.StoredObject;
import org.hoso.core.api.model.FileUnit;
import org.hoso.xlsx.internal.InventoryImporter.FileDraft;
import org.hoso.xlsx.internal.InventoryImporter.ItemDraft;
import org.hoso.xlsx.internal.InventoryImporter.Reading;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link InventoryService} over Apache POI, embedded in this bundle: reads with {@link XlsxReader} and
 * {@link InventoryImporter}, checks the files against the catalogue, keeps the workbook in the object store and
 * imports in one {@link CatalogueService#importBatch}; writes with {@link InventoryExporter}.
 */
@Component(service = InventoryService.class)
public final class XlsxInventoryService implements InventoryService {

    private final CatalogueService catalogue;
    private final ObjectStore objects;
    private final Clock clock;
    private final Headings headings = Headings.builtIn();

    @Activate
    public XlsxInventoryService(@Reference CatalogueService catalogue, @Reference ObjectStore objects) {
        this(catalogue, objects, Clock.systemUTC());
    }

    XlsxInventoryService(CatalogueService catalogue, ObjectStore objects, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ImportReport importXlsx(Path file, ImportOptions options, String actor) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(actor, "actor");
        return withBundleLoader(() -> doImport(file, options, actor));
    }

    private ImportReport doImport(Path file, ImportOptions options, String actor) throws IOException {
        String fileName = file.getFileName().toString();
        Instant at = clock.instant();
        String hash = sha256(file);
        InventoryImporter importer = new InventoryImporter(headings, fileName, at);
        Reading reading;
        try (XlsxReader reader = XlsxReader.open(file)) {
            reading = importer.read(reader, options.fondsCode(), options.fondsName());
        } catch (XlsxReader.UnreadableWorkbookException e) {
            return new ImportReport(fileName, options.fondsCode().orElse(""), List.of(),
                    List.of(new Problem("", 0, "", "", e.getMessage())), List.of(), List.of(), false, 0, 0, 0,
                    Optional.empty(), 0);
        }
        String fonds = reading.fondsCode().orElse("");
        boolean fatal = reading.fatal();
        if (!fatal && reading.files().isEmpty() && reading.orphans().isEmpty()) {
            return report(fileName, fonds, reading, importer, List.of(new Problem("", 0, "", "",
                    "no files to import: the table has no rows")), List.of(), false, null);
        }
        if (!fatal) {
            checkAgainstCatalogue(reading, importer);
        }
        List<FileDraft> valid = reading.files().stream().filter(d -> !d.invalid).toList();
        List<String> sheetOrder = reading.sheets().stream().map(SheetReport::sheet).toList();
        List<FileDraft> notImported = new ArrayList<>(reading.orphans());
        reading.files().stream().filter(d -> d.invalid).forEach(notImported::add);
        List<String> skipped = notImported.stream()
                .sorted(java.util.Comparator.comparingInt((FileDraft d) -> sheetOrder.indexOf(d.sheet))
                        .thenComparingInt(d -> d.firstRow))
                .map(FileDraft::name).toList();
        boolean problems = !importer.problems().isEmpty();
        boolean go = !fatal && !valid.isEmpty() && (!problems || options.skipInvalid());
        if (go) {
            checkNumbers(fonds, valid, importer);
        }
        if (!go || options.dryRun()) {
            return report(fileName, fonds, reading, importer, List.of(), go ? skipped : List.of(), false,
                    go ? valid : null);
        }
        StoredObject stored = objects.put(file);
        if (!stored.id().hex().equals(hash)) {
            return report(fileName, fonds, reading, importer, List.of(new Problem("", 0, "", "",
                    "the file changed while it was being read: import it again")), List.of(), false, null);
        }
        String sheets = String.join(", ", reading.sheets().stream().filter(s -> s.layout().isPresent())
                .map(s -> s.sheet()).toList());
        String fondsName = reading.fondsName().orElse(fonds);
        List<NewFile> batch = valid.stream().map(XlsxInventoryService::newFile).toList();
        ImportResult result;
        try {
            result = catalogue.importBatch(new ImportBatch(fonds, fondsName, fileName + ", sheet " + sheets,
                    Optional.of(stored.id()), batch), actor);
        } catch (IllegalArgumentException e) {
            return report(fileName, fonds, reading, importer, List.of(new Problem("", 0, "", "",
                    "the catalogue refused the import: " + e.getMessage())), List.of(), false, null);
        }
        ImportReport r = report(fileName, fonds, reading, importer, List.of(), skipped, true, null);
        return new ImportReport(r.file(), r.fondsCode(), r.sheets(), r.problems(), r.warnings(), r.skippedFiles(),
                true, result.files(), result.items(), result.schemeNodesCreated(), Optional.of(stored.id()),
                result.auditSeq());
    }

    private static NewFile newFile(FileDraft d) {
        return new NewFile(d.path, d.code, Optional.ofNullable(d.box), d.fields,
                d.items.stream().map(ItemDraft::fields).toList(), d.firstRow);
    }

    /** File codes already in the catalogue. */
    private void checkAgainstCatalogue(Reading reading, InventoryImporter importer) {
        boolean catalogueHasFiles = catalogue.fonds().stream().anyMatch(f -> catalogue.counts(f.code()).files() > 0);
        if (catalogueHasFiles) {
            for (FileDraft d : reading.files()) {
                Optional<FileUnit> existing = catalogue.file(d.code);
                existing.ifPresent(f -> importer.problem(d, "file code " + d.code + " is already in the catalogue "
                        + "(fonds " + f.fondsCode() + ", file number " + f.fileNumber() + ")"));
            }
        }
    }

    /** A warning when the files to import get other numbers than the sheet gives them. */
    private void checkNumbers(String fonds, List<FileDraft> files, InventoryImporter importer) {
        long next = catalogue.fonds(fonds).map(f -> catalogue.counts(f.code()).files()).orElse(0L) + 1;
        int differing = 0;
        FileDraft first = null;
        long firstExpected = 0;
        for (FileDraft d : files) {
            if (d.number != null && d.number != next && differing++ == 0) {
                first = d;
                firstExpected = next;
            }
            next++;
        }
        if (first != null) {
            importer.warning(new Problem(first.sheet, first.numberRow, "", "", differing + " file(s) get another "
                    + "number than the sheet gives them (the catalogue numbers files in order through the fonds): "
                    + "the first, file " + first.code + ", numbered " + first.number + " here, becomes "
                    + firstExpected));
        }
    }

    private ImportReport report(String fileName, String fonds, Reading reading, InventoryImporter importer,
            List<Problem> more, List<String> skipped, boolean imported, List<FileDraft> wouldImport) {
        List<Problem> problems = new ArrayList<>(importer.problems());
        problems.addAll(more);
        long files = wouldImport == null ? 0 : wouldImport.size();
        long items = wouldImport == null ? 0 : wouldImport.stream().mapToLong(d -> d.items.size()).sum();
        return new ImportReport(fileName, fonds, reading.sheets(), problems, importer.warnings(), skipped, imported,
                files, items, 0, Optional.empty(), 0);
    }

    @Override
    public ExportResult exportFileInventory(String fondsCode, Path out) throws IOException {
        Objects.requireNonNull(fondsCode, "fondsCode");
        Objects.requireNonNull(out, "out");
        return withBundleLoader(() -> new InventoryExporter(catalogue).fileInventory(fondsCode.strip(), out));
    }

    @Override
    public ExportResult exportDocumentList(String fileCode, Path out) throws IOException {
        Objects.requireNonNull(fileCode, "fileCode");
        Objects.requireNonNull(out, "out");
        return withBundleLoader(() -> new InventoryExporter(catalogue).documentList(fileCode.strip(), out));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs POI with this bundle's class loader as the thread's context loader: XMLBeans looks its schema types up
     * through it, and in a framework the caller's loader cannot see the embedded jars.
     */
    private <T> T withBundleLoader(Work<T> work) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(XlsxInventoryService.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
