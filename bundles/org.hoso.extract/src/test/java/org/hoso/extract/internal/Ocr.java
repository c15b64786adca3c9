package org.hoso.extract.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hoso.digitise.api.DigitiseOptions;
import org.hoso.digitise.api.OcrPage;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.internal.DigitiserImpl;
import org.hoso.digitise.internal.PdfAWriterImpl;
import org.hoso.digitise.internal.QualityChecks;
import org.hoso.digitise.internal.ScanReader;
import org.hoso.digitise.internal.TesseractEngine;

/**
 * The real digitisation engine (Tesseract through JNA, the product's clean-up and retries), wired by hand as
 * Declarative Services wires it in the product: OCR exactly as a digitisation job would do it.
 */
final class Ocr {

    private static TesseractEngine engine;
    private static DigitiserImpl digitiser;
    static final ScanReader READER = new ScanReader();

    private Ocr() {
    }

    static synchronized DigitiserImpl digitiser() {
        if (digitiser == null) {
            engine = new TesseractEngine("", 2);
            digitiser = new DigitiserImpl(engine, new QualityChecks(engine), new PdfAWriterImpl());
        }
        return digitiser;
    }

    static OcrPage read(Path image) {
        try {
            return ocr(READER.read(image, 1, ReadOptions.DEFAULT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OcrPage ocr(PageImage page) {
        try {
            return digitiser().digitise(page, DigitiseOptions.DEFAULT).ocr();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OCR of every task on two workers (one per core of the build machine), results in task order. */
    static <T> List<OcrPage> all(List<T> tasks, java.util.function.Function<T, OcrPage> ocr) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<OcrPage>> futures = new ArrayList<>();
            for (T t : tasks) {
                futures.add(pool.submit(() -> ocr.apply(t)));
            }
            List<OcrPage> out = new ArrayList<>();
            for (Future<OcrPage> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
