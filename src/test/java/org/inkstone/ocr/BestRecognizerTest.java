package org.inkstone.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.RequiresModels;
import org.inkstone.RequiresTesseract;
import org.inkstone.TextMetrics;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.PageRenderer.Face;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.preprocess.PagePreprocessor;
import org.inkstone.preprocess.PreparedPage;
import org.inkstone.preprocess.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code best}: real Tesseract and PP-OCRv4, the better reading kept per line. */
@RequiresTesseract
@RequiresModels
class BestRecognizerTest {

    static TesseractRecognizer tesseract;
    static PaddleRecognizer paddle;
    static BestRecognizer best;

    @BeforeAll
    static void start() throws OcrException {
        tesseract = new TesseractRecognizer(TesseractRecognizerTest.SETTINGS);
        paddle = new PaddleRecognizer(Engines.paddleModels());
        best = new BestRecognizer(tesseract, paddle);
    }

    @AfterAll
    static void stop() {
        best.close();
    }

    /** Each line region of a rendered, degraded page as the job prepares it. */
    private static List<PreparedLine> lines(PreparedPage page) {
        List<PreparedLine> out = new ArrayList<>();
        for (TextRegion r : page.regions()) {
            if (r.kind() == TextRegion.Kind.LINE || r.kind() == TextRegion.Kind.VERTICAL) {
                out.add(new PreparedLine(LineReader.prepare(page.image(), r, 40, 0.8).image(), r.kind()));
            }
        }
        return out;
    }

    /** A block of one line of the given text and confidence, a word per character. */
    private static OcrBlock block(String text, double confidence) {
        org.inkstone.model.Bbox box = new org.inkstone.model.Bbox(0, 0, 40 * text.length(), 40);
        List<org.inkstone.model.OcrWord> words = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            words.add(new org.inkstone.model.OcrWord(text.substring(i, i + 1),
                    new org.inkstone.model.Bbox(40 * i, 0, 40 * i + 40, 40), confidence));
        }
        return new OcrBlock(box, List.of(new OcrLine(text, box, confidence, words)));
    }

    private static String text(List<OcrBlock> blocks) {
        return String.join("", blocks.stream().flatMap(b -> b.lines().stream()).map(OcrLine::text).toList());
    }

    @Test
    void keepsPaddlesReadingOfLinesTesseractReadsBadly() throws OcrException {
        // 6.5 pt at 100 dpi, characters of 9 px: Tesseract reads them with low confidence and many errors
        List<String> truth = TesseractRecognizerTest.LINES;
        PreparedPage page = new PagePreprocessor().prepare(PageRenderer.degrade(
                PageRenderer.renderLines(truth, 100, 6.5f).image(), 3));
        List<PreparedLine> lines = lines(page);
        assertEquals(truth.size(), lines.size());
        List<String> byTesseract = new ArrayList<>(), byBest = new ArrayList<>();
        int paddleKept = 0;
        for (int i = 0; i < lines.size(); i++) {
            PreparedLine l = lines.get(i);
            String t = text(tesseract.read(l, 100));
            BestRecognizer.Reading r = best.readBoth(l, 100);
            byTesseract.add(t);
            byBest.add(text(r.blocks()));
            double lineTesseract = TextMetrics.cer(List.of(truth.get(i)), List.of(t));
            double lineBest = TextMetrics.cer(List.of(truth.get(i)), List.of(text(r.blocks())));
            assertTrue(lineBest <= lineTesseract, "line " + i + ": best " + text(r.blocks()) + " (" + r.engine()
                    + ") not worse than Tesseract's " + t);
            paddleKept += r.engine().equals("paddle") ? 1 : 0;
        }
        double cerTesseract = TextMetrics.cer(truth, byTesseract), cerBest = TextMetrics.cer(truth, byBest);
        assertTrue(paddleKept >= 1, "PP-OCRv4's reading kept on some line: " + byBest + " Tesseract: " + byTesseract);
        // measured 0.096 against 0.75
        assertTrue(cerBest < cerTesseract / 2 && cerBest < 0.12,
                "best " + cerBest + " " + byBest + " against Tesseract " + cerTesseract + " " + byTesseract);
    }

    @Test
    void readsTraditionalColumnsWithBothEngines() throws OcrException {
        // a traditional collection: chi_tra_vert and PP-OCRv4 (simplified forms turned traditional)
        // both read every column, the reading with more characters expected right kept
        List<String> truth = PaddleRecognizerTest.COLUMNS_TC;
        PreparedPage page = new PagePreprocessor().prepare(PageRenderer.degrade(
                PageRenderer.renderColumns(truth, 300, 10.5f, Face.SERIF_TC).image(), 7));
        OcrSettings tra = new OcrSettings(TesseractRecognizerTest.SETTINGS.tessdata(), "chi_tra", TesseractRecognizerTest.SETTINGS.psm());
        try (BestRecognizer traditional = new BestRecognizer(new TesseractRecognizer(tra),
                new PaddleRecognizer(Engines.paddleModels(), "chi_tra"))) {
            List<String> byBest = new ArrayList<>();
            for (PreparedLine l : lines(page)) {
                byBest.add(text(traditional.readBoth(l, 300).blocks()));
            }
            long[] counts = traditional.counts();
            assertEquals(truth.size(), counts[0], "one line per column: " + byBest);
            assertEquals(counts[0], counts[1], "every column read by both engines");
            // measured 0.11: commas dropped, 車 read 專; PP-OCRv4 alone 0.098, chi_tra_vert alone 0.2
            assertTrue(TextMetrics.cer(truth, byBest) < 0.15, "CER for " + byBest);
        }
    }

    @Test
    void keepsTesseractsConfidentReadingWithoutASecondEngine() throws OcrException {
        List<String> truth = TesseractRecognizerTest.LINES;
        PreparedPage page = new PagePreprocessor().prepare(PageRenderer.degrade(
                PageRenderer.renderLines(truth, 300, 12f).image(), 3));
        long[] before = best.counts();
        List<String> got = new ArrayList<>();
        for (PreparedLine l : lines(page)) {
            BestRecognizer.Reading r = best.readBoth(l, 300);
            assertEquals("tesseract", r.engine());
            assertEquals(text(tesseract.read(l, 300)), text(r.blocks()), "Tesseract's reading as it is");
            got.add(text(r.blocks()));
        }
        assertEquals(before[1], best.counts()[1], "PP-OCRv4 not run on confident lines");
        assertTrue(TextMetrics.cer(truth, got) < 0.05, "CER for " + got);
    }

    @Test
    void calibrationPutsBothConfidencesOnOneScale() {
        BestRecognizer.Rule rule = BestRecognizer.Rule.MEASURED;
        // a Tesseract line at 0.80 is worse than a PP-OCRv4 line at 0.97; one at 0.96 better than a PP-OCRv4 line at 0.92
        assertTrue(rule.paddle().cer(0.97) < rule.tesseract().cer(0.80));
        assertTrue(rule.tesseract().cer(0.96) < rule.paddle().cer(0.92));
        assertEquals(rule.tesseract().cer(0.96), rule.tesseract().cer(1.0), "constant above the last knot");
        // a reading of no confidence is wrong throughout, and gains as its confidence rises
        assertEquals(1.0, rule.tesseract().cer(0.0));
        assertEquals(1.0, rule.paddle().cer(0.0));
        assertTrue(rule.tesseract().cer(0.2) > rule.tesseract().cer(0.4));
        // of two readings equally sure, the one that dropped characters loses
        List<OcrBlock> whole = List.of(block("地铁沿线新建停车场六处", 0.9)), dropped = List.of(block("地铁沿线停车场六处", 0.9));
        assertTrue(rule.paddleWins(dropped, whole));
        assertTrue(!rule.paddleWins(whole, dropped));
    }

    @Test
    void infoNamesBothEnginesAndTheRule() {
        RecognizerInfo info = best.info();
        assertEquals("best", info.name());
        assertTrue(info.settings().get("engines").contains("tesseract") && info.settings().get("engines").contains("paddle"));
        assertTrue(info.settings().get("rule").contains(String.valueOf(BestRecognizer.Rule.MEASURED.threshold())));
        info.settings().values().forEach(v -> assertTrue(!v.contains("; "), "settings are stored joined by '; ': " + v));
    }
}
