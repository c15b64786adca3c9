package org.hoso.digitise.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** The services wired by hand, as Declarative Services wires them, shared by the tests of this bundle. */
final class Engines {

    static final TesseractEngine ENGINE = new TesseractEngine("", 2);
    static final QualityChecks QUALITY = new QualityChecks(ENGINE);
    static final PdfAWriterImpl WRITER = new PdfAWriterImpl();
    static final DigitiserImpl DIGITISER = new DigitiserImpl(ENGINE, QUALITY, WRITER);
    static final ScanReader READER = new ScanReader();

    /** The shared corpora beside the checkout (CI has them; a fresh clone may not). */
    static final Path CORPORA = Paths.get(System.getProperty("hoso.corpora", "../../../shared/corpora"))
            .toAbsolutePath().normalize();

    private Engines() {
    }

    static Path corpus(String relative) {
        Path p = CORPORA.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "skipped: the test corpus " + p + " is missing (CI has it beside "
                + "the checkout as ../shared/corpora; set -Dhoso.corpora=DIR to point elsewhere)");
        return p;
    }

    /** Plain {@code tesseract IMAGE - -l vie}, the baseline the product must not fall below. */
    static String plainTesseract(Path image) {
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of("tesseract", image.toString(), "-", "-l", "vie"));
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("tesseract failed on " + image);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
