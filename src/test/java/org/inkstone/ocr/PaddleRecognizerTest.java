package org.inkstone.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inkstone.RequiresModels;
import org.inkstone.TextMetrics;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.PageRenderer.Face;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrWord;
import org.inkstone.preprocess.PagePreprocessor;
import org.inkstone.preprocess.PreparedPage;
import org.inkstone.preprocess.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real PP-OCRv4 recogniser on Chinese lines and columns rendered with Noto CJK fonts, read through {@link LineReader}. */
@RequiresModels
class PaddleRecognizerTest {

    static final List<String> SIMPLIFIED = TesseractRecognizerTest.LINES;
    /** Traditional lines, every character in the model's list (it lacks some, e.g. 颱 積 眾 曆). */
    static final List<String> TRADITIONAL = List.of(
            "臺北市政府今日宣布捷運新線將於明年通車。",
            "這條路線全長二十八公里，共設車站二十一座",
            "記者會上，市長報告了興建進度與經費來源。",
            "圖書館延長開放時間，歡迎市民前往參觀。");

    static PaddleRecognizer engine;

    @BeforeAll
    static void start() throws OcrException {
        engine = new PaddleRecognizer(Engines.paddleModels());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Reads a page of lines or columns as the job does: straightened, cut into regions, each read. */
    static List<OcrLine> read(LineRecognizer recognizer, RenderedPage page, long seed) throws OcrException {
        PreparedPage prepared = new PagePreprocessor().prepare(PageRenderer.degrade(page.image(), seed));
        return prepared.toScan(new LineReader(recognizer).read(prepared.image(), page.dpi(), prepared.regions(), 40, 0.8))
                .lines();
    }

    private static void assertBoxes(RenderedPage page, List<OcrLine> lines, int em) {
        for (int i = 0; i < lines.size(); i++) {
            int[] t = page.lines().get(i).bbox();
            OcrLine line = lines.get(i);
            Bbox box = line.bbox();
            assertTrue(Math.abs(box.x0() - t[0]) <= em && Math.abs(box.x1() - t[2]) <= em
                    && Math.abs(box.y0() - t[1]) <= em && Math.abs(box.y1() - t[3]) <= em,
                    "line " + i + " box " + box + " vs truth " + java.util.Arrays.toString(t));
            assertTrue(line.confidence() > 0.5 && line.confidence() <= 1.0, "confidence of " + line);
            for (OcrWord w : line.words()) {
                assertTrue(w.bbox().x0() >= box.x0() && w.bbox().x1() <= box.x1() && w.bbox().y0() >= box.y0()
                        && w.bbox().y1() <= box.y1(), "word " + w + " inside " + box);
                assertEquals(1, w.text().codePointCount(0, w.text().length()), "one character per word: " + w);
            }
        }
    }

    @Test
    void readsSimplifiedLinesWithACharacterPerWord() throws OcrException {
        RenderedPage page = PageRenderer.renderLines(SIMPLIFIED, 300, 10.5f);
        List<OcrLine> lines = read(engine, page, 7);
        assertEquals(SIMPLIFIED.size(), lines.size(), () -> "lines: " + lines);
        double cer = TextMetrics.cer(SIMPLIFIED, lines.stream().map(OcrLine::text).toList());
        assertTrue(cer < 0.03, "CER " + cer + " for " + lines);
        assertBoxes(page, lines, Math.round(10.5f * 300 / 72));
        for (OcrLine l : lines) {
            for (int k = 1; k < l.words().size(); k++) {
                assertTrue(l.words().get(k).bbox().x0() >= l.words().get(k - 1).bbox().x0(), "left to right: " + l.words());
            }
        }
    }

    @Test
    void readsTraditionalLines() throws OcrException {
        RenderedPage page = PageRenderer.renderLines(TRADITIONAL, 300, 10.5f, Face.SERIF_TC);
        List<OcrLine> lines = read(engine, page, 7);
        assertEquals(TRADITIONAL.size(), lines.size(), () -> "lines: " + lines);
        double cer = TextMetrics.cer(TRADITIONAL, lines.stream().map(OcrLine::text).toList());
        // measured 0.051: 運 missed, two commas read as semicolons
        assertTrue(cer < 0.08, "CER " + cer + " for " + lines);
    }

    @Test
    void readsSmallTypeOfAHundredDpiPage() throws OcrException {
        // 6.5 pt at 100 dpi: characters of 9 px
        RenderedPage page = PageRenderer.renderLines(SIMPLIFIED, 100, 6.5f);
        List<OcrLine> lines = read(engine, page, 3);
        assertEquals(SIMPLIFIED.size(), lines.size(), () -> "lines: " + lines);
        double cer = TextMetrics.cer(SIMPLIFIED, lines.stream().map(OcrLine::text).toList());
        assertTrue(cer < 0.10, "CER " + cer + " for " + lines);
    }

    @Test
    void readsALineLongerThanOneRunInChunks() throws OcrException {
        String long1 = String.join("", SIMPLIFIED) + "地铁沿线新建停车场六处，可停放车辆三千余辆。";
        RenderedPage page = PageRenderer.renderLines(List.of(long1), 300, 10.5f);
        PreparedPage prepared = new PagePreprocessor().prepare(PageRenderer.degrade(page.image(), 9));
        TextRegion r = prepared.regions().stream().filter(x -> x.kind() == TextRegion.Kind.LINE)
                .max(java.util.Comparator.comparingInt(x -> x.bbox().width())).orElseThrow();
        var crop = LineReader.prepare(prepared.image(), r, 40, 1.0).image();
        assertTrue(crop.width() * (double) PaddleRecognizer.HEIGHT / crop.height() > 1.3 * PaddleRecognizer.MAX_WIDTH,
                "a line of two chunks: " + crop.width() + "x" + crop.height());
        var blocks = engine.read(new PreparedLine(crop, TextRegion.Kind.LINE), 300);
        String text = blocks.get(0).lines().get(0).text();
        double cer = TextMetrics.cer(List.of(long1), List.of(text));
        assertTrue(cer < 0.03, "CER " + cer + " for " + text);
    }

    @Test
    void givesATraditionalCollectionTraditionalForms() throws OcrException {
        // where the model reads a simplified form (its list has 6,623 characters, mostly
        // simplified), a collection in traditional script gets the traditional one
        List<String> simplified = List.of("克复石龙包围南昌，华军发生激烈争夺战。", "市政府说明灾情与重建经费来源。");
        List<String> traditional = List.of("克復石龍包圍南昌，華軍發生激烈爭奪戰。", "市政府說明災情與重建經費來源。");
        RenderedPage page = PageRenderer.renderLines(simplified, 300, 10.5f);
        try (PaddleRecognizer tra = new PaddleRecognizer(Engines.paddleModels(), "chi_tra")) {
            List<String> asRead = read(engine, page, 5).stream().map(OcrLine::text).toList();
            List<OcrLine> converted = read(tra, page, 5);
            assertTrue(TextMetrics.cer(simplified, asRead) < 0.05, "as read: " + asRead);
            double cer = TextMetrics.cer(traditional, converted.stream().map(OcrLine::text).toList());
            assertTrue(cer < 0.05, "CER " + cer + " in traditional script: " + converted);
            assertBoxes(page, converted, Math.round(10.5f * 300 / 72));
            assertTrue(tra.info().settings().get("script").contains("traditional"), tra.info().settings().toString());
        }
    }

    static final List<String> COLUMNS_TC = List.of(
            "臺北市政府今日宣布捷運新線將於明年通車。",
            "這條路線全長二十八公里，共設車站二十一座。",
            "記者會上，市長報告了興建進度與經費來源。");

    @Test
    void readsTraditionalAndSimplifiedColumnsTopToBottom() throws OcrException {
        // measured 0.098 (traditional: 臺 and 運 missed, a comma dropped) and 0.0 (simplified);
        // Tesseract's chi_sim_vert reads the traditional columns with CER 0.5 (in simplified forms)
        for (var c : List.of(java.util.Map.entry(COLUMNS_TC, 0.15), java.util.Map.entry(TesseractRecognizerTest.COLUMNS, 0.03))) {
            Face face = c.getKey() == COLUMNS_TC ? Face.SERIF_TC : Face.SERIF;
            RenderedPage page = PageRenderer.renderColumns(c.getKey(), 300, 10.5f, face);
            List<OcrLine> lines = read(engine, page, 7);
            assertEquals(c.getKey().size(), lines.size(), () -> "one line per column: " + lines);
            double cer = TextMetrics.cer(c.getKey(), lines.stream().map(OcrLine::text).toList());
            assertTrue(cer < c.getValue(), "CER " + cer + " for " + lines);
            // a column's box may miss a character the model missed at its ends
            assertBoxes(page, lines, 2 * Math.round(10.5f * 300 / 72));
            for (OcrLine line : lines) {
                assertTrue(line.vertical(), "a vertical line: " + line);
                for (int k = 1; k < line.words().size(); k++) {
                    assertTrue(line.words().get(k).bbox().y0() >= line.words().get(k - 1).bbox().y0(),
                            "words top to bottom: " + line.words());
                }
            }
        }
    }

    @Test
    void greedyCtcMergesRepeatsAndDropsBlanks() {
        // classes: 0 blank, 1 "中", 2 "文", 3 " "; steps: 中 中 blank 中 文 文 blank
        int[] best = {1, 1, 0, 1, 2, 2, 0};
        float[] probs = new float[best.length * 4];
        for (int t = 0; t < best.length; t++) {
            for (int k = 0; k < 4; k++) {
                probs[t * 4 + k] = k == best[t] ? 0.7f + 0.01f * t : 0.1f;
            }
        }
        var glyphs = PaddleRecognizer.decode(new String[] {"", "中", "文", " "}, probs, best.length, 4, 8.0);
        assertEquals(List.of("中", "中", "文"), glyphs.stream().map(PaddleRecognizer.Glyph::text).toList());
        assertEquals(0.70, glyphs.get(0).confidence(), 1e-6, "the probability of its first step");
        assertEquals(0, glyphs.get(0).x0());
        assertEquals(16, glyphs.get(0).x1());
        assertEquals(24, glyphs.get(1).x0());
        assertEquals(48, glyphs.get(2).x1());
    }

    @Test
    void recognisersShareOneSessionPerProcess() throws OcrException {
        int before = PaddleRecognizer.sessions();
        assertEquals(1, before, "the class's recogniser holds the session");
        try (PaddleRecognizer second = new PaddleRecognizer(Engines.paddleModels())) {
            assertEquals(before, PaddleRecognizer.sessions(), "a second recogniser loads no second session");
            assertEquals("paddle", second.info().name());
            assertEquals(Engines.paddleModels().recognizerSha256(), second.info().modelSha256());
        }
        assertEquals(before, PaddleRecognizer.sessions(), "the first recogniser still holds it");
    }
}
