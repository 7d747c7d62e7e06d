package org.inkstone.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.inkstone.article.Article;
import org.inkstone.model.Bbox;
import tools.jackson.core.type.TypeReference;

/**
 * Searches the article index ({@link SearchIndex}) and resolves every hit to the page lines
 * holding the matched characters.
 *
 * <p>Queries use Lucene's classic query syntax over title (boost 2) and text, analysed as the
 * index was ({@link SearchAnalysis}); Chinese typed without spaces is searched as a phrase
 * (auto-generated phrase queries), and several words must all occur (default operator AND).
 * Match offsets come from Lucene's {@link Weight#matches} over the offsets stored in the
 * postings; the {@link TextMap} stored with each article turns them into line boxes.
 *
 * <p>Thread-safe. Each call first picks up any commit made since (a job may be indexing
 * while the reading room serves), through a {@link SearcherManager}.
 */
public final class ArticleSearcher implements Closeable {

    /** Characters of text shown before the first match in a snippet. */
    private static final int SNIPPET_BEFORE = 30;
    /** Length of a snippet, characters. */
    private static final int SNIPPET_LENGTH = 110;
    /** Most line boxes reported for one hit. */
    private static final int MAX_BOXES = 200;

    private final Directory dir;
    private final SearcherManager manager;
    private final Map<SearchAnalysis, Analyzer> analyzers = new EnumMap<>(SearchAnalysis.class);

    private ArticleSearcher(Directory dir, SearcherManager manager) {
        this.dir = dir;
        this.manager = manager;
    }

    /**
     * Opens an index for searching.
     *
     * @param indexDir the index folder ({@link SearchIndex#location})
     * @return the searcher
     * @throws NoSuchFileException    if the folder does not exist
     * @throws IndexNotFoundException if the folder holds no index
     * @throws IOException            if the index cannot be read
     */
    public static ArticleSearcher open(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            throw new NoSuchFileException(indexDir.toString(), null, "no search index here: digitize some scans first");
        }
        Directory dir = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IndexNotFoundException("no search index in " + indexDir + ": digitize some scans first");
            }
            return new ArticleSearcher(dir, new SearcherManager(dir, null));
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Runs a search.
     *
     * @param q the query, filters and page of results
     * @return the total and the requested hits, each resolved to its page lines
     * @throws BadQueryException if the query or a filter is not valid (see {@link SearchQuery#validate})
     * @throws IOException       if the index cannot be read
     */
    public SearchResults search(SearchQuery q) throws IOException {
        q.validate();
        Integer from = q.fromNumber(), to = q.toNumber();
        manager.maybeRefresh();
        IndexSearcher s = manager.acquire();
        try {
            Query main = parse(q.text(), analysisOf(s));
            BooleanQuery.Builder b = new BooleanQuery.Builder()
                    .add(main, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.KIND_ARTICLE)), BooleanClause.Occur.FILTER);
            if (q.newspaper() != null && !q.newspaper().isBlank()) {
                b.add(new TermQuery(new Term(SearchIndex.NEWSPAPER, q.newspaper().strip())), BooleanClause.Occur.FILTER);
            }
            if (from != null || to != null) {
                b.add(IntPoint.newRangeQuery(SearchIndex.DATE_NUM, from == null ? Integer.MIN_VALUE : from,
                        to == null ? Integer.MAX_VALUE : to), BooleanClause.Occur.FILTER);
            }
            if (q.page() != null) {
                b.add(IntPoint.newExactQuery(SearchIndex.PAGE, q.page()), BooleanClause.Occur.FILTER);
            }
            Query full = b.build();
            TopDocs top = s.search(full, q.offset() + q.limit());
            long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : s.count(full);
            Weight matcher = s.createWeight(s.rewrite(main), ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (int i = q.offset(); i < top.scoreDocs.length; i++) {
                hits.add(hit(s, stored, matcher, top.scoreDocs[i], q.page()));
            }
            return new SearchResults(q, total, q.offset(), hits);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("query too broad: it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms");
        } finally {
            manager.release(s);
        }
    }

    /**
     * Parses a query as {@link #search} does.
     *
     * @param text     the query in classic syntax
     * @param analysis analysis of the index
     * @return the query over title and text
     * @throws BadQueryException if it is not valid syntax or has nothing to search for
     */
    Query parse(String text, SearchAnalysis analysis) {
        Analyzer analyzer;
        synchronized (analyzers) {
            analyzer = analyzers.computeIfAbsent(analysis, SearchAnalysis::queryAnalyzer);
        }
        MultiFieldQueryParser p = new MultiFieldQueryParser(new String[] {SearchIndex.TITLE, SearchIndex.TEXT}, analyzer,
                Map.of(SearchIndex.TITLE, 2f, SearchIndex.TEXT, 1f));
        p.setDefaultOperator(QueryParser.Operator.AND);
        p.setSplitOnWhitespace(true);
        p.setAutoGeneratePhraseQueries(true);
        Query query;
        try {
            query = p.parse(text);
        } catch (ParseException e) {
            String m = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
            throw new BadQueryException("cannot read the query: " + m + " (put a phrase in \"quotes\", or write "
                    + "\\ before any of + - & | ! ( ) { } [ ] ^ \" ~ * ? : \\ / to search for it)");
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("query too broad: it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms");
        }
        boolean[] searchable = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                searchable[0] = true;
            }

            @Override
            public void visitLeaf(Query q) {
                searchable[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (!searchable[0]) {
            throw new BadQueryException("nothing to search for in '" + text + "': the query holds no letters, digits "
                    + "or Chinese characters that the index knows");
        }
        return query;
    }

    private SearchAnalysis analysisOf(IndexSearcher s) throws IOException {
        String name = ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(SearchIndex.ANALYSIS);
        return name == null ? SearchAnalysis.DEFAULT : SearchAnalysis.valueOf(name);
    }

    private static SearchHit hit(IndexSearcher s, StoredFields stored, Weight matcher, ScoreDoc sd, Integer pageFilter)
            throws IOException {
        Document d = stored.document(sd.doc);
        String title = d.get(SearchIndex.TITLE), text = d.get(SearchIndex.TEXT);
        TextMap map = new TextMap(SearchIndex.decodeSpans(d.get(SearchIndex.LINES)), 0);
        Matched m = matched(s, matcher, sd.doc, map);
        List<int[]> inText = m.text(), inTitle = m.title();
        // the first match on the filtered page (if any), else the first match: text before title
        int page = 0;
        int[] first = null;
        for (Integer only : pageFilter == null ? new Integer[] {null} : new Integer[] {pageFilter, null}) {
            for (int[] r : inText) {
                for (TextMap.LineSpan span : map.linesOf(TextMap.TEXT, r[0], r[1])) {
                    if (first == null && (only == null || span.page() == only)) {
                        first = r;
                        page = span.page();
                    }
                }
            }
            for (int[] r : inTitle) {
                for (TextMap.LineSpan span : map.linesOf(TextMap.TITLE, r[0], r[1])) {
                    if (page == 0 && (only == null || span.page() == only)) {
                        page = span.page();
                    }
                }
            }
            if (page != 0) {
                break;
            }
        }
        List<Integer> pages = new ArrayList<>();
        for (Fragment f : fragments(d)) {
            if (!pages.contains(f.page())) {
                pages.add(f.page());
            }
        }
        if (page == 0) {
            page = pageFilter != null ? pageFilter : pages.isEmpty() ? 1 : pages.get(0);
        }
        if (first == null && !inText.isEmpty()) {
            first = inText.get(0);
        }
        // snippet around the first match in the text (or the text's start)
        int start = first == null ? 0 : Math.max(0, first[0] - SNIPPET_BEFORE);
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        int end = Math.min(text.length(), start + SNIPPET_LENGTH);
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        String prefix = start > 0 ? "…" : "";
        String snippet = prefix + text.substring(start, end).replace('\n', ' ') + (end < text.length() ? "…" : "");
        List<int[]> marks = new ArrayList<>();
        for (int[] r : inText) {
            int a = Math.max(r[0], start), b = Math.min(r[1], end);
            if (a < b) {
                marks.add(new int[] {a - start + prefix.length(), b - start + prefix.length()});
            }
        }
        return new SearchHit(d.get(SearchIndex.ID), d.get(SearchIndex.DOC), title, d.get(SearchIndex.NEWSPAPER),
                d.get(SearchIndex.DATE), page, List.copyOf(pages), sd.score, snippet, marks, inTitle, m.boxes());
    }

    /**
     * Where a query matches one article.
     *
     * @param title matched ranges {@code [start, end)} of the title, in order
     * @param text  matched ranges of the text, in order
     * @param boxes the lines holding matched characters, text matches first, each line once
     *              (at most {@value #MAX_BOXES})
     */
    public record Matched(List<int[]> title, List<int[]> text, List<SearchHit.Box> boxes) {
    }

    private static Matched matched(IndexSearcher s, Weight matcher, int doc, TextMap map) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches m = matcher.matches(leaf, doc - leaf.docBase);
        List<int[]> inText = offsets(m, SearchIndex.TEXT), inTitle = offsets(m, SearchIndex.TITLE);
        Set<SearchHit.Box> boxes = new LinkedHashSet<>();
        for (int[] r : inText) {
            for (TextMap.LineSpan span : map.linesOf(TextMap.TEXT, r[0], r[1])) {
                boxes.add(new SearchHit.Box(TextMap.TEXT, span.page(), span.bbox()));
            }
        }
        for (int[] r : inTitle) {
            for (TextMap.LineSpan span : map.linesOf(TextMap.TITLE, r[0], r[1])) {
                boxes.add(new SearchHit.Box(TextMap.TITLE, span.page(), span.bbox()));
            }
        }
        return new Matched(inTitle, inText, boxes.stream().limit(MAX_BOXES).toList());
    }

    /**
     * Where a query matches one article, for showing the article with its matches marked.
     *
     * @param id        article id
     * @param queryText the query, as for {@link #search}
     * @return the matches, empty when the article does not exist or the query does not match it
     * @throws BadQueryException if the query is not valid
     * @throws IOException       if the index cannot be read
     */
    public Optional<Matched> matches(String id, String queryText) throws IOException {
        return searching(queryText, (s, main) -> {
            Query q = new BooleanQuery.Builder().add(main, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(SearchIndex.ID, id)), BooleanClause.Occur.FILTER).build();
            TopDocs top = s.search(q, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.<Matched>empty();
            }
            int doc = top.scoreDocs[0].doc;
            TextMap map = new TextMap(SearchIndex.decodeSpans(s.storedFields().document(doc).get(SearchIndex.LINES)), 0);
            return Optional.of(matched(s, s.createWeight(s.rewrite(main), ScoreMode.COMPLETE_NO_SCORES, 1f), doc, map));
        });
    }

    /** What runs with a searcher and the parsed query. */
    @FunctionalInterface
    private interface Searching<T> {
        T apply(IndexSearcher searcher, Query query) throws IOException;
    }

    /**
     * Checks and parses a query and runs {@code work} with it on a current searcher.
     *
     * @throws BadQueryException if the query is not valid or expands to too many terms
     * @throws IOException       if the index cannot be read
     */
    private <T> T searching(String queryText, Searching<T> work) throws IOException {
        SearchQuery.of(queryText).validate();
        manager.maybeRefresh();
        IndexSearcher s = manager.acquire();
        try {
            return work.apply(s, parse(queryText, analysisOf(s)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("query too broad: it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms");
        } finally {
            manager.release(s);
        }
    }

    /** Matched character ranges of a field, in order, overlapping ranges merged. */
    private static List<int[]> offsets(Matches m, String field) throws IOException {
        List<int[]> out = new ArrayList<>();
        MatchesIterator it = m == null ? null : m.getMatches(field);
        if (it == null) {
            return out;
        }
        while (it.next()) {
            if (it.startOffset() >= 0 && it.endOffset() > it.startOffset()) {
                out.add(new int[] {it.startOffset(), it.endOffset()});
            }
        }
        out.sort(Comparator.comparingInt((int[] r) -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : out) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        return merged;
    }

    /** Fragment as stored: page and box array. */
    record Fragment(int page, int[] bbox) {
    }

    /** The fragments stored with an indexed article. */
    private static List<Fragment> fragments(Document d) {
        return SearchIndex.JSON.readValue(d.get(SearchIndex.FRAGMENTS), new TypeReference<List<Fragment>>() { });
    }

    /** The query {@code q} with the filters that keep the articles of one document. */
    private static Query inDocument(String document, BooleanQuery.Builder q) {
        return q.add(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(SearchIndex.DOC, document)), BooleanClause.Occur.FILTER).build();
    }

    /**
     * Where a query matches one article of a document.
     *
     * @param id      article id {@code DOCUMENT/aNNN}
     * @param title   its title
     * @param text    its text
     * @param map     the page and box of every line of title and text
     * @param matched the matched ranges of title and text
     */
    public record DocumentMatch(String id, String title, String text, TextMap map, Matched matched) {
    }

    /**
     * Where a query matches the articles of one document, for searching within an issue (IIIF
     * Content Search): the matching articles in the order of their ids.
     *
     * @param document    the document's name
     * @param queryText   the query, as for {@link #search}
     * @param maxArticles most articles returned
     * @return the matches, empty when none
     * @throws BadQueryException if the query is not valid
     * @throws IOException       if the index cannot be read
     */
    public List<DocumentMatch> matchesIn(String document, String queryText, int maxArticles) throws IOException {
        return searching(queryText, (s, main) -> {
            Query q = inDocument(document, new BooleanQuery.Builder().add(main, BooleanClause.Occur.MUST));
            TopDocs top = s.search(q, Math.max(1, maxArticles));
            Weight matcher = s.createWeight(s.rewrite(main), ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<DocumentMatch> out = new ArrayList<>();
            for (var hit : top.scoreDocs) {
                Document d = s.storedFields().document(hit.doc);
                TextMap map = new TextMap(SearchIndex.decodeSpans(d.get(SearchIndex.LINES)), 0);
                out.add(new DocumentMatch(d.get(SearchIndex.ID), d.get(SearchIndex.TITLE), d.get(SearchIndex.TEXT), map,
                        matched(s, matcher, hit.doc, map)));
            }
            out.sort(java.util.Comparator.comparing(DocumentMatch::id));
            return out;
        });
    }

    /**
     * An article as an issue lists it.
     *
     * @param id      article id {@code DOCUMENT/aNNN}
     * @param title   its title (may be empty)
     * @param opening the first characters of its text
     * @param pages   the pages it stands on, ascending
     */
    public record ArticleEntry(String id, String title, String opening, List<Integer> pages) {
    }

    /**
     * The articles of one document, in reading order (the order of their ids).
     *
     * @param document the document's name
     * @return its indexed articles; empty for an unknown document
     * @throws IOException if the index cannot be read
     */
    public List<ArticleEntry> articlesOf(String document) throws IOException {
        manager.maybeRefresh();
        IndexSearcher s = manager.acquire();
        try {
            Query q = inDocument(document, new BooleanQuery.Builder());
            int n = Math.max(1, s.count(q));
            List<ArticleEntry> out = new ArrayList<>();
            for (var hit : s.search(q, n).scoreDocs) {
                Document d = s.storedFields().document(hit.doc);
                List<Integer> pages = fragments(d)
                        .stream().map(Fragment::page).distinct().sorted().toList();
                String text = d.get(SearchIndex.TEXT) == null ? "" : d.get(SearchIndex.TEXT).strip();
                int end = text.offsetByCodePoints(0, Math.min(40, text.codePointCount(0, text.length())));
                out.add(new ArticleEntry(d.get(SearchIndex.ID), d.get(SearchIndex.TITLE), text.substring(0, end), pages));
            }
            out.sort(java.util.Comparator.comparing(ArticleEntry::id));
            return out;
        } finally {
            manager.release(s);
        }
    }

    /**
     * @param id article id {@code DOCUMENT/aNNN}
     * @return the article with its fragments, jumps and the line box of every character, if indexed
     * @throws IOException if the index cannot be read
     */
    public Optional<IndexedArticle> article(String id) throws IOException {
        manager.maybeRefresh();
        IndexSearcher s = manager.acquire();
        try {
            TopDocs top = s.search(new TermQuery(new Term(SearchIndex.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document d = s.storedFields().document(top.scoreDocs[0].doc);
            List<IndexedArticle.Fragment> fragments = new ArrayList<>();
            for (Fragment f : fragments(d)) {
                fragments.add(new IndexedArticle.Fragment(f.page(), new Bbox(f.bbox()[0], f.bbox()[1], f.bbox()[2], f.bbox()[3])));
            }
            List<Article.Jump> jumps = SearchIndex.JSON.readValue(d.get(SearchIndex.CONTINUED),
                    new TypeReference<List<Article.Jump>>() { });
            return Optional.of(new IndexedArticle(d.get(SearchIndex.ID), d.get(SearchIndex.DOC), d.get(SearchIndex.TITLE),
                    d.get(SearchIndex.TEXT), d.get(SearchIndex.NEWSPAPER), d.get(SearchIndex.DATE), fragments, jumps,
                    new TextMap(SearchIndex.decodeSpans(d.get(SearchIndex.LINES)), 0)));
        } finally {
            manager.release(s);
        }
    }

    /**
     * @return every indexed document, by name
     * @throws IOException if the index cannot be read
     */
    public List<IndexedDocument> documents() throws IOException {
        return documents(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.KIND_DOCUMENT)));
    }

    /**
     * @param name export name of a document
     * @return the document, if indexed
     * @throws IOException if the index cannot be read
     */
    public Optional<IndexedDocument> document(String name) throws IOException {
        return documents(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.KIND_DOCUMENT)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(SearchIndex.DOC, name)), BooleanClause.Occur.FILTER).build())
                .stream().findFirst();
    }

    private List<IndexedDocument> documents(Query q) throws IOException {
        manager.maybeRefresh();
        IndexSearcher s = manager.acquire();
        try {
            List<IndexedDocument> out = new ArrayList<>();
            int n = Math.max(1, s.count(q));
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : s.search(q, n).scoreDocs) {
                Document d = stored.document(sd.doc);
                out.add(new IndexedDocument(d.get(SearchIndex.DOC), d.get(SearchIndex.SOURCE), d.get(SearchIndex.SOURCE_PATH),
                        d.get(SearchIndex.SHA256), d.get(SearchIndex.NEWSPAPER), d.get(SearchIndex.DATE),
                        SearchIndex.JSON.readValue(d.get(SearchIndex.PAGES), new TypeReference<List<IndexedDocument.Page>>() { }),
                        d.getField(SearchIndex.ARTICLES).numericValue().intValue()));
            }
            out.sort(Comparator.comparing(IndexedDocument::name));
            return out;
        } finally {
            manager.release(s);
        }
    }

    /**
     * @return number of articles in the index
     * @throws IOException if the index cannot be read
     */
    public int articleCount() throws IOException {
        manager.maybeRefresh();
        IndexSearcher s = manager.acquire();
        try {
            return s.count(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.KIND_ARTICLE)));
        } finally {
            manager.release(s);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            dir.close();
        }
    }
}
