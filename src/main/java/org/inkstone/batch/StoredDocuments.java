package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Path;
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
import org.springframework.batch.core.step.StepContribution;

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

    /** What a step does with one done document. */
    @FunctionalInterface
    public interface DoneDocument {
        /**
         * @param doc a document of the folder whose pages are all read
         * @throws IOException if the step's files cannot be written
         */
        void accept(DocumentRecord doc) throws IOException;
    }

    /**
     * Goes through the documents of a scans folder for a step: one read counted per document,
     * one filtered per document not done (failed, or pages pending), {@code action} for the rest
     * (which counts its own writes).
     *
     * @param scans        the scans folder
     * @param contribution the step's counts
     * @param action       what the step does with a done document
     * @throws IOException as {@code action} throws it
     */
    public void eachDone(Path scans, StepContribution contribution, DoneDocument action) throws IOException {
        for (DocumentRecord doc : store.documentsIn(scans)) {
            contribution.incrementReadCount();
            if (!DocumentStore.DONE.equals(doc.status())) {
                contribution.incrementFilterCount();
                continue;
            }
            action.accept(doc);
        }
    }

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
        return pages.stream().map(p -> layout.analyze(p.pageNo(), p.width(), p.height(), p.lines(), p.graphics())).toList();
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
