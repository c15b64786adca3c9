package org.hoso.core.api.model;

import java.time.Instant;
import java.util.Objects;

import org.hoso.core.api.ObjectId;

/**
 * A document or a file unit as one deliverable object made from its pages, e.g. the PDF/A-2b of a document. Made
 * again when its pages change; the catalogue keeps the newest.
 *
 * @param kind     what it is
 * @param entityId the document's or the file unit's id, as {@link Kind} says
 * @param object   the object in the store
 * @param pages    how many pages it holds
 * @param at       when it was made
 * @since 0.3.0
 */
public record Rendition(Kind kind, long entityId, ObjectId object, int pages, Instant at) {

    /** The kinds of rendition. */
    public enum Kind {
        /** A document's pages as one PDF/A-2b. */
        ITEM_PDF,
        /** A file unit's documents, in order, as one PDF/A-2b. */
        FILE_PDF
    }

    public Rendition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(at, "at");
        if (pages < 0) {
            throw new IllegalArgumentException("pages " + pages);
        }
    }
}
