package org.hoso.digitise.api;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PDF/A file says about itself (document information and XMP metadata).
 *
 * @param title      dc:title, e.g. the document's abstract ("V/v ...")
 * @param identifier dc:identifier, e.g. the archival reference code of the item
 * @param creator    dc:creator, e.g. the issuing body; may be empty
 * @param created    when the document was made (xmp:CreateDate); the original's date when known
 * @param modified   xmp:ModifyDate and MetadataDate (normally now)
 * @param language   dc:language and the catalogue's /Lang, BCP 47 ({@code vi-VN})
 * @since 0.1.0
 */
public record DocumentInfo(String title, String identifier, String creator, OffsetDateTime created,
        OffsetDateTime modified, String language) {

    public DocumentInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(identifier, "identifier");
        creator = creator == null ? "" : creator;
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        language = language == null || language.isBlank() ? "vi-VN" : language;
    }

    public Optional<String> creatorIfAny() {
        return creator.isBlank() ? Optional.empty() : Optional.of(creator);
    }
}
