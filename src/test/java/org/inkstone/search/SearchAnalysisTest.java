package org.inkstone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inkstone.article.Article;
import org.inkstone.model.Bbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyses on text a researcher searches: what each finds in a small real Lucene index.
 * Shows why the index keeps unigrams beside the bigrams.
 */
class SearchAnalysisTest {

    @TempDir
    Path dir;

    private static final String TEXT = "2025年第一季度，株洲市GDP增长５.２％。全市新增就业1.2万人。";

    private ArticleSearcher index(SearchAnalysis analysis) throws Exception {
        Path d = dir.resolve(analysis.name());
        IndexedArticle a = new IndexedArticle("doc/a001", "doc", "株洲经济开门红", TEXT, "株洲日报", "2025-04-01",
                List.of(new IndexedArticle.Fragment(1, new Bbox(0, 0, 100, 100))), List.<Article.Jump>of(),
                new TextMap(List.of(new TextMap.LineSpan(TextMap.TEXT, 0, TEXT.length(), 1, new Bbox(0, 0, 100, 10))), 0));
        try (SearchIndex.Writer w = SearchIndex.Writer.open(d, analysis)) {
            w.add(new IndexedDocument("doc", "doc.pdf", "/nowhere/doc.pdf", "0".repeat(64), "株洲日报", "2025-04-01",
                    List.of(new IndexedDocument.Page(1, 100, 100, 300, "done", "01", 0)), 1), List.of(a));
            w.commit();
        }
        return ArticleSearcher.open(d);
    }

    private static long count(ArticleSearcher s, String q) throws Exception {
        return s.search(SearchQuery.of(q)).total();
    }

    @Test
    void bigramsWithUnigramsFindNumbersWithTheirUnitAndSingleCharacters() throws Exception {
        try (ArticleSearcher s = index(SearchAnalysis.BIGRAM_UNIGRAM)) {
            for (String q : List.of("2025年", "２０２５年", "株洲", "株洲市", "第一季度", "gdp", "株", "1.2万人", "年第一")) {
                assertEquals(1, count(s, q), q);
            }
            assertEquals(0, count(s, "洲株"), "characters out of order are not the phrase");
            assertEquals(0, count(s, "2024年"));
            SearchHit h = s.search(SearchQuery.of("2025年")).hits().get(0);
            assertEquals("[2025年]第一季度", h.markedSnippet("[", "]").substring(0, 11));
            assertTrue(h.snippet().contains("，株洲市"), "Chinese punctuation stays full-width: " + h.snippet());
        }
    }

    @Test
    void plainBigramsMissANumberFollowedByHanCharacters() throws Exception {
        try (ArticleSearcher s = index(SearchAnalysis.BIGRAM)) {
            assertEquals(1, count(s, "株洲市"));
            // 年 is indexed only inside the bigram 年第, the query's lone 年 finds nothing
            assertEquals(0, count(s, "2025年"));
        }
    }

    @Test
    void theIndexKeepsItsAnalysisForQueriesAndLaterWrites() throws Exception {
        try (ArticleSearcher s = index(SearchAnalysis.BIGRAM)) {
            assertEquals(0, count(s, "2025年"));
        }
        try (SearchIndex.Writer w = SearchIndex.Writer.open(dir.resolve(SearchAnalysis.BIGRAM.name()), SearchAnalysis.DEFAULT)) {
            assertEquals(SearchAnalysis.BIGRAM, w.analysis());
        }
    }
}
