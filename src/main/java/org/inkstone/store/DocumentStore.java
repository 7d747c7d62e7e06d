package org.inkstone.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inkstone.article.Article;
import org.inkstone.ingest.DocumentInfo;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;
import org.inkstone.model.OcrWord;
import org.inkstone.model.PageGraphic;
import org.inkstone.model.Provenance;
import org.inkstone.ocr.PageQuality;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores documents, pages and their OCR text (block, line, word with boxes in page px and
 * confidences in [0, 1]) in the relational schema of {@code db/migration}. Every write of a
 * page replaces what was stored for it before, in one transaction, so a page is never stored
 * twice. Every method that writes first checks that the database's disk has its reserve free
 * ({@link DiskSpace}) and otherwise throws {@link DiskSpace.NoSpaceException} without writing.
 */
@Repository
public class DocumentStore {

    /** Document and page status values. */
    public static final String PENDING = "PENDING", DONE = "DONE", FAILED = "FAILED";

    /** Roles of a fragment's lines in {@code fragment_line}. */
    private static final String HEADLINE = "headline", BODY = "body";

    private final JdbcTemplate jdbc;
    private final DiskSpace space;

    /** @param jdbc template over the Inkstone database; writes are not checked for disk space */
    public DocumentStore(JdbcTemplate jdbc) {
        this(jdbc, new DiskSpace(null, 0));
    }

    /**
     * @param jdbc  template over the Inkstone database
     * @param space the reserve kept free on the database's disk: every write checks it first and
     *              throws {@link DiskSpace.NoSpaceException} when it is not there
     */
    @Autowired
    public DocumentStore(JdbcTemplate jdbc, DiskSpace space) {
        this.jdbc = jdbc;
        this.space = space;
    }

    /**
     * Checks that the database's disk has its reserve free, for a step that has written other
     * files since its last database write (the exports) and is about to finish.
     *
     * @throws DiskSpace.NoSpaceException if it does not
     */
    public void checkSpace() {
        space.check();
    }

    /**
     * @param id database id of a document
     * @return the document, if there is one with that id
     */
    public Optional<DocumentRecord> document(long id) {
        return jdbc.query("SELECT * FROM document WHERE id = ?", DOCUMENT, id).stream().findFirst();
    }

    /**
     * @param sha256 hex SHA-256 of a file
     * @return the document with that identity, if stored
     */
    public Optional<DocumentRecord> findBySha256(String sha256) {
        return jdbc.query("SELECT * FROM document WHERE sha256 = ?", DOCUMENT, sha256).stream().findFirst();
    }

    private static final RowMapper<DocumentRecord> DOCUMENT = (rs, i) -> new DocumentRecord(rs.getLong("id"),
            rs.getString("sha256"), rs.getString("source_name"), rs.getString("source_path"), rs.getInt("page_count"),
            rs.getString("status"), rs.getString("error"),
            rs.getString("error_kind") == null ? null : FailureKind.valueOf(rs.getString("error_kind")),
            rs.getString("export_name"));

    /**
     * Records where a known document's file is now (it may have been renamed or moved).
     *
     * @param documentId database id
     * @param file       the file's current path
     */
    public void updateLocation(long documentId, Path file) {
        space.check();
        Path abs = file.toAbsolutePath().normalize();
        jdbc.update("UPDATE document SET source_name = ?, source_path = ?, source_dir = ? WHERE id = ?",
                abs.getFileName().toString(), abs.toString(), abs.getParent().toString(), documentId);
    }

    /**
     * Registers a new readable document and one {@code PENDING} row per page.
     *
     * @param info what ingest found
     * @return the document's database id
     */
    @Transactional
    public long registerDocument(DocumentInfo info) {
        long id = insertDocument(info.path(), info.sha256(), info.sizeBytes(), 0, PENDING, null, null);
        addPages(id, info);
        return id;
    }

    /**
     * Registers the pages of a document that failed before and now opens (a retry): the document
     * becomes {@code PENDING} with its page count, one {@code PENDING} row per page and an export
     * name, its error cleared.
     *
     * @param documentId database id of the failed document
     * @param info       what ingest found now
     */
    @Transactional
    public void registerPages(long documentId, DocumentInfo info) {
        space.check();
        jdbc.update("DELETE FROM page WHERE document_id = ?", documentId);
        addPages(documentId, info);
    }

    private void addPages(long id, DocumentInfo info) {
        Path abs = info.path().toAbsolutePath().normalize();
        String name = ExportNames.choose(abs.getFileName().toString(), info.sha256(), key -> exportKeyTaken(key, id));
        jdbc.update("UPDATE document SET page_count = ?, status = ?, error = NULL, error_kind = NULL, "
                + "export_name = ?, export_key = ? WHERE id = ?", info.pageCount(), PENDING, name,
                name.toLowerCase(java.util.Locale.ROOT), id);
        List<Object[]> rows = new ArrayList<>();
        for (int p = 1; p <= info.pageCount(); p++) {
            rows.add(new Object[] {id, p, PENDING});
        }
        jdbc.batchUpdate("INSERT INTO page (document_id, page_no, status) VALUES (?, ?, ?)", rows);
    }

    /** @return whether a document other than {@code documentId} has the export name of this lower-case key */
    private boolean exportKeyTaken(String key, long documentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE export_key = ? AND id <> ?", Integer.class, key,
                documentId) > 0;
    }

    /**
     * Gives every readable document stored without an export name (by an earlier version) one,
     * in the order they were registered ({@link ExportNames}).
     *
     * @return how many documents got a name
     */
    @Transactional
    public int assignMissingExportNames() {
        space.check();
        List<Object[]> missing = jdbc.query("SELECT id, source_name, sha256 FROM document WHERE export_name IS NULL "
                + "AND status <> ? ORDER BY id", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2),
                rs.getString(3)}, FAILED);
        for (Object[] d : missing) {
            String name = ExportNames.choose((String) d[1], (String) d[2], key -> exportKeyTaken(key, (Long) d[0]));
            jdbc.update("UPDATE document SET export_name = ?, export_key = ? WHERE id = ?", name,
                    name.toLowerCase(java.util.Locale.ROOT), d[0]);
        }
        return missing.size();
    }

    /**
     * Registers a file that cannot be digitized, with the reason.
     *
     * @param file   the file
     * @param sha256 hex SHA-256 of its bytes
     * @param size   its size, bytes
     * @param reason why it failed, for the operator
     * @param kind   whether the file itself is at fault or the machine (then the next run tries it again)
     * @return the document's database id
     */
    public long registerFailedDocument(Path file, String sha256, long size, String reason, FailureKind kind) {
        return insertDocument(file, sha256, size, 0, FAILED, reason, kind);
    }

    /**
     * Records that a known document failed again, with the reason.
     *
     * @param documentId database id
     * @param reason     why it failed, for the operator
     * @param kind       whether the file itself is at fault or the machine
     */
    public void failDocument(long documentId, String reason, FailureKind kind) {
        space.check();
        jdbc.update("UPDATE document SET status = ?, error = ?, error_kind = ? WHERE id = ?", FAILED,
                truncate(reason), kind.name(), documentId);
    }

    private long insertDocument(Path file, String sha, long size, int pages, String status, String error,
                                FailureKind kind) {
        space.check();
        Path abs = file.toAbsolutePath().normalize();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO document (sha256, source_name, source_path, "
                    + "source_dir, size_bytes, page_count, status, error, error_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {idColumn(con)});
            ps.setString(1, sha);
            ps.setString(2, abs.getFileName().toString());
            ps.setString(3, abs.toString());
            ps.setString(4, abs.getParent().toString());
            ps.setLong(5, size);
            ps.setInt(6, pages);
            ps.setString(7, status);
            ps.setString(8, truncate(error));
            ps.setString(9, kind == null ? null : kind.name());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * Puts failed pages of a scans folder's documents back in the queue: their status becomes
     * {@code PENDING} (their error goes; text stored before stays until the page is read again)
     * and so does their document's.
     *
     * @param dir a scans folder
     * @param all every failed page; otherwise only those that failed for an
     *            {@link FailureKind#ENVIRONMENT environmental} reason
     * @return how many pages were put back
     */
    @Transactional
    public int retryFailedPages(Path dir, boolean all) {
        space.check();
        String which = "p.status = ? AND d.source_dir = ?" + (all ? "" : " AND p.error_kind = ?");
        Object[] args = all ? new Object[] {FAILED, dir.toAbsolutePath().normalize().toString()}
                : new Object[] {FAILED, dir.toAbsolutePath().normalize().toString(), FailureKind.ENVIRONMENT.name()};
        jdbc.update("UPDATE document d SET status = '" + PENDING + "', finished_at = NULL WHERE d.status <> '"
                + FAILED + "' AND EXISTS (SELECT 1 FROM page p WHERE p.document_id = d.id AND " + which + ")", args);
        return jdbc.update("UPDATE page p SET status = '" + PENDING + "', error = NULL, error_kind = NULL "
                + "WHERE EXISTS (SELECT 1 FROM document d WHERE d.id = p.document_id AND " + which + ")", args);
    }

    /**
     * @param dir a scans folder
     * @return pages still {@code PENDING} of the documents last seen in {@code dir}, in document
     *         and page order
     */
    public List<PageTask> pendingPages(Path dir) {
        return jdbc.query("SELECT p.id, p.document_id, d.source_path, p.page_no FROM page p "
                        + "JOIN document d ON d.id = p.document_id WHERE p.status = ? AND d.source_dir = ? "
                        + "ORDER BY d.id, p.page_no",
                (rs, i) -> new PageTask(rs.getLong(1), rs.getLong(2), Path.of(rs.getString(3)), rs.getInt(4)),
                PENDING, dir.toAbsolutePath().normalize().toString());
    }

    /**
     * @param pageIds database ids of pages
     * @return those of them still {@code PENDING}, in document and page order
     */
    public List<PageTask> pendingPages(java.util.Collection<Long> pageIds) {
        if (pageIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(pageIds.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(PENDING);
        args.addAll(pageIds);
        return jdbc.query("SELECT p.id, p.document_id, d.source_path, p.page_no FROM page p "
                        + "JOIN document d ON d.id = p.document_id WHERE p.status = ? AND p.id IN (" + marks + ") "
                        + "ORDER BY d.id, p.page_no",
                (rs, i) -> new PageTask(rs.getLong(1), rs.getLong(2), Path.of(rs.getString(3)), rs.getInt(4)),
                args.toArray());
    }

    /**
     * @param dir a scans folder
     * @return how many pages of the documents last seen in {@code dir} are finished (done or failed)
     */
    public int finishedPageCount(Path dir) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM page p JOIN document d ON d.id = p.document_id "
                + "WHERE p.status <> ? AND d.source_dir = ?", Integer.class, PENDING, dir.toAbsolutePath().normalize().toString());
        return n == null ? 0 : n;
    }

    /**
     * Stores a page's OCR result, replacing anything stored for the page, and marks it {@code DONE}.
     *
     * @param pageId      database id of the page
     * @param page        the OCR result, boxes in px of the page turned by {@code rotationDeg}
     * @param nativeScan  whether the image was the PDF's embedded scan
     * @param ocrMillis   time spent reading and recognising the page, ms
     * @param quality     skew, contrast and review reasons of the page
     * @param rotationDeg quarter turn from the stored image to the page as read, clockwise (0, 90, 180, 270)
     * @param provenance  how the page's lines were found and read
     * @param graphics    photos and rules found on the page, boxes in page px
     */
    @Transactional
    public void storePage(long pageId, OcrPage page, boolean nativeScan, long ocrMillis, PageQuality quality,
                          int rotationDeg, Provenance provenance, List<PageGraphic> graphics) {
        space.check();
        // the page's row lock first: two writers of one page (a partition request delivered twice
        // and read by two workers at once) take turns, and the second replaces what the first stored
        jdbc.update("UPDATE page SET status = status WHERE id = ?", pageId);
        jdbc.update("DELETE FROM text_block WHERE page_id = ?", pageId);
        jdbc.update("DELETE FROM page_graphic WHERE page_id = ?", pageId);
        List<Object[]> shapes = new ArrayList<>();
        for (int g = 0; g < graphics.size(); g++) {
            Bbox gb = graphics.get(g).bbox();
            shapes.add(new Object[] {pageId, g, graphics.get(g).kind().name(), gb.x0(), gb.y0(), gb.x1(), gb.y1()});
        }
        jdbc.batchUpdate("INSERT INTO page_graphic (page_id, seq, kind, x0, y0, x1, y1) VALUES (?, ?, ?, ?, ?, ?, ?)",
                shapes);
        int lineSeq = 0;
        List<Object[]> words = new ArrayList<>();
        for (int b = 0; b < page.blocks().size(); b++) {
            OcrBlock block = page.blocks().get(b);
            Bbox bb = block.bbox();
            long blockId = insertReturningId("INSERT INTO text_block (page_id, seq, x0, y0, x1, y1, confidence) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", pageId, b, bb.x0(), bb.y0(), bb.x1(), bb.y1(), block.confidence());
            for (OcrLine line : block.lines()) {
                Bbox lb = line.bbox();
                long lineId = insertReturningId("INSERT INTO text_line (block_id, page_id, seq, x0, y0, x1, y1, "
                        + "confidence, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", blockId, pageId, lineSeq++,
                        lb.x0(), lb.y0(), lb.x1(), lb.y1(), line.confidence(), truncate(line.text()));
                for (int w = 0; w < line.words().size(); w++) {
                    OcrWord word = line.words().get(w);
                    Bbox wb = word.bbox();
                    words.add(new Object[] {lineId, w, word.text(), wb.x0(), wb.y0(), wb.x1(), wb.y1(), word.confidence()});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO word (line_id, seq, text, x0, y0, x1, y1, confidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", words);
        jdbc.update("UPDATE page SET status = ?, error = NULL, error_kind = NULL, width = ?, height = ?, dpi = ?, native_scan = ?, "
                        + "confidence = ?, ocr_millis = ?, skew_deg = ?, contrast = ?, review = ?, "
                        + "rotation_deg = ?, detector = ?, recognizer = ?, recognizer_version = ?, model = ?, "
                        + "model_file = ?, model_sha256 = ?, ocr_settings = ?, finished_at = CURRENT_TIMESTAMP WHERE id = ?",
                DONE, page.width(), page.height(), page.dpi(), nativeScan, page.confidence(), ocrMillis,
                quality.skewDegrees(), quality.contrast() < 0 ? null : quality.contrast(), truncate(quality.review()),
                rotationDeg, provenance.detector(), provenance.recognizer(), provenance.recognizerVersion(),
                provenance.model(), provenance.modelFile(), provenance.modelSha256(), truncate(provenance.settingsText()),
                pageId);
    }

    /** @return the key column as the database spells unquoted names: ID in HSQLDB, id in PostgreSQL */
    private static String idColumn(java.sql.Connection con) throws java.sql.SQLException {
        return con.getMetaData().storesUpperCaseIdentifiers() ? "ID" : "id";
    }

    private long insertReturningId(String sql, Object... args) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, new String[] {idColumn(con)});
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * Marks a page as failed with the reason; whatever text was stored for it stays.
     *
     * @param pageId database id
     * @param reason why the page failed, for the operator
     * @param kind   whether the page itself is at fault or the machine (then the next run tries it again)
     */
    public void failPage(long pageId, String reason, FailureKind kind) {
        space.check();
        jdbc.update("UPDATE page SET status = ?, error = ?, error_kind = ?, finished_at = CURRENT_TIMESTAMP "
                + "WHERE id = ?", FAILED, truncate(reason), kind.name(), pageId);
    }

    /**
     * Marks every {@code PENDING} document of {@code dir} without pending pages as {@code DONE}.
     *
     * @param dir a scans folder
     */
    public void finishDocuments(Path dir) {
        space.check();
        jdbc.update("UPDATE document d SET status = ?, finished_at = CURRENT_TIMESTAMP WHERE d.status = ? "
                + "AND d.source_dir = ? AND NOT EXISTS (SELECT 1 FROM page p WHERE p.document_id = d.id AND p.status = ?)",
                DONE, PENDING, dir.toAbsolutePath().normalize().toString(), PENDING);
    }

    /**
     * @param dir a scans folder
     * @return every document last seen in {@code dir}, by name
     */
    public List<DocumentRecord> documentsIn(Path dir) {
        return jdbc.query("SELECT * FROM document WHERE source_dir = ? ORDER BY source_name", DOCUMENT,
                dir.toAbsolutePath().normalize().toString());
    }

    /**
     * Replaces a document's stored articles: article, fragments (page, bbox, reading order, jump
     * line) and the links from each fragment to its text lines.
     *
     * @param documentId database id
     * @param articles   the articles in document order; fragment line numbers are the lines'
     *                   sequence numbers on their page
     */
    @Transactional
    public void replaceArticles(long documentId, List<Article> articles) {
        space.check();
        jdbc.update("DELETE FROM article WHERE document_id = ?", documentId);
        Map<Integer, Long> pageIds = new java.util.HashMap<>();
        jdbc.query("SELECT page_no, id FROM page WHERE document_id = ?",
                rs -> { pageIds.put(rs.getInt(1), rs.getLong(2)); }, documentId);
        List<Object[]> links = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            Article article = articles.get(a);
            Article.Heading h = article.heading();
            long articleId = insertReturningId("INSERT INTO article (document_id, seq, ext_id, title, text, kind, kicker, "
                    + "headline, subtitle, byline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", documentId, a, article.id(),
                    truncate(article.title()), article.text(), article.kind().name().toLowerCase(), truncate(h.kicker()),
                    truncate(h.headline()), truncate(h.subtitle()), truncate(article.byline(), 1000));
            int jump = 0;
            for (int f = 0; f < article.fragments().size(); f++) {
                Article.Fragment fr = article.fragments().get(f);
                Long pageId = pageIds.get(fr.page());
                // the jumps are in fragment order: each ends the next fragment on its page that has a successor
                String marker = null;
                if (jump < article.continued().size() && f + 1 < article.fragments().size()
                        && article.continued().get(jump).fromPage() == fr.page()) {
                    marker = article.continued().get(jump++).marker();
                }
                long fragmentId = insertReturningId("INSERT INTO article_fragment (article_id, page_id, seq, x0, y0, "
                        + "x1, y1, jump_marker, confidence, layout_confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        articleId, pageId, f, fr.bbox().x0(), fr.bbox().y0(), fr.bbox().x1(), fr.bbox().y1(), marker,
                        fr.confidence(), fr.layoutConfidence());
                int seq = 0;
                for (int line : fr.headline()) {
                    links.add(new Object[] {fragmentId, seq++, pageId, line, HEADLINE});
                }
                for (int line : fr.body()) {
                    links.add(new Object[] {fragmentId, seq++, pageId, line, BODY});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO fragment_line (fragment_id, seq, line_id, role) VALUES (?, ?, "
                + "(SELECT id FROM text_line WHERE page_id = ? AND seq = ?), ?)", links);
    }

    /**
     * Loads a document's stored articles as {@link #replaceArticles} stored them: title, text,
     * fragments (page, box, headline and body line sequence numbers on the page) and the jumps,
     * each from a fragment with a jump marker to the next fragment of its article.
     *
     * @param documentId database id
     * @return the articles in document order; empty when none are stored
     */
    public List<Article> articles(long documentId) {
        Map<Long, List<Integer>> headline = new HashMap<>(), body = new HashMap<>();
        jdbc.query("SELECT fl.fragment_id, fl.role, l.seq FROM fragment_line fl JOIN text_line l ON l.id = fl.line_id "
                + "JOIN article_fragment f ON f.id = fl.fragment_id JOIN article a ON a.id = f.article_id "
                + "WHERE a.document_id = ? ORDER BY fl.fragment_id, fl.seq", rs -> {
                    (HEADLINE.equals(rs.getString(2)) ? headline : body)
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(3));
                }, documentId);
        record StoredFragment(Article.Fragment fragment, String marker) {
        }
        Map<Long, List<StoredFragment>> fragments = new HashMap<>();
        jdbc.query("SELECT f.id, f.article_id, p.page_no, f.x0, f.y0, f.x1, f.y1, f.jump_marker, f.confidence, "
                + "f.layout_confidence "
                + "FROM article_fragment f "
                + "JOIN page p ON p.id = f.page_id JOIN article a ON a.id = f.article_id WHERE a.document_id = ? "
                + "ORDER BY f.article_id, f.seq", rs -> {
                    long id = rs.getLong(1);
                    fragments.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new StoredFragment(
                            new Article.Fragment(rs.getInt(3), new Bbox(rs.getInt(4), rs.getInt(5), rs.getInt(6),
                                    rs.getInt(7)), List.copyOf(headline.getOrDefault(id, List.of())),
                                    List.copyOf(body.getOrDefault(id, List.of())), rs.getDouble(9), rs.getDouble(10)),
                            rs.getString(8)));
                }, documentId);
        return jdbc.query("SELECT id, ext_id, title, text, kind, kicker, headline, subtitle, byline FROM article "
                + "WHERE document_id = ? ORDER BY seq", (rs, i) -> {
            List<StoredFragment> stored = fragments.getOrDefault(rs.getLong(1), List.of());
            List<Article.Jump> jumps = new ArrayList<>();
            for (int f = 0; f + 1 < stored.size(); f++) {
                if (stored.get(f).marker() != null) {
                    jumps.add(new Article.Jump(stored.get(f).fragment().page(), stored.get(f + 1).fragment().page(),
                            stored.get(f).marker()));
                }
            }
            return new Article(rs.getString(2), Article.Kind.valueOf(rs.getString(5).toUpperCase()), rs.getString(3),
                    new Article.Heading(rs.getString(6), rs.getString(7), rs.getString(8)), rs.getString(9),
                    rs.getString(4), stored.stream().map(StoredFragment::fragment).toList(), List.copyOf(jumps));
        }, documentId);
    }

    /**
     * @param documentId database id of a document
     * @return the reviewers' corrections of its article segmentation, oldest first
     */
    public List<org.inkstone.article.StructureEdit> structureEdits(long documentId) {
        return jdbc.query("SELECT op, fragment, target FROM structure_edit WHERE document_id = ? ORDER BY id",
                (rs, i) -> new org.inkstone.article.StructureEdit(org.inkstone.article.StructureEdit.Op.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3)), documentId);
    }

    /**
     * Records the layout role of every line of a page (column {@code text_line.role}).
     *
     * @param pageId database id of the page
     * @param roles  the role of each line in reading order (index = the line's sequence number),
     *               as exported: {@code headline}, {@code body}, {@code caption}, …
     */
    public void storeRoles(long pageId, List<String> roles) {
        space.check();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            rows.add(new Object[] {roles.get(i), pageId, i});
        }
        jdbc.batchUpdate("UPDATE text_line SET role = ? WHERE page_id = ? AND seq = ?", rows);
    }

    /**
     * A page that could not be digitized, or one flagged for review.
     *
     * @param sourceName file name of its document
     * @param pageNo     page number counted from 1
     * @param error      why it failed, or why it needs review
     */
    public record FailedPage(String sourceName, int pageNo, String error) {
    }

    /**
     * A page as the batch report lists it.
     *
     * @param sourceName  the document's file name
     * @param exportName  the document's export name
     * @param pageNo      page number counted from 1
     * @param status      {@code done}, {@code failed} or {@code pending}
     * @param error       why the page failed, or null
     * @param confidence  mean line confidence in [0, 1], or null when not read
     * @param skewDeg     skew measured on the scan, degrees, or null
     * @param contrast    paper minus ink after background normalisation, 0-255, or null
     * @param review      why the page is flagged for review, or null
     */
    public record PageStatus(String sourceName, String exportName, int pageNo, String status, String error,
                             Double confidence, Double skewDeg, Integer contrast, String review) {
    }

    /**
     * @param dir a scans folder
     * @return every page of the documents last seen in {@code dir}, by document and page
     */
    public List<PageStatus> pageStatuses(Path dir) {
        return jdbc.query("SELECT d.source_name, d.export_name, p.page_no, p.status, p.error, p.confidence, p.skew_deg, "
                        + "p.contrast, p.review FROM page p JOIN document d ON d.id = p.document_id "
                        + "WHERE d.source_dir = ? ORDER BY d.source_name, p.page_no",
                (rs, i) -> new PageStatus(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, Double.class), rs.getObject(7, Double.class), rs.getObject(8, Integer.class),
                        rs.getString(9)),
                dir.toAbsolutePath().normalize().toString());
    }

    /**
     * Pages of a scans folder flagged for review.
     *
     * @param dir a scans folder
     * @return document name, page number and the reasons, by document and page
     */
    public List<FailedPage> pagesForReview(Path dir) {
        return pageNotes("review", DONE, dir);
    }

    /** Pages of a folder's documents with a status, and one column (a constant) as their note where it is set. */
    private List<FailedPage> pageNotes(String column, String status, Path dir) {
        return jdbc.query("SELECT d.source_name, p.page_no, p." + column + " FROM page p JOIN document d "
                        + "ON d.id = p.document_id WHERE d.source_dir = ? AND p.status = ? AND p." + column
                        + " IS NOT NULL ORDER BY d.source_name, p.page_no",
                (rs, i) -> new FailedPage(rs.getString(1), rs.getInt(2), rs.getString(3)),
                dir.toAbsolutePath().normalize().toString(), status);
    }

    /**
     * @param dir a scans folder
     * @return the failed pages of the documents last seen in {@code dir}, by document and page
     */
    public List<FailedPage> failedPages(Path dir) {
        return pageNotes("error", FAILED, dir);
    }

    /**
     * Loads a document's pages with their blocks, lines and words in reading order. A line a
     * reviewer corrected has its current version's text and words, with confidence 1.
     *
     * @param documentId database id
     * @return pages in page order
     */
    public List<PageRecord> pages(long documentId) {
        Map<Long, List<OcrWord>> wordsByLine = new LinkedHashMap<>();
        // a corrected line's current version replaces the machine's reading (see Corrections)
        jdbc.query("SELECT line_id, text, x0, y0, x1, y1, confidence FROM ("
                + "SELECT w.line_id, w.seq, w.text, w.x0, w.y0, w.x1, w.y1, w.confidence FROM word w "
                + "JOIN text_line l ON l.id = w.line_id JOIN page p ON p.id = l.page_id "
                + "WHERE p.document_id = ? AND l.correction_id IS NULL UNION ALL "
                + "SELECT l.id, cw.seq, cw.text, cw.x0, cw.y0, cw.x1, cw.y1, cw.confidence FROM correction_word cw "
                + "JOIN text_line l ON l.correction_id = cw.correction_id JOIN page p ON p.id = l.page_id "
                + "WHERE p.document_id = ?) t ORDER BY line_id, seq", rs -> {
                    wordsByLine.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OcrWord(rs.getString(2),
                            new Bbox(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)), rs.getDouble(7)));
                }, documentId, documentId);
        Map<Long, List<OcrLine>> linesByBlock = new LinkedHashMap<>();
        jdbc.query("SELECT l.id, l.block_id, COALESCE(c.text, l.text), l.x0, l.y0, l.x1, l.y1, "
                + "CASE WHEN c.id IS NULL THEN l.confidence ELSE 1 END FROM text_line l "
                + "LEFT JOIN line_correction c ON c.id = l.correction_id "
                + "JOIN page p ON p.id = l.page_id WHERE p.document_id = ? ORDER BY l.page_id, l.seq", rs -> {
                    linesByBlock.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new OcrLine(rs.getString(3),
                            new Bbox(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)), rs.getDouble(8),
                            wordsByLine.getOrDefault(rs.getLong(1), List.of())));
                }, documentId);
        Map<Long, List<OcrBlock>> blocksByPage = new LinkedHashMap<>();
        jdbc.query("SELECT b.id, b.page_id, b.x0, b.y0, b.x1, b.y1 FROM text_block b JOIN page p ON p.id = b.page_id "
                + "WHERE p.document_id = ? ORDER BY b.page_id, b.seq", rs -> {
                    blocksByPage.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new OcrBlock(
                            new Bbox(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                            linesByBlock.getOrDefault(rs.getLong(1), List.of())));
                }, documentId);
        Map<Long, List<PageGraphic>> graphicsByPage = new LinkedHashMap<>();
        jdbc.query("SELECT g.page_id, g.kind, g.x0, g.y0, g.x1, g.y1 FROM page_graphic g JOIN page p ON p.id = g.page_id "
                + "WHERE p.document_id = ? ORDER BY g.page_id, g.seq", rs -> {
                    graphicsByPage.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PageGraphic(
                            PageGraphic.Kind.valueOf(rs.getString(2)),
                            new Bbox(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))));
                }, documentId);
        return jdbc.query("SELECT * FROM page WHERE document_id = ? ORDER BY page_no", (rs, i) -> new PageRecord(
                rs.getLong("id"), rs.getInt("page_no"), rs.getString("status"), rs.getString("error"),
                rs.getInt("width"), rs.getInt("height"), rs.getInt("dpi"), rs.getDouble("confidence"),
                blocksByPage.getOrDefault(rs.getLong("id"), List.of()), rs.getInt("rotation_deg"),
                rs.getString("recognizer") == null ? null : new Provenance(rs.getString("detector"),
                        rs.getString("recognizer"), rs.getString("recognizer_version"), rs.getString("model"),
                        rs.getString("model_file"), rs.getString("model_sha256"),
                        Provenance.parseSettings(rs.getString("ocr_settings"))),
                graphicsByPage.getOrDefault(rs.getLong("id"), List.of())), documentId);
    }

    private static String truncate(String s) {
        return truncate(s, 4000);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
