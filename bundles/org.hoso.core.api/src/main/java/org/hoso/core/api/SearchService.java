package org.hoso.core.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.hoso.core.api.model.Field;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Full-text and field search over the catalogue: files and documents by their described values and the recognised
 * text of their pages, whatever the diacritics ("so hoa" finds "số hóa", "quyet dinh" finds "QUYẾT ĐỊNH"), with
 * exact phrases, field queries (type, number and symbol, issuer, year range, fonds, retention...), ranked hits and
 * highlighted snippets. The query language is described in the README of {@code org.hoso.search}; the command line
 * and the rich client use the same one.
 * <p>
 * The index lives in the workspace's {@code index/} folder and is derived data: it can always be rebuilt from the
 * catalogue. It follows the catalogue through its {@link AuditLog}: every search first indexes what the entries
 * written since the last one changed, so a search never misses a committed change, and an index left behind by a
 * crash catches up at its next use.
 * <p>
 * Errors: {@link IllegalArgumentException} for a query that cannot be understood (its message says where and why),
 * {@link java.io.UncheckedIOException} when the index folder cannot be read or written.
 *
 * @since 0.3.0
 */
@ProviderType
public interface SearchService {

    /** Runs a query over the index, brought up to date with the catalogue first. */
    Results search(Query query);

    /**
     * Indexes what the catalogue changed since the index last looked (the audit entries after
     * {@link Status#auditSeq()}).
     *
     * @return the number of audit entries read
     */
    long catchUp();

    /**
     * Rebuilds the index from the whole catalogue in a new folder and then replaces the old one: an interrupted
     * rebuild leaves the previous index in use, and searches go on meanwhile.
     */
    Rebuild rebuild();

    /** What the index holds. */
    Status status();

    /**
     * Adds an inventory that is not in the catalogue to the index, for benchmarks and load tests: the next
     * {@link #rebuild()} drops it again. Refused unless the catalogue is empty, so an archive's index is never mixed
     * with generated records.
     *
     * @param batch files and documents, read once, in order (a lazy list keeps memory bounded)
     * @param text  the recognised text of a document, from its described values (empty: none)
     * @return the files and documents indexed
     * @throws IllegalStateException when the catalogue holds a fonds
     */
    Rebuild load(CatalogueService.ImportBatch batch, Function<Map<String, Field<String>>, String> text);

    /**
     * A query.
     *
     * @param text      in the query language: words, "exact phrases", {@code field:value}, {@code year:2019..2021},
     *                  {@code -word} to exclude
     * @param fondsCode only this fonds, when given (the same as {@code fonds:CODE})
     * @param limit     at most this many hits (1..1000)
     */
    record Query(String text, Optional<String> fondsCode, int limit) {
        public Query {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(fondsCode, "fondsCode");
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("limit must be within 1..1000: " + limit);
            }
        }

        public static Query of(String text) {
            return new Query(text, Optional.empty(), 20);
        }
    }

    /**
     * What a query found.
     *
     * @param total hits in all (the list holds the best {@code limit} of them); when not {@code exact}, at least
     *              this many (large counts are not counted one by one)
     * @param exact whether {@code total} is the exact count
     * @param hits  best first
     */
    record Results(long total, boolean exact, List<Hit> hits) {
    }

    /** Whether a hit is a file (hồ sơ) or a document (văn bản). */
    enum Kind {
        FILE, ITEM
    }

    /**
     * One hit.
     *
     * @param kind      file or document
     * @param fondsCode its fonds
     * @param fileCode  its file (the file itself for a file)
     * @param docCode   the document's code; empty for a file
     * @param title     what identifies it for a person: a file's title; a document's type, number and symbol, date
     *                  and abstract
     * @param snippet   the best passage of its text with the query's matches marked
     * @param score     relevance, higher is better; comparable only within one result list
     */
    record Hit(Kind kind, String fondsCode, String fileCode, Optional<String> docCode, String title,
            Snippet snippet, float score) {
    }

    /**
     * A passage of a hit's text with the matched words marked.
     *
     * @param text       the passage
     * @param highlights the matched stretches, as character offsets into {@code text}, in order
     */
    record Snippet(String text, List<Span> highlights) {

        /** The passage with each match between {@code open} and {@code close}: {@code marked("[", "]")}. */
        public String marked(String open, String close) {
            StringBuilder sb = new StringBuilder(text.length() + highlights.size() * 4);
            int at = 0;
            for (Span s : highlights) {
                sb.append(text, at, s.start()).append(open).append(text, s.start(), s.end()).append(close);
                at = s.end();
            }
            return sb.append(text, at, text.length()).toString();
        }
    }

    /** Characters {@code start} (inclusive) to {@code end} (exclusive). */
    record Span(int start, int end) {
    }

    /**
     * The index as it is.
     *
     * @param files     files indexed
     * @param items     documents indexed
     * @param auditSeq  the last audit entry the index has followed
     * @param bytes     the size of the index on disk
     */
    record Status(long files, long items, long auditSeq, long bytes) {
    }

    /**
     * What a rebuild (or a load) did.
     *
     * @param files    files indexed
     * @param items    documents indexed
     * @param pages    pages whose recognised text was indexed
     * @param millis   how long it took
     * @param auditSeq the audit entry the new index starts from
     */
    record Rebuild(long files, long items, long pages, long millis, long auditSeq) {
    }
}
