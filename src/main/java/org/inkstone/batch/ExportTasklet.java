package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.inkstone.export.ArticlesJsonWriter;
import org.inkstone.export.DocumentExport;
import org.inkstone.export.LibraryExports;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.ExportNames;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Fourth step of {@code digitize}: for each done document of the scans folder, reads its pages
 * and the articles the {@code layout} step stored back from the database ({@link StoredDocuments})
 * and writes {@code OUTPUT/NAME/articles.json}, then its library exports (ALTO, searchable PDF,
 * article text; see {@link LibraryExports}). A failed library export is recorded by
 * {@link LibraryExports} without stopping the step. The exports are rewritten on every run and
 * on every restart. Counts: one read per document of the folder, one write per document whose
 * exports were all written, one write skip per document with a failed export, one filtered per
 * document not done. The step writes nothing to the database.
 */
public class ExportTasklet implements Tasklet {

    private final DocumentStore store;
    private final StoredDocuments documents;
    private final ArticlesJsonWriter writer;
    private final LibraryExports exports;
    private final Path output;

    /**
     * @param store     the document store
     * @param documents reads a document's pages, layouts, issue metadata and articles back
     * @param writer    the article export writer
     * @param exports   the library exports, whose failures are recorded without stopping the step
     * @param output    the output folder
     */
    public ExportTasklet(DocumentStore store, StoredDocuments documents, ArticlesJsonWriter writer,
                         LibraryExports exports, Path output) {
        this.store = store;
        this.documents = documents;
        this.writer = writer;
        this.exports = exports;
        this.output = output;
    }

    /**
     * Writes the exports of every done document of the scans folder (job parameter {@code scans}),
     * then checks that the database's disk still has its reserve: the exports share the disk with
     * the database, which records the step's end next.
     *
     * @return {@link RepeatStatus#FINISHED}
     * @throws IOException if an {@code articles.json} cannot be written
     * @throws org.inkstone.store.DiskSpace.NoSpaceException if the exports left the database's
     *         disk without its reserve
     * @throws IllegalStateException if a document has no safe export name (see {@link #exportFolder})
     */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path scans = DigitizeJobConfig.scans(chunkContext.getStepContext().getStepExecution());
        documents.eachDone(scans, contribution, doc -> {
            if (export(doc).isEmpty()) {
                contribution.incrementWriteCount(1);
            } else {
                contribution.incrementWriteSkipCount();
            }
        });
        store.checkSpace();
        return RepeatStatus.FINISHED;
    }

    /**
     * Writes one done document's exports from what is stored now.
     *
     * @param doc a document whose articles are stored
     * @return the library exports that could not be written (empty when all were)
     * @throws IOException if its {@code articles.json} cannot be written
     * @throws IllegalStateException if it has no safe export name (see {@link #exportFolder})
     */
    public List<LibraryExports.Failure> export(DocumentRecord doc) throws IOException {
        return export(doc, documents.load(doc));
    }

    /**
     * Writes one done document's exports from what was loaded of it.
     *
     * @param doc    a document whose articles are stored
     * @param export its pages, layouts, issue metadata and articles ({@link StoredDocuments#load})
     * @return the library exports that could not be written (empty when all were)
     * @throws IOException if its {@code articles.json} cannot be written
     * @throws IllegalStateException if it has no safe export name (see {@link #exportFolder})
     */
    public List<LibraryExports.Failure> export(DocumentRecord doc, DocumentExport export) throws IOException {
        Path folder = exportFolder(output, doc);
        writer.write(doc, export.issue(), export.pages(), export.layouts(), export.articles(),
                folder.resolve("articles.json"));
        return exports.write(export, folder);
    }

    /**
     * @param output the output folder
     * @param doc    a digitized document
     * @return its export folder {@code OUTPUT/NAME}, a folder directly inside the output folder
     * @throws IllegalStateException if its export name is missing or would lead anywhere else
     *                               (names are made safe by {@link ExportNames}; this guards the guarantee)
     */
    static Path exportFolder(Path output, DocumentRecord doc) {
        String name = doc.exportName();
        Path root = output.toAbsolutePath().normalize();
        Path folder = name == null ? null : root.resolve(name).normalize();
        if (folder == null || !root.equals(folder.getParent()) || !folder.getFileName().toString().equals(name)
                || !ExportNames.sanitize(name).equals(name) || ExportNames.reserved(name)) {
            throw new IllegalStateException("document " + doc.sourceName() + " has no safe export name: " + name);
        }
        return folder;
    }
}
