package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.inkstone.InkstoneProperties;
import org.inkstone.export.ArticlesJsonWriter;
import org.inkstone.export.DocumentExport;
import org.inkstone.export.LibraryExports;
import org.inkstone.search.SearchIndex;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;

/**
 * Brings one document's articles, exports and search index entries up to what is stored for it
 * now, outside a job: after a reviewer corrects a line. It does for one document what the job's
 * {@code layout}, {@code export} and {@code index} steps do for a folder, with the same classes
 * ({@link LayoutTasklet#layOut}, {@link ExportTasklet#export}, {@link SearchIndex#replaceDocument}).
 * The caller holds the output folder's {@link OutputLock}, so no run writes the same files meanwhile.
 */
public class DocumentRefresh {

    private final DocumentStore store;
    private final StoredDocuments documents;
    private final LayoutTasklet layout;
    private final ExportTasklet export;
    private final Path output;

    /**
     * @param store   the document store
     * @param issue   issue metadata settings (file-name pattern, newspaper title)
     * @param exports the library exports, written with the collection's language and publication settings
     * @param output  the output folder
     */
    public DocumentRefresh(DocumentStore store, InkstoneProperties.Issue issue, LibraryExports exports, Path output) {
        this.store = store;
        this.documents = new StoredDocuments(store, issue);
        this.layout = new LayoutTasklet(store, documents);
        this.export = new ExportTasklet(store, documents, new ArticlesJsonWriter(), exports, output);
        this.output = output;
    }

    /**
     * Lays the document out again, stores its articles, writes its exports and replaces its
     * search index entries.
     *
     * @param documentId database id of a digitized document
     * @return the library exports that could not be written (empty when all were)
     * @throws IllegalArgumentException if there is no such document or it is not done
     * @throws IOException if {@code articles.json} or the index cannot be written
     */
    public List<LibraryExports.Failure> refresh(long documentId) throws IOException {
        DocumentRecord doc = store.document(documentId)
                .filter(d -> DocumentStore.DONE.equals(d.status()))
                .orElseThrow(() -> new IllegalArgumentException("no digitized document " + documentId));
        layout.layOut(doc);
        DocumentExport stored = documents.load(doc);
        List<LibraryExports.Failure> failures = export.export(doc, stored);
        SearchIndex.replaceDocument(output, doc, stored.issue(), stored.pages(), stored.articles());
        return failures;
    }
}
