package org.inkstone.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.article.Article;
import org.inkstone.layout.IssueMetadata;
import org.inkstone.layout.LineRole;
import org.inkstone.layout.PageLayout;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.PageRecord;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a document's {@code articles.json} in the article export format
 * ({@code shared/spec/article-export.md}): document metadata, every page's lines in reading
 * order with bbox (px of the page image as displayed, upright; see {@code rotation}), confidence and layout role (headline, body, caption, running_head, section_label,
 * jump_from, jump_to, masthead, noise), and the articles with kind, title and its parts, byline,
 * text, fragments (with their confidence) and jumps; the project's {@code docs/article-export.md}
 * describes every field.
 * The file is written to a temporary name and moved into place, so a reader never sees half a file.
 */
public final class ArticlesJsonWriter {

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param document the document
     * @param issue    newspaper, date and page labels of the issue
     * @param pages    its pages in page order (failed pages are listed without lines)
     * @param layouts  layout of each page, same order as {@code pages}: gives each line its role
     * @param articles its articles in reading order
     * @param target   the file to write, e.g. {@code output/NAME/articles.json}
     * @throws IOException if the file cannot be written
     */
    public void write(DocumentRecord document, IssueMetadata issue, List<PageRecord> pages, List<PageLayout> layouts,
                      List<Article> articles, Path target)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", document.sourceName());
        doc.put("sha256", document.sha256());
        doc.put("pages", pages.size());
        if (issue.newspaper() != null) {
            doc.put("newspaper", issue.newspaper());
        }
        if (issue.date() != null) {
            doc.put("date", issue.date());
        }
        root.put("document", doc);
        List<Map<String, Object>> pageList = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            Map<String, Object> page = page(pages.get(i), layouts.get(i));
            if (issue.pageLabels().get(i) != null) {
                page.put("label", issue.pageLabels().get(i));
            }
            pageList.add(page);
        }
        root.put("pages", pageList);
        root.put("articles", articles.stream().map(ArticlesJsonWriter::article).toList());
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), root);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> page(PageRecord p, PageLayout layout) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", p.pageNo());
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("dpi", p.dpi());
        if (p.rotationDeg() != 0) {
            // quarter turn (clockwise) from the PDF's stored page image to the page as read: the
            // page's /Rotate and any turn found on the scan; width, height and boxes are of the turned page
            m.put("rotation", p.rotationDeg());
        }
        m.put("status", p.status().toLowerCase());
        if (p.error() != null) {
            m.put("error", p.error());
        }
        m.put("confidence", round(p.confidence()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < layout.lines().size(); i++) {
            lines.add(line(layout.lines().get(i), layout.roles().get(i)));
        }
        m.put("lines", lines);
        return m;
    }

    private static Map<String, Object> line(OcrLine l, LineRole role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", l.text());
        m.put("bbox", l.bbox().toArray());
        m.put("confidence", round(l.confidence()));
        m.put("role", role.name().toLowerCase());
        return m;
    }

    private static Map<String, Object> article(Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind().name().toLowerCase());
        m.put("title", a.title());
        m.put("kicker", a.heading().kicker());
        m.put("headline", a.heading().headline());
        m.put("subtitle", a.heading().subtitle());
        m.put("byline", a.byline());
        m.put("text", a.text());
        m.put("fragments", a.fragments().stream().map(f -> {
            Map<String, Object> fm = fragment(f.page(), f.bbox());
            fm.put("confidence", round(f.confidence()));
            fm.put("layout_confidence", round(f.layoutConfidence()));
            return fm;
        }).toList());
        m.put("continued", a.continued().stream().map(ArticlesJsonWriter::jump).toList());
        return m;
    }

    /**
     * @param page page number counted from 1
     * @param bbox the fragment's box on the page image, px
     * @return the JSON object of an article fragment {@code {"page": n, "bbox": [x0, y0, x1, y1]}},
     *         keys in that order
     */
    public static Map<String, Object> fragment(int page, Bbox bbox) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", page);
        m.put("bbox", bbox.toArray());
        return m;
    }

    /**
     * @param j a jump of an article from one page to another
     * @return its JSON object {@code {"from_page", "to_page", "marker"}}, keys in that order
     */
    public static Map<String, Object> jump(Article.Jump j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from_page", j.fromPage());
        m.put("to_page", j.toPage());
        m.put("marker", j.marker());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
