package org.inkstone.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.inkstone.TextMetrics;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.PageRenderer.Face;
import org.inkstone.fixture.PageRenderer.NewspaperPage;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.fixture.TruthLine;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;
import org.inkstone.ocr.Engines;
import org.inkstone.ocr.LineReader;
import org.inkstone.ocr.OcrSettings;
import org.inkstone.ocr.TesseractRecognizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reversed headlines (white type on a black and on a mid-gray panel) on a rendered, degraded
 * page with a photo: the panels are turned into dark type, found as lines of headline type and
 * read by real Tesseract; the photo stays a photo.
 */
class ReversedPanelsTest {

    static final String BLACK = "城市更新让老街焕发新活力", GRAY = "夜市经济持续升温";
    static final List<String> BODY = List.of(
            "本报讯 记者昨日从市住房和城乡建设局获悉，老城区更新改造项目已进入收尾阶段，沿街建筑立面整治、"
                    + "地下管网改造和公共空间提升同步推进，街区面貌焕然一新。",
            "据介绍，改造坚持修旧如旧的原则，保留了街区原有的肌理和历史建筑，同时引入文化创意、特色餐饮等业态，"
                    + "吸引了大批市民和游客前来打卡。");

    static RenderedPage page;
    static PreparedPage prepared;

    @BeforeAll
    static void render() {
        NewspaperPage p = new NewspaperPage();
        int y = p.reversedHeadline(BLACK, "a1#1:headline", Face.SANS_BOLD, 88, 0, 3, NewspaperPage.MARGIN_TOP, 0);
        y = p.flow(new PageRenderer.TextCursor(BODY), "a1#1:body", 0, 3, y + 40, y + 40 + 8 * NewspaperPage.BODY_PITCH,
                true, null, null);
        int y2 = p.reversedHeadline(GRAY, "a2#1:headline", Face.SERIF_BOLD, 72, 3, 2, NewspaperPage.MARGIN_TOP, 90);
        p.photo(3, 2, y2 + 40, 700, "街区改造后的夜景", 7L);
        page = p.finish(5L);
        prepared = new PagePreprocessor().prepare(new PagePreprocessor().toGray(page.image()));
    }

    private static Bbox box(TruthLine t) {
        return new Bbox(t.x0(), t.y0(), t.x1(), t.y1());
    }

    private static double iou(Bbox a, Bbox b) {
        long i = (long) Math.max(0, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0()))
                * Math.max(0, Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()));
        return (double) i / ((long) a.width() * a.height() + (long) b.width() * b.height() - i);
    }

    @Test
    void eachReversedHeadlineIsOneLineOfHeadlineTypeAndNoPhoto() {
        for (TruthLine t : List.of(page.linesIn("a1#1:headline").get(0), page.linesIn("a2#1:headline").get(0))) {
            List<TextRegion> lines = prepared.regions().stream()
                    .filter(r -> r.kind() == TextRegion.Kind.LINE && iou(r.bbox(), box(t)) >= 0.5).toList();
            assertEquals(1, lines.size(), t + " in " + prepared.regions());
            assertTrue(lines.get(0).bbox().height() >= 1.5 * prepared.bodyHeight(), lines.get(0) + " is headline type");
            assertFalse(prepared.regions().stream().anyMatch(r -> r.kind() == TextRegion.Kind.IMAGE
                    && iou(r.bbox(), box(t)) > 0), t + " is no photo: " + prepared.regions());
        }
        // the turned panel is paper with dark type: its corner is white
        TruthLine black = page.linesIn("a1#1:headline").get(0);
        int corner = prepared.image().pixels()[(black.y0() - 10) * prepared.image().width() + black.x0() - 30] & 0xff;
        assertTrue(corner > 200, "panel tone after turning: " + corner);
    }

    @Test
    void thePhotoStaysAPhoto() {
        assertEquals(1, prepared.regions().stream().filter(r -> r.kind() == TextRegion.Kind.IMAGE).count(),
                "regions: " + prepared.regions());
    }

    @Test
    void tesseractReadsTheTurnedHeadlines() throws Exception {
        assumeTrue(Engines.tesseract(), "Tesseract with chi_sim is not installed");
        try (TesseractRecognizer engine = new TesseractRecognizer(
                new OcrSettings("/usr/share/tesseract-ocr/5/tessdata", "chi_sim", 3))) {
            List<TextRegion> heads = prepared.regions().stream()
                    .filter(r -> r.kind() == TextRegion.Kind.LINE && r.bbox().height() >= 1.5 * prepared.bodyHeight())
                    .toList();
            OcrPage read = new LineReader(engine).read(prepared.image(), page.dpi(), heads, 0, 1.0);
            String all = String.join("|", read.lines().stream().map(OcrLine::text).toList());
            for (String h : List.of(BLACK, GRAY)) {
                double best = read.lines().stream().mapToDouble(l -> TextMetrics.cer(List.of(h), List.of(l.text())))
                        .min().orElse(1);
                assertTrue(best <= 0.15, h + " read as " + all);
            }
        }
    }
}
