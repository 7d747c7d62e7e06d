package org.inkstone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.text.ChineseText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The article index as the real job builds it from the sample issue (real Tesseract output,
 * real Lucene index under {@code OUTPUT/index/}): every character traced to its line, hits on
 * the right lines of the right page, filters, bad queries and re-runs.
 */
class SearchIndexTest {

    static ArticleSearcher searcher;
    static JsonNode export;

    @BeforeAll
    static void open() throws Exception {
        searcher = ArticleSearcher.open(SearchIndex.location(SampleRun.output()));
        export = SampleRun.export();
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    private static List<IndexedArticle> articles() throws Exception {
        List<IndexedArticle> out = new ArrayList<>();
        for (JsonNode a : export.get("articles")) {
            out.add(searcher.article(a.get("id").asString()).orElseThrow());
        }
        return out;
    }

    @Test
    void indexHoldsTheExportedArticlesAndTheDocument() throws Exception {
        assertEquals(export.get("articles").size(), searcher.articleCount());
        List<IndexedDocument> docs = searcher.documents();
        assertEquals(1, docs.size());
        IndexedDocument d = docs.get(0);
        assertEquals(SampleRun.NAME, d.name());
        assertEquals(export.get("document").get("sha256").asString(), d.sha256());
        assertEquals(3, d.pages().size());
        assertEquals(2480, d.page(1).width());
        assertTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(d.sourcePath())));
        for (IndexedArticle a : articles()) {
            JsonNode e = find(a.id());
            assertEquals(e.get("text").asString(), a.text());
            assertEquals(e.get("title").asString(), a.title());
            assertEquals(e.get("fragments").size(), a.fragments().size());
        }
    }

    /** Each span's characters are its line's characters; every visible character has a span. */
    @Test
    void everyCharacterIsTracedToTheLineItWasReadFrom() throws Exception {
        Map<String, String> lineText = new HashMap<>();
        for (JsonNode p : export.get("pages")) {
            for (JsonNode l : p.get("lines")) {
                lineText.put(p.get("page").asInt() + ":" + l.get("bbox").toString().replace(" ", ""), l.get("text").asString());
            }
        }
        int spans = 0;
        for (IndexedArticle a : articles()) {
            for (String field : List.of(TextMap.TITLE, TextMap.TEXT)) {
                String text = field.equals(TextMap.TITLE) ? a.title() : a.text();
                boolean[] covered = new boolean[text.length()];
                StringBuilder fromSpans = new StringBuilder(), fromLines = new StringBuilder();
                for (TextMap.LineSpan s : a.map().spans()) {
                    if (!s.field().equals(field)) {
                        continue;
                    }
                    spans++;
                    for (int i = s.start(); i < s.end(); i++) {
                        covered[i] = true;
                    }
                    String line = lineText.get(s.page() + ":" + java.util.Arrays.toString(s.bbox().toArray()).replace(" ", ""));
                    assertTrue(line != null, "span " + s + " of " + a.id() + " names a line of the page");
                    fromSpans.append(text, s.start(), s.end());
                    fromLines.append(line);
                }
                for (int i = 0; i < text.length(); i++) {
                    assertTrue(covered[i] || Character.isWhitespace(text.charAt(i)),
                            a.id() + " " + field + " character " + i + " '" + text.charAt(i) + "' has no line");
                }
                assertEquals(visible(ChineseText.normalizePunctuation(fromLines.toString())), visible(fromSpans.toString()),
                        a.id() + " " + field);
            }
        }
        assertTrue(spans > 100, "spans: " + spans);
    }

    private static String visible(String s) {
        return ChineseText.normalizePunctuation(s.replaceAll("\\s+", ""));
    }

    @Test
    void phrasesFromTheTruthHitTheirLinesOnTheRightPage() throws Exception {
        List<SampleRun.Phrase> phrases = SampleRun.phrases(6);
        assertTrue(phrases.size() >= 10, "phrases: " + phrases);
        int checked = 0;
        for (SampleRun.Phrase p : phrases) {
            SearchResults r = searcher.search(SearchQuery.of(p.text()));
            assertTrue(r.total() >= 1, p.text());
            SearchHit h = r.hits().get(0);
            assertEquals(p.article(), h.id(), p.text() + ": the article whose text holds the phrase comes first");
            assertEquals(p.line().page(), h.page(), p.text());
            assertTrue(h.markedSnippet("[", "]").contains("[" + p.text() + "]"), h.snippet() + " " + p.text());
            // the phrase lies in one truth line; the boxes of the matched lines lie on it
            assertFalse(h.boxes().isEmpty());
            for (SearchHit.Box b : h.boxes()) {
                assertEquals(p.line().page(), b.page());
                assertTrue(SampleRun.sitsOn(b.bbox().toArray(), p.line().bbox()),
                        p.text() + ": box " + b + " sits on truth line " + p.line().text() + " " + Arrays.toString(p.line().bbox()));
            }
            checked++;
        }
        assertTrue(checked >= 10);
    }

    @Test
    void filtersByNewspaperDateAndPage() throws Exception {
        SampleRun.Phrase onPage2 = SampleRun.phrases(6).stream().filter(p -> p.line().page() == 2).findFirst().orElseThrow();
        String q = onPage2.text();
        IndexedDocument doc = searcher.documents().get(0);
        assertEquals("2025-06-03", doc.date(), "date from the masthead or file name");
        assertEquals(1, count(new SearchQuery(q, "2025-06-03", "2025-06-03", null, null, 0, 10)));
        assertEquals(1, count(new SearchQuery(q, "2025-06", null, null, null, 0, 10)));
        assertEquals(1, count(new SearchQuery(q, null, "2025", null, null, 0, 10)));
        assertEquals(0, count(new SearchQuery(q, "2025-06-04", null, null, null, 0, 10)));
        assertEquals(0, count(new SearchQuery(q, null, "2025-06-02", null, null, 0, 10)));
        assertEquals(1, count(new SearchQuery(q, null, null, null, 2, 0, 10)));
        assertEquals(0, count(new SearchQuery(q, null, null, null, 1, 0, 10)));
        assertEquals(0, count(new SearchQuery(q, null, null, "不存在日报", null, 0, 10)));
        if (doc.newspaper() != null) {
            assertEquals(1, count(new SearchQuery(q, null, null, doc.newspaper(), null, 0, 10)));
        }
        // paging
        long all = searcher.search(new SearchQuery("江城", null, null, null, null, 0, 100)).total();
        assertTrue(all >= 3, "江城 in several articles: " + all);
        SearchResults second = searcher.search(new SearchQuery("江城", null, null, null, null, 1, 1));
        assertEquals(all, second.total());
        assertEquals(1, second.hits().size());
        assertEquals(searcher.search(new SearchQuery("江城", null, null, null, null, 0, 2)).hits().get(1).id(),
                second.hits().get(0).id());
    }

    @Test
    void theJumpedArticleIsFoundFromEitherPage() throws Exception {
        JsonNode jumped = null;
        for (JsonNode a : export.get("articles")) {
            if (a.get("continued").size() > 0) {
                jumped = a;
            }
        }
        assertTrue(jumped != null, "the sample's article continued from page 1 to 3");
        String id = jumped.get("id").asString();
        SampleRun.Phrase onPage3 = SampleRun.phrases(6).stream()
                .filter(p -> p.article().equals(id) && p.line().page() == 3).findFirst().orElseThrow();
        SearchHit h = searcher.search(SearchQuery.of(onPage3.text())).hits().get(0);
        assertEquals(id, h.id());
        assertEquals(3, h.page());
        assertEquals(List.of(1, 3), h.pages());
        // the page filter asks for articles standing on page 1; the match is still reported on page 3
        SearchHit f = searcher.search(new SearchQuery(onPage3.text(), null, null, null, 1, 0, 10)).hits().get(0);
        assertEquals(id, f.id());
        assertEquals(3, f.page());
    }

    @Test
    void badQueriesAreRefusedWithAReason() {
        for (String q : List.of("", "   ", "江城(", "title:", "\"江城", "AND", "，。！", "*城", "江".repeat(201))) {
            BadQueryException e = assertThrows(BadQueryException.class, () -> searcher.search(SearchQuery.of(q)), q);
            assertFalse(e.getMessage().isBlank());
        }
        assertThrows(BadQueryException.class, () -> searcher.search(new SearchQuery("江城", "2025-13-01", null, null, null, 0, 10)));
        assertThrows(BadQueryException.class, () -> searcher.search(new SearchQuery("江城", "03/06/2025", null, null, null, 0, 10)));
        assertThrows(BadQueryException.class, () -> searcher.search(new SearchQuery("江城", "2025-06-04", "2025-06-03", null, null, 0, 10)));
        assertThrows(BadQueryException.class, () -> searcher.search(new SearchQuery("江城", null, null, null, 0, 0, 10)));
        assertThrows(BadQueryException.class, () -> searcher.search(new SearchQuery("江城", null, null, null, null, 0, 0)));
        assertTrue(assertThrows(BadQueryException.class, () -> searcher.search(SearchQuery.of("江城(")))
                .getMessage().contains("quotes"));
    }

    @Test
    void queriesAreSearchedAsPhrasesAndAllWordsMustOccur() throws Exception {
        SampleRun.Phrase p = SampleRun.phrases(6).get(0);
        String a = p.text().substring(0, 3), b = p.text().substring(3);
        // a phrase query finds exactly the articles holding the characters in that order
        for (String q : List.of(p.text(), b + a, a)) {
            long literal = 0;
            for (JsonNode x : export.get("articles")) {
                literal += x.get("text").asString().contains(q) || x.get("title").asString().contains(q) ? 1 : 0;
            }
            assertEquals(literal, searcher.search(SearchQuery.of(q)).total(), q);
        }
        long both = searcher.search(SearchQuery.of(a + " " + b)).total();
        long either = searcher.search(SearchQuery.of(a + " OR " + b)).total();
        assertTrue(both >= 1 && either >= both, both + " " + either);
        assertEquals(0, searcher.search(SearchQuery.of(p.text() + " NOT " + p.text())).total());
    }

    @Test
    void runningTheJobAgainReplacesTheDocumentsEntries() throws Exception {
        int before = searcher.articleCount();
        assertEquals(0, SampleRun.runAgain());
        assertEquals(before, searcher.articleCount(), "no duplicates after a second run");
        assertEquals(1, searcher.documents().size());
        SampleRun.Phrase p = SampleRun.phrases(6).get(0);
        assertEquals(1, searcher.search(SearchQuery.of(p.text())).total());
    }

    private static long count(SearchQuery q) throws Exception {
        return searcher.search(q).total();
    }

    private static JsonNode find(String id) {
        for (JsonNode a : export.get("articles")) {
            if (a.get("id").asString().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no exported article " + id);
    }
}
