package org.inkstone.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.RequiresModels;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.PageRenderer.NewspaperPage;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.fixture.TruthLine;
import org.inkstone.learned.PaddleModels;
import org.inkstone.model.Bbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learned line detector on small rendered pages: every truth line found as one region of
 * the right direction, lines of neighbouring columns across a narrow gutter kept apart, also at
 * 100 dpi and on a page skewed by a degree.
 */
@RequiresModels
class DbDetectorTest {

    static final List<String> TEXT = List.of(
            "本报讯 记者昨日从市交通运输局获悉，今年全市将新建和改造城市道路六十余条，打通断头路十二条，"
                    + "进一步完善中心城区路网结构，缓解高峰时段交通拥堵状况。",
            "据介绍，今年的道路建设项目将优先安排在学校、医院和大型居住区周边，同步建设人行道、非机动车道"
                    + "和无障碍设施，让市民出行更加安全便捷。",
            "市交通运输局有关负责人表示，项目施工期间将采取分段施工、错峰作业等措施，尽量减少对周边居民"
                    + "生活和道路通行的影响，并提前发布绕行提示。",
            "此外，全市还将新增公共停车泊位五千个，推进智慧停车平台建设，市民可通过手机查询空余车位并在线"
                    + "缴费，停车难问题有望得到缓解。");

    static DbDetector detector;
    static RenderedPage columns;

    @BeforeAll
    static void load() {
        detector = DbDetector.in(PaddleModels.defaultFolder());
        // a headline over three columns, three columns of body text 40 px (0.9 em) apart
        NewspaperPage p = new NewspaperPage();
        int y = p.headline("全市今年新建改造道路六十余条", "a1#1:headline", PageRenderer.Face.SANS_BOLD, 80, 0, 3,
                NewspaperPage.MARGIN_TOP);
        p.flow(new PageRenderer.TextCursor(TEXT), "a1#1:body", 0, 3, y + 30, y + 30 + 9 * NewspaperPage.BODY_PITCH,
                true, null, null);
        columns = crop(p.finish(3L), NewspaperPage.MARGIN_X + p.spanWidth(3) + 120,
                y + 30 + 10 * NewspaperPage.BODY_PITCH + 100);
    }

    @AfterAll
    static void close() {
        detector = null;
    }

    @Test
    void linesOfNeighbouringColumnsAreFoundOneByOneAcrossANarrowGutter() {
        List<TextRegion> regions = detect(columns.image());
        assertWhole(columns.lines(), regions, 1.0, "300 dpi");
        assertTrue(regions.stream().noneMatch(r -> r.kind() == TextRegion.Kind.VERTICAL), "no vertical lines: " + regions);
        // reading order: the headline first, then the first column top to bottom
        List<TextRegion> text = regions.stream().filter(r -> r.kind() == TextRegion.Kind.LINE).toList();
        assertTrue(text.get(0).bbox().height() > 60, "headline first: " + text.get(0));
        int firstColumnRight = NewspaperPage.MARGIN_X + NewspaperPage.COLUMN_WIDTH;
        for (int i = 1; i < 5; i++) {
            assertTrue(text.get(i).bbox().x1() <= firstColumnRight + 10 && text.get(i).bbox().y0() > text.get(i - 1).bbox().y0(),
                    "line " + i + " " + text.get(i));
        }
        // the type size: body characters are 44 px em, their ink about 38 px
        List<Integer> heights = text.stream().skip(1).map(TextRegion::textHeight).sorted().toList();
        int median = heights.get(heights.size() / 2);
        assertTrue(median >= 30 && median <= 50, "body text height " + median);
    }

    @Test
    void verticalColumnsAreVerticalLinesRightToLeft() {
        RenderedPage page = PageRenderer.renderColumns(List.of(
                "老城江畔有一家开了几十年的茶馆，", "木门木窗，青砖铺地。", "每天清晨，附近的老街坊", "便来到这里，要一壶热茶。",
                "茶馆的主人姓陈，年过七旬，", "仍每日亲自烧水沏茶。"), 200, 10.5f);
        List<TextRegion> regions = detect(page.image());
        List<TextRegion> vertical = regions.stream().filter(r -> r.kind() == TextRegion.Kind.VERTICAL).toList();
        assertWhole(page.lines(), regions, 1.0, "vertical");
        assertEquals(page.lines().size(), vertical.size(), "one vertical region per column: " + regions);
        for (int i = 1; i < vertical.size(); i++) {
            assertTrue(vertical.get(i).bbox().x1() < vertical.get(i - 1).bbox().x1(), "right to left: " + vertical);
        }
    }

    @Test
    void linesTheNetworkMissedAreFoundInTheInkNoBoxHolds() {
        // every column or line but one given as found: the one left out is found in the ink, whole
        RenderedPage down = PageRenderer.renderColumns(List.of("老城江畔有一家开了几十年的茶馆，", "木门木窗，青砖铺地。",
                "每天清晨，附近的老街坊", "便来到这里，要一壶热茶。"), 200, 10.5f);
        RenderedPage across = PageRenderer.renderLines(TEXT.subList(0, 3).stream().map(t -> t.substring(0, 24)).toList(), 200, 10.5f);
        for (RenderedPage page : List.of(down, across)) {
            boolean vertical = page == down;
            GrayImage gray = new PagePreprocessor().toGray(PageRenderer.degrade(page.image(), 5));
            BinaryImage bin = BinaryImage.of(gray, PageSegmenter.SCALE);
            int em = Math.round(10.5f * 200 / 72);
            List<TextRegion> given = new ArrayList<>();
            for (int i = 0; i < page.lines().size(); i++) {
                int[] b = page.lines().get(i).bbox();
                if (i != 1) {
                    given.add(new TextRegion(new Bbox(b[0], b[1], b[2], b[3]),
                            vertical ? TextRegion.Kind.VERTICAL : TextRegion.Kind.LINE, em));
                }
            }
            List<TextRegion> all = DbDetector.withMissedLines(given, List.of(), bin, PageSegmenter.Components.label(bin), em);
            assertEquals(given.size() + 1, all.size(), "one line added: " + all);
            TextRegion added = all.get(all.size() - 1);
            int[] t = page.lines().get(1).bbox();
            assertEquals(vertical ? TextRegion.Kind.VERTICAL : TextRegion.Kind.LINE, added.kind());
            assertTrue(cover(added.bbox(), t) > 0.8, "the line left out " + java.util.Arrays.toString(t) + " found: " + added);
            Bbox b = added.bbox();
            assertTrue((long) b.width() * b.height() < 1.3 * (t[2] - t[0]) * (t[3] - t[1]), "no more than the line: " + added);
            assertTrue(Math.abs(added.textHeight() - em) < em / 3, "type size " + added.textHeight() + " for em " + em);
            // every line given: nothing to add
            List<TextRegion> full = page.lines().stream().map(l -> new TextRegion(new Bbox(l.bbox()[0], l.bbox()[1],
                    l.bbox()[2], l.bbox()[3]), vertical ? TextRegion.Kind.VERTICAL : TextRegion.Kind.LINE, em)).toList();
            assertEquals(full, DbDetector.withMissedLines(full, List.of(), bin, PageSegmenter.Components.label(bin), em));
        }
    }

    @Test
    void aVerticalHeadlineBesideBodyLinesIsCarriedDownItsColumnOverThePiecesOfItsLowerCharacters() {
        // a vertical headline of 8 characters of 110 px beside lines of 36 px body type 40 px away,
        // an article's lines running under it across the page
        int em = 110, body = 36, x = 40, top = 40, bodyX = x + em + 40;
        BufferedImage img = new BufferedImage(900, top + 8 * em + 40 + 4 * 50 + 40, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(PageRenderer.font(PageRenderer.Face.SANS_BOLD, em));
        String headline = "弱視七旬婦隱蔽年";
        for (int i = 0; i < headline.length(); i++) {
            g.drawString(headline.substring(i, i + 1), x, top + (i + 1) * em - em / 8);
        }
        g.setFont(PageRenderer.font(PageRenderer.Face.SANS, body));
        int pitch = 50, rows = (8 * em) / pitch;
        for (int i = 0; i < rows; i++) {
            g.drawString("出街日日留在屋企坐住同一張梳化由朝坐到晚", bodyX, top + (i + 1) * pitch - 8);
        }
        int under = top + 8 * em + 40;
        for (int i = 0; i < 4; i++) {
            g.drawString("手術後有一刻開心過唔使戴眼鏡都睇得好清楚仲同阿仔去旅行", x, under + (i + 1) * pitch - 8);
        }
        g.dispose();
        GrayImage gray = new PagePreprocessor().toGray(img);
        BinaryImage bin = BinaryImage.of(gray, PageSegmenter.SCALE);
        // as the network leaves it: the upper half a vertical line, each lower character a piece
        // reaching into the body line beside it; the body lines; the lines under the headline
        List<TextRegion> given = new ArrayList<>();
        given.add(new TextRegion(new Bbox(x - 4, top, x + em + 4, top + 4 * em), TextRegion.Kind.VERTICAL, em));
        for (int i = 4; i < 8; i++) {
            given.add(new TextRegion(new Bbox(x - 4, top + i * em + 6, bodyX + 20, top + (i + 1) * em - 6), TextRegion.Kind.LINE, em));
        }
        for (int i = 0; i < rows; i++) {
            given.add(new TextRegion(new Bbox(bodyX + 30, top + i * pitch + 4, 880, top + (i + 1) * pitch), TextRegion.Kind.LINE, body));
        }
        for (int i = 0; i < 4; i++) {
            given.add(new TextRegion(new Bbox(x, under + i * pitch + 4, 880, under + (i + 1) * pitch), TextRegion.Kind.LINE, body));
        }
        List<TextRegion> out = DbDetector.extendDisplayColumns(given, bin, PageSegmenter.Components.label(bin), List.of(), body);
        List<TextRegion> vertical = out.stream().filter(r -> r.kind() == TextRegion.Kind.VERTICAL).toList();
        assertEquals(1, vertical.size(), "one vertical headline: " + out);
        Bbox v = vertical.get(0).bbox();
        assertTrue(v.y1() > top + 8 * em - em / 3 && v.y1() < under, "down to its last character, not into the lines under it: " + v);
        assertEquals(given.size() - 4, out.size(), "the four pieces dropped, every body line kept: " + out);
        // under a rule across its column the headline is not carried on
        List<TextRegion> ruled = DbDetector.extendDisplayColumns(given, bin, PageSegmenter.Components.label(bin),
                List.of(new Bbox(0, top + 4 * em, 900, top + 4 * em + 3)), body);
        assertEquals(given, ruled);
    }

    @Test
    void bodyCharactersOfNinePixelsAt100DpiAreFound() {
        // the column page at a quarter of its size: body em 11 px, ink about 9 px, gutter 10 px
        BufferedImage small = scale(columns.image(), 0.25);
        List<TruthLine> truth = columns.lines().stream().map(t -> new TruthLine(t.text(), new int[] {
                t.bbox()[0] / 4, t.bbox()[1] / 4, t.bbox()[2] / 4, t.bbox()[3] / 4}, t.region())).toList();
        assertWhole(truth, detect(small), 0.95, "100 dpi");
    }

    @Test
    void linesOfAPageSkewedByADegreeAreAllFound() {
        BufferedImage skewed = rotate(columns.image(), 1.0);
        List<TextRegion> regions = detect(skewed);
        double a = Math.toRadians(1.0), cx = skewed.getWidth() / 2.0, cy = skewed.getHeight() / 2.0;
        int found = 0;
        List<String> lost = new ArrayList<>();
        for (TruthLine t : columns.lines()) {
            // the middle of the line, turned with the page
            double mx = (t.bbox()[0] + t.bbox()[2]) / 2.0 - cx, my = (t.bbox()[1] + t.bbox()[3]) / 2.0 - cy;
            int x = (int) (cx + mx * Math.cos(a) - my * Math.sin(a)), y = (int) (cy + mx * Math.sin(a) + my * Math.cos(a));
            int w = t.bbox()[2] - t.bbox()[0];
            long hits = regions.stream().filter(r -> r.kind() == TextRegion.Kind.LINE && r.bbox().x0() <= x
                    && x < r.bbox().x1() && r.bbox().y0() <= y && y < r.bbox().y1() && r.bbox().width() >= 0.6 * w
                    && r.bbox().width() <= 1.3 * w + 20).count();
            if (hits >= 1) {
                found++;
            } else {
                lost.add(t.text());
            }
        }
        assertEquals(columns.lines().size(), found, "lines lost on the skewed page: " + lost);
    }

    @Test
    void autoKeepsTheXyCutWhereItCutsTheLinesAndTakesDbForVerticalTextAndSmallType() {
        AutoDetector auto = new AutoDetector(detector);
        assertEquals("auto:xy-cut", autoDetect(auto, columns.image()).detector());
        RenderedPage vertical = PageRenderer.renderColumns(List.of("老城江畔有一家开了几十年的茶馆，", "木门木窗，青砖铺地。",
                "每天清晨，附近的老街坊", "便来到这里，要一壶热茶。"), 200, 10.5f);
        LineDetector.Detection d = autoDetect(auto, vertical.image());
        assertEquals("auto:db", d.detector());
        assertEquals(4, d.regions().stream().filter(r -> r.kind() == TextRegion.Kind.VERTICAL).count(), "" + d.regions());
        assertEquals("auto:db", autoDetect(auto, scale(columns.image(), 0.25)).detector(), "9 px type");
    }

    static LineDetector.Detection autoDetect(LineDetector auto, BufferedImage image) {
        GrayImage gray = new PagePreprocessor().toGray(image);
        return auto.detect(gray, BinaryImage.of(gray, PageSegmenter.SCALE));
    }

    /** Every truth line (at least {@code share} of them) lies in one region that holds it whole and no more. */
    static void assertWhole(List<TruthLine> truth, List<TextRegion> regions, double share, String what) {
        List<TextRegion> text = regions.stream().filter(r -> r.kind() == TextRegion.Kind.LINE
                || r.kind() == TextRegion.Kind.VERTICAL).toList();
        int whole = 0;
        List<String> bad = new ArrayList<>();
        for (TruthLine t : truth) {
            int[] b = t.bbox();
            boolean down = b[3] - b[1] > b[2] - b[0];
            List<TextRegion> hits = text.stream().filter(r -> cover(r.bbox(), b) > 0.2).toList();
            int len = down ? b[3] - b[1] : b[2] - b[0];
            // truth boxes are em boxes to the last character's advance: a final 。 inks a quarter of its cell
            if (hits.size() == 1 && cover(hits.get(0).bbox(), b) > 0.6
                    && (down ? hits.get(0).bbox().height() : hits.get(0).bbox().width()) < 1.2 * len + 12) {
                whole++;
            } else {
                bad.add(t.text() + " " + hits);
            }
        }
        assertTrue(whole >= share * truth.size(), what + ": " + whole + " of " + truth.size() + " lines whole; not: " + bad);
    }

    /** @return the share of truth box {@code t} that box {@code b} covers */
    static double cover(Bbox b, int[] t) {
        int w = Math.min(b.x1(), t[2]) - Math.max(b.x0(), t[0]);
        int h = Math.min(b.y1(), t[3]) - Math.max(b.y0(), t[1]);
        return w <= 0 || h <= 0 ? 0 : (double) w * h / ((t[2] - t[0]) * (t[3] - t[1]));
    }

    static List<TextRegion> detect(BufferedImage image) {
        GrayImage gray = new PagePreprocessor().toGray(image);
        return detector.detect(gray, BinaryImage.of(gray, PageSegmenter.SCALE)).regions();
    }

    static RenderedPage crop(RenderedPage page, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(page.image(), 0, 0, null);
        g.dispose();
        return new RenderedPage(out, page.dpi(), page.lines());
    }

    static BufferedImage scale(BufferedImage image, double f) {
        BufferedImage out = new BufferedImage((int) (image.getWidth() * f), (int) (image.getHeight() * f),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(image.getScaledInstance(out.getWidth(), out.getHeight(), java.awt.Image.SCALE_AREA_AVERAGING),
                0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
                image.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }
}
