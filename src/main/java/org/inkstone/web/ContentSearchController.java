package org.inkstone.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inkstone.export.Publication;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.TextMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search inside one issue by the IIIF Content Search API, the service its manifest names:
 *
 * <ul>
 * <li>{@code GET /iiif/{document}/search?q=} — Content Search 2.0
 *     ({@code https://iiif.io/api/search/2.0/}): an {@code AnnotationPage} whose items are the
 *     lines holding a match, each an annotation with the line's text as its body and the line's
 *     box on the page's canvas as its target ({@code …/canvas/N#xywh=x,y,w,h}, px of the page
 *     image), and in {@code annotations} one highlighting annotation per match in a line with a
 *     {@code TextQuoteSelector} ({@code prefix}, {@code exact}, {@code suffix}: the matched
 *     characters and up to 10 characters of the article around them).</li>
 * <li>{@code GET /iiif/{document}/search1?q=} — the same as Content Search 1.0
 *     ({@code https://iiif.io/api/search/1.0/}) for viewers that speak only that (Mirador): an
 *     {@code sc:AnnotationList} of the lines with {@code hits} ({@code match}, {@code before},
 *     {@code after}).</li>
 * </ul>
 * The query is that of the reading room's search (words of either script, phrases in quotes);
 * an empty or bad query is HTTP 400, an unknown document 404. Matches in the title and the text
 * of the issue's articles are found, at most {@value #MAX_ARTICLES} articles, in article order.
 * Ids are absolute on the address this request reached, as in the served manifest.
 */
@RestController
public class ContentSearchController {

    /** Most articles searched into per request. */
    static final int MAX_ARTICLES = 200;
    private static final int CONTEXT = 10;

    private final ArticleSearcher searcher;

    /** @param searcher the article index */
    public ContentSearchController(ArticleSearcher searcher) {
        this.searcher = searcher;
    }

    /** One line holding matched characters, and the matches in it. */
    private record LineHit(int page, TextMap.LineSpan span, String line, List<String[]> quotes) {
    }

    /**
     * @return the Content Search 2.0 answer (see the class comment)
     * @throws ApiErrors.NotFound                    for an unknown document (HTTP 404)
     * @throws org.inkstone.search.BadQueryException for an empty or bad query (HTTP 400)
     * @throws IOException                           if the index cannot be read
     */
    @GetMapping("/iiif/{document}/search")
    public ResponseEntity<Map<String, Object>> search(@PathVariable String document, @RequestParam(defaultValue = "") String q)
            throws IOException {
        List<LineHit> hits = hits(document, q);
        Publication here = IiifController.here();
        String self = here.search(document) + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        List<Object> items = new ArrayList<>(), matches = new ArrayList<>();
        int n = 0, m = 0;
        for (LineHit h : hits) {
            String anno = here.iiif(document) + "/annotation/line-" + (++n);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", anno);
            a.put("type", "Annotation");
            a.put("motivation", "supplementing");
            a.put("body", Map.of("type", "TextualBody", "value", h.line(), "format", "text/plain"));
            a.put("target", target(here, document, h));
            items.add(a);
            for (String[] quote : h.quotes()) {
                Map<String, Object> match = new LinkedHashMap<>();
                match.put("id", here.iiif(document) + "/annotation/match-" + (++m));
                match.put("type", "Annotation");
                match.put("motivation", "highlighting");
                match.put("target", Map.of("type", "SpecificResource", "source", anno, "selector",
                        List.of(Map.of("type", "TextQuoteSelector", "prefix", quote[0], "exact", quote[1], "suffix", quote[2]))));
                matches.add(match);
            }
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "http://iiif.io/api/search/2/context.json");
        page.put("id", self);
        page.put("type", "AnnotationPage");
        page.put("items", items);
        if (!matches.isEmpty()) {
            page.put("annotations", List.of(Map.of("type", "AnnotationPage", "items", matches)));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/ld+json;profile=\"http://iiif.io/api/search/2/context.json\""))
                .header(IiifController.CORS, "*").body(page);
    }

    /**
     * @return the Content Search 1.0 answer (see the class comment)
     * @throws ApiErrors.NotFound                    for an unknown document (HTTP 404)
     * @throws org.inkstone.search.BadQueryException for an empty or bad query (HTTP 400)
     * @throws IOException                           if the index cannot be read
     */
    @GetMapping("/iiif/{document}/search1")
    public ResponseEntity<Map<String, Object>> search1(@PathVariable String document, @RequestParam(defaultValue = "") String q)
            throws IOException {
        List<LineHit> hits = hits(document, q);
        Publication here = IiifController.here();
        List<Object> resources = new ArrayList<>(), found = new ArrayList<>();
        int n = 0;
        for (LineHit h : hits) {
            String anno = here.iiif(document) + "/annotation/line-" + (++n);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("@id", anno);
            a.put("@type", "oa:Annotation");
            a.put("motivation", "sc:painting");
            a.put("resource", Map.of("@type", "cnt:ContentAsText", "chars", h.line()));
            a.put("on", canvas(here, document, h));
            resources.add(a);
            for (String[] quote : h.quotes()) {
                found.add(Map.of("@type", "search:Hit", "annotations", List.of(anno), "match", quote[1],
                        "before", quote[0], "after", quote[2]));
            }
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", List.of("http://iiif.io/api/presentation/2/context.json", "http://iiif.io/api/search/1/context.json"));
        list.put("@id", here.search1(document) + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        list.put("@type", "sc:AnnotationList");
        list.put("resources", resources);
        list.put("hits", found);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(IiifController.CORS, "*").body(list);
    }

    private static Map<String, Object> target(Publication here, String document, LineHit h) {
        return Map.of("type", "SpecificResource",
                "source", Map.of("id", here.canvas(document, h.page()), "type", "Canvas",
                        "partOf", List.of(Map.of("id", here.manifest(document), "type", "Manifest"))),
                "selector", Map.of("type", "FragmentSelector", "conformsTo", "http://www.w3.org/TR/media-frags/",
                        "value", xywh(h)));
    }

    private static String canvas(Publication here, String document, LineHit h) {
        return here.canvas(document, h.page()) + "#" + xywh(h);
    }

    private static String xywh(LineHit h) {
        var b = h.span().bbox();
        return String.format(Locale.ROOT, "xywh=%d,%d,%d,%d", b.x0(), b.y0(), b.width(), b.height());
    }

    /** The lines holding matches in the document's articles, each with its matches in reading order. */
    private List<LineHit> hits(String document, String q) throws IOException {
        searcher.document(document).orElseThrow(() -> new ApiErrors.NotFound("no document " + document));
        List<LineHit> out = new ArrayList<>();
        for (ArticleSearcher.DocumentMatch d : searcher.matchesIn(document, q, MAX_ARTICLES)) {
            collect(d, TextMap.TITLE, d.title(), d.matched().title(), out);
            collect(d, TextMap.TEXT, d.text(), d.matched().text(), out);
        }
        return out;
    }

    private static void collect(ArticleSearcher.DocumentMatch d, String field, String text, List<int[]> ranges,
                                List<LineHit> out) {
        Map<TextMap.LineSpan, LineHit> byLine = new LinkedHashMap<>();
        for (int[] r : ranges) {
            for (TextMap.LineSpan span : d.map().linesOf(field, r[0], r[1])) {
                int start = Math.max(r[0], span.start()), end = Math.min(r[1], span.end());
                if (start >= end) {
                    continue;
                }
                LineHit h = byLine.computeIfAbsent(span, s -> new LineHit(s.page(), s,
                        text.substring(Math.max(0, s.start()), Math.min(text.length(), s.end())).strip(), new ArrayList<>()));
                h.quotes().add(new String[] {text.substring(Math.max(0, start - CONTEXT), start), text.substring(start, end),
                        text.substring(end, Math.min(text.length(), end + CONTEXT))});
            }
        }
        out.addAll(byLine.values());
    }
}
