package org.inkstone.preprocess;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.fixture.PageRenderer.Face;
import org.inkstone.fixture.PageRenderer.NewspaperPage;
import org.inkstone.fixture.PageRenderer.TextCursor;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.model.OcrPage;
import org.inkstone.ocr.OcrException;
import org.inkstone.ocr.OcrSettings;
import org.inkstone.ocr.LineReader;
import org.inkstone.ocr.TesseractRecognizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orientation of whole pages with real Tesseract: page 1 of the shipped sample issue turned each
 * quarter turn is found and turned back; the fixture page with a vertical article (竖排) is left
 * as it is.
 */
@RequiresTesseract
class PageOrientationTest {

    static TesseractRecognizer engine;
    static GrayImage sample;
    static final PagePreprocessor PRE = new PagePreprocessor();

    @BeforeAll
    static void setUp() throws Exception {
        engine = new TesseractRecognizer(new OcrSettings("/usr/share/tesseract-ocr/5/tessdata", "chi_sim", 3));
        sample = PRE.toGray(new ScanPdfReader(250_000_000L).readPage(Path.of("scans/sample-issue-2025-06-03.pdf"), 1).image());
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    /** Reads with the job's settings, recording every score asked for. */
    static final class Recording implements PageOrientation.Reader<OcrException> {
        final List<String> log = new ArrayList<>();
        int calls;
        long nanos;

        @Override
        public OcrPage read(PreparedPage page, List<TextRegion> regions) throws OcrException {
            calls++;
            long t0 = System.nanoTime();
            OcrPage p = new LineReader(engine).read(page.image(), 300, regions, 40, 0.8);
            nanos += System.nanoTime() - t0;
            log.add(page.image().width() + "x" + page.image().height() + " " + regions.stream().map(r -> r.kind().name()).toList()
                    + " " + p.lines().stream().map(l -> String.format("%.2f %s", l.confidence(), l.text())).toList());
            return p;
        }
    }

    private static PageOrientation.Oriented orient(GrayImage page, Recording r) throws OcrException {
        long t0 = System.nanoTime();
        PageOrientation.Oriented o = new PageOrientation(PRE).prepare(page, r);
        System.out.printf("turn %d conf %.3f in %d ms, of which sample reads %d ms%n  %s%n", o.turnDegrees(),
                o.confidence(), (System.nanoTime() - t0) / 1_000_000, r.nanos / 1_000_000, String.join("\n  ", r.log));
        return o;
    }

    @Test
    void anUprightPageStaysAfterOneSampleRead() throws Exception {
        for (int warm = 0; warm < 2; warm++) {
            orient(sample, new Recording());
        }
        Recording r = new Recording();
        PageOrientation.Oriented o = orient(sample, r);
        assertEquals(0, o.turnDegrees());
        assertEquals(1, r.calls, "only the upright samples are read");
    }

    @Test
    void aPageTurnedAQuarterTurnIsTurnedBack() throws Exception {
        for (int stored : new int[] {90, 270, 180}) {
            PageOrientation.Oriented o = orient(PageOrientation.turn(sample, stored), new Recording());
            assertEquals((360 - stored) % 360, o.turnDegrees(), "page stored turned " + stored);
            assertEquals(sample.width(), o.page().image().width());
            assertTrue(o.confidence() > 0.8, "confidence " + o.confidence());
        }
    }

    static final List<String> TEXT = List.of(
            "老城江畔有一家开了几十年的茶馆，木门木窗，青砖铺地。每天清晨，附近的老街坊便提着鸟笼来到这里，"
                    + "要一壶热茶，听一段评书，说一说家长里短。",
            "茶馆的主人姓陈，年过七旬，仍每日亲自烧水沏茶。他说，茶要慢慢泡，话要慢慢说，日子也要慢慢过。"
                    + "来这里的客人，大多是相识多年的老朋友。",
            "近年来，老城改造让街巷换了新颜，茶馆却保留了原来的模样。不少年轻人专程赶来，在这里拍照、品茶、"
                    + "听老人讲过去的故事，感受江城的市井气息。",
            "本报讯今年以来，我市利用街角空地和边角地块，在老城区新建口袋公园十二处，为附近居民增添了家门口的休闲去处。"
                    + "这些公园面积不大，却配有座椅、步道和儿童游戏设施，种植了桂花、紫薇等树木。",
            "市园林局表示，下一步将继续挖掘城区零散空间，让市民出门五分钟就能走进绿地。");

    /** A page set entirely vertically (竖排): a headline column at the right, body columns right to left. */
    static GrayImage verticalPage() {
        NewspaperPage p = new NewspaperPage();
        int top = 220, right = p.columnX(4) + NewspaperPage.COLUMN_WIDTH;
        p.verticalLine("江畔老茶馆", "v#1:headline", Face.SANS_BOLD, 72, right, top);
        p.verticalFlow(new TextCursor(TEXT), "v#1:body", Face.SERIF, NewspaperPage.BODY_EM, p.columnX(0),
                right - 72 - 40, top, 1400, 66);
        return PRE.toGray(p.finish(20250702L).image());
    }

    @Test
    void aPageOfVerticalTextIsNotTurned() throws Exception {
        GrayImage page = verticalPage();
        PageOrientation.Oriented o = orient(page, new Recording());
        assertEquals(0, o.turnDegrees());
    }
}
