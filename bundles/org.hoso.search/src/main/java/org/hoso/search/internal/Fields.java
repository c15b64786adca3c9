package org.hoso.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index's fields. Every file and document is one Lucene document. Identity fields are exact strings; text fields
 * are folded (see {@link Analyzers}); {@link #ALL} and {@link #ALL_EXACT} hold every text the entry has, for queries
 * without a field.
 */
final class Fields {

    /** "f:" + file code, or "i:" + document code. */
    static final String ID = "id";
    /** "file" or "item". */
    static final String KIND = "kind";
    /** The fonds code, exact. */
    static final String FONDS = "fonds";
    /** The file code (for a document: its file's), exact. */
    static final String FILE = "file";
    /** The document code, exact (documents only). */
    static final String DOC = "doc";
    /** A document's catalogue id, exact (documents from the catalogue only): pages name their document by it. */
    static final String ITEM_ID = "iid";
    /** The box number, exact, lower case. */
    static final String BOX = "box";
    /** Years the entry covers (IntPoint, several for a file that spans years; also stored). */
    static final String YEAR = "year";
    /** What the hit shows as its title (stored only). */
    static final String TITLE_SHOWN = "shown";
    /** The text snippets come from (stored only; the highlighter analyses it again). */
    static final String BODY = "body";
    /** Every text of the entry but its pages' (those are in {@link #TEXT}), folded. */
    static final String ALL = "all";
    /** Every text of the entry, its pages' included, exact. */
    static final String ALL_EXACT = "allx";

    // text fields for field queries, folded
    static final String TYPE = "type";
    static final String NUMBER = "number";
    static final String ISSUER = "issuer";
    static final String SIGNER = "signer";
    static final String ABSTRACT = "abstract";
    static final String TITLE = "title";
    static final String RETENTION = "retention";
    static final String TEXT = "text";
    static final String DATE = "date";

    /**
     * The field names people type (English and Vietnamese without diacritics), to the index field. {@code kind} and
     * {@code year} are handled apart.
     */
    static final Map<String, String> QUERY_NAMES = new LinkedHashMap<>();

    static {
        alias(TYPE, "type", "loai");
        alias(NUMBER, "number", "symbol", "notation", "so", "kyhieu", "sokyhieu");
        alias(ISSUER, "issuer", "coquan", "tacgia");
        alias(SIGNER, "signer", "nguoiky");
        alias(ABSTRACT, "abstract", "trichyeu");
        alias(TITLE, "title", "tieude");
        alias(RETENTION, "retention", "thoihan");
        alias(TEXT, "text", "noidung");
        alias(DATE, "date", "ngay");
        alias(FONDS, "fonds", "phong");
        alias(FILE, "file", "hoso");
        alias(DOC, "doc", "vanban");
        alias(BOX, "box", "hop");
        alias(YEAR, "year", "nam");
        alias(KIND, "kind", "la");
    }

    private static void alias(String field, String... names) {
        for (String n : names) {
            QUERY_NAMES.put(n, field);
        }
    }

    private Fields() {
    }
}
