package org.hoso.extract.api;

import java.util.List;
import java.util.Optional;

import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs extractors and puts what they find into the catalogue. Proposals are written with
 * {@link org.hoso.core.api.model.Provenance#extracted} (the extractor's id and the field's confidence) through
 * {@link org.hoso.core.api.CatalogueService#describeItem}, so a value a person typed or imported is never
 * overwritten; then the document's file gets its derived values (start and end dates, number of documents) with
 * {@link org.hoso.core.api.model.Provenance#derived}.
 *
 * @since 0.1.0
 */
@ProviderType
public interface ExtractionService {

    /** An extractor as registered. */
    record ExtractorInfo(String id, String version, List<String> accepts) {
    }

    /** The extractors registered now, by id. */
    List<ExtractorInfo> extractors();

    /**
     * Extracts with the extractor {@code extractorId}, or when empty with the first extractor that accepts
     * {@value Extractor#ADMIN_DOCUMENT} (the highest service ranking, then the lowest service id).
     *
     * @throws IllegalStateException naming what is missing when no such extractor is registered
     */
    Extraction extract(ExtractionInput input, Optional<String> extractorId);

    /**
     * What {@link #apply} did.
     *
     * @param item     the document as it now is
     * @param file     its file as it now is, with the derived values
     * @param accepted the field keys whose extracted value is now the document's
     * @param kept     the field keys where the document kept its value (a person's, or a more confident one)
     */
    record Applied(Item item, FileUnit file, List<String> accepted, List<String> kept) {
    }

    /**
     * Proposes every field of {@code extraction} for document {@code itemId}, then recomputes its file's derived
     * values. Each proposal is one audited change in the catalogue.
     *
     * @throws IllegalArgumentException when there is no such document
     * @throws IllegalStateException    when no catalogue is open (the command line without a workspace)
     */
    Applied apply(long itemId, Extraction extraction, String actor);

    /**
     * Recomputes a file's derived values from its documents: the earliest and latest document date as start and
     * end date, and the number of documents. Values a person typed or imported are kept.
     */
    FileUnit deriveFile(long fileId, String actor);
}
