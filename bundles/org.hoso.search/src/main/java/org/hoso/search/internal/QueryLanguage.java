package org.hoso.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hoso.core.api.model.VietnameseText;

/**
 * Reads the query language (see the bundle README) into a Lucene query.
 * <ul>
 * <li>{@code so hoa}: documents with both words, whatever their diacritics; those with the diacritics as typed rank
 * higher</li>
 * <li>{@code "ban giao ho so"}: the words next to each other, in this order</li>
 * <li>{@code field:value}, {@code field:"a phrase"}: in one field ({@link Fields#QUERY_NAMES})</li>
 * <li>{@code year:2019..2021}, {@code year:2020}, {@code year:2019..}, {@code year:..2021}</li>
 * <li>{@code -word}, {@code -field:value}: without it; {@code word*}: words that begin so</li>
 * <li>{@code a b OR c d}: either group (OR, or HOẶC, in capitals)</li>
 * </ul>
 */
final class QueryLanguage {

    /** How much more a word matched with its diacritics as typed counts than one matched only once folded. */
    static final float EXACT_BOOST = 2f;
    private static final int MAX_YEAR_SPAN = 10_000;

    private QueryLanguage() {
    }

    static Query parse(String text, Optional<String> fondsCode) {
        String q = VietnameseText.nfc(text);
        List<List<Clause>> groups = new ArrayList<>();
        List<Clause> group = new ArrayList<>();
        groups.add(group);
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean negate = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                negate = true;
                i++;
            }
            // an optional field name before ':'
            String field = null;
            int colon = fieldEnd(q, i);
            if (colon > i) {
                String name = VietnameseText.fold(q.substring(i, colon)).replace(" ", "");
                String f = Fields.QUERY_NAMES.get(name);
                if (f != null) {
                    field = f;
                    i = colon + 1;
                }
            }
            String value;
            boolean phrase = false;
            if (i < n && q.charAt(i) == '"') {
                int close = q.indexOf('"', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed quote at character " + (i + 1) + ": " + text);
                }
                value = q.substring(i + 1, close);
                phrase = true;
                i = close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(q.charAt(end))) {
                    end++;
                }
                value = q.substring(i, end);
                i = end;
            }
            if (!phrase && field == null && !negate && (value.equals("OR") || value.equals("HOẶC"))) {
                if (!group.isEmpty()) {
                    group = new ArrayList<>();
                    groups.add(group);
                }
                continue;
            }
            if (field != null && value.isBlank()) {
                throw new IllegalArgumentException("no value after " + q.substring(start, i) + ": " + text);
            }
            Clause clause = clause(field, value, phrase, text);
            if (clause != null) {
                group.add(negate ? new Clause(clause.query, Occur.MUST_NOT) : clause);
            }
        }
        groups.removeIf(List::isEmpty);

        BooleanQuery.Builder top = new BooleanQuery.Builder();
        if (groups.isEmpty()) {
            top.add(new MatchAllDocsQuery(), Occur.MUST);
        } else if (groups.size() == 1) {
            addGroup(top, groups.get(0));
        } else {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            for (List<Clause> g : groups) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                addGroup(b, g);
                either.add(b.build(), Occur.SHOULD);
            }
            either.setMinimumNumberShouldMatch(1);
            top.add(either.build(), Occur.MUST);
        }
        fondsCode.ifPresent(f -> top.add(new TermQuery(new Term(Fields.FONDS, f)), Occur.FILTER));
        return top.build();
    }

    private record Clause(Query query, Occur occur) {
    }

    private static void addGroup(BooleanQuery.Builder b, List<Clause> clauses) {
        boolean positive = false;
        for (Clause c : clauses) {
            b.add(c.query, c.occur);
            positive |= c.occur != Occur.MUST_NOT;
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
    }

    /** The index of the ':' ending a field name that starts at {@code i}, or -1. */
    private static int fieldEnd(String q, int i) {
        int j = i;
        while (j < q.length() && (Character.isLetter(q.charAt(j)) || q.charAt(j) == '_')) {
            j++;
        }
        return j > i && j < q.length() && q.charAt(j) == ':' ? j : -1;
    }

    private static Clause clause(String field, String value, boolean phrase, String text) {
        if (field == null) {
            // the described values (ALL) or the pages' text (TEXT), folded; the exact form ranks higher
            Query folded = words(Fields.ALL, Analyzers.FOLDED, value, phrase);
            if (folded == null) {
                return null;
            }
            Query pages = words(Fields.TEXT, Analyzers.FOLDED, value, phrase);
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(folded, Occur.SHOULD).add(pages, Occur.SHOULD);
            if (!(folded instanceof PrefixQuery)) {
                Query exact = words(Fields.ALL_EXACT, Analyzers.EXACT, value, phrase);
                if (exact != null) {
                    b.add(new BoostQuery(exact, EXACT_BOOST), Occur.SHOULD);
                }
            }
            b.setMinimumNumberShouldMatch(1);
            return new Clause(b.build(), Occur.MUST);
        }
        switch (field) {
            case Fields.YEAR:
                return new Clause(years(value, text), Occur.FILTER);
            case Fields.KIND:
                return new Clause(new TermQuery(new Term(Fields.KIND, kind(value, text))), Occur.FILTER);
            case Fields.FONDS:
            case Fields.DOC:
            case Fields.FILE: {
                String v = value.strip();
                Query q = v.endsWith("*") ? new PrefixQuery(new Term(field, v.substring(0, v.length() - 1)))
                        : new TermQuery(new Term(field, v));
                return new Clause(q, Occur.FILTER);
            }
            case Fields.BOX:
                return new Clause(new TermQuery(new Term(Fields.BOX, value.strip().toLowerCase(Locale.ROOT))),
                        Occur.FILTER);
            default: {
                Query q = words(field, Analyzers.FOLDED, value, phrase);
                return q == null ? null : new Clause(q, Occur.MUST);
            }
        }
    }

    /**
     * The query for {@code value} in {@code field}: one word is a term (or a prefix, ending in *), several are a
     * phrase, as are the words of a quoted phrase.
     */
    private static Query words(String field, Analyzer analyzer, String value, boolean phrase) {
        if (!phrase && value.length() > 1 && value.endsWith("*")) {
            List<String> t = Analyzers.tokens(analyzer, field, value.substring(0, value.length() - 1));
            if (t.size() == 1) {
                return new PrefixQuery(new Term(field, t.get(0)));
            }
        }
        List<String> tokens = Analyzers.tokens(analyzer, field, value);
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        return new PhraseQuery(field, tokens.toArray(String[]::new));
    }

    private static String kind(String value, String text) {
        return switch (VietnameseText.fold(value)) {
            case "file", "files", "hoso" -> "file";
            case "item", "items", "document", "documents", "doc", "vanban" -> "item";
            default -> throw new IllegalArgumentException("kind:" + value + " — use kind:file (hồ sơ) or kind:item "
                    + "(văn bản): " + text);
        };
    }

    private static Query years(String value, String text) {
        String v = value.strip().replace("–", "..");
        int from;
        int to;
        try {
            int dots = v.indexOf("..");
            if (dots >= 0) {
                String a = v.substring(0, dots).strip();
                String b = v.substring(dots + 2).strip();
                from = a.isEmpty() ? 0 : Integer.parseInt(a);
                to = b.isEmpty() ? MAX_YEAR_SPAN : Integer.parseInt(b);
            } else if (v.matches("\\d{1,4}-\\d{1,4}")) {
                from = Integer.parseInt(v.substring(0, v.indexOf('-')));
                to = Integer.parseInt(v.substring(v.indexOf('-') + 1));
            } else {
                from = Integer.parseInt(v);
                to = from;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("year:" + value + " — write a year as 2020, a range as 2019..2021: "
                    + text);
        }
        if (from > to) {
            throw new IllegalArgumentException("year:" + value + " — the range ends before it begins: " + text);
        }
        return IntPoint.newRangeQuery(Fields.YEAR, from, to);
    }
}
