package org.hoso.core.api.model;

import java.util.Objects;

import org.hoso.core.api.ObjectId;

/**
 * A page of a document: one scanned image in the object store, with where it stands in the digitisation work.
 * What the machine made of it (quality findings, OCR words, the PDF/A page) is stored beside it by the steps that
 * make it; the page itself stays small so that a file's pages list quickly.
 *
 * @param id       catalogue id
 * @param itemId   the document it belongs to
 * @param position its order in the document, from 1
 * @param image    the original scan, as stored (never changed)
 * @param status   where it stands
 * @since 0.2.0
 */
public record Page(long id, long itemId, int position, ObjectId image, Status status) {

    /** Where a page stands in the digitisation work; the navigator shows it as an icon. */
    public enum Status {
        /** Stored, not yet checked or recognised. */
        SCANNED,
        /** Failed a quality check: it must be scanned again. */
        RESCAN,
        /** Recognised; its text and extracted fields wait for a person. */
        RECOGNISED,
        /** Checked by a person. */
        REVIEWED
    }

    public Page {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(status, "status");
        if (position < 1) {
            throw new IllegalArgumentException("page position must be at least 1: " + position);
        }
    }
}
