package org.hoso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.hoso.core.api.SearchService.Snippet;
import org.hoso.core.api.SearchService.Span;

/**
 * The best lines of each hit's {@link Fields#BODY} with the query's words marked. The body is stored, not indexed:
 * the highlighter analyses it again with the folded analyzer, so a match found without diacritics is marked on the
 * text as written ("so hoa" marks "số hóa"), and words matched in any text field count.
 */
final class Snippets {

    /** The longest snippet, in characters; a longer passage is cut around its first match. */
    static final int MAX_CHARS = 240;
    /** The best lines shown per hit. */
    static final int PASSAGES = 2;
    /** Only the start of a long body is looked at. */
    private static final int MAX_ANALYSED = 20_000;

    private static final Set<String> MATCHED_FIELDS = Set.of(Fields.ALL, Fields.ALL_EXACT, Fields.TYPE,
            Fields.NUMBER, Fields.ISSUER, Fields.SIGNER, Fields.ABSTRACT, Fields.TITLE, Fields.RETENTION, Fields.TEXT,
            Fields.DATE, Fields.BODY);

    private Snippets() {
    }

    static Snippet[] of(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        Highlighter h = new Highlighter(UnifiedHighlighter.builder(searcher, Analyzers.FOLDED)
                .withFieldMatcher(MATCHED_FIELDS::contains)
                .withFormatter(new Formatter())
                .withMaxLength(MAX_ANALYSED)
                .withHighlightPhrasesStrictly(true)
                .withHandleMultiTermQuery(true)
                .withMaxNoHighlightPassages(1)
                // each word on its own: a document matched partly through its fields has no match of the whole
                // query inside its body, and would otherwise get no marks at all
                .withWeightMatches(false)
                // a passage is a line: Vietnamese abbreviations ("KT.", "TM.", "V/v") end no sentence
                .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n')));
        Map<String, Object[]> found = h.objects(query, docIds);
        Object[] bodies = found.get(Fields.BODY);
        Snippet[] out = new Snippet[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            out[i] = bodies != null && bodies[i] instanceof Snippet s ? s : new Snippet("", List.of());
        }
        return out;
    }

    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> objects(Query query, int[] docIds) throws IOException {
            return highlightFieldsAsObjects(new String[] { Fields.BODY }, query, docIds, new int[] { PASSAGES });
        }
    }

    /**
     * The best passages (lines of the body: the abstract, the issuer, a line of page text...) in text order, each
     * cut to {@link #MAX_CHARS} around its first match, joined by " · " when they are neighbouring lines and " … "
     * when lines lie between them.
     */
    private static final class Formatter extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder text = new StringBuilder();
            List<Span> spans = new ArrayList<>();
            int previousEnd = -1;
            java.util.Set<String> shownLines = new java.util.HashSet<>();
            for (Passage p : passages) {
                int start = p.getStartOffset();
                int end = Math.min(p.getEndOffset(), content.length());
                if (p.getNumMatches() > 0 && end - start > MAX_CHARS) {
                    start = Math.max(start, wordStart(content, p.getMatchStarts()[0] - MAX_CHARS / 4));
                }
                int cut = Math.min(end, start + MAX_CHARS);
                if (cut < end) {
                    end = wordEnd(content, cut, start);
                }
                while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
                    end--;
                }
                while (start < end && Character.isWhitespace(content.charAt(start))) {
                    start++;
                }
                if (start >= end || !shownLines.add(content.substring(start, end))) {
                    continue; // empty, or the same line again (a page's text repeats the abstract)
                }
                if (previousEnd >= 0) {
                    text.append(content.substring(previousEnd, start).strip().isEmpty() ? " · " : " … ");
                }
                int base = text.length() - start;
                int last = -1;
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int ms = p.getMatchStarts()[i];
                    int me = p.getMatchEnds()[i];
                    if (ms < start || me > end || ms < last) {
                        continue;
                    }
                    Span prev = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                    if (prev != null && prev.end() - base <= ms && last >= 0
                            && joins(content.substring(prev.end() - base, ms))) {
                        spans.set(spans.size() - 1, new Span(prev.start(), me + base)); // neighbouring words: one mark
                    } else {
                        spans.add(new Span(ms + base, me + base));
                    }
                    last = me;
                }
                text.append(content, start, end);
                previousEnd = end;
            }
            // a passage is one line, but a cut one may hold a tab or a stray break: keep the offsets, show spaces
            String shown = text.toString().replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
            return new Snippet(shown, List.copyOf(spans));
        }

        /** Whether two marks with this between them are one: a space, or a comma and a space, and no word. */
        private static boolean joins(String between) {
            return between.length() <= 3 && between.codePoints().noneMatch(Character::isLetterOrDigit);
        }

        private static int wordStart(String s, int at) {
            int i = Math.max(0, at);
            while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            return i;
        }

        private static int wordEnd(String s, int at, int min) {
            int i = at;
            while (i > min && i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i--;
            }
            return i > min ? i : at;
        }
    }
}
