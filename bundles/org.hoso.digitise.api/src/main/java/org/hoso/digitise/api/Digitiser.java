package org.hoso.digitise.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Digitises one page at a time, so that a job can run one task per page on every core: quality checks, a
 * clean-up chosen from what the page needs, OCR, and OCR again with stronger clean-up when the words come back
 * with low confidence; then writes PDF/A-2b. Safe for concurrent calls; each concurrent caller gets an OCR engine
 * instance of its own, reused from call to call.
 *
 * @since 0.1.0
 */
@ProviderType
public interface Digitiser {

    /** Quality checks, clean-up and OCR of one page. */
    DigitisedPage digitise(PageImage page, DigitiseOptions options) throws IOException;

    /** Writes digitised pages as one PDF/A-2b document to {@code out} (not closed). */
    void writePdf(List<DigitisedPage> pages, DocumentInfo info, OutputStream out) throws IOException;
}
