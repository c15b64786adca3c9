package org.hoso.digitise.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hoso.core.api.Job;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Digitising scans into the catalogue as a job: each page of each scan is stored in the object store and added to
 * its document, then checked, cleaned up and recognised by a task of its own (one worker per core), its words, text
 * and PDF/A page recorded against it; a document's PDF/A is made when its last page is done, a file's when its last
 * document is. Killing the process loses nothing: submitting the same batch again resumes the job it started.
 * <p>
 * <b>Where scans go.</b> Each entry of a file unit's folder (sorted by name, numbers by value: 2 before 10) is one
 * document, in order: a scan file (an image, a multi-page TIFF or PDF) or a folder of page images. Document n of the
 * folder is the file's n-th document; documents the file does not have yet are added (their description is left to
 * a person or an extractor). Without a file code, a folder named by a file code of the fonds is that file's folder,
 * and a folder that is not is searched one level down for such folders.
 *
 * @since 0.3.0
 */
@ProviderType
public interface DigitisationService {

    /** The {@link org.hoso.core.api.TaskHandler} kind of a page's task. */
    String PAGE_TASK = "digitise.page";

    /**
     * Works out which scan becomes which document, without storing or decoding anything.
     *
     * @param paths    scan files and folders
     * @param fondsCode the fonds
     * @param fileCode  the file unit all of {@code paths} belong to; empty to find file units by folder names
     * @throws IllegalArgumentException naming the fonds or file code when the catalogue has no such
     * @throws IOException when a folder cannot be listed
     */
    Batch plan(List<Path> paths, String fondsCode, Optional<String> fileCode) throws IOException;

    /**
     * Stores the batch's scans, adds their pages to their documents and submits the job; an unfinished job of the
     * same batch is resumed instead of starting another. Pages already recognised are not done again.
     *
     * @param languages Tesseract languages, e.g. {@code vie} or {@code vie+eng}
     * @throws IOException when a scan cannot be read into the store (nothing of the batch is submitted then)
     */
    Job submit(Batch batch, String languages, String actor) throws IOException;

    /** The pages of a fonds (or of one of its files) to scan again, with the reasons, in catalogue order. */
    List<Rescan> rescans(String fondsCode, Optional<String> fileCode);

    /**
     * What a batch will do.
     *
     * @param fondsCode the fonds
     * @param documents the documents, in order
     * @param skipped   what was given but is not a scan or has no file unit, with the reason in both languages
     */
    record Batch(String fondsCode, List<Document> documents, List<Skipped> skipped) {
        public Batch {
            Objects.requireNonNull(fondsCode, "fondsCode");
            documents = List.copyOf(documents);
            skipped = List.copyOf(skipped);
        }

        /** How many scan files the batch reads. */
        public int scans() {
            return documents.stream().mapToInt(d -> d.scans().size()).sum();
        }
    }

    /**
     * One document of a batch.
     *
     * @param fileCode the file unit
     * @param position the document's place in the file, from 1
     * @param scans    its scan files, in page order
     */
    record Document(String fileCode, int position, List<Path> scans) {
        public Document {
            Objects.requireNonNull(fileCode, "fileCode");
            scans = List.copyOf(scans);
        }
    }

    /** A path left out of a batch, and why. */
    record Skipped(Path path, String reason) {
    }

    /**
     * A page to scan again.
     *
     * @param fileCode the file unit
     * @param docCode  the document
     * @param page     the page's position in the document
     * @param reasons  the failing findings, as recorded ({@code CODE FAIL values})
     */
    record Rescan(String fileCode, String docCode, int page, List<String> reasons) {
        public Rescan {
            reasons = List.copyOf(reasons);
        }
    }
}
