package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.inkstone.article.Article;
import org.inkstone.article.ArticleAssembler;
import org.inkstone.layout.LayoutAnalyzer;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.inkstone.layout.PageLayout;
import org.inkstone.store.PageRecord;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Third step of {@code digitize}: marks the scans folder's documents without pending pages as
 * done, then for each done document analyses the layout of its stored pages
 * ({@link LayoutAnalyzer}), assembles the articles across pages ({@link ArticleAssembler}) and
 * stores them, replacing earlier ones ({@link DocumentStore#replaceArticles}), and the layout
 * role of every line ({@link DocumentStore#storeRoles}).
 *
 * <p>The step runs without a transaction of its own: each document's articles are committed on
 * their own, so what the {@code export} step writes later (and a disk it fills) cannot take
 * stored articles with it. Counts: one read per document of the folder, one write per document
 * whose articles were stored, one filtered per document not done (failed, or pages pending).
 * On restart it runs again only if it did not complete; storing a document's articles twice
 * stores the same articles.
 */
public class LayoutTasklet implements Tasklet {

    private final DocumentStore store;
    private final StoredDocuments documents;
    private final ArticleAssembler assembler = new ArticleAssembler();

    /**
     * @param store     the document store
     * @param documents reads stored pages and analyses their layout
     */
    public LayoutTasklet(DocumentStore store, StoredDocuments documents) {
        this.store = store;
        this.documents = documents;
    }

    /**
     * Lays out and stores the articles of every done document of the scans folder (job parameter
     * {@code scans}).
     *
     * @return {@link RepeatStatus#FINISHED}
     * @throws org.inkstone.store.DiskSpace.NoSpaceException when the database's disk lacks its
     *         reserve before a write (the documents stored before stay committed)
     */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path scans = DigitizeJobConfig.scans(chunkContext.getStepContext().getStepExecution());
        store.finishDocuments(scans);
        documents.eachDone(scans, contribution, doc -> {
            layOut(doc);
            contribution.incrementWriteCount(1);
        });
        return RepeatStatus.FINISHED;
    }

    /**
     * Lays out one done document's pages as stored now and stores its articles, with the
     * reviewers' corrections of their segmentation applied, and its line roles, replacing those
     * stored before.
     *
     * @param doc a document whose pages are all read
     * @throws org.inkstone.store.DiskSpace.NoSpaceException when the database's disk lacks its reserve
     */
    public void layOut(DocumentRecord doc) {
        List<PageRecord> pages = store.pages(doc.id());
        List<PageLayout> layouts = documents.layouts(pages);
        List<Article> articles = assembler.assemble(doc.exportName(), layouts, store.structureEdits(doc.id()));
        store.replaceArticles(doc.id(), articles);
        for (int i = 0; i < pages.size(); i++) {
            store.storeRoles(pages.get(i).id(), layouts.get(i).roles().stream()
                    .map(r -> r.name().toLowerCase()).toList());
        }
    }
}
