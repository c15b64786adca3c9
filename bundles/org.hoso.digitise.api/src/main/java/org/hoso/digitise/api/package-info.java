/**
 * Digitisation of scanned pages: reading scans ({@link org.hoso.digitise.api.ScanSource}), quality checks
 * ({@link org.hoso.digitise.api.QualityReport}), clean-up ({@link org.hoso.digitise.api.ImageFilter}), OCR
 * ({@link org.hoso.digitise.api.OcrEngine}), PDF/A-2b writing ({@link org.hoso.digitise.api.PdfAWriter}) and the
 * facade that digitises one page at a time ({@link org.hoso.digitise.api.Digitiser}).
 * <p>
 * Values are immutable records. Services ({@code @ProviderType}) are implemented by {@code org.hoso.digitise};
 * {@link org.hoso.digitise.api.ImageFilter} is a plugin contract ({@code @ConsumerType}).
 * Texts meant for people come in Vietnamese (first) and English from this package's resource bundles.
 */
@Export
@Version("0.3.0")
package org.hoso.digitise.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
