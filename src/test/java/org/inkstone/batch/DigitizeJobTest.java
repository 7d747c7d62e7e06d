package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.inkstone.batch.JobTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.TextMetrics;
import org.inkstone.batch.JobTestSupport.StepRun;
import org.inkstone.ingest.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The digitize job end to end, in this JVM, with real Tesseract and a real HSQLDB file: the
 * shipped sample issue next to every kind of bad input.
 */
@RequiresTesseract
class DigitizeJobTest {

    @TempDir
    static Path work;
    static Path scans, output;
    static JobTestSupport.Run first, second;

    @BeforeAll
    static void runTwice() throws Exception {
        scans = Files.createDirectories(work.resolve("scans"));
        output = work.resolve("output");
        Files.copy(JobTestSupport.SAMPLE, scans.resolve(JobTestSupport.SAMPLE.getFileName()));
        Files.createFile(scans.resolve("empty.pdf"));
        Files.writeString(scans.resolve("notes.pdf"), "这不是PDF", StandardCharsets.UTF_8);
        Files.write(scans.resolve("corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes());
        TestPdfs.encrypted(scans.resolve("locked.pdf"));
        TestPdfs.brokenSecondPage(scans.resolve("halfbroken.pdf"));
        TestPdfs.hugePage(scans.resolve("huge.pdf"), 40_000, 40_000);
        Files.writeString(scans.resolve("readme.txt"), "not a scan");
        // entries named *.pdf that are not files: a folder, a link to nothing, a named pipe
        Files.createDirectories(scans.resolve("folder.pdf"));
        Files.createSymbolicLink(scans.resolve("gone.pdf"), work.resolve("nowhere.pdf"));
        new ProcessBuilder("mkfifo", scans.resolve("pipe.pdf").toString()).inheritIO().start().waitFor();
        first = JobTestSupport.run(scans, output, "--workers", "2");
        second = JobTestSupport.run(scans, output, "--workers", "2");
    }

    @Test
    void finishesTheRestAndNamesWhatFailed() {
        assertEquals(1, first.exitCode(), first.out());
        String out = first.out();
        assertTrue(out.contains("empty.pdf: empty file"), out);
        assertTrue(out.contains("notes.pdf: not a PDF file"), out);
        assertTrue(out.contains("corrupt.pdf: corrupt PDF"), out);
        assertTrue(out.contains("locked.pdf: encrypted PDF"), out);
        assertTrue(out.contains("halfbroken.pdf page 2: unreadable page"), out);
        assertTrue(out.contains("huge.pdf page 1: page image 40000x40000 px exceeds the limit"), out);
        assertTrue(out.contains("pages/min"), "progress is shown: " + out);
        assertTrue(out.contains("3 entries named *.pdf passed over"), out);
        assertTrue(out.contains("folder.pdf: a folder, not a file"), out);
        assertTrue(out.contains("gone.pdf: a link to nothing"), out);
        assertTrue(out.contains("pipe.pdf: not a regular file"), out);
    }

    @Test
    void runsEachStepOnceAndCountsWhatItDid() throws Exception {
        try (Connection db = JobTestSupport.database(output)) {
            List<StepRun> steps = JobTestSupport.steps(db, JobTestSupport.executions(db).get(0));
            assertEquals(List.of("catalog", "ocr", "layout", "export", "index"), JobTestSupport.stepNames(steps));
            steps.forEach(s -> assertEquals("COMPLETED", s.status(), s.toString()));
            // ten entries named *.pdf: seven files registered (three readable, four rejected), three passed over
            StepRun catalog = JobTestSupport.step(steps, "catalog");
            assertEquals(10, catalog.read());
            assertEquals(count(db, "SELECT COUNT(*) FROM document"), catalog.write());
            assertEquals(0, catalog.filter());
            // every page of the readable documents is read once by one of the two workers and stored or failed
            int pages = count(db, "SELECT COUNT(*) FROM page");
            List<StepRun> workers = JobTestSupport.workers(steps);
            assertEquals(2, workers.size(), steps.toString());
            assertEquals(pages, workers.stream().mapToLong(StepRun::read).sum());
            assertEquals(pages, workers.stream().mapToLong(StepRun::write).sum());
            assertEquals(pages, JobTestSupport.step(steps, "ocr").read(), "the partitioned step adds up its workers");
            int documents = count(db, "SELECT COUNT(*) FROM document");
            int done = count(db, "SELECT COUNT(*) FROM document WHERE status = 'DONE'");
            assertEquals(3, done);
            for (String name : List.of("layout", "export", "index")) {
                StepRun step = JobTestSupport.step(steps, name);
                assertEquals(documents, step.read(), step.toString());
                assertEquals(done, step.write(), step.toString());
                assertEquals(documents - done, step.filter(), step.toString());
                assertEquals(0, step.writeSkip(), step.toString());
            }
        }
    }

    @Test
    void storesEveryPageOnceWithBoxesAndConfidence() throws Exception {
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(7, count(db, "SELECT COUNT(*) FROM document"));
            assertEquals(4, count(db, "SELECT COUNT(*) FROM document WHERE status = 'FAILED'"));
            assertEquals(3, count(db, "SELECT COUNT(*) FROM page p JOIN document d ON d.id = p.document_id "
                    + "WHERE d.source_name LIKE 'sample-issue%' AND p.status = 'DONE' AND p.width = 2480 AND p.dpi = 300"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line GROUP BY page_id, seq "
                    + "HAVING COUNT(*) > 1)"));
            assertTrue(count(db, "SELECT COUNT(*) FROM text_line") > 300);
            assertEquals(0, count(db, "SELECT COUNT(*) FROM word WHERE confidence < 0 OR confidence > 1 OR x1 <= x0"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM page WHERE status = 'FAILED' AND error LIKE 'unreadable page%'"));
            assertEquals(7, count(db, "SELECT COUNT(*) FROM article"), "the sample issue's articles are stored");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM article a WHERE (SELECT COUNT(DISTINCT f.page_id) "
                    + "FROM article_fragment f WHERE f.article_id = a.id) = 2"), "the jumped article spans two pages");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM article_fragment f WHERE NOT EXISTS "
                    + "(SELECT 1 FROM fragment_line fl WHERE fl.fragment_id = f.id)"), "every fragment links its lines");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM text_line WHERE role IS NULL"), "every line keeps its role");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM text_line WHERE role = 'jump_from'"), "the 下转 line");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM text_line WHERE role = 'jump_to'"), "the 上接 line");
            assertTrue(count(db, "SELECT COUNT(*) FROM text_line WHERE role = 'headline'") >= 7, "the headlines");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM fragment_line fl JOIN text_line l ON l.id = fl.line_id "
                    + "JOIN article_fragment f ON f.id = fl.fragment_id WHERE l.page_id <> f.page_id"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE' AND document_id = "
                    + "(SELECT id FROM document WHERE source_name = 'halfbroken.pdf')"));
        }
    }

    @Test
    void exportsLinesThatMatchTheTruth() throws Exception {
        JsonNode export = JobTestSupport.readJson(output.resolve("sample-issue-2025-06-03/articles.json"));
        JsonNode truth = JobTestSupport.readJson(JobTestSupport.SAMPLE_TRUTH);
        assertEquals(3, export.get("pages").size());
        assertEquals(64, export.get("document").get("sha256").asString().length());
        List<String> want = new ArrayList<>(), got = new ArrayList<>();
        for (JsonNode tp : truth.get("pages")) {
            JsonNode ep = export.get("pages").get(tp.get("page").asInt() - 1);
            assertEquals(tp.get("width").asInt(), ep.get("width").asInt());
            for (JsonNode tl : tp.get("lines")) {
                if (!tl.get("region").asString().endsWith(":body")) {
                    continue;
                }
                want.add(tl.get("text").asString());
                got.add(textAt(ep.get("lines"), box(tl.get("bbox"))));
            }
        }
        double cer = TextMetrics.cer(want, got);
        assertTrue(cer < 0.10, "body line CER " + cer);
        for (JsonNode line : export.get("pages").get(0).get("lines")) {
            assertTrue(!line.get("text").asString().matches(".*\\p{IsHan} +\\p{IsHan}.*"), line.toString());
        }
        assertEquals(truth.get("articles").size(), export.get("articles").size(), "one export article per article");
        assertEquals(0, Files.list(output).filter(p -> p.getFileName().toString().startsWith("corrupt")).count(),
                "no export for a rejected file");
    }

    @Test
    void jumpedArticleComesBackWholeAndInOrder() throws Exception {
        JsonNode export = JobTestSupport.readJson(output.resolve("sample-issue-2025-06-03/articles.json"));
        JsonNode truth = JobTestSupport.readJson(JobTestSupport.SAMPLE_TRUTH);
        JsonNode lead = null;
        for (JsonNode a : truth.get("articles")) {
            if (a.get("fragments").size() > 1) {
                lead = a;
            }
        }
        String want = TextMetrics.norm(lead.get("text").asString());
        JsonNode best = null;
        double bestCer = 1;
        for (JsonNode a : export.get("articles")) {
            double cer = TextMetrics.cer(List.of(want), List.of(a.get("text").asString()));
            if (cer < bestCer) {
                best = a;
                bestCer = cer;
            }
        }
        assertTrue(bestCer < 0.1, "jumped article text CER " + bestCer);
        assertEquals(List.of(1, 3), pages(best.get("fragments")), best.toString());
        assertEquals(1, best.get("continued").get(0).get("from_page").asInt());
        assertEquals(3, best.get("continued").get(0).get("to_page").asInt());
        assertTrue(TextMetrics.cer(List.of(lead.get("title").asString()), List.of(best.get("title").asString())) < 0.2);
        String got = TextMetrics.norm(best.get("text").asString());
        assertTrue(!got.contains("下转") && !got.contains("上接"), "no jump lines in the text");
        // the front-page part comes first: the text starts as the truth does and ends near its end
        assertTrue(TextMetrics.distance(want.substring(0, 20), got.substring(0, 20)) <= 4, got.substring(0, 20));
        String tail = got.substring(got.length() - 15);
        int nearest = Integer.MAX_VALUE;
        for (int i = want.length() - 40; i + 15 <= want.length(); i++) {
            nearest = Math.min(nearest, TextMetrics.distance(want.substring(i, i + 15), tail));
        }
        assertTrue(nearest <= 3, "the text ends with the continuation's end: " + tail);
        // the paragraph that runs on across the jump is one paragraph (…根据客流 | 变化适时调整…)
        assertTrue(best.get("text").asString().contains("根据客流变化"), best.get("text").asString());
        // the byline of the dateline, with the space print sets between the two names
        assertEquals("记者/林晓雨 通讯员/陈立", best.get("byline").asString());
        assertEquals("article", best.get("kind").asString());
        assertEquals(best.get("title").asString(), best.get("headline").asString(), "a title in one type size");
        for (JsonNode f : best.get("fragments")) {
            double c = f.get("confidence").asDouble();
            assertTrue(c > 0.5 && c <= 1, "fragment confidence " + c);
            double l = f.get("layout_confidence").asDouble();
            assertTrue(l > 0 && l <= 1, "fragment layout confidence " + l);
        }
    }

    private static List<Integer> pages(JsonNode fragments) {
        List<Integer> out = new ArrayList<>();
        fragments.forEach(f -> out.add(f.get("page").asInt()));
        return out;
    }

    @Test
    void secondRunDoesNotDigitizeKnownDocumentsAgain() throws Exception {
        assertEquals(1, second.exitCode());
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(7, count(db, "SELECT COUNT(*) FROM document"));
            assertEquals(2, count(db, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE"));
            List<StepRun> steps = JobTestSupport.steps(db, JobTestSupport.executions(db).get(1));
            assertEquals(List.of("catalog", "ocr", "layout", "export", "index"), JobTestSupport.stepNames(steps));
            StepRun catalog = JobTestSupport.step(steps, "catalog");
            assertEquals(0, catalog.write(), "no document is registered again: " + catalog);
            assertEquals(7, catalog.filter(), "all seven files are known: " + catalog);
            assertEquals(0, JobTestSupport.step(steps, "ocr").read(), "no page is recognised again");
            // the articles are laid out, exported and indexed again from the stored pages
            for (String name : List.of("layout", "export", "index")) {
                assertEquals(3, JobTestSupport.step(steps, name).write(), name);
            }
        }
    }

    /** Text of the export lines lying mostly inside a truth box, left to right (as the benchmark pairs them). */
    private static String textAt(JsonNode lines, int[] t) {
        StringBuilder sb = new StringBuilder();
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode l : lines) {
            int[] s = box(l.get("bbox"));
            long ix = Math.max(0, Math.min(t[2], s[2]) - Math.max(t[0], s[0]));
            long iy = Math.max(0, Math.min(t[3], s[3]) - Math.max(t[1], s[1]));
            if (ix * iy >= 0.5 * Math.max(1, (long) (s[2] - s[0]) * (s[3] - s[1]))) {
                hits.add(l);
            }
        }
        hits.sort((a, b) -> Integer.compare(a.get("bbox").get(0).asInt(), b.get("bbox").get(0).asInt()));
        hits.forEach(h -> sb.append(h.get("text").asString()));
        return sb.toString();
    }

    private static int[] box(JsonNode a) {
        return new int[] {a.get(0).asInt(), a.get(1).asInt(), a.get(2).asInt(), a.get(3).asInt()};
    }
}
