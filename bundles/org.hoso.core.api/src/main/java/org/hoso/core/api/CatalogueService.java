package org.hoso.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.model.Box;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Fonds;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Location;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.api.model.Rendition;
import org.hoso.core.api.model.SchemeNode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalogue: fonds, their classification schemes, file units and documents. Every change is one transaction
 * that also appends its {@link AuditEvent} (who, what, before and after); a change that fails leaves nothing
 * behind. Described values go through {@link Field#resolve}: a person's value is never overwritten by a machine.
 * <p>
 * Errors are {@link IllegalArgumentException}s (unknown fonds, duplicate file code, a value that is not valid)
 * whose message names the thing and the problem, or {@link java.io.UncheckedIOException} when the database fails.
 *
 * @since 0.2.0
 */
@ProviderType
public interface CatalogueService {

    /** Creates a fonds. */
    Fonds createFonds(String code, String name, String actor);

    List<Fonds> fonds();

    Optional<Fonds> fonds(String code);

    /** Adds a scheme node under {@code parentId} (empty: top level), after its last sibling. */
    SchemeNode addSchemeNode(String fondsCode, Optional<Long> parentId, String code, String title, String actor);

    /** The fonds' scheme, depth first, siblings in order. */
    List<SchemeNode> scheme(String fondsCode);

    /** Changes a scheme node's code and title (its files keep their codes: renumbering is a separate step). */
    SchemeNode renameSchemeNode(long nodeId, String code, String title, String actor);

    /**
     * Moves a scheme node, with everything under it, under another parent of the same fonds (empty: top level) at
     * {@code position} among its new siblings (1 is first; past the end is last). Siblings close up behind it and
     * make room where it goes.
     *
     * @throws IllegalArgumentException when the new parent is the node itself or lies under it
     */
    SchemeNode moveSchemeNode(long nodeId, Optional<Long> parentId, int position, String actor);

    /** Removes an empty scheme node (no files, no child nodes); its siblings close up. */
    void removeSchemeNode(long nodeId, String actor);

    /**
     * Adds a file unit under a scheme node with the next file number of its fonds.
     *
     * @param fields described values, keyed by {@link org.hoso.core.api.model.FileFields} keys, already canonical
     */
    FileUnit addFile(long schemeNodeId, String fileCode, Optional<String> box, Map<String, Field<String>> fields,
            String actor);

    Optional<FileUnit> file(String fileCode);

    /** The files of a scheme node, by file number. */
    List<FileUnit> files(long schemeNodeId);

    /**
     * The files of a fonds that match every given criterion, by file number, at most {@code query.limit()}: the
     * archivist's common searches (a period, a box) without full-text search.
     */
    List<FileUnit> findFiles(FileQuery query);

    /**
     * A search over files.
     *
     * @param fondsCode the fonds
     * @param from      files whose dates reach this day or later
     * @param to        files whose dates begin on this day or earlier
     * @param box       files in this box
     * @param limit     at most this many (1..10000)
     */
    record FileQuery(String fondsCode, Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> box,
            int limit) {
        public FileQuery {
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("limit must be within 1..10000: " + limit);
            }
        }
    }

    /** Proposes a value for one field of a file; returns the file as it now is (unchanged if the proposal lost). */
    FileUnit describeFile(long fileId, String key, Field<String> proposal, String actor);

    /** Moves a file to another node of the same fonds (file numbers are kept; renumbering is a separate step). */
    FileUnit moveFile(long fileId, long toSchemeNodeId, String actor);

    /** Adds a document at the end of a file. */
    Item addItem(long fileId, Map<String, Field<String>> fields, String actor);

    /** The documents of a file, in order. */
    List<Item> items(long fileId);

    /** Proposes a value for one field of a document. */
    Item describeItem(long itemId, String key, Field<String> proposal, String actor);

    /**
     * Adds a whole inventory in one transaction: all of it or, on any error, nothing. Missing scheme nodes along each
     * file's path are created; the fonds is created when it does not exist. One audit entry records the import: who,
     * the source (file name and sheet), the source's object id in the object store, and the counts, so that what was
     * imported can always be reproduced from the stored spreadsheet.
     *
     * @throws IllegalArgumentException naming the first file (by its code and source row) that cannot be added
     */
    ImportResult importBatch(ImportBatch batch, String actor);

    /**
     * An inventory to import.
     *
     * @param fondsCode    the fonds
     * @param fondsName    its name, used when the fonds does not exist yet
     * @param source       where it comes from, for the audit log, e.g. "muc-luc-2001.xlsx, sheet Mục lục"
     * @param sourceObject the stored copy of the source, when it was put in the object store
     * @param files        the files, in inventory order; read once, in order, so a list that makes its files as they
     *                     are read keeps memory bounded whatever the size
     */
    record ImportBatch(String fondsCode, String fondsName, String source, Optional<ObjectId> sourceObject,
            List<NewFile> files) {
    }

    /**
     * One file of an import.
     *
     * @param schemePath  the scheme nodes from the top down, each as code and title (may be empty: the file goes
     *                    under a top-level node "Chưa phân loại")
     * @param fileCode    file code
     * @param box         box number
     * @param fields      described values, canonical ({@link org.hoso.core.api.model.Values#canonical})
     * @param items       its documents in order, each as described values
     * @param sourceRow   the row (or line) it came from, for error messages
     */
    record NewFile(List<SchemeStep> schemePath, String fileCode, Optional<String> box,
            Map<String, Field<String>> fields, List<Map<String, Field<String>>> items, int sourceRow) {
    }

    /** A scheme node along an import path: matched by code under its parent, created when missing. */
    record SchemeStep(String code, String title) {
    }

    /** What an import added. */
    record ImportResult(long schemeNodesCreated, long files, long items, long auditSeq) {
    }

    /** Adds a storage location (a shelf tier in a store room) with a unique code. */
    Location addLocation(String code, String name, String actor);

    /** Every location, by code. */
    List<Location> locations();

    /**
     * The boxes of a fonds, in label order (numbers by their value: 2 before 10). A box exists as soon as a file
     * names it; it starts as a standard box ({@link Box#STANDARD_WIDTH_MM}) without a location.
     */
    List<Box> boxes(String fondsCode);

    /** Sets a box's width and location; the box is made when no file has named it yet. */
    Box describeBox(String fondsCode, String number, int widthMm, Optional<Long> locationId, String actor);

    /** The fonds' shelf-metres (mét giá): the widths of its boxes, in metres. */
    double shelfMetres(String fondsCode);

    /**
     * Adds a scanned page at the end of a document, its image already in the object store. The same image added
     * again to the same document is not added twice: the page it already is comes back.
     */
    Page addPage(long itemId, ObjectId image, String actor);

    /** The pages of a document, in order. */
    List<Page> pages(long itemId);

    /** Records where a page stands (checked, to scan again, recognised, reviewed). */
    Page setPageStatus(long pageId, Page.Status status, String actor);

    /**
     * Adds page {@code frame} (from 1) of a multi-page scan (TIFF, PDF) at the end of a document. The same frame of
     * the same image added again to the same document comes back as the page it already is.
     *
     * @since 0.3.0
     */
    Page addPage(long itemId, ObjectId image, int frame, String actor);

    /**
     * The file unit with this id.
     *
     * @since 0.3.0
     */
    Optional<FileUnit> file(long fileId);

    /**
     * The document with this id.
     *
     * @since 0.3.0
     */
    Optional<Item> item(long itemId);

    /**
     * The page with this id.
     *
     * @since 0.3.0
     */
    Optional<Page> page(long pageId);

    /**
     * Records what was made of a page and where it now stands, in one transaction, audited as
     * {@code page.recognition}. A machine's recognition never replaces a person's: when the page's current
     * recognition is {@link org.hoso.core.api.model.Provenance#byPerson() by a person} and the new one is not,
     * nothing changes and the current one comes back.
     *
     * @return the recognition the page now has
     * @since 0.3.0
     */
    Recognition recordRecognition(Recognition recognition, Page.Status status, String actor);

    /**
     * What was made of a page, if anything yet.
     *
     * @since 0.3.0
     */
    Optional<Recognition> recognition(long pageId);

    /**
     * Records a document's or a file's newest rendition (replacing the earlier one), audited.
     *
     * @since 0.3.0
     */
    Rendition recordRendition(Rendition rendition, String actor);

    /**
     * The newest rendition of this kind of a document or file, if one was made.
     *
     * @since 0.3.0
     */
    Optional<Rendition> rendition(Rendition.Kind kind, long entityId);

    /** Counts for a fonds: scheme nodes, files, documents, boxes. */
    Counts counts(String fondsCode);

    /** What a fonds holds. */
    record Counts(long schemeNodes, long files, long items, long boxes) {
    }

    // --- since 0.3.0: what the rich client's navigator and dashboard need

    /**
     * A slice of the files of a scheme node, by file number: at most {@code limit} files from the {@code offset}-th
     * (0 is the first), so that a navigator can show a node of 100,000 files a screenful at a time.
     *
     * @throws IllegalArgumentException when {@code offset} is negative or {@code limit} is outside 1..10000
     * @since 0.3.0
     */
    List<FileUnit> files(long schemeNodeId, int offset, int limit);

    /**
     * How many files each scheme node of a fonds holds directly (not counting its child nodes); nodes without files
     * are absent. One query for the whole fonds.
     *
     * @since 0.3.0
     */
    Map<Long, Long> fileCounts(String fondsCode);

    /**
     * How many documents each of the given files holds; files without documents are absent.
     *
     * @since 0.3.0
     */
    Map<Long, Long> itemCounts(java.util.Collection<Long> fileIds);

    /**
     * The pages of the given files' documents, by file and by status (a file without pages is absent): the
     * navigator's status icons (not digitised, needs review, done).
     *
     * @since 0.3.0
     */
    Map<Long, Map<Page.Status, Long>> pageCounts(java.util.Collection<Long> fileIds);

    /**
     * The pages of a fonds by status (statuses without pages are absent).
     *
     * @since 0.3.0
     */
    Map<Page.Status, Long> pageCounts(String fondsCode);

    /**
     * A page with the codes of its file and document: a line of a list of pages across a fonds.
     *
     * @since 0.3.0
     */
    record PageAt(String fileCode, String docCode, Page page) {
    }

    /**
     * The pages of a fonds (or, with a file code, of that file only) in one status, in file number, document and
     * page order: the pages to scan again, for one. One query however big the fonds; the list is not paged, so it is
     * meant for the statuses that few pages are in.
     *
     * @throws IllegalArgumentException if the fonds is unknown, or the file is not in it
     * @since 0.3.0
     */
    List<PageAt> pages(String fondsCode, Optional<String> fileCode, Page.Status status);

    /**
     * Moves a document to {@code position} (1 is first; past the end is last) in a file of the same fonds, which may
     * be its own file. The documents behind its old place close up, those from its new place on move down one, and
     * every document whose position changed gets the document code of its new place ({@link Item#docCode}); its
     * pages go with it. One audit entry ({@code item.move}) records the document before and after.
     *
     * @return the document at its new place
     * @throws IllegalArgumentException for an unknown document or file, or a file of another fonds
     * @since 0.3.0
     */
    Item moveItem(long itemId, long toFileId, int position, String actor);
}
