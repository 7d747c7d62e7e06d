package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Path;
import org.inkstone.export.DocumentExport;
import org.inkstone.search.SearchIndex;
import org.inkstone.store.DocumentStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last step of {@code digitize}: indexes the stored articles of each done document of the scans
 * folder for search ({@link SearchIndex#replaceDocument}, Lucene under {@code OUTPUT/index/}),
 * replacing what an earlier run indexed for the document, and commits the index per document,
 * so the reading room shows each document as soon as it is indexed. Pages, issue metadata and
 * articles are read back from the database ({@link StoredDocuments}). Counts: one read per
 * document of the folder, one write per document indexed, one filtered per document not done.
 * The step writes nothing to the database; it runs again on restart.
 */
public class IndexTasklet implements Tasklet {

    private final DocumentStore store;
    private final StoredDocuments documents;
    private final Path output;

    /**
     * @param store     the document store
     * @param documents reads a document's pages, layouts, issue metadata and articles back
     * @param output    the output folder, holding the index
     */
    public IndexTasklet(DocumentStore store, StoredDocuments documents, Path output) {
        this.store = store;
        this.documents = documents;
        this.output = output;
    }

    /**
     * Indexes every done document of the scans folder (job parameter {@code scans}), then checks
     * that the database's disk still has its reserve: the index may share the disk with the
     * database, which records the step's end next.
     *
     * @return {@link RepeatStatus#FINISHED}
     * @throws IOException if the index cannot be written (e.g. another process holds its write lock)
     * @throws org.inkstone.store.DiskSpace.NoSpaceException if the index left the database's disk
     *         without its reserve
     */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path scans = DigitizeJobConfig.scans(chunkContext.getStepContext().getStepExecution());
        documents.eachDone(scans, contribution, doc -> {
            DocumentExport stored = documents.load(doc);
            SearchIndex.replaceDocument(output, doc, stored.issue(), stored.pages(), stored.articles());
            contribution.incrementWriteCount(1);
        });
        store.checkSpace();
        return RepeatStatus.FINISHED;
    }
}
