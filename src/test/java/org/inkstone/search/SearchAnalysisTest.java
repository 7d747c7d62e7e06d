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
        return index(analysis, List.of(article("doc/a001", "株洲经济开门红", TEXT)));
    }

    private static IndexedArticle article(String id, String title, String text) {
        return new IndexedArticle(id, "doc", title, text, "株洲日报", "2025-04-01",
                List.of(new IndexedArticle.Fragment(1, new Bbox(0, 0, 100, 100))), List.<Article.Jump>of(),
                new TextMap(List.of(new TextMap.LineSpan(TextMap.TEXT, 0, text.length(), 1, new Bbox(0, 0, 100, 10))), 0));
    }

    private ArticleSearcher index(SearchAnalysis analysis, List<IndexedArticle> articles) throws Exception {
        Path d = dir.resolve(analysis.name());
        try (SearchIndex.Writer w = SearchIndex.Writer.open(d, analysis)) {
            w.add(new IndexedDocument("doc", "doc.pdf", "/nowhere/doc.pdf", "0".repeat(64), "株洲日报", "2025-04-01",
                    List.of(new IndexedDocument.Page(1, 100, 100, 300, "done", "01", 0)), 1), articles);
            w.commit();
        }
        return ArticleSearcher.open(d);
    }

    static final String TRADITIONAL = "本報訊　江城地鐵五號線今日開通運營，乘客可在車站購買車票。";
    static final String SIMPLIFIED = "本报讯　城南地铁站新增出入口两个，方便市民乘车。";

    @Test
    void simplifiedQueriesFindTraditionalTextAndBackWithMarksOnThePrintedCharacters() throws Exception {
        try (ArticleSearcher s = index(SearchAnalysis.DEFAULT, List.of(
                article("doc/a001", "地鐵五號線開通", TRADITIONAL), article("doc/a002", "地铁站新增出入口", SIMPLIFIED)))) {
            for (String q : List.of("地铁", "地鐵", "\"地铁\"", "地铁*")) {
                SearchResults r = s.search(SearchQuery.of(q));
                assertEquals(2, r.total(), q + " finds the article in either script");
            }
            SearchHit traditional = s.search(SearchQuery.of("五号线")).hits().get(0);
            assertEquals("doc/a001", traditional.id());
            assertEquals("地鐵[五號線]開通", traditional.markedTitle("[", "]"), "the title as printed, marked");
            assertTrue(traditional.markedSnippet("[", "]").contains("江城地鐵[五號線]今日開通"), traditional.markedSnippet("[", "]"));
            SearchHit simplified = s.search(SearchQuery.of("地鐵站")).hits().get(0);
            assertEquals("doc/a002", simplified.id());
            assertTrue(simplified.markedSnippet("[", "]").contains("城南[地铁站]新增"), simplified.markedSnippet("[", "]"));
            assertEquals(1, count(s, "車票"));
            assertEquals(1, count(s, "车票"));
            assertEquals(0, count(s, "铁地"), "characters out of order are still not the phrase");
            // the boxes of a match are those of the lines holding it, as for any other match
            assertEquals(1, s.search(SearchQuery.of("购买")).hits().get(0).boxes().size());
        }
    }

    @Test
    void anIndexBuiltWithoutTheFoldKeepsSearchingAsBuilt() throws Exception {
        try (ArticleSearcher s = index(SearchAnalysis.BIGRAM_UNIGRAM, List.of(article("doc/a001", "地鐵五號線開通", TRADITIONAL)))) {
            assertEquals(1, count(s, "地鐵"));
            assertEquals(0, count(s, "地铁"), "no fold in an index built before it");
        }
    }

    @Test
    void foldingIsByCharacterAndStable() {
        assertEquals("地铁五号线开通运营", SimplifiedFoldFilter.fold("地鐵五號線開通運營"));
        assertEquals("地铁", SimplifiedFoldFilter.fold("地铁"), "simplified stays");
        assertEquals("乾隆头发", SimplifiedFoldFilter.fold("乾隆頭髮"), "OpenCC's first simplified form");
        assertEquals("苎", SimplifiedFoldFilter.fold("薴"), "a chain of forms is followed to its end");
        assertEquals("株洲2025年，GDP", SimplifiedFoldFilter.fold("株洲2025年，GDP"));
        for (String t : List.of(TRADITIONAL, SIMPLIFIED)) {
            String once = SimplifiedFoldFilter.fold(t);
            assertEquals(once, SimplifiedFoldFilter.fold(once));
            assertEquals(t.codePointCount(0, t.length()), once.codePointCount(0, once.length()), "one character for one");
        }
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
