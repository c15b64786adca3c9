package org.hoso.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The workspace's objects: page images, PDFs and exports, stored once each under the SHA-256 of their bytes.
 * <p>
 * An object never changes once stored: storing the same bytes again returns the same id and keeps one copy, and
 * {@link #verify()} finds any object whose bytes changed since. A stored object is on disk for good (written to a
 * temporary file, flushed, renamed into place) before {@code put} returns, so a crash at any moment leaves either the
 * whole object or none of it. Objects may be gigabytes: nothing here holds a whole object in memory. Every method
 * may be called from any thread.
 *
 * @since 0.2.0
 */
@ProviderType
public interface ObjectStore {

    /**
     * Stores the bytes of {@code content}, read to its end; the caller closes it. If the stream fails midway nothing
     * is stored.
     *
     * @return the object, whose id is the SHA-256 of the bytes read; the same as before if they were already stored
     */
    StoredObject put(InputStream content) throws IOException;

    /** Stores a copy of the file's bytes, as {@link #put(InputStream)}; the file itself is left alone. */
    StoredObject put(Path file) throws IOException;

    /**
     * The stored object with this id.
     *
     * @return empty when the store has no such object
     * @throws java.io.UncheckedIOException when the store's folder cannot be read
     */
    Optional<StoredObject> find(ObjectId id);

    /**
     * Opens the object for reading; the caller closes the stream.
     *
     * @throws NoSuchFileException naming the id when the store has no such object
     */
    InputStream open(ObjectId id) throws IOException;

    /**
     * The object's file, for readers that need a file name or random access: native engines (Leptonica, Tesseract)
     * open pages by path, and PDF and TIFF readers seek, which a stream of a multi-gigabyte object cannot offer
     * without copying it out of the workspace first. The file is read-only: never write, move or delete it.
     *
     * @throws NoSuchFileException naming the id when the store has no such object
     */
    Path path(ObjectId id) throws IOException;

    /**
     * Re-hashes every object and looks for files that do not belong in the store. Reads every byte: for a large
     * workspace this takes as long as reading the disk.
     */
    FixityReport verify() throws IOException;

    /**
     * Re-hashes one object.
     *
     * @return true when the object is stored and its bytes still hash to {@code id}; false when they do not or when
     *         the store has no such object
     * @throws IOException when the object exists but cannot be read
     */
    boolean verify(ObjectId id) throws IOException;
}
