package org.hoso.digitise.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes searchable PDF/A-2b files: each page is its scanned image (JPEG for grey and colour, CCITT G4 for
 * bilevel) with an invisible word-by-word text layer in an embedded Unicode font, sRGB output intent, XMP metadata
 * from {@link DocumentInfo} and the document language.
 *
 * @since 0.1.0
 */
@ProviderType
public interface PdfAWriter {

    /** Writes the pages as one PDF/A-2b document to {@code out} (not closed). */
    void write(List<PdfPage> pages, DocumentInfo info, OutputStream out) throws IOException;

    /**
     * Joins PDF/A files this writer made (one per page, as a job stores them) into one PDF/A-2b document with new
     * metadata. Pages keep their images and text layers.
     */
    void merge(List<Path> pdfs, DocumentInfo info, OutputStream out) throws IOException;
}
