package org.inkstone.ocr;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inkstone.TextMetrics;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.fixture.TruthLine;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.PagePreprocessor;
import org.inkstone.preprocess.PreparedPage;
import org.inkstone.preprocess.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Tesseract ({@code chi_sim}, {@code chi_sim_vert}) on Chinese lines and columns rendered with a CJK font. */
@RequiresTesseract
class TesseractRecognizerTest {

    static final OcrSettings SETTINGS = new OcrSettings("/usr/share/tesseract-ocr/5/tessdata", "chi_sim", 3);
    static final List<String> LINES = List.of(
            "江城日报讯(记者/林晓雨)地铁5号线今日开通运营。",
            "线路全长28.6公里，共设车站21座，沿江而行。",
            "首班车6时发出，末班车22时30分从终点站开出。");
    static TesseractRecognizer engine;
    static LineReader reader;

    @BeforeAll
    static void start() throws OcrException {
        engine = new TesseractRecognizer(SETTINGS);
        reader = new LineReader(engine);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static OcrPage recognize(RenderedPage page) throws OcrException {
        return engine.readPage(new PagePreprocessor().toGray(page.image()), page.dpi());
    }

    @Test
    void readsChineseLinesWithBoxesOnThePage() throws OcrException {
        RenderedPage page = PageRenderer.renderLines(LINES, 300, 12f);
        OcrPage result = recognize(page);
        List<OcrLine> lines = result.lines();
        assertEquals(LINES.size(), lines.size(), () -> "lines: " + lines);
        assertEquals(page.width(), result.width());
        double cer = TextMetrics.cer(LINES, lines.stream().map(OcrLine::text).toList());
        assertTrue(cer < 0.08, "CER " + cer + " for " + lines);
        int em = Math.round(12f * 300 / 72);
        for (int i = 0; i < LINES.size(); i++) {
            TruthLine t = page.lines().get(i);
            var box = lines.get(i).bbox();
            assertTrue(Math.abs(box.x0() - t.bbox()[0]) <= em / 2 && Math.abs(box.x1() - t.bbox()[2]) <= em
                            && Math.abs(box.y0() - t.bbox()[1]) <= em / 2 && Math.abs(box.y1() - t.bbox()[3]) <= em / 2,
                    "line " + i + " box " + box + " vs truth " + java.util.Arrays.toString(t.bbox()));
            assertTrue(lines.get(i).confidence() > 0.5 && lines.get(i).confidence() <= 1.0);
            assertTrue(!lines.get(i).text().matches(".*\\p{IsHan}\\s+\\p{IsHan}.*"), "no spaces between Han characters");
        }
    }

    @Test
    void readsADegradedScanAndAgainWithTheSameEngine() throws OcrException {
        RenderedPage clean = PageRenderer.renderLines(LINES, 300, 10.5f);
        RenderedPage scan = new RenderedPage(PageRenderer.degrade(clean.image(), 11), clean.dpi(), clean.lines());
        for (int round = 0; round < 2; round++) {
            List<OcrLine> lines = recognize(scan).lines();
            assertEquals(LINES.size(), lines.size());
            double cer = TextMetrics.cer(LINES, lines.stream().map(OcrLine::text).toList());
            assertTrue(cer < 0.12, "CER " + cer + " for " + lines);
        }
    }

    @Test
    void readsLineRegionsOneByOneWithBoxesOnThePage() throws OcrException {
        RenderedPage scan = new RenderedPage(PageRenderer.degrade(PageRenderer.renderLines(LINES, 300, 10.5f).image(), 7),
                300, PageRenderer.renderLines(LINES, 300, 10.5f).lines());
        PreparedPage prepared = new PagePreprocessor().prepare(scan.image());
        for (double widthScale : new double[] {1.0, 0.8}) {
            OcrPage result = prepared.toScan(reader.read(prepared.image(), 300, prepared.regions(), 0, widthScale));
            List<OcrLine> lines = result.lines();
            assertEquals(LINES.size(), lines.size(), () -> "lines: " + lines);
            double cer = TextMetrics.cer(LINES, lines.stream().map(OcrLine::text).toList());
            assertTrue(cer < 0.05, "CER " + cer + " at width " + widthScale + " for " + lines);
            int em = Math.round(10.5f * 300 / 72);
            for (int i = 0; i < LINES.size(); i++) {
                int[] t = scan.lines().get(i).bbox();
                var box = lines.get(i).bbox();
                // the truth box ends with the last character's advance: a final 。 inks only its left half
                assertTrue(Math.abs(box.x0() - t[0]) <= em / 2 && Math.abs(box.x1() - t[2]) <= em
                        && Math.abs(box.y0() - t[1]) <= em / 2 && Math.abs(box.y1() - t[3]) <= em / 2,
                        "line " + i + " box " + box + " vs truth " + java.util.Arrays.toString(t));
                for (var w : lines.get(i).words()) {
                    assertTrue(w.bbox().x0() >= box.x0() && w.bbox().x1() <= box.x1(), "word " + w + " inside " + box);
                }
            }
        }
    }

    static final List<String> COLUMNS = List.of(
            "江城日报讯地铁五号线今日开通运营。",
            "线路全长二十八公里，共设车站二十一座。",
            "首班车六时发出，末班车二十二时开出。",
            "市民从江北区出发，经望江大桥过江。",
            "最快四十一分钟即可到达高铁南站。");

    /** Vertical columns (竖排) of 10.5 pt Song type at 300 dpi, degraded like a scan, and their regions. */
    private static PreparedPage verticalScan(RenderedPage clean) {
        return new PagePreprocessor().prepare(PageRenderer.degrade(clean.image(), 7));
    }

    @Test
    void readsVerticalColumnsTopToBottomRightToLeftWithBoxesOnThePage() throws OcrException {
        RenderedPage clean = PageRenderer.renderColumns(COLUMNS, 300, 10.5f);
        PreparedPage prepared = verticalScan(clean);
        List<OcrLine> lines = prepared.toScan(reader.read(prepared.image(), 300, prepared.regions(), 0, 0.8)).lines();
        assertEquals(COLUMNS.size(), lines.size(), () -> "one line per column, right to left: " + lines);
        double cer = TextMetrics.cer(COLUMNS, lines.stream().map(OcrLine::text).toList());
        // measured 0.0 (chi_sim_vert on each column turned to the left, psm 13; NFKC folds the comma widths)
        assertTrue(cer < 0.05, "CER " + cer + " for " + lines);
        int em = Math.round(10.5f * 300 / 72);
        for (int i = 0; i < COLUMNS.size(); i++) {
            int[] t = clean.lines().get(i).bbox();
            OcrLine line = lines.get(i);
            var box = line.bbox();
            assertTrue(line.vertical(), "a vertical line: " + line);
            assertTrue(Math.abs(box.x0() - t[0]) <= em / 2 && Math.abs(box.x1() - t[2]) <= em / 2
                    && Math.abs(box.y0() - t[1]) <= em / 2 && Math.abs(box.y1() - t[3]) <= em,
                    "column " + i + " box " + box + " vs truth " + java.util.Arrays.toString(t));
            for (int k = 0; k < line.words().size(); k++) {
                var w = line.words().get(k).bbox();
                assertTrue(w.y0() >= box.y0() && w.y1() <= box.y1() && w.x0() >= box.x0() && w.x1() <= box.x1(),
                        "word " + line.words().get(k) + " inside " + box);
                assertTrue(k == 0 || w.y0() >= line.words().get(k - 1).bbox().y0(), "words top to bottom: " + line.words());
            }
        }
    }

    static final List<String> TRADITIONAL_COLUMNS = List.of(
            "江城日報訊地鐵五號線今日開通運營。",
            "線路全長二十八公里，共設車站二十一座。",
            "首班車六時發出，末班車二十二時開出。");

    /**
     * Debian's {@code chi_tra_vert} carries no config setting {@code preserve_interword_spaces}
     * (its {@code chi_tra} does): without it Tesseract's text puts a space between every two
     * characters of a column. The recogniser sets it on both handles; a traditional column read
     * with {@code chi_tra} comes out without spaces between its Han characters.
     */
    @Test
    void readsTraditionalVerticalColumnsWithoutSpacesBetweenHanCharacters() throws OcrException {
        for (String model : List.of("chi_tra", "chi_tra_vert")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(Path.of(SETTINGS.tessdata(), model + ".traineddata")),
                    "needs the " + model + " model (./inkstone setup installs it)");
        }
        try (TesseractRecognizer traditional = new TesseractRecognizer(
                new OcrSettings(SETTINGS.tessdata(), "chi_tra", 3))) {
            PreparedPage prepared = verticalScan(PageRenderer.renderColumns(TRADITIONAL_COLUMNS, 300, 10.5f));
            List<OcrLine> lines = prepared.toScan(new LineReader(traditional)
                    .read(prepared.image(), 300, prepared.regions(), 0, 0.8)).lines();
            assertEquals(TRADITIONAL_COLUMNS.size(), lines.size(), () -> "one line per column: " + lines);
            for (OcrLine line : lines) {
                assertTrue(line.vertical(), "a vertical line: " + line);
                assertTrue(!line.text().matches(".*\\p{IsHan}\\s+\\p{IsHan}.*"),
                        "no space between Han characters: '" + line.text() + "'");
                assertTrue(line.words().stream().noneMatch(w -> w.text().isBlank() || w.text().matches(".*\\s.*")),
                        "no word holds a space: " + line.words());
            }
            double cer = TextMetrics.cer(TRADITIONAL_COLUMNS, lines.stream().map(OcrLine::text).toList());
            assertTrue(cer < 0.1, "CER " + cer + " for " + lines);
        }
    }

    @Test
    void withoutTheVerticalModelVerticalTextIsSkipped(@TempDir Path tessdata) throws Exception {
        Files.createSymbolicLink(tessdata.resolve("chi_sim.traineddata"),
                Path.of(SETTINGS.tessdata(), "chi_sim.traineddata"));
        try (TesseractRecognizer horizontalOnly = new TesseractRecognizer(new OcrSettings(tessdata.toString(), "chi_sim", 3))) {
            PreparedPage columns = verticalScan(PageRenderer.renderColumns(COLUMNS, 300, 10.5f));
            assertTrue(columns.regions().stream().anyMatch(r -> r.kind() == TextRegion.Kind.VERTICAL));
            for (int round = 0; round < 2; round++) {
                assertTrue(new LineReader(horizontalOnly).read(columns.image(), 300, columns.regions(), 0, 0.8).lines().isEmpty());
            }
            PreparedPage lines = new PagePreprocessor().prepare(PageRenderer.renderLines(LINES, 300, 10.5f).image());
            List<OcrLine> read = new LineReader(horizontalOnly).read(lines.image(), 300, lines.regions(), 0, 0.8).lines();
            assertTrue(TextMetrics.cer(LINES, read.stream().map(OcrLine::text).toList()) < 0.05, "horizontal lines: " + read);
        }
    }

    @Test
    void verticalModelOfALanguage() {
        assertEquals("chi_sim_vert", TesseractRecognizer.verticalLanguage("chi_sim"));
        assertEquals("chi_tra_vert", TesseractRecognizer.verticalLanguage("chi_tra+eng"));
        assertEquals("chi_sim_vert", TesseractRecognizer.verticalLanguage("chi_sim_vert"));
    }

    @Test
    void blankPageHasNoLines() throws OcrException {
        RenderedPage blank = PageRenderer.renderLines(List.of(""), 300, 12f);
        assertTrue(recognize(blank).blocks().isEmpty());
    }

    @Test
    void missingModelIsAClearError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(OcrException.class,
                () -> new TesseractRecognizer(new OcrSettings(SETTINGS.tessdata(), "chi_nonexistent", 3)));
        assertTrue(e.getMessage().contains("chi_nonexistent.traineddata not found"), e.getMessage());
    }
}
