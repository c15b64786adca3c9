package org.hoso.cli.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hoso.core.api.model.ItemFields;
import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.Digitiser;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.ScanSource;
import org.hoso.digitise.api.UnreadablePageException;
import org.hoso.extract.api.ExtractedField;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.ExtractionService;
import org.hoso.extract.api.SourceSpan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso extract FILE... [--json]}: the metadata of each document, read from a text file, a PDF's text layer,
 * or OCR of its scans. Needs no workspace. Exit 0 when every file was read (a document without any field found
 * included); 1 naming the file and the problem when one could not be read.
 */
@Command(name = "extract")
final class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "extract.files")
    List<Path> files;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    /** A document's input and where its text came from. */
    private record Read(ExtractionInput input, String source, int pages) {
    }

    @Override
    public Integer call() throws Exception {
        Reports r = hoso.reports;
        try (Services services = new Services(hoso.context)) {
            ExtractionService extraction = services.get(ExtractionService.class);
            if (extraction == null) {
                hoso.err().println(r.text("extract.unavailable"));
                return 1;
            }
            List<Object> report = new ArrayList<>();
            int failures = 0;
            for (Path f : files) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", f.toString());
                Read read;
                try {
                    read = read(f, services);
                } catch (IOException e) {
                    failures++;
                    String why = e instanceof UnreadablePageException u ? u.message(hoso.locale) : e.getMessage();
                    m.put("error", why);
                    report.add(m);
                    hoso.err().println(r.text("extract.unreadable", f, why));
                    continue;
                }
                if (read == null) {
                    hoso.err().println(r.text("digitise.unavailable"));
                    return 1;
                }
                Extraction e = extraction.extract(read.input(), Optional.empty());
                m.put("source", read.source());
                m.put("pages", read.pages());
                m.put("extractor", e.extractorId());
                m.put("extractorVersion", e.extractorVersion());
                List<Object> fields = new ArrayList<>();
                for (ExtractedField x : e.fields().values()) {
                    fields.add(json(x));
                }
                m.put("fields", fields);
                report.add(m);
                if (!json) {
                    print(r, f, read, e);
                }
            }
            if (json) {
                hoso.out().println(Json.write(report));
            }
            return failures == 0 ? 0 : 1;
        }
    }

    private void print(Reports r, Path f, Read read, Extraction e) {
        String source = switch (read.source()) {
            case "text" -> r.text("extract.source.text");
            case "pdfText" -> r.text("extract.source.pdfText", read.pages());
            default -> r.text("extract.source.ocr", read.pages());
        };
        hoso.out().println(r.text("extract.file", f, source));
        if (e.fields().isEmpty()) {
            hoso.out().println("  " + r.text("extract.none"));
        }
        for (ExtractedField x : e.fields().values()) {
            String shown = x.key().equals(ItemFields.TYPE) ? x.text() + " [" + x.value() + "]" : x.value();
            // properties files drop leading spaces: the indent is added here
            hoso.out().println("  " + r.text("extract.field", label(x.key(), hoso.locale), shown,
                    x.confidence() * 100));
        }
    }

    static String label(String key, Locale locale) {
        return ItemFields.ALL.stream().filter(d -> d.key().equals(key)).findFirst().map(d -> d.label(locale))
                .orElse(key);
    }

    private static Map<String, Object> json(ExtractedField x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", x.key());
        m.put("value", x.value());
        m.put("text", x.text());
        m.put("confidence", x.confidence());
        m.put("start", x.span().start());
        m.put("end", x.span().end());
        List<Object> boxes = new ArrayList<>();
        for (SourceSpan.WordBox b : x.span().boxes()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("page", b.page() + 1);
            bm.put("x", b.box().x());
            bm.put("y", b.box().y());
            bm.put("width", b.box().width());
            bm.put("height", b.box().height());
            boxes.add(bm);
        }
        m.put("boxes", boxes);
        return m;
    }

    /** The document's input: a text file as text; a PDF's text layer when every page has one; OCR otherwise. */
    private Read read(Path f, Services services) throws IOException, InterruptedException {
        if (!Files.isRegularFile(f)) {
            throw new IOException(Files.exists(f) ? "not a file" : "no such file");
        }
        if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
            byte[] bytes = Files.readAllBytes(f);
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return new Read(ExtractionInput.ofText(text.startsWith("\uFEFF") ? text.substring(1) : text),
                        "text", 1);
            } catch (CharacterCodingException e) {
                throw new IOException("not UTF-8 text", e);
            }
        }
        ScanSource source = services.get(ScanSource.class);
        if (source == null) {
            return null;
        }
        List<PageInfo> pages = source.probe(f);
        StringBuilder text = new StringBuilder();
        boolean allText = true;
        for (PageInfo p : pages) {
            Optional<String> t = source.text(f, p.page());
            if (t.isEmpty()) {
                allText = false;
                break;
            }
            if (!text.isEmpty()) {
                text.append(ExtractionInput.PAGE_BREAK);
            }
            text.append(t.get());
        }
        if (allText && !pages.isEmpty()) {
            return new Read(ExtractionInput.ofText(text.toString()), "pdfText", pages.size());
        }
        Digitiser digitiser = services.get(Digitiser.class);
        if (digitiser == null) {
            return null;
        }
        List<OcrPage> ocr = new ArrayList<>();
        for (PageInfo p : pages) {
            ocr.add(digitiser.digitise(source.read(f, p.page(), ReadOptions.DEFAULT), DigitiseOptions.DEFAULT).ocr());
        }
        return new Read(ExtractionInput.ofOcr(ocr), "ocr", pages.size());
    }
}
