package org.hoso.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The two ways text is indexed. Folded: words, lower case, without diacritics (đ → d), so "so hoa" finds "số hóa".
 * Exact: words in lower case with their diacritics, so a query typed with diacritics ranks the documents that have
 * them above those that only match once folded. Text is composed (NFC) before it reaches either.
 */
final class Analyzers {

    /** Folded: StandardTokenizer (Unicode word breaks), lower case, ASCII folding. */
    static final Analyzer FOLDED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream tokens = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, tokens);
        }
    };

    /** Exact: StandardTokenizer, lower case; diacritics kept. */
    static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };

    /** The analyzer of each field: exact for {@link Fields#ALL_EXACT}, folded for the others. */
    static final Analyzer PER_FIELD = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        private final Map<String, Analyzer> exact = Map.of(Fields.ALL_EXACT, EXACT);

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return exact.getOrDefault(fieldName, FOLDED);
        }
    };

    private Analyzers() {
    }

    /** The tokens {@code analyzer} makes of {@code text}. */
    static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
