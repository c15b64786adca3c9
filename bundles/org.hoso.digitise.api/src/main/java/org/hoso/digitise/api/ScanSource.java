package org.hoso.digitise.api;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads scans: TIFF (multi-page; bilevel, grey, colour; uncompressed, CCITT, LZW, Deflate, JPEG), JPEG, PNG, and
 * PDFs made of scans (each page's image is extracted as stored; a page without one image is rendered at
 * {@link ReadOptions#pdfRenderDpi()}). Sizes are checked from the headers before any pixel is decoded.
 * Every failure is an {@link UnreadablePageException} naming the file, the page and the problem.
 *
 * @since 0.1.0
 */
@ProviderType
public interface ScanSource {

    /** The pages of a file as their headers describe them, without decoding pixels. */
    List<PageInfo> probe(Path file) throws UnreadablePageException;

    /** Decodes page {@code page} (from 1). */
    PageImage read(Path file, int page, ReadOptions options) throws UnreadablePageException;

    /**
     * The text page {@code page} (from 1) carries as text, not as pixels: a born-digital PDF's text, or a PDF's
     * invisible OCR layer (NFC, lines in reading order). Empty for images and for PDF pages without text, which need
     * OCR. The default, for sources that cannot read text, is always empty.
     *
     * @since 0.3.0
     */
    default java.util.Optional<String> text(Path file, int page) throws UnreadablePageException {
        return java.util.Optional.empty();
    }
}
