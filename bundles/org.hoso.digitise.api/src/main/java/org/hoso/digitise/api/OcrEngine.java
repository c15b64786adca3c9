package org.hoso.digitise.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An OCR engine, contributed as an OSGi service with the property {@value #ID_PROPERTY}. Hoso ships one on
 * Tesseract ({@code tesseract}). Implementations are safe for concurrent calls; an engine whose native library or
 * language data is missing does not register and logs one line saying what is missing.
 *
 * @since 0.1.0
 */
@ConsumerType
public interface OcrEngine {

    /** Service property: the engine's id. */
    String ID_PROPERTY = "hoso.ocr.id";

    /** The engine's id, equal to its {@value #ID_PROPERTY}. */
    String id();

    /** Recognises a page upright and clean enough to read; boxes are in {@code page}'s pixels. */
    OcrPage recognise(PageImage page, OcrOptions options) throws IOException;

    /** Which way up the page is; confidence 0 when the engine cannot tell. */
    Orientation orientation(PageImage page) throws IOException;
}
