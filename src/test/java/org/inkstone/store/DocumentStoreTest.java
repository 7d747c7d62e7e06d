package org.inkstone.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDataSource;
import org.inkstone.ingest.DocumentInfo;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.ocr.PageQuality;
import org.inkstone.model.OcrPage;
import org.inkstone.model.OcrWord;
import org.inkstone.model.PageGraphic;
import org.inkstone.model.Provenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store against a real HSQLDB file database migrated by Flyway. */
class DocumentStoreTest {

    @TempDir
    Path dir;
    private JdbcTemplate jdbc;
    private DocumentStore store;

    @BeforeEach
    void openDatabase() {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:file:" + dir.resolve("db/inkstone") + ";hsqldb.tx=mvcc;hsqldb.write_delay=false");
        ds.setUser("SA");
        ds.setPassword("");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/hsqldb").load().migrate();
        jdbc = new JdbcTemplate(ds);
        store = new DocumentStore(jdbc);
    }

    @AfterEach
    void closeDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    private static OcrPage page(String... lines) {
        List<OcrLine> ls = new java.util.ArrayList<>();
        int y = 100;
        for (String t : lines) {
            Bbox box = new Bbox(50, y, 50 + 40 * t.length(), y + 44);
            ls.add(new OcrLine(t, box, 0.9, List.of(new OcrWord(t, box, 0.9))));
            y += 60;
        }
        return new OcrPage(1000, 1400, 300, List.of(new OcrBlock(Bbox.union(ls.stream().map(OcrLine::bbox).toList()), ls)));
    }

    static final List<PageGraphic> PHOTO = List.of(new PageGraphic(PageGraphic.Kind.PHOTO, new Bbox(40, 60, 400, 300)));
    static final Provenance HOW = new Provenance("xy-cut", "tesseract", "5.3.0", "chi_sim",
            "/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata", "ab".repeat(32),
            new java.util.LinkedHashMap<>(java.util.Map.of("psm", "13", "segmentation", "regions")));

    @Test
    void storesPagesOnceAndReadsThemBackInOrder() throws Exception {
        Path pdf = Files.createFile(dir.resolve("issue-2025-06-03.pdf"));
        long id = store.registerDocument(new DocumentInfo(pdf, "a".repeat(64), 10, 2));
        List<PageTask> pending = store.pendingPages(dir);
        assertEquals(2, pending.size());
        assertEquals(1, pending.get(0).pageNo());

        PageQuality fine = PageQuality.judge(0.3, 150, 0.95, 2, 2.0, 80, 0.8);
        store.storePage(pending.get(0).pageId(), page("江城日报讯", "地铁3号线开通"), true, 1200,
                PageQuality.judge(3.1, 40, 0.5, 2, 2.0, 80, 0.8), 0, HOW,
                List.of(new PageGraphic(PageGraphic.Kind.RULE, new Bbox(0, 0, 10, 900))));
        assertEquals(List.of(new DocumentStore.FailedPage("issue-2025-06-03.pdf", 1,
                        "skew 3.10° (over 2.0°); low contrast 40 (under 80); low mean confidence 0.50 (under 0.80)")),
                store.pagesForReview(dir));
        // the same page stored again (e.g. after a retry) replaces, never duplicates
        store.storePage(pending.get(0).pageId(), page("江城日报讯", "地铁3号线开通"), true, 1300, fine, 0, HOW, PHOTO);
        assertTrue(store.pagesForReview(dir).isEmpty());
        assertEquals(0.3, jdbc.queryForObject("SELECT skew_deg FROM page WHERE id = ?", Double.class,
                pending.get(0).pageId()));
        store.failPage(pending.get(1).pageId(), "unreadable page: test", FailureKind.INPUT);

        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM text_line", Integer.class));
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM word", Integer.class));
        assertTrue(store.pendingPages(dir).isEmpty());
        assertEquals(2, store.finishedPageCount(dir));

        store.finishDocuments(dir);
        DocumentRecord doc = store.findBySha256("a".repeat(64)).orElseThrow();
        assertEquals(DocumentStore.DONE, doc.status());
        assertEquals("issue-2025-06-03", doc.exportName());

        List<PageRecord> pages = store.pages(id);
        assertEquals(2, pages.size());
        assertEquals(HOW, pages.get(0).provenance(), "how the page was read comes back as recorded");
        assertEquals(null, pages.get(1).provenance(), "a failed page was not read");
        assertEquals(PHOTO, pages.get(0).graphics(), "the photo of the second storing replaces the rule of the first");
        OcrLine second = pages.get(0).blocks().get(0).lines().get(1);
        assertEquals("地铁3号线开通", second.text());
        assertEquals(new Bbox(50, 160, 330, 204), second.bbox());
        assertEquals(DocumentStore.FAILED, pages.get(1).status());
        assertEquals(List.of(new DocumentStore.FailedPage("issue-2025-06-03.pdf", 2, "unreadable page: test")),
                store.failedPages(dir));
    }

    @Test
    void recordsRejectedDocumentWithReason() throws Exception {
        Path bad = Files.createFile(dir.resolve("empty.pdf"));
        store.registerFailedDocument(bad, "b".repeat(64), 0, "empty file (0 bytes)", FailureKind.INPUT);
        DocumentRecord doc = store.documentsIn(dir).get(0);
        assertEquals(DocumentStore.FAILED, doc.status());
        assertEquals("empty file (0 bytes)", doc.error());
    }
}
