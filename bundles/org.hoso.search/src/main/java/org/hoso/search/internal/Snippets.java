package org.hoso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.hoso.core.api.SearchService.Snippet;
import org.hoso.core.api.SearchService.Span;

/**
 * The best passage of each hit's {@link Fields#BODY} with the query's words marked. The body is stored, not indexed:
 * the highlighter analyses it again with the folded analyzer, so a match found without diacritics is marked on the
 * text as written ("so hoa" marks "số hóa"), and words matched in any text field count.
 */
final class Snippets {

    /** The longest snippet, in characters; a longer passage is cut around its first match. */
    static final int MAX_CHARS = 240;
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
                .withMaxNoHighlightPassages(1));
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
            return highlightFieldsAsObjects(new String[] { Fields.BODY }, query, docIds, new int[] { 1 });
        }
    }

    /** One passage, cut to {@link #MAX_CHARS} around its first match, the body's lines joined by " · ". */
    private static final class Formatter extends PassageFormatter {
        /** A line break while the marks are placed (never in stored text: control characters are not kept). */
        private static final char BREAK = '\u0001';

        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) {
                return new Snippet("", List.of());
            }
            Passage p = passages[0];
            int start = p.getStartOffset();
            int end = Math.min(p.getEndOffset(), content.length());
            if (p.getNumMatches() > 0 && end - start > MAX_CHARS) {
                int first = p.getMatchStarts()[0];
                start = Math.max(start, wordStart(content, first - MAX_CHARS / 4));
            }
            end = Math.min(end, start + MAX_CHARS);
            if (end < p.getEndOffset()) {
                end = wordEnd(content, end, start);
            }
            List<int[]> marks = new ArrayList<>();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int s = p.getMatchStarts()[i];
                int e = p.getMatchEnds()[i];
                if (s < start || e > end) {
                    continue;
                }
                int[] last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
                if (last != null && last[1] <= s && content.substring(last[1], s).isBlank()) {
                    last[1] = e; // neighbouring words (of one phrase): one mark
                } else if (last == null || s >= last[1]) {
                    marks.add(new int[] { s, e });
                }
            }
            final int from = start;
            List<Span> spans = marks.stream().map(m -> new Span(m[0] - from, m[1] - from)).toList();
            // the body's lines (abstract, issuer, signer, page text) shown joined by " · "; the marks move with them
            String text = content.substring(start, end).replace('\r', ' ').replace('\n', BREAK);
            return new Snippet(text.replace(String.valueOf(BREAK), " · "), shift(text, spans));
        }

        /** The spans moved by the two spaces each line break gains in the text shown. */
        private static List<Span> shift(String text, List<Span> spans) {
            List<Span> out = new ArrayList<>(spans.size());
            for (Span sp : spans) {
                int before = 0;
                for (int i = 0; i < sp.start(); i++) {
                    before += text.charAt(i) == BREAK ? 2 : 0;
                }
                int inside = 0;
                for (int i = sp.start(); i < sp.end(); i++) {
                    inside += text.charAt(i) == BREAK ? 2 : 0;
                }
                out.add(new Span(sp.start() + before, sp.end() + before + inside));
            }
            return out;
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
