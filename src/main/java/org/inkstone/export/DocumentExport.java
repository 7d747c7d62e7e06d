package org.inkstone.export;

import java.util.List;
import org.inkstone.article.Article;
import org.inkstone.layout.IssueMetadata;
import org.inkstone.layout.PageLayout;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.PageRecord;

/**
 * Everything the exports of one digitized document are written from, as the {@code export} and
 * {@code index} steps read it back from the database (pages and articles as stored, layouts
 * analysed again from the stored lines).
 *
 * @param document the stored document (its {@link DocumentRecord#exportName()} names the export folder)
 * @param issue    newspaper, date and printed page labels of the issue
 * @param pages    the stored pages in page order, with blocks, lines and words (boxes in px of
 *                 the page image at scan resolution); failed pages have no lines
 * @param layouts  layout of each page, same order as {@code pages}
 * @param articles the articles in reading order; fragment line numbers index {@link PageRecord#lines()}
 */
public record DocumentExport(DocumentRecord document, IssueMetadata issue, List<PageRecord> pages,
                             List<PageLayout> layouts, List<Article> articles) {

    /**
     * @param pageIndex index into {@link #pages()}
     * @return the printed page label (the N of 第N版), or null when none was read
     */
    public String pageLabel(int pageIndex) {
        List<String> labels = issue.pageLabels();
        return pageIndex < labels.size() ? labels.get(pageIndex) : null;
    }

    /**
     * @param article an article of this document
     * @return its short id, the part of {@link Article#id()} after the last {@code /}, e.g. {@code a003}
     */
    public static String localId(Article article) {
        String id = article.id();
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
