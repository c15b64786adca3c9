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
 * @param image    the original scan, as stored (never changed): an image file, or a multi-page TIFF or PDF
 * @param frame    which page of {@code image} this is, from 1 (1 for a single image)
 * @param status   where it stands
 * @since 0.2.0
 */
public record Page(long id, long itemId, int position, ObjectId image, int frame, Status status) {

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
        if (frame < 1) {
            throw new IllegalArgumentException("page frame must be at least 1: " + frame);
        }
    }

    /** A page that is a whole single-image file. */
    public Page(long id, long itemId, int position, ObjectId image, Status status) {
        this(id, itemId, position, image, 1, status);
    }

    /** The same page in another status. */
    public Page withStatus(Status newStatus) {
        return new Page(id, itemId, position, image, frame, newStatus);
    }
}
