/**
 * Metadata extraction: the {@link org.hoso.extract.api.Extractor} extension point (a plugin reads a document's
 * text, and the words with their positions when OCR gave them, and proposes described values), the results
 * ({@link org.hoso.extract.api.Extraction}: per field a value, a confidence and where in the text and on the page it
 * came from) and the facade {@link org.hoso.extract.api.ExtractionService} that runs extractors and writes their
 * proposals into the catalogue with provenance, where a person's value always wins.
 */
@Export
@Version("0.1.0")
package org.hoso.extract.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
