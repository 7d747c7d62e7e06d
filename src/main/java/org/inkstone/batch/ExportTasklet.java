package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.inkstone.InkstoneProperties;
import org.inkstone.layout.IssueMetadata;
import org.inkstone.article.ArticleAssembler;
import org.inkstone.layout.LayoutAnalyzer;
import org.inkstone.layout.PageLayout;
import org.inkstone.export.ArticlesJsonWriter;
import org.inkstone.search.SearchIndex;
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
 * Last step of {@code digitize}: marks documents without pending pages as done, analyses each
 * page's layout, assembles the articles across pages, stores them (replacing earlier ones) and
 * writes {@code OUTPUT/NAME/articles.json} for each document of the scans folder that was read,
 * then its library exports (ALTO, searchable PDF, article text; see {@link LibraryExports}).
 * Each document's articles are also indexed for search ({@link SearchIndex}, {@code OUTPUT/index/}).
 * The step runs without a transaction of its own: each document's articles are committed
 * before its files are written, so exports that fill the disk cannot take stored articles with them.
 */
public class ExportTasklet implements Tasklet {

    private final DocumentStore store;
    private final ArticlesJsonWriter writer;
    private final LibraryExports exports;
    private final Path output;
    private final InkstoneProperties.Issue issue;
    private final Pattern fileNamePattern;
    private final LayoutAnalyzer layout = new LayoutAnalyzer();
    private final ArticleAssembler assembler = new ArticleAssembler();

    /**
     * @param store  the document store
     * @param writer the article export writer
     * @param exports the library exports, whose failures are recorded without stopping the step
     * @param output the output folder
     * @param issue  issue metadata settings of the job definition
     */
    public ExportTasklet(DocumentStore store, ArticlesJsonWriter writer, LibraryExports exports, Path output,
                         InkstoneProperties.Issue issue) {
        this.store = store;
        this.writer = writer;
        this.exports = exports;
        this.output = output;
        this.issue = issue;
        this.fileNamePattern = issue.filePattern() == null || issue.filePattern().isBlank()
                ? null : Pattern.compile(issue.filePattern());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path scans = DigitizeJobConfig.scans(chunkContext.getStepContext().getStepExecution());
        store.finishDocuments(scans);
        for (DocumentRecord doc : store.documentsIn(scans)) {
            if (!DocumentStore.DONE.equals(doc.status())) {
                continue;
            }
            var pages = store.pages(doc.id());
            List<PageLayout> layouts = pages.stream()
                    .map(p -> layout.analyze(p.pageNo(), p.width(), p.height(), p.lines())).toList();
            var articles = assembler.assemble(doc.exportName(), layouts);
            store.replaceArticles(doc.id(), articles);
            IssueMetadata meta = IssueMetadata.read(layouts, doc.sourceName(), fileNamePattern, issue.newspaper());
            SearchIndex.replaceDocument(output, doc, meta, pages, articles);
            Path folder = exportFolder(output, doc);
            writer.write(doc, meta, pages, layouts, articles, folder.resolve("articles.json"));
            exports.write(new DocumentExport(doc, meta, pages, layouts, articles), folder);
            contribution.incrementWriteCount(1);
        }
        // the exports share the disk with the database, which records the step's end next
        store.checkSpace();
        return RepeatStatus.FINISHED;
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
                || !ExportNames.sanitize(name).equals(name) || ExportNames.RESERVED.contains(name.toLowerCase())) {
            throw new IllegalStateException("document " + doc.sourceName() + " has no safe export name: " + name);
        }
        return folder;
    }
}
