package org.hoso.digitise.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.Task;
import org.hoso.core.api.TaskContext;
import org.hoso.core.api.TaskHandler;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Provenance;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.api.model.Rendition;
import org.hoso.digitise.api.DigitisationService;
import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.DigitisedPage;
import org.hoso.digitise.api.Digitiser;
import org.hoso.digitise.api.DocumentInfo;
import org.hoso.digitise.api.OcrJson;
import org.hoso.digitise.api.OcrOptions;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PdfAWriter;
import org.hoso.digitise.api.QualityIssue;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.ScanSource;
import org.hoso.digitise.api.UnreadablePageException;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.ExtractionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * One page of a digitisation job: read the stored scan, check, clean up and recognise it, store its words, text and
 * PDF/A page, and record them against the page. The last page of a document makes the document's PDF/A and, when an
 * {@link ExtractionService} is installed, proposes the metadata read from its pages; the last document of a file
 * makes the file's PDF/A. Idempotent: a page already recognised is not done again, and everything it
 * stores is content-addressed, so a task run twice (after a kill) gives the same catalogue.
 */
@Component(service = TaskHandler.class)
@TaskHandler.Kind(kind = DigitisationService.PAGE_TASK)
public final class PageTask implements TaskHandler {

    private final CatalogueService catalogue;
    private final ObjectStore objects;
    private final ScanSource source;
    private final Digitiser digitiser;
    private final PdfAWriter writer;
    private final Clock clock = Clock.systemUTC();
    /** The extraction step, when an extraction service is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ExtractionService extraction;

    @Activate
    public PageTask(@Reference CatalogueService catalogue, @Reference ObjectStore objects,
            @Reference ScanSource source, @Reference Digitiser digitiser, @Reference PdfAWriter writer) {
        this.catalogue = catalogue;
        this.objects = objects;
        this.source = source;
        this.digitiser = digitiser;
        this.writer = writer;
    }

    /** The task's input: the page, the scan's file name (for messages), its frame, the OCR languages. */
    static String input(long pageId, String scanName, int frame, String languages) {
        return pageId + "\t" + frame + "\t" + languages + "\t" + scanName.replace('\t', ' ').replace('\n', ' ');
    }

    @Override
    public String run(Task task, TaskContext ctx) throws Exception {
        String[] in = task.input().split("\t", 4);
        long pageId = Long.parseLong(in[0]);
        String languages = in[2];
        String scanName = in[3];
        Page page = catalogue.page(pageId)
                .orElseThrow(() -> new IllegalArgumentException(Texts.both("page.missing", pageId)));
        Optional<Recognition> done = catalogue.recognition(pageId);
        String result;
        if (done.isPresent()) {
            result = "already";
        } else {
            try {
                result = recognise(page, scanName, languages, ctx);
            } catch (UnreadableScanException e) {
                // recorded as a page to scan again: the document and file are made of the other pages
                assemble(page.itemId());
                throw e;
            }
        }
        if (ctx.cancelled()) {
            throw new IllegalStateException("cancelled");
        }
        assemble(page.itemId());
        return result;
    }

    private String recognise(Page page, String scanName, String languages, TaskContext ctx) throws IOException {
        Path scan = objects.path(page.image());
        PageImage image;
        try {
            image = source.read(scan, page.frame(), ReadOptions.DEFAULT);
        } catch (UnreadablePageException e) {
            String reason = e.getMessage().replace(scan.toString(), scanName);
            catalogue.recordRecognition(new Recognition(page.id(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, List.of("UNREADABLE FAIL " + e.problem().name()),
                    Provenance.extracted(digitiserId(languages), 1, clock.instant())), Page.Status.RESCAN,
                    "hoso.digitise");
            throw new UnreadableScanException(reason, e);
        }
        if (ctx.cancelled()) {
            throw new IllegalStateException("cancelled");
        }
        DigitiseOptions options = new DigitiseOptions(DigitiseOptions.DEFAULT.policy(),
                new OcrOptions(languages, OcrOptions.DEFAULT.pageSegmentation()), DigitiseOptions.DEFAULT.retryBelow(),
                true);
        DigitisedPage d = digitiser.digitise(image, options);
        ObjectId words = put(OcrJson.write(d.ocr()).getBytes(StandardCharsets.UTF_8));
        ObjectId text = put(d.ocr().text().getBytes(StandardCharsets.UTF_8));
        Item item = item(page.itemId());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        digitiser.writePdf(List.of(d), info(item.docCode() + " tr. " + page.position(),
                item.docCode() + "/" + page.position(), item.description().text(ItemFields.ISSUER).orElse("")), pdf);
        ObjectId pdfId = put(pdf.toByteArray());
        List<String> issues = new ArrayList<>();
        for (QualityIssue q : d.quality().issues()) {
            issues.add((q.code().name() + " " + q.severity().name() + " " + String.join(" ", q.values())).strip());
        }
        double confidence = Math.max(0, Math.min(1, d.ocr().meanConfidence() / 100));
        catalogue.recordRecognition(new Recognition(page.id(), Optional.of(words), Optional.of(text),
                Optional.of(pdfId), confidence, issues, Provenance.extracted(digitiserId(languages), confidence,
                        clock.instant())),
                d.quality().passed() ? Page.Status.RECOGNISED : Page.Status.RESCAN, "hoso.digitise");
        return d.ocr().words().size() + " words, " + Math.round(d.ocr().meanConfidence()) + "%";
    }

    private static String digitiserId(String languages) {
        return "hoso.digitise tesseract " + languages;
    }

    private ObjectId put(byte[] bytes) throws IOException {
        return objects.put(new ByteArrayInputStream(bytes)).id();
    }

    /**
     * Makes the document's PDF/A when each of its pages has its PDF/A page, and then the file's when each of its
     * documents with pages has its PDF/A. Runs after the page's own result is committed, so of two pages finishing
     * together at least the later one sees both done.
     */
    private void assemble(long itemId) throws IOException {
        Item item = item(itemId);
        List<Path> pages = pdfs(item);
        if (pages == null) {
            return;
        }
        merge(Rendition.Kind.ITEM_PDF, item.id(), pages, info(title(item), item.docCode(),
                item.description().text(ItemFields.ISSUER).orElse("")));
        ExtractionService x = extraction;
        if (x != null) {
            extract(x, item);
            item = item(itemId); // the PDF's metadata below is written from what the document now says
        }
        FileUnit file = catalogue.file(item.fileId()).orElseThrow();
        List<Path> all = new ArrayList<>();
        for (Item other : catalogue.items(file.id())) {
            List<Path> p = pdfs(other);
            if (p == null) {
                return;
            }
            all.addAll(p);
        }
        merge(Rendition.Kind.FILE_PDF, file.id(), all, info(file.description().text(FileFields.TITLE)
                .orElse(file.fileCode()), file.fileCode(), file.description().text(FileFields.CREATOR).orElse("")));
    }

    /**
     * The extraction step after OCR: the document's pages as OCR read them (words with their boxes) go to the
     * extractors, and their fields are proposed to the catalogue with their provenance and confidence; a person's
     * value is never replaced (the extraction service keeps it). Then the file's derived values are recomputed.
     */
    private void extract(ExtractionService x, Item item) throws IOException {
        List<OcrPage> read = new ArrayList<>();
        for (Page p : catalogue.pages(item.id())) {
            Optional<ObjectId> words = catalogue.recognition(p.id()).flatMap(Recognition::words);
            if (words.isPresent()) {
                try (var in = objects.open(words.get())) {
                    read.add(OcrJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        if (!read.isEmpty()) {
            x.apply(item.id(), x.extract(ExtractionInput.ofOcr(read), Optional.empty()), "hoso.digitise");
        }
    }

    /**
     * The PDF/A pages of a document in order; null while one of its pages waits for its task. A page that could not
     * be read at all (recorded, to scan again, without a PDF page) is left out.
     */
    private List<Path> pdfs(Item item) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (Page p : catalogue.pages(item.id())) {
            Optional<Recognition> r = catalogue.recognition(p.id());
            if (r.isEmpty()) {
                return null;
            }
            if (r.get().pdf().isPresent()) {
                paths.add(objects.path(r.get().pdf().get()));
            }
        }
        return paths;
    }

    private void merge(Rendition.Kind kind, long id, List<Path> pdfs, DocumentInfo info) throws IOException {
        if (pdfs.isEmpty()) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.merge(pdfs, info, out);
        catalogue.recordRendition(new Rendition(kind, id, put(out.toByteArray()), pdfs.size(), clock.instant()),
                "hoso.digitise");
    }

    private Item item(long itemId) {
        return catalogue.item(itemId)
                .orElseThrow(() -> new IllegalArgumentException("no document with id " + itemId));
    }

    private static String title(Item item) {
        return item.description().text(ItemFields.ABSTRACT).orElse(item.docCode());
    }

    private DocumentInfo info(String title, String identifier, String creator) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(7));
        return new DocumentInfo(title, identifier, creator, now, now, "vi-VN");
    }

    /** A page whose scan cannot be read, already recorded against the page. */
    private static final class UnreadableScanException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableScanException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
