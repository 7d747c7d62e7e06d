package org.inkstone.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrWord;
import org.inkstone.text.BoxAlignment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review queue's side of the database: pages and articles ranked by their estimated quality,
 * a page's lines for review, corrections of a line's text stored as versions (schema
 * {@code V13__review.sql}) and each page's review state.
 *
 * <p>A correction never overwrites the machine's reading: it is a new version of the line, with
 * its author and time, whose words keep the boxes of the characters they replace
 * ({@link BoxAlignment}); {@link DocumentStore#pages} reads the current version, so the layout,
 * exports and search index made afterwards carry it.
 */
public class Corrections {

    /** Review states of a page, in workflow order. */
    public static final List<String> STATES = List.of("NEW", "IN_REVIEW", "DONE");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    /**
     * @param jdbc template over the Inkstone database
     * @param transactions the database's transaction manager: a correction is stored in one transaction
     */
    public Corrections(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * A page in the review queue.
     *
     * @param pageId      database id of the page
     * @param documentId  database id of its document
     * @param document    export name of its document
     * @param sourceName  file name of its PDF
     * @param pageNo      page number counted from 1
     * @param confidence  mean line confidence in [0, 1]
     * @param skewDeg     skew measured on the scan, degrees (null when not measured)
     * @param contrast    paper minus ink after background normalisation, 0-255 (null when not measured)
     * @param lines       number of text lines found (0: a blank page, or a page nothing was read on)
     * @param review      why the page is flagged for review, or null
     * @param state       review state ({@link #STATES})
     * @param corrections corrections made on its lines
     */
    public record QueuedPage(long pageId, long documentId, String document, String sourceName, int pageNo, double confidence,
                             Double skewDeg, Integer contrast, int lines, String review, String state, int corrections) {
    }

    /**
     * Pages of digitized documents in review order: pages flagged for review first, then the
     * others; in each group the lowest mean line confidence first. Pages done are left out
     * unless asked for.
     *
     * @param includeDone whether pages whose review is done are listed too (at the end)
     * @param limit       most pages returned
     * @return the queue
     */
    public List<QueuedPage> queue(boolean includeDone, int limit) {
        List<QueuedPage> pages = queued("", DocumentStore.DONE);
        return pages.stream().filter(p -> includeDone || !"DONE".equals(p.state()))
                .sorted(Comparator.comparing((QueuedPage p) -> "DONE".equals(p.state()))
                        .thenComparing(p -> p.review() == null)
                        .thenComparingDouble(p -> p.lines() == 0 ? -1 : p.confidence())
                        .thenComparing(QueuedPage::document).thenComparingInt(QueuedPage::pageNo))
                .limit(limit).toList();
    }

    /**
     * @param where more conditions on {@code p} (page) and {@code d} (document), each starting with AND
     * @param args  the status of the pages, then the arguments of {@code where}
     * @return the digitized pages that satisfy them, with their queue figures
     */
    private List<QueuedPage> queued(String where, Object... args) {
        return jdbc.query("SELECT p.id, d.export_name, d.source_name, p.page_no, p.confidence, "
                + "p.skew_deg, p.contrast, p.review, p.review_state, "
                + "(SELECT COUNT(*) FROM text_line l WHERE l.page_id = p.id), "
                + "(SELECT COUNT(*) FROM line_correction c JOIN text_line l ON l.id = c.line_id WHERE l.page_id = p.id), "
                + "d.id FROM page p JOIN document d ON d.id = p.document_id WHERE p.status = ? AND d.export_name IS NOT NULL"
                + where,
                (rs, i) -> new QueuedPage(rs.getLong(1), rs.getLong(12), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getDouble(5), (Double) rs.getObject(6), rs.getObject(7) == null ? null : rs.getInt(7),
                        rs.getInt(10), rs.getString(8), rs.getString(9), rs.getInt(11)), args);
    }

    /**
     * An article in the review queue.
     *
     * @param document         export name of its document
     * @param articleId        its id in {@code articles.json} ({@code DOCUMENT/aNNN})
     * @param title            its title
     * @param pageNo           the page its first fragment is on
     * @param pageId           database id of that page
     * @param confidence       mean confidence of its lines, [0, 1]
     * @param layoutConfidence the weakest join of its fragments ({@code article_fragment.layout_confidence}), [0, 1]
     */
    public record QueuedArticle(String document, String articleId, String title, int pageNo, long pageId,
                                double confidence, double layoutConfidence) {
    }

    /**
     * Articles in review order: the least sure first, by the lower of their mean line confidence
     * and their layout confidence.
     *
     * @param limit most articles returned
     * @return the articles
     */
    public List<QueuedArticle> articleQueue(int limit) {
        List<QueuedArticle> all = jdbc.query("SELECT d.export_name, a.ext_id, a.title, "
                + "(SELECT MIN(p.page_no) FROM article_fragment f JOIN page p ON p.id = f.page_id WHERE f.article_id = a.id), "
                + "(SELECT MIN(f.page_id) FROM article_fragment f WHERE f.article_id = a.id AND f.seq = "
                + "(SELECT MIN(g.seq) FROM article_fragment g WHERE g.article_id = a.id)), "
                + "(SELECT AVG(CASE WHEN l.correction_id IS NULL THEN l.confidence ELSE 1 END) FROM fragment_line fl "
                + "JOIN article_fragment f ON f.id = fl.fragment_id JOIN text_line l ON l.id = fl.line_id WHERE f.article_id = a.id), "
                + "(SELECT MIN(f.layout_confidence) FROM article_fragment f WHERE f.article_id = a.id) "
                + "FROM article a JOIN document d ON d.id = a.document_id",
                (rs, i) -> new QueuedArticle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), rs.getDouble(6), rs.getDouble(7)));
        return all.stream().sorted(Comparator.comparingDouble((QueuedArticle a) -> Math.min(a.confidence(), a.layoutConfidence()))
                .thenComparing(QueuedArticle::articleId)).limit(limit).toList();
    }

    /**
     * A page's line as a reviewer sees it.
     *
     * @param lineId      database id
     * @param seq         reading order on the page
     * @param text        current text (the newest correction, else the machine's reading)
     * @param machineText the machine's reading
     * @param bbox        box on the page, px
     * @param confidence  the machine's confidence, [0, 1]
     * @param version     current version: 0 the machine's reading, 1… corrections
     * @param role        the line's layout role (headline, body, caption, …), or null
     */
    public record ReviewLine(long lineId, int seq, String text, String machineText, Bbox bbox, double confidence,
                             int version, String role) {
    }

    /**
     * A page opened for review.
     *
     * @param page  its place in the queue
     * @param width page image width, px
     * @param height page image height, px
     * @param lines its lines in reading order
     */
    public record ReviewPage(QueuedPage page, int width, int height, List<ReviewLine> lines) {
    }

    /**
     * @param pageId database id of a page
     * @return the page with its lines, or null when there is no such digitized page
     */
    public ReviewPage page(long pageId) {
        List<QueuedPage> head = queued(" AND p.id = ?", DocumentStore.DONE, pageId);
        if (head.isEmpty()) {
            return null;
        }
        int[] size = jdbc.queryForObject("SELECT width, height FROM page WHERE id = ?",
                (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, pageId);
        List<ReviewLine> lines = jdbc.query("SELECT l.id, l.seq, COALESCE(c.text, l.text), l.text, l.x0, l.y0, l.x1, l.y1, "
                + "l.confidence, COALESCE(c.version, 0), l.role FROM text_line l "
                + "LEFT JOIN line_correction c ON c.id = l.correction_id WHERE l.page_id = ? ORDER BY l.seq",
                (rs, i) -> new ReviewLine(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        new Bbox(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)), rs.getDouble(9),
                        rs.getInt(10), rs.getString(11)), pageId);
        return new ReviewPage(head.get(0), size[0], size[1], lines);
    }

    /**
     * One version of a line's text.
     *
     * @param version 0 for the machine's reading, 1… for corrections
     * @param text    the text
     * @param author  who made the correction ({@code null} for the machine's reading)
     * @param at      when (null for the machine's reading)
     * @param words   its words with their boxes, page px
     */
    public record Version(int version, String text, String author, Instant at, List<OcrWord> words) {
    }

    /**
     * @param lineId database id of a line
     * @return every version of its text, the machine's reading first; empty when there is no such line
     */
    public List<Version> versions(long lineId) {
        List<Version> out = new ArrayList<>();
        List<String> machine = jdbc.queryForList("SELECT text FROM text_line WHERE id = ?", String.class, lineId);
        if (machine.isEmpty()) {
            return out;
        }
        out.add(new Version(0, machine.get(0), null, null, jdbc.query("SELECT text, x0, y0, x1, y1, confidence FROM word "
                + "WHERE line_id = ? ORDER BY seq", (rs, i) -> word(rs), lineId)));
        jdbc.query("SELECT id, version, text, author, created_at FROM line_correction WHERE line_id = ? ORDER BY version",
                rs -> {
                    out.add(new Version(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                            jdbc.query("SELECT text, x0, y0, x1, y1, confidence FROM correction_word WHERE correction_id = ? "
                                    + "ORDER BY seq", (r, i) -> word(r), rs.getLong(1))));
                }, lineId);
        return out;
    }

    private static OcrWord word(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OcrWord(rs.getString(1), new Bbox(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)), rs.getDouble(6));
    }

    /**
     * What a stored correction changed.
     *
     * @param lineId     the line
     * @param documentId the document it belongs to (whose exports and index entries follow)
     * @param version    the new version's number
     * @param previous   the text it replaced
     * @param text       the corrected text
     * @param words      its words with the boxes of the characters they stand for, page px
     */
    public record Correction(long lineId, long documentId, int version, String previous, String text, List<OcrWord> words) {
    }

    /**
     * Stores a correction of a line's text as its new current version, in one transaction. The
     * new words take the boxes of the characters of the current version they replace
     * ({@link BoxAlignment}), with confidence 1.
     *
     * @param lineId database id of the line
     * @param text   the corrected text (not blank, at most 4,000 characters)
     * @param author the reviewer's user name
     * @return what was stored; null when the text is the current text already (nothing is stored)
     * @throws IllegalArgumentException if there is no such line, or the text is blank or too long
     */
    public Correction correct(long lineId, String text, String author) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > 4000) {
            throw new IllegalArgumentException("a corrected line needs 1 to 4,000 characters");
        }
        return tx.execute(status -> {
            List<Object[]> line = jdbc.query("SELECT l.id, p.document_id, l.x0, l.y0, l.x1, l.y1 FROM text_line l "
                    + "JOIN page p ON p.id = l.page_id WHERE l.id = ? FOR UPDATE", (rs, i) -> new Object[] {
                        rs.getLong(2), new Bbox(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))}, lineId);
            if (line.isEmpty()) {
                throw new IllegalArgumentException("no line " + lineId);
            }
            List<Version> versions = versions(lineId);
            Version current = versions.get(versions.size() - 1);
            if (current.text().equals(clean)) {
                return null;
            }
            long documentId = (Long) line.get(0)[0];
            Bbox box = (Bbox) line.get(0)[1];
            List<OcrWord> words = BoxAlignment.realign(current.words(), box, clean, 1.0);
            int version = current.version() + 1;
            jdbc.update("INSERT INTO line_correction (line_id, version, text, previous_text, author, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", lineId, version, clean, current.text(), author, Timestamp.from(Instant.now()));
            long id = jdbc.queryForObject("SELECT id FROM line_correction WHERE line_id = ? AND version = ?", Long.class,
                    lineId, version);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                OcrWord w = words.get(i);
                rows.add(new Object[] {id, i, w.text(), w.bbox().x0(), w.bbox().y0(), w.bbox().x1(), w.bbox().y1(), w.confidence()});
            }
            jdbc.batchUpdate("INSERT INTO correction_word (correction_id, seq, text, x0, y0, x1, y1, confidence) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.update("UPDATE text_line SET correction_id = ? WHERE id = ?", id, lineId);
            jdbc.update("UPDATE page SET review_state = 'IN_REVIEW', review_by = ?, review_at = ? "
                    + "WHERE id = (SELECT page_id FROM text_line WHERE id = ?) AND review_state = 'NEW'",
                    author, Timestamp.from(Instant.now()), lineId);
            return new Correction(lineId, documentId, version, current.text(), clean, words);
        });
    }

    /**
     * Records a correction of a document's article segmentation; it takes effect when the
     * document's articles are next assembled.
     *
     * @param documentId database id of the document
     * @param edit       the correction
     * @param author     the reviewer's user name
     * @throws IllegalArgumentException if the edit names no fragment, or LINK or MOVE no target
     */
    public void addStructureEdit(long documentId, org.inkstone.article.StructureEdit edit, String author) {
        if (edit.fragment() == null || edit.fragment().isBlank()
                || edit.op() != org.inkstone.article.StructureEdit.Op.UNLINK && (edit.target() == null || edit.target().isBlank())) {
            throw new IllegalArgumentException(edit.op() + " needs a fragment" + (edit.op() == org.inkstone.article.StructureEdit.Op.UNLINK
                    ? "" : " and a target fragment"));
        }
        jdbc.update("INSERT INTO structure_edit (document_id, op, fragment, target, author, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                documentId, edit.op().name(), edit.fragment(), edit.target(), author, Timestamp.from(Instant.now()));
    }

    /**
     * A recorded correction of article segmentation.
     *
     * @param edit   the correction
     * @param author who made it
     * @param at     when
     */
    public record RecordedEdit(org.inkstone.article.StructureEdit edit, String author, Instant at) {
    }

    /**
     * @param documentId database id of a document
     * @return the corrections of its article segmentation, oldest first
     */
    public List<RecordedEdit> structureEdits(long documentId) {
        return jdbc.query("SELECT op, fragment, target, author, created_at FROM structure_edit WHERE document_id = ? ORDER BY id",
                (rs, i) -> new RecordedEdit(new org.inkstone.article.StructureEdit(
                        org.inkstone.article.StructureEdit.Op.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), documentId);
    }

    /**
     * Moves a page along its review workflow.
     *
     * @param pageId database id of the page
     * @param state  one of {@link #STATES}
     * @param user   who moves it
     * @return false when there is no such page
     * @throws IllegalArgumentException for an unknown state
     */
    public boolean setState(long pageId, String state, String user) {
        if (!Set.copyOf(STATES).contains(state)) {
            throw new IllegalArgumentException("review state must be one of " + STATES + ", not " + state);
        }
        return jdbc.update("UPDATE page SET review_state = ?, review_by = ?, review_at = ? WHERE id = ?", state, user,
                Timestamp.from(Instant.now()), pageId) == 1;
    }

    /**
     * @return how many digitized pages are in each review state, in {@link #STATES} order
     */
    public List<Integer> stateCounts() {
        List<Integer> counts = new ArrayList<>();
        for (String s : STATES) {
            counts.add(jdbc.queryForObject("SELECT COUNT(*) FROM page WHERE status = ? AND review_state = ?", Integer.class,
                    DocumentStore.DONE, s));
        }
        return counts;
    }
}
