package org.hoso.core.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * File inventories as spreadsheets: existing inventories (mục lục hồ sơ) and digitisation sheets read into the
 * catalogue, and the catalogue written out in the forms of Nghị định 30/2020/NĐ-CP, Phụ lục V: the file inventory of
 * a fonds (mẫu III, "Mục lục hồ sơ") and the document list of a file (mẫu IV, "Mục lục văn bản").
 * <p>
 * An import is all or nothing: the whole workbook is read and checked first, every problem is reported with its
 * sheet, row and column, and the catalogue is changed only when nothing is wrong (or, with
 * {@link ImportOptions#skipInvalid()}, only the files without problems are added, each whole or not at all). The
 * imported workbook is kept in the {@link ObjectStore} and named in the import's audit entry.
 *
 * @since 0.2.0
 */
@ProviderType
public interface InventoryService {

    /**
     * Reads an .xlsx inventory and, when it is valid, adds it to the catalogue in one transaction
     * ({@link CatalogueService#importBatch}).
     *
     * @param file    the workbook
     * @param options fonds, what to do with invalid rows
     * @param actor   who imports, for the audit log
     * @return what was read, every problem found and what was added; {@link ImportReport#imported()} is false when
     *         nothing was added. A workbook that cannot be read (not an .xlsx, damaged, password-protected) is a
     *         problem of the report, not an exception.
     * @throws IOException when the file cannot be read at all (missing, no permission) or the store fails
     */
    ImportReport importXlsx(Path file, ImportOptions options, String actor) throws IOException;

    /**
     * Writes the file inventory of a fonds (mục lục hồ sơ, Phụ lục V mẫu III): title block, the numbered columns
     * (1)–(7), scheme headings and one row per file, the count in figures and in words, the signature block. Fields
     * the form has no column for follow as further numbered columns when any file has them, and the documents of
     * the fonds, when there are any, go to a second sheet with one column per field, so that importing the workbook
     * gives the same catalogue. Written with a streaming writer: the fonds' size is not limited by memory. The file
     * appears complete or not at all.
     *
     * @throws IllegalArgumentException when there is no such fonds
     * @throws IOException              when the file cannot be written
     */
    ExportResult exportFileInventory(String fondsCode, Path out) throws IOException;

    /**
     * Writes the document list of one file (mục lục văn bản, Phụ lục V mẫu IV), with the same conventions as
     * {@link #exportFileInventory}.
     *
     * @throws IllegalArgumentException when there is no such file
     * @throws IOException              when the file cannot be written
     */
    ExportResult exportDocumentList(String fileCode, Path out) throws IOException;

    /**
     * How to import.
     *
     * @param fondsCode   the fonds to import into; when empty, the workbook must name it ("Mã phông: ..." above the
     *                    table, or a "Mã phông" column)
     * @param fondsName   the name of a fonds that does not exist yet; when empty, the name the workbook gives, else
     *                    the code
     * @param skipInvalid add the files without problems and report the others as skipped, instead of adding nothing
     * @param dryRun      read and check only; never change the catalogue or the object store
     */
    record ImportOptions(Optional<String> fondsCode, Optional<String> fondsName, boolean skipInvalid,
            boolean dryRun) {

        /** Fonds from the workbook, nothing added unless everything is valid. */
        public static final ImportOptions DEFAULT = new ImportOptions(Optional.empty(), Optional.empty(), false,
                false);

        public ImportOptions {
            Objects.requireNonNull(fondsCode, "fondsCode");
            Objects.requireNonNull(fondsName, "fondsName");
        }

        public ImportOptions withFonds(String code) {
            return new ImportOptions(Optional.of(code), fondsName, skipInvalid, dryRun);
        }

        public ImportOptions withSkipInvalid(boolean skip) {
            return new ImportOptions(fondsCode, fondsName, skip, dryRun);
        }

        public ImportOptions withDryRun(boolean dry) {
            return new ImportOptions(fondsCode, fondsName, skipInvalid, dry);
        }
    }

    /** The layouts a sheet can have. */
    enum Layout {
        /** One row per file, scheme headings as rows ("I. HÀNH CHÍNH"): the Decree 30 file inventory. */
        FILE_INVENTORY,
        /**
         * One row per document carrying its file's code (and title...): the sheet used for digitisation.
         * Consecutive rows with the same file code (or a blank one) belong to one file.
         */
        DOCUMENTS,
        /** The document list of one file: the file code stands above the table ("Số, ký hiệu hồ sơ: ..."). */
        DOCUMENT_LIST
    }

    /**
     * Something wrong (or worth knowing) at one place of the workbook.
     *
     * @param sheet   the sheet's name; empty for the workbook as a whole
     * @param row     the row as Excel numbers it (from 1); 0 for the whole sheet
     * @param column  the column letter ("C"); empty for the whole row
     * @param heading the column's heading as written in the sheet; empty when there is none
     * @param message what is wrong, naming the value
     */
    record Problem(String sheet, int row, String column, String heading, String message) {

        public Problem {
            Objects.requireNonNull(sheet, "sheet");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(message, "message");
        }

        /** "sheet 'Mục lục', row 12, column D (Thời gian bắt đầu): message". */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!sheet.isEmpty()) {
                sb.append("sheet '").append(sheet).append('\'');
            }
            if (row > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append("row ").append(row);
            }
            if (!column.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ", ").append("column ").append(column);
                if (!heading.isEmpty()) {
                    sb.append(" (").append(heading).append(')');
                }
            }
            return sb.isEmpty() ? message : sb + ": " + message;
        }
    }

    /**
     * How one sheet was read.
     *
     * @param sheet     its name
     * @param layout    the layout recognised; empty when the sheet holds no table Hoso recognises (it is skipped)
     * @param headerRow the row of the column headings (from 1), 0 when none was found
     * @param columns   column letter → the field it was read into (a field key such as {@code title}, or
     *                  {@code fileCode}, {@code box}, {@code fondsCode}, {@code dateRange}...), in column order
     * @param unmatched column letter → heading, for headings that name no field: their values are not imported
     * @param files     files whose rows are in this sheet
     * @param items     documents read from this sheet
     */
    record SheetReport(String sheet, Optional<Layout> layout, int headerRow, Map<String, String> columns,
            Map<String, String> unmatched, int files, int items) {
    }

    /**
     * What an import read, found and did.
     *
     * @param file               the workbook's file name
     * @param fondsCode          the fonds imported into (empty when it could not be determined)
     * @param sheets             every sheet, in workbook order
     * @param problems           everything that prevents rows from being imported; with
     *                           {@link ImportOptions#skipInvalid()} these rows were skipped
     * @param warnings           what was read in a way worth checking (renumbered files, derived file codes,
     *                           ignored text rows)
     * @param skippedFiles       file codes (or "row N" when a file had no code) not imported because of a problem
     * @param imported           whether the catalogue was changed
     * @param files              files added (or, on a dry run, that would be added)
     * @param items              documents added (or that would be added)
     * @param schemeNodesCreated scheme nodes created
     * @param sourceObject       the stored copy of the workbook
     * @param auditSeq           the import's audit entry; 0 when nothing was imported
     */
    record ImportReport(String file, String fondsCode, List<SheetReport> sheets, List<Problem> problems,
            List<Problem> warnings, List<String> skippedFiles, boolean imported, long files, long items,
            long schemeNodesCreated, Optional<ObjectId> sourceObject, long auditSeq) {

        public ImportReport {
            sheets = List.copyOf(sheets);
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            skippedFiles = List.copyOf(skippedFiles);
            Objects.requireNonNull(sourceObject, "sourceObject");
        }
    }

    /**
     * What an export wrote.
     *
     * @param file  the workbook written
     * @param files files listed
     * @param items documents listed
     */
    record ExportResult(Path file, long files, long items) {
    }
}
