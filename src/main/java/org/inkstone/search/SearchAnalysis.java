package org.inkstone.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How article text is cut into index terms, with the analyzer used on the indexed text and
 * the one used on what a researcher types. The choice is recorded in the index so that queries
 * are always analysed as the index was.
 *
 * <p>Only tokens are folded: {@link CJKWidthFilter} turns full-width Latin letters and digits
 * into ASCII ({@code ２０２５} → {@code 2025}) after the tokenizer has dropped punctuation, so the
 * stored text, snippets and the offsets into them keep Chinese punctuation full-width (a
 * Unicode NFKC pass over the text would also turn {@code ，} into {@code ,}).
 *
 * <p>{@link #BIGRAM_UNIGRAM_FOLDED}, the default, also folds traditional characters to
 * simplified ({@link SimplifiedFoldFilter}), in the index and in queries, so either script finds
 * both; the terms change, the offsets into the stored text do not.
 */
public enum SearchAnalysis {

    /**
     * Lucene's {@link CJKAnalyzer}: overlapping Han bigrams (a Han character standing alone
     * between non-Han text is kept as a unigram), the same on both sides.
     */
    BIGRAM,

    /**
     * Bigrams and unigrams indexed at the same positions, bigrams (and lone unigrams) queried.
     * A query {@code 株洲市} is the phrase {@code 株洲 洲市} as with {@link #BIGRAM}; a query that
     * mixes digits and Han characters such as {@code 2025年} is {@code 2025 年}, which the
     * unigram {@code 年} in the index matches also where the printed text goes on with Han
     * characters ({@code 2025年第一季度}, whose bigrams are {@code 年第 第一 …}), and a single
     * character finds its unigram. The default of indexes built before {@link #BIGRAM_UNIGRAM_FOLDED}.
     */
    BIGRAM_UNIGRAM,

    /**
     * {@link #BIGRAM_UNIGRAM} over characters folded from traditional to simplified
     * ({@link SimplifiedFoldFilter}) before the bigrams are made, in the index and in queries:
     * {@code 地铁} finds {@code 地鐵} and {@code 地鐵} finds {@code 地铁}, with the match on the
     * characters as printed. The default.
     */
    BIGRAM_UNIGRAM_FOLDED,

    /**
     * Lucene's {@link SmartChineseAnalyzer}: words by a hidden Markov model over a dictionary
     * (ICTCLAS), the same on both sides.
     */
    SMARTCN;

    /** The analysis new indexes are built with, chosen by recall on the dev corpus (see README). */
    public static final SearchAnalysis DEFAULT = BIGRAM_UNIGRAM_FOLDED;

    /** @return a new analyzer for the indexed title and text */
    public Analyzer indexAnalyzer() {
        return switch (this) {
            case BIGRAM -> new CJKAnalyzer();
            case BIGRAM_UNIGRAM -> bigrams(true, false);
            case BIGRAM_UNIGRAM_FOLDED -> bigrams(true, true);
            case SMARTCN -> new SmartChineseAnalyzer();
        };
    }

    /** @return a new analyzer for query text */
    public Analyzer queryAnalyzer() {
        return switch (this) {
            case BIGRAM -> new CJKAnalyzer();
            case BIGRAM_UNIGRAM -> bigrams(false, false);
            case BIGRAM_UNIGRAM_FOLDED -> bigrams(false, true);
            case SMARTCN -> new SmartChineseAnalyzer();
        };
    }

    /**
     * Unicode word segmentation (UAX #29, which makes every Han character a token and drops
     * punctuation), width folding of Latin letters and digits, lower case, with {@code fold}
     * traditional characters folded to simplified, Han bigrams.
     */
    private static Analyzer bigrams(boolean unigrams, boolean fold) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new CJKWidthFilter(source);
                ts = new LowerCaseFilter(ts);
                if (fold) {
                    ts = new SimplifiedFoldFilter(ts);
                }
                ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream ts = new LowerCaseFilter(new CJKWidthFilter(in));
                return fold ? new SimplifiedFoldFilter(ts) : ts;
            }
        };
    }
}
