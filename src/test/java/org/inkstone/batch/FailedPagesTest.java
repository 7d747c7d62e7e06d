package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.inkstone.batch.JobTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.inkstone.InkstoneApplication;
import org.inkstone.InkstoneProperties;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.ingest.TestPdfs;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.ocr.LineRecognizer;
import org.inkstone.ocr.OcrException;
import org.inkstone.ocr.OcrSettings;
import org.inkstone.ocr.PreparedLine;
import org.inkstone.ocr.RecognizerInfo;
import org.inkstone.ocr.RecognizerPool;
import org.inkstone.ocr.TesseractRecognizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A page that fails does not stop the job, and what failed for a reason of the machine's is
 * tried again by the next run. The recogniser is the real Tesseract behind a test double that
 * fails on lines in which it reads a chosen word: with an {@link OcrException} (the recogniser
 * failing: a fault of the machine, retried) or a {@link RuntimeException} (a defect met on that
 * page: like a bad page, retried only with {@code --retry-failed}).
 */
@RequiresTesseract
class FailedPagesTest {

    /** Words on whose lines the recogniser fails with an OcrException / with a RuntimeException. */
    static volatile Set<String> engineFailsOn = Set.of(), defectOn = Set.of();

    @TempDir
    Path work;

    @Test
    void failedPagesAreRecordedAndTriedAgain() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Path output = work.resolve("out");
        threePages(scans.resolve("daily.pdf"));
        TestPdfs.brokenSecondPage(scans.resolve("halfbroken.pdf"));
        Path later = scans.resolve("later.pdf");
        TestPdfs.textPage(later, List.of("湘江大桥今日合龙", "预计年底通车", "大桥全长两千米", "双向六车道")); // four lines: a height of its own

        engineFailsOn = Set.of("地铁"); // page 2
        defectOn = Set.of("图书馆"); // page 3
        JobTestSupport.Run first = runWithTestEngine(scans, output);
        assertEquals(1, first.exitCode(), first.out());
        assertTrue(first.out().contains("daily.pdf page 2: OCR failed: engine failed on this page"), first.out());
        assertTrue(first.out().contains("daily.pdf page 3: page could not be processed: defect met on this page"),
                first.out());
        assertTrue(first.out().contains("halfbroken.pdf page 2: unreadable page"), first.out());
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(3, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"), "the other pages are stored");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM page WHERE status = 'FAILED' AND error_kind = 'ENVIRONMENT'"));
            assertEquals(2, count(db, "SELECT COUNT(*) FROM page WHERE status = 'FAILED' AND error_kind = 'INPUT'"));
            // what a run that found the disk full leaves of a document it could not inspect
            db.createStatement().executeUpdate("DELETE FROM page WHERE document_id = (SELECT id FROM document "
                    + "WHERE source_name = 'later.pdf')");
            db.createStatement().executeUpdate("UPDATE document SET status = 'FAILED', error = 'cannot be read: "
                    + "No space left on device', error_kind = 'ENVIRONMENT', page_count = 0, export_name = NULL, "
                    + "export_key = NULL WHERE source_name = 'later.pdf'");
        }

        engineFailsOn = Set.of();
        defectOn = Set.of();
        JobTestSupport.Run second = runWithTestEngine(scans, output);
        assertEquals(1, second.exitCode(), "the bad pages are still failed: " + second.out());
        assertTrue(second.out().contains("1 tried again"), "the document that failed for want of space: " + second.out());
        assertTrue(second.out().contains("1 failed pages tried again"), second.out());
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(4, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"));
            assertEquals(2, count(db, "SELECT COUNT(*) FROM page WHERE status = 'FAILED' AND error_kind = 'INPUT'"),
                    "bad pages are not tried again by themselves");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM document WHERE source_name = 'later.pdf' AND status = 'DONE'"));
        }
        assertTrue(Files.exists(output.resolve("later/articles.json")));

        JobTestSupport.Run third = runWithTestEngine(scans, output, "--retry-failed");
        assertTrue(third.out().contains("2 failed pages tried again"), third.out());
        assertEquals(1, third.exitCode(), "the broken page is broken still: " + third.out());
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(5, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM page WHERE status = 'FAILED'"));
            assertEquals(1, count(db, "SELECT COUNT(DISTINCT page_id) FROM text_line WHERE page_id IN (SELECT p.id "
                    + "FROM page p JOIN document d ON d.id = p.document_id WHERE d.source_name = 'daily.pdf' "
                    + "AND p.page_no = 3)"), "page 3 is read and stored once");
        }
    }

    /** Writes a three-page PDF of short text pages. */
    private static void threePages(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            String[][] pages = {{"株洲市新建公园十二座"}, {"湘潭市地铁三号线开通", "沿线设站十五座"},
                    {"长沙市图书馆今日开馆", "馆藏图书三百万册", "市民可免费借阅"}};
            for (String[] lines : pages) {
                RenderedPage page = PageRenderer.renderLines(List.of(lines), 300, 12f);
                TestPdfs.addScanPage(doc, LosslessFactory.createFromImage(doc, page.image()), page.dpi());
            }
            doc.save(file.toFile());
        }
    }

    /** Runs the job like {@code inkstone run}, with the test engine in place of the real one. */
    private static JobTestSupport.Run runWithTestEngine(Path scans, Path output, String... extra) {
        return JobTestSupport.capture(() -> {
            List<String> args = new ArrayList<>(List.of("--inkstone.scans=" + scans, "--inkstone.output=" + output,
                    "--inkstone.workers=2", "--spring.main.allow-bean-definition-overriding=true"));
            if (List.of(extra).contains("--retry-failed")) {
                args.add("--inkstone.retry-failed=true");
            }
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InkstoneApplication.class,
                    TestEngine.class).web(WebApplicationType.NONE).logStartupInfo(false).run(args.toArray(String[]::new))) {
                return ctx.getBean(DigitizeRunner.class).run(scans);
            }
        });
    }

    /** Replaces the job's recogniser pool (registered as a source, not found by component scan). */
    static class TestEngine {
        @Bean(destroyMethod = "close")
        RecognizerPool recognizerPool(InkstoneProperties props) {
            var o = props.ocr();
            OcrSettings settings = new OcrSettings(o.tessdata(), o.language(), o.psm());
            return new RecognizerPool(() -> new FailingOnLines(new TesseractRecognizer(settings)));
        }
    }

    /** The real recogniser, failing on lines in which it reads a chosen word. */
    record FailingOnLines(LineRecognizer real) implements LineRecognizer {
        @Override
        public List<OcrBlock> read(PreparedLine line, int dpi) throws OcrException {
            List<OcrBlock> read = real.read(line, dpi);
            String text = read.stream().flatMap(b -> b.lines().stream()).map(OcrLine::text).reduce("", String::concat);
            if (engineFailsOn.stream().anyMatch(text::contains)) {
                throw new OcrException("engine failed on this page");
            }
            if (defectOn.stream().anyMatch(text::contains)) {
                throw new IllegalStateException("defect met on this page");
            }
            return read;
        }

        @Override
        public RecognizerInfo info() {
            return real.info();
        }

        @Override
        public void finishPage() {
            real.finishPage();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
