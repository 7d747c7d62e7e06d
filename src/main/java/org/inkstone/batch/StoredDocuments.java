package org.inkstone.batch;

import java.util.List;
import java.util.regex.Pattern;
import org.inkstone.InkstoneProperties;
import org.inkstone.export.DocumentExport;
import org.inkstone.layout.IssueMetadata;
import org.inkstone.layout.LayoutAnalyzer;
import org.inkstone.layout.PageLayout;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageRecord;

/**
 * Reads a digitized document back from the database for the {@code layout}, {@code export} and
 * {@code index} steps: its stored pages, their layouts (analysed again from the stored lines by
 * {@link LayoutAnalyzer}, which is deterministic and takes some milliseconds per page, so every
 * step sees the layouts the articles were assembled from), the issue metadata read from them
 * ({@link IssueMetadata#read}) and the stored articles.
 */
public class StoredDocuments {

    private final DocumentStore store;
    private final InkstoneProperties.Issue issue;
    private final Pattern fileNamePattern;
    private final LayoutAnalyzer layout = new LayoutAnalyzer();

    /**
     * @param store the document store
     * @param issue issue metadata settings of the job definition (file-name pattern, newspaper title)
     * @throws java.util.regex.PatternSyntaxException if the file-name pattern is not a valid
     *                                                {@code java.util.regex} pattern
     */
    public StoredDocuments(DocumentStore store, InkstoneProperties.Issue issue) {
        this.store = store;
        this.issue = issue;
        this.fileNamePattern = issue.filePattern() == null || issue.filePattern().isBlank()
                ? null : Pattern.compile(issue.filePattern());
    }

    /**
     * @param pages a document's stored pages in page order
     * @return the layout of each page, same order (a failed page has no lines and an empty layout)
     */
    public List<PageLayout> layouts(List<PageRecord> pages) {
        return pages.stream().map(p -> layout.analyze(p.pageNo(), p.width(), p.height(), p.lines())).toList();
    }

    /**
     * Loads everything a document's exports and index entries are made from.
     *
     * @param doc a stored document whose articles the {@code layout} step has stored
     * @return its pages, layouts, issue metadata and stored articles
     */
    public DocumentExport load(DocumentRecord doc) {
        List<PageRecord> pages = store.pages(doc.id());
        List<PageLayout> layouts = layouts(pages);
        IssueMetadata meta = IssueMetadata.read(layouts, doc.sourceName(), fileNamePattern, issue.newspaper());
        return new DocumentExport(doc, meta, pages, layouts, store.articles(doc.id()));
    }
}
