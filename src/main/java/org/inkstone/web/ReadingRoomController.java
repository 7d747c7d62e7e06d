package org.inkstone.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.export.ArticlesJsonWriter;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.IndexedArticle;
import org.inkstone.search.IndexedDocument;
import org.inkstone.search.SearchHit;
import org.inkstone.search.SearchQuery;
import org.inkstone.search.SearchResults;
import org.inkstone.search.TextMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reading room's JSON API. Boxes are {@code [x0, y0, x1, y1]} in px of the page image at
 * scan resolution (origin top-left), as in {@code articles.json}; text ranges are
 * {@code [start, end)} in UTF-16 code units.
 *
 * <ul>
 * <li>{@code GET /api/search?q=&from=&to=&newspaper=&page=&offset=0&limit=10} — articles
 *     matching the query, best first: id, title, newspaper, date, page of the first match,
 *     snippet with {@code marks}, {@code title_marks} and the {@code boxes} (page, bbox) of the
 *     lines holding matched characters.</li>
 * <li>{@code GET /api/articles/{document}/{article}?q=} — one article: title, text, fragments,
 *     jumps, its pages (size and image URL) and {@code lines}: the page and box each range of
 *     title and text was read from; with {@code q}, the query's {@code marks} and {@code boxes}.</li>
 * <li>{@code GET /api/documents} and {@code /api/documents/{document}} — digitized documents
 *     with their pages; {@code /api/documents/{document}/articles} — a document's articles in
 *     reading order (id, title, opening words, pages).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api")
public class ReadingRoomController {

    private final ArticleSearcher searcher;

    /** @param searcher the article index */
    public ReadingRoomController(ArticleSearcher searcher) {
        this.searcher = searcher;
    }

    /**
     * @return one page of hits (see the class comment)
     * @throws org.inkstone.search.BadQueryException for a bad query or filter (HTTP 400)
     * @throws IOException if the index cannot be read
     */
    @GetMapping("/search")
    public Map<String, Object> search(@RequestParam(defaultValue = "") String q,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String newspaper,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(defaultValue = "0") int offset,
                                      @RequestParam(defaultValue = "10") int limit) throws IOException {
        SearchResults r = searcher.search(new SearchQuery(q, blank(from), blank(to), blank(newspaper), page, offset, limit));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q);
        out.put("total", r.total());
        out.put("offset", r.offset());
        out.put("limit", limit);
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit h : r.hits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("document", h.document());
            m.put("title", h.title());
            m.put("title_marks", h.titleMarks());
            m.put("newspaper", h.newspaper());
            m.put("date", h.date());
            m.put("page", h.page());
            m.put("pages", h.pages());
            m.put("score", h.score());
            m.put("snippet", h.snippet());
            m.put("marks", h.marks());
            m.put("boxes", boxes(h.boxes()));
            hits.add(m);
        }
        out.put("hits", hits);
        return out;
    }

    /**
     * @return the article (see the class comment)
     * @throws ApiErrors.NotFound if no such article is indexed (HTTP 404)
     * @throws IOException if the index cannot be read
     */
    @GetMapping("/articles/{document}/{article}")
    public Map<String, Object> article(@PathVariable String document, @PathVariable String article,
                                       @RequestParam(required = false) String q) throws IOException {
        String id = document + "/" + article;
        IndexedArticle a = searcher.article(id).orElseThrow(() -> new ApiErrors.NotFound("no article " + id));
        IndexedDocument doc = searcher.document(a.document()).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("document", a.document());
        out.put("title", a.title());
        out.put("text", a.text());
        out.put("newspaper", a.newspaper());
        out.put("date", a.date());
        List<Map<String, Object>> pages = new ArrayList<>();
        for (int p : a.pages()) {
            IndexedDocument.Page info = doc == null ? null : doc.page(p);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("page", p);
            m.put("width", info == null ? 0 : info.width());
            m.put("height", info == null ? 0 : info.height());
            m.put("dpi", info == null ? 0 : info.dpi());
            m.put("label", info == null ? null : info.label());
            m.put("image", IiifController.base(a.document(), p));
            pages.add(m);
        }
        out.put("pages", pages);
        out.put("fragments", a.fragments().stream().map(f -> ArticlesJsonWriter.fragment(f.page(), f.bbox())).toList());
        out.put("continued", a.continued().stream().map(ArticlesJsonWriter::jump).toList());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (TextMap.LineSpan s : a.map().spans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", s.field());
            m.put("start", s.start());
            m.put("end", s.end());
            m.put("page", s.page());
            m.put("bbox", s.bbox().toArray());
            lines.add(m);
        }
        out.put("lines", lines);
        if (q != null && !q.isBlank()) {
            var matched = searcher.matches(id, q);
            out.put("marks", Map.of("title", matched.map(ArticleSearcher.Matched::title).orElse(List.of()),
                    "text", matched.map(ArticleSearcher.Matched::text).orElse(List.of())));
            out.put("boxes", boxes(matched.map(ArticleSearcher.Matched::boxes).orElse(List.of())));
        }
        return out;
    }

    /**
     * @return every digitized document with its pages
     * @throws IOException if the index cannot be read
     */
    @GetMapping("/documents")
    public List<Map<String, Object>> documents() throws IOException {
        return searcher.documents().stream().map(ReadingRoomController::document).toList();
    }

    /**
     * @return one document with its pages
     * @throws ApiErrors.NotFound if no such document is indexed (HTTP 404)
     * @throws IOException if the index cannot be read
     */
    @GetMapping("/documents/{document}")
    public Map<String, Object> document(@PathVariable String document) throws IOException {
        return document(searcher.document(document).orElseThrow(() -> new ApiErrors.NotFound("no document " + document)));
    }

    /**
     * @return the articles of one document in reading order: {@code id}, {@code title},
     *         {@code opening} (the first characters of the text), {@code pages}
     * @throws ApiErrors.NotFound if no such document is indexed (HTTP 404)
     * @throws IOException if the index cannot be read
     */
    @GetMapping("/documents/{document}/articles")
    public List<Map<String, Object>> articles(@PathVariable String document) throws IOException {
        searcher.document(document).orElseThrow(() -> new ApiErrors.NotFound("no document " + document));
        return searcher.articlesOf(document).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("title", a.title());
            m.put("opening", a.opening());
            m.put("pages", a.pages());
            return m;
        }).toList();
    }

    private static Map<String, Object> document(IndexedDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("source", d.source());
        m.put("sha256", d.sha256());
        m.put("newspaper", d.newspaper());
        m.put("date", d.date());
        m.put("articles", d.articles());
        List<Map<String, Object>> pages = new ArrayList<>();
        for (IndexedDocument.Page p : d.pages()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("page", p.page());
            pm.put("width", p.width());
            pm.put("height", p.height());
            pm.put("dpi", p.dpi());
            pm.put("status", p.status());
            pm.put("label", p.label());
            pm.put("image", IiifController.base(d.name(), p.page()));
            pages.add(pm);
        }
        m.put("pages", pages);
        return m;
    }

    private static List<Map<String, Object>> boxes(List<SearchHit.Box> boxes) {
        return boxes.stream().map(b -> Map.<String, Object>of("field", b.field(), "page", b.page(),
                "bbox", b.bbox().toArray())).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
