package org.hoso.extract.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/** The shared corpora beside the checkout (CI has them; a fresh clone may not). */
final class Corpora {

    static final Path ROOT = Paths.get(System.getProperty("hoso.corpora", "../../../shared/corpora"))
            .toAbsolutePath().normalize();

    private Corpora() {
    }

    static Path corpus(String relative) {
        Path p = ROOT.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "skipped: the test corpus " + p + " is missing (CI has it beside "
                + "the checkout as ../shared/corpora; set -Dhoso.corpora=DIR to point elsewhere)");
        return p;
    }
}
