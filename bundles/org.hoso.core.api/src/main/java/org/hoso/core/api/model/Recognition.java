package org.hoso.core.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hoso.core.api.ObjectId;

/**
 * What was made of a scanned page: its quality findings, its OCR words and text, its PDF/A page. The objects are in
 * the object store; the catalogue keeps their ids. A person's correction of the text is a recognition too, with
 * {@link Provenance#typed typed} provenance, and a machine never replaces it.
 *
 * @param pageId     the page
 * @param words      the OCR words with their boxes and confidences (JSON, as written by the digitisation engine)
 * @param text       the page's plain text, UTF-8, NFC, one line per text line
 * @param pdf        the page as a one-page PDF/A-2b with its image and invisible text layer
 * @param confidence mean word confidence, 0..1 (0 without words)
 * @param issues     quality findings, each {@code CODE SEVERITY value...} separated by single spaces, e.g.
 *                   {@code LOW_RESOLUTION FAIL 150 200}; a page with a failing finding is to be scanned again
 * @param provenance who or what made it: the OCR engine (extracted, with the confidence) or a person (typed)
 * @since 0.3.0
 */
public record Recognition(long pageId, Optional<ObjectId> words, Optional<ObjectId> text, Optional<ObjectId> pdf,
        double confidence, List<String> issues, Provenance provenance) {

    public Recognition {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(provenance, "provenance");
        issues = List.copyOf(issues);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        for (String issue : issues) {
            if (issue.isBlank() || issue.length() > 400) {
                throw new IllegalArgumentException("a page finding must have 1 to 400 characters: '" + issue + "'");
            }
        }
    }

    /** True when a finding says the page must be scanned again. */
    public boolean needsRescan() {
        return issues.stream().anyMatch(i -> i.contains(" FAIL"));
    }
}
