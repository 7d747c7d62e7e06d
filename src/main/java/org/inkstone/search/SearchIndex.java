package org.inkstone.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.inkstone.article.Article;
import org.inkstone.layout.IssueMetadata;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.PageRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full-text index of the articles, a Lucene 9 index under {@code OUTPUT/index/}. One Lucene
 * document per article (id, document name, title, text, newspaper, date, pages, fragments, jumps
 * and the stored {@link TextMap} from character offsets to page line boxes) and one per digitized
 * document (name, PDF path and hash, page sizes), so that searching and the reading room need
 * only the index and the PDFs, not the database.
 *
 * <p>Title and text are indexed with positions and character offsets, so that every match of
 * a query can be traced to its characters and through the {@link TextMap} to the lines on the
 * page. The analysis ({@link SearchAnalysis}) is recorded in the commit data; documents added
 * later use the analysis the index was built with.
 *
 * <p>Writers take Lucene's {@code write.lock}: one writing process at a time. Readers in other
 * processes (the {@code serve} command) see each commit as it lands.
 */
public final class SearchIndex {

    static final String KIND = "kind", KIND_ARTICLE = "article", KIND_DOCUMENT = "document";
    static final String ID = "id", DOC = "doc", TITLE = TextMap.TITLE, TEXT = TextMap.TEXT;
    static final String NEWSPAPER = "newspaper", DATE = "date", DATE_NUM = "date_num", PAGE = "page";
    static final String FRAGMENTS = "fragments", CONTINUED = "continued", LINES = "lines";
    static final String SOURCE = "source", SOURCE_PATH = "source_path", SHA256 = "sha256", PAGES = "pages",
            ARTICLES = "articles";
    /** Commit data key naming the {@link SearchAnalysis} of the index. */
    static final String ANALYSIS = "inkstone.analysis";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Title and text: tokenized, stored, with positions and offsets for phrase queries and match offsets. */
    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    private SearchIndex() {
    }

    /**
     * @param output the job's output folder
     * @return the index folder, {@code OUTPUT/index}
     */
    public static Path location(Path output) {
        return output.resolve("index");
    }

    /**
     * Indexes one digitized document as the job finishes it, replacing whatever the index held
     * for a document of that name, and commits.
     *
     * @param output   the job's output folder; the index is {@link #location(Path)}
     * @param document the stored document
     * @param issue    newspaper, date and page labels read from the issue
     * @param pages    its pages in page order, with their lines
     * @param articles its articles, fragment line numbers indexing {@link PageRecord#lines()}
     * @throws IOException if the index cannot be written (e.g. another process holds its write lock)
     */
    public static void replaceDocument(Path output, DocumentRecord document, IssueMetadata issue,
                                       List<PageRecord> pages, List<Article> articles) throws IOException {
        Map<Integer, List<OcrLine>> lines = new HashMap<>();
        List<IndexedDocument.Page> pageInfo = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            PageRecord p = pages.get(i);
            lines.put(p.pageNo(), p.lines());
            String label = i < issue.pageLabels().size() ? issue.pageLabels().get(i) : null;
            pageInfo.add(new IndexedDocument.Page(p.pageNo(), p.width(), p.height(), p.dpi(),
                    p.status().toLowerCase(), label, p.rotationDeg()));
        }
        String name = document.exportName();
        IndexedDocument doc = new IndexedDocument(name, document.sourceName(), document.sourcePath(), document.sha256(),
                issue.newspaper(), issue.date(), pageInfo, articles.size());
        List<IndexedArticle> entries = new ArrayList<>();
        for (Article a : articles) {
            entries.add(new IndexedArticle(a.id(), name, a.title(), a.text(), issue.newspaper(), issue.date(),
                    a.fragments().stream().map(f -> new IndexedArticle.Fragment(f.page(), f.bbox())).toList(),
                    a.continued(), TextMap.of(a, lines)));
        }
        try (Writer w = Writer.open(location(output), SearchAnalysis.DEFAULT)) {
            w.replace(doc, entries);
            w.commit();
        }
    }

    /**
     * An open index writer. Not thread-safe.
     */
    public static final class Writer implements Closeable {

        private final Directory dir;
        private final IndexWriter writer;
        private final SearchAnalysis analysis;

        private Writer(Directory dir, IndexWriter writer, SearchAnalysis analysis) {
            this.dir = dir;
            this.writer = writer;
            this.analysis = analysis;
        }

        /**
         * Opens or creates an index.
         *
         * @param indexDir      the index folder, created if missing
         * @param forNewIndex   analysis of a new index; an existing index keeps the analysis it was built with
         * @return the writer
         * @throws IOException if the folder cannot be written or another writer holds the lock
         */
        public static Writer open(Path indexDir, SearchAnalysis forNewIndex) throws IOException {
            Files.createDirectories(indexDir);
            Directory dir = FSDirectory.open(indexDir);
            SearchAnalysis analysis = forNewIndex;
            if (DirectoryReader.indexExists(dir)) {
                try (DirectoryReader r = DirectoryReader.open(dir)) {
                    String recorded = r.getIndexCommit().getUserData().get(ANALYSIS);
                    if (recorded != null) {
                        analysis = SearchAnalysis.valueOf(recorded);
                    }
                }
            }
            IndexWriterConfig cfg = new IndexWriterConfig(analysis.indexAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            try {
                IndexWriter w = new IndexWriter(dir, cfg);
                w.setLiveCommitData(Map.of(ANALYSIS, analysis.name()).entrySet());
                return new Writer(dir, w, analysis);
            } catch (IOException | RuntimeException e) {
                dir.close();
                throw e;
            }
        }

        /** @return the analysis the index is built with */
        public SearchAnalysis analysis() {
            return analysis;
        }

        /**
         * Replaces every entry of a document (its own entry and its articles) by the given ones.
         *
         * @param document the document
         * @param articles its articles
         * @throws IOException if the index cannot be written
         */
        public void replace(IndexedDocument document, List<IndexedArticle> articles) throws IOException {
            writer.deleteDocuments(new Term(DOC, document.name()));
            add(document, articles);
        }

        /**
         * Adds a document and its articles without removing anything (for building a new index).
         *
         * @param document the document
         * @param articles its articles
         * @throws IOException if the index cannot be written
         */
        public void add(IndexedDocument document, List<IndexedArticle> articles) throws IOException {
            List<Document> docs = new ArrayList<>();
            docs.add(documentEntry(document));
            for (IndexedArticle a : articles) {
                docs.add(articleEntry(a));
            }
            writer.addDocuments(docs);
        }

        /**
         * Makes the changes durable and visible to readers.
         *
         * @throws IOException if the commit fails
         */
        public void commit() throws IOException {
            writer.commit();
        }

        /**
         * Merges the index down to one segment (for measuring its size).
         *
         * @throws IOException if the merge fails
         */
        public void forceMerge() throws IOException {
            writer.forceMerge(1);
        }

        /** Closes without committing pending changes. */
        @Override
        public void close() throws IOException {
            try {
                writer.rollback();
            } finally {
                dir.close();
            }
        }
    }

    private static Document documentEntry(IndexedDocument d) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_DOCUMENT, Field.Store.NO));
        doc.add(new StringField(DOC, d.name(), Field.Store.YES));
        doc.add(new StoredField(SOURCE, d.source()));
        doc.add(new StoredField(SOURCE_PATH, d.sourcePath()));
        doc.add(new StoredField(SHA256, d.sha256()));
        if (d.newspaper() != null) {
            // indexed as on the articles: Lucene keeps one schema per field name
            doc.add(new StringField(NEWSPAPER, d.newspaper(), Field.Store.YES));
        }
        if (d.date() != null) {
            doc.add(new StoredField(DATE, d.date()));
        }
        doc.add(new StoredField(PAGES, JSON.writeValueAsString(d.pages())));
        doc.add(new StoredField(ARTICLES, d.articles()));
        return doc;
    }

    private static Document articleEntry(IndexedArticle a) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_ARTICLE, Field.Store.NO));
        doc.add(new StringField(ID, a.id(), Field.Store.YES));
        doc.add(new StringField(DOC, a.document(), Field.Store.YES));
        doc.add(new Field(TITLE, a.title(), TEXT_TYPE));
        doc.add(new Field(TEXT, a.text(), TEXT_TYPE));
        if (a.newspaper() != null) {
            doc.add(new StringField(NEWSPAPER, a.newspaper(), Field.Store.YES));
        }
        if (a.date() != null) {
            doc.add(new StoredField(DATE, a.date()));
            Integer n = dateNumber(a.date());
            if (n != null) {
                doc.add(new IntPoint(DATE_NUM, n));
            }
        }
        for (int p : a.pages()) {
            doc.add(new IntPoint(PAGE, p));
        }
        List<Map<String, Object>> fragments = new ArrayList<>();
        for (IndexedArticle.Fragment f : a.fragments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("page", f.page());
            m.put("bbox", f.bbox().toArray());
            fragments.add(m);
        }
        doc.add(new StoredField(FRAGMENTS, JSON.writeValueAsString(fragments)));
        doc.add(new StoredField(CONTINUED, JSON.writeValueAsString(a.continued())));
        doc.add(new StoredField(LINES, encodeSpans(a.map().spans())));
        return doc;
    }

    /**
     * @param date {@code yyyy-MM-dd}
     * @return the date as the number yyyyMMdd, or null when it has another form
     */
    static Integer dateNumber(String date) {
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        return Integer.parseInt(date.replace("-", ""));
    }

    /** Spans as a compact JSON array of {@code [field 0|1, start, end, page, x0, y0, x1, y1]}. */
    static String encodeSpans(List<TextMap.LineSpan> spans) {
        List<int[]> rows = new ArrayList<>();
        for (TextMap.LineSpan s : spans) {
            Bbox b = s.bbox();
            rows.add(new int[] {TITLE.equals(s.field()) ? 0 : 1, s.start(), s.end(), s.page(), b.x0(), b.y0(), b.x1(), b.y1()});
        }
        return JSON.writeValueAsString(rows);
    }

    static List<TextMap.LineSpan> decodeSpans(String json) {
        List<TextMap.LineSpan> out = new ArrayList<>();
        for (int[] r : JSON.readValue(json, new TypeReference<List<int[]>>() { })) {
            out.add(new TextMap.LineSpan(r[0] == 0 ? TITLE : TEXT, r[1], r[2], r[3], new Bbox(r[4], r[5], r[6], r[7])));
        }
        return out;
    }
}
