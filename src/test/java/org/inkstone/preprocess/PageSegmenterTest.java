package org.inkstone.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.PageRenderer.NewspaperPage;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.fixture.SampleIssue;
import org.inkstone.fixture.TruthLine;
import org.inkstone.model.Bbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deskew and X-Y cut on the rendered, degraded front page of the sample issue. */
class PageSegmenterTest {

    static RenderedPage front;
    static GrayImage gray;

    @BeforeAll
    static void render() {
        front = SampleIssue.render().get(0);
        gray = new PagePreprocessor().toGray(PageRenderer.degrade(front.image(), 5));
    }

    private static double overlap(Bbox b, int[] t) {
        int w = Math.min(b.x1(), t[2]) - Math.max(b.x0(), t[0]);
        int h = Math.min(b.y1(), t[3]) - Math.max(b.y0(), t[1]);
        return w <= 0 || h <= 0 ? 0 : (double) w * h / ((t[2] - t[0]) * (t[3] - t[1]));
    }

    @Test
    void everyTruthLineIsOneLineRegionAndThePhotoIsNotText() {
        PreparedPage page = new PagePreprocessor().prepare(toImage(gray));
        List<TextRegion> lines = page.regions().stream().filter(r -> r.kind() == TextRegion.Kind.LINE).toList();
        int whole = 0, body = 0;
        for (TruthLine t : front.lines()) {
            if (!t.region().endsWith(":body")) {
                continue;
            }
            body++;
            List<TextRegion> hits = lines.stream().filter(r -> overlap(r.bbox(), t.bbox()) > 0.2).toList();
            // truth boxes end with the last character's advance: a final 。 inks only a quarter of its cell
            if (hits.size() == 1 && overlap(hits.get(0).bbox(), t.bbox()) > 0.75
                    && hits.get(0).bbox().width() < 1.3 * (t.bbox()[2] - t.bbox()[0]) + 20) {
                whole++;
            }
        }
        assertTrue(whole >= 0.98 * body, whole + " of " + body + " body lines found whole, each in one region");
        // the photo of the front page (columns 1-3 under the lead article) holds no line region
        List<TextRegion> images = page.regions().stream().filter(r -> r.kind() == TextRegion.Kind.IMAGE).toList();
        assertEquals(1, images.size(), "photo regions: " + images);
        Bbox photo = images.get(0).bbox();
        assertTrue(lines.stream().noneMatch(r -> overlap(photo, new int[] {r.bbox().x0(), r.bbox().y0(), r.bbox().x1(),
                r.bbox().y1()}) > 0.5), "no text line inside the photo");
        assertTrue(page.regions().stream().noneMatch(r -> r.kind() == TextRegion.Kind.VERTICAL), "no vertical text");
        // body characters are 44 px em at 300 dpi; their ink is a little lower
        assertTrue(page.bodyHeight() >= 30 && page.bodyHeight() <= 48, "body height " + page.bodyHeight());
        assertTrue(page.contrast() > 60, "contrast " + page.contrast() + ": a clean print is not flagged for review");
    }

    @Test
    void verticalColumnsAreCutAtTheirGuttersIntoOneVerticalRegionEachRightToLeft() {
        List<String> text = List.of(
                "老城江畔有一家开了几十年的茶馆，木门木窗，青砖铺地。每天清晨，附近的老街坊便来到这里，要一壶热茶，听一段评书。",
                "茶馆的主人姓陈，年过七旬，仍每日亲自烧水沏茶。来这里的客人，大多是相识多年的老朋友。",
                "近年来，老城改造让街巷换了新颜，茶馆却保留了原来的模样。");
        // columns 1.5 em apart (a gutter of half a character) and 1.2 em apart (under a fifth of a character)
        for (int pitch : new int[] {66, 53}) {
            NewspaperPage p = new NewspaperPage();
            PageRenderer.TextCursor cursor = new PageRenderer.TextCursor(text);
            p.verticalFlow(cursor, "v#1:body", PageRenderer.Face.SERIF, NewspaperPage.BODY_EM, 300, 2000, 400, 1300, pitch);
            RenderedPage rendered = p.finish(9L);
            List<TextRegion> regions = new PagePreprocessor().prepare(rendered.image()).regions();
            List<TextRegion> vertical = regions.stream().filter(r -> r.kind() == TextRegion.Kind.VERTICAL).toList();
            assertEquals(rendered.lines().size(), regions.size(), "pitch " + pitch + ": " + regions);
            assertEquals(rendered.lines().size(), vertical.size(), "pitch " + pitch + ": " + regions);
            for (int i = 0; i < vertical.size(); i++) {
                TruthLine t = rendered.lines().get(i);
                Bbox b = vertical.get(i).bbox();
                // truth boxes end with the last character's cell: a final 。 inks only its top right quarter
                assertTrue(overlap(b, t.bbox()) > 0.8 && b.width() < 1.5 * (t.x1() - t.x0()),
                        "pitch " + pitch + " column " + i + " " + t + " in " + b);
            }
        }
    }

    @Test
    void aFrameTouchingAColumnRuleIsItsSidesAndThePanelsTwoColumnsAreCutAtTheirGutter() {
        // 200 dpi, four columns of 30 px type with 24 px gutters; a framed notice under two columns
        // of text, its right side touching the column rule beside it
        NewspaperPage.Style style = new NewspaperPage.Style(1654, 2339, 200, 4, 350, 24, 90, 90, 2250,
                PageRenderer.Face.SERIF, 30, 44);
        NewspaperPage p = new NewspaperPage(style);
        PageRenderer.TextCursor text = new PageRenderer.TextCursor(List.of(
                "水库管理处将在今冬完成库区周边的绿化和道路修复，并对水质开展为期一年的跟踪监测。"
                        + "下游的石桥镇是主要受益地区。镇上种植大户说，过去一到旱季就为灌溉发愁，今后水库放水有了保障。"));
        int above = p.flow(text, "a#1:body", 0, 2, 200, style.bottom(), true, null, null);
        p.vRule(p.gutterX(2), 180, style.bottom(), 2);
        int top = above + 70;
        int heading = p.headline("遗失声明", "n#1:headline", PageRenderer.Face.SANS_BOLD, 40, 0, 2, top + 24);
        int bottom = p.flow(new PageRenderer.TextCursor(List.of("青山区云岭茶叶专业合作社遗失公章一枚，特此声明作废。")),
                "n#1:body", 0, 2, heading + 20, style.bottom(), true, null, null) + 24;
        int x0 = p.columnX(0) - 8, x1 = p.gutterX(2) - 3;
        p.hRule(x0, x1, top, 3);
        p.hRule(x0, x1, bottom, 3);
        p.vRule(x0, top, bottom + 3, 3);
        p.vRule(x1, top, bottom + 3, 3);
        RenderedPage rendered = p.finish(11L);
        List<TextRegion> regions = new PagePreprocessor().prepare(rendered.image()).regions();

        List<Bbox> rules = regions.stream().filter(r -> r.kind() == TextRegion.Kind.RULE).map(TextRegion::bbox).toList();
        assertTrue(rules.stream().noneMatch(r -> r.width() > 300 && r.height() > 300), "no rule box covers text: " + rules);
        for (int side : new int[] {top, bottom}) {
            assertTrue(rules.stream().anyMatch(r -> Math.abs(r.y0() - side) <= 6 && r.height() <= 10 && r.width() >= 600),
                    "frame side at y " + side + " in " + rules);
        }
        assertTrue(rules.stream().anyMatch(r -> r.height() >= 1500 && r.width() <= 12), "the column rule: " + rules);
        // the notice's lines stay in their columns, as the lines above it do
        int gutter = p.gutterX(1);
        List<Bbox> lines = regions.stream().filter(r -> r.kind() == TextRegion.Kind.LINE).map(TextRegion::bbox)
                .filter(b -> b.y0() > heading && b.y1() < bottom).toList();
        assertEquals(3, lines.size(), "the notice's lines: " + lines);
        assertTrue(lines.stream().noneMatch(b -> b.x0() < gutter - 5 && b.x1() > gutter + 5), "a line across the gutter: " + lines);
    }

    @Test
    void aMastheadInHeavyDisplayTypeIsALineAndAPhotoStaysAPhoto() {
        NewspaperPage p = new NewspaperPage();
        int bottom = p.line("株洲日报", "masthead", PageRenderer.Face.SERIF_BOLD, 260, NewspaperPage.MARGIN_X, 150, 0.3f);
        PageRenderer.TextCursor text = new PageRenderer.TextCursor(List.of(
                "水库管理处将在今冬完成库区周边的绿化和道路修复，并对水质开展为期一年的跟踪监测。".repeat(6)));
        p.flow(text, "a#1:body", 0, 2, bottom + 60, bottom + 900, false, null, null);
        p.photo(2, 3, bottom + 60, 900, "市民在新开通的地铁站内乘车。", 3L);
        RenderedPage rendered = p.finish(null);
        // the title in heavy black type: its strokes thickened until ink covers over half its box
        BufferedImage img = rendered.image();
        int x0 = NewspaperPage.MARGIN_X - 20, y0 = 140, x1 = NewspaperPage.MARGIN_X + 5 * 260 + 40, y1 = bottom + 20;
        BufferedImage heavy = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        heavy.getGraphics().drawImage(img, 0, 0, null);
        int r = 6;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int min = 255;
                for (int dy = -r; dy <= r && min > 0; dy += 3) {
                    for (int dx = -r; dx <= r && min > 0; dx += 3) {
                        min = Math.min(min, img.getRaster().getSample(x + dx, y + dy, 0));
                    }
                }
                heavy.getRaster().setSample(x, y, 0, min);
            }
        }
        List<TextRegion> regions = new PagePreprocessor().prepare(heavy).regions();
        Bbox masthead = new Bbox(x0, y0, x1, y1);
        List<TextRegion> over = regions.stream().filter(t -> overlap(t.bbox(), new int[] {x0, y0, x1, y1}) > 0.5).toList();
        assertEquals(1, over.size(), "one region over the masthead: " + regions);
        assertEquals(TextRegion.Kind.LINE, over.get(0).kind(), "the masthead " + masthead + " is read as a line: " + over);
        assertEquals(1, regions.stream().filter(t -> t.kind() == TextRegion.Kind.IMAGE).count(), "the photo: " + regions);
    }

    @Test
    void measuresAndRemovesSkew() {
        for (double angle : new double[] {-1.5, 0.6, 3.0}) {
            // rotating the straight page by -angle makes its lines descend to the right by angle
            GrayImage skewed = Deskew.rotate(gray, -angle);
            double measured = Deskew.measure(BinaryImage.of(skewed, PageSegmenter.SCALE));
            assertEquals(angle, measured, 0.1, "skew of a page turned by " + angle + "°");
            PreparedPage page = new PagePreprocessor().prepare(toImage(skewed));
            assertEquals(angle, page.skewDegrees(), 0.1);
            // a line region on the straightened page maps back onto its truth box on the skewed scan
            TruthLine t = front.lines().stream().filter(l -> l.region().endsWith(":body")).skip(10).findFirst().orElseThrow();
            int[] c = rotated(t.bbox(), angle, gray.width(), gray.height());
            TextRegion r = page.regions().stream().filter(x -> x.kind() == TextRegion.Kind.LINE)
                    .max((a, b) -> Double.compare(overlap(page.toScan(a.bbox()), c), overlap(page.toScan(b.bbox()), c)))
                    .orElseThrow();
            assertTrue(overlap(page.toScan(r.bbox()), c) > 0.8, "line " + t.text() + " at " + page.toScan(r.bbox()));
        }
    }

    @Test
    void aWornColumnRuleInAGutterIsARuleNotText() {
        // the gutter right of the first body column, over the height both columns share
        List<int[]> body = front.lines().stream().filter(t -> t.region().endsWith(":body")).map(TruthLine::bbox).toList();
        int leftX0 = body.stream().mapToInt(b -> b[0]).min().orElseThrow();
        List<int[]> left = body.stream().filter(b -> b[0] < leftX0 + 20).toList();
        int leftX1 = left.stream().mapToInt(b -> b[2]).max().orElseThrow();
        List<int[]> right = body.stream().filter(b -> b[0] > leftX1).toList();
        int rightX0 = right.stream().mapToInt(b -> b[0]).min().orElseThrow();
        List<int[]> next = right.stream().filter(b -> b[0] < rightX0 + 20).toList();
        int y0 = Math.max(left.stream().mapToInt(b -> b[1]).min().orElseThrow(), next.stream().mapToInt(b -> b[1]).min().orElseThrow());
        int y1 = Math.min(left.stream().mapToInt(b -> b[3]).max().orElseThrow(), next.stream().mapToInt(b -> b[3]).max().orElseThrow());
        assertTrue(rightX0 - leftX1 >= 12 && y1 - y0 > 600, "a gutter " + leftX1 + ".." + rightX0 + " over " + y0 + ".." + y1);
        int x0 = (leftX1 + rightX0) / 2 - 2;
        // a 4 px rule worn into pieces of 10 px with 4 px breaks (each piece shorter than a character)
        GrayImage ruled = new GrayImage(gray.width(), gray.height(), gray.pixels().clone());
        for (int y = y0; y < y1; y++) {
            if ((y - y0) % 14 < 10) {
                for (int x = x0; x < x0 + 4; x++) {
                    ruled.pixels()[y * gray.width() + x] = 20;
                }
            }
        }
        PreparedPage page = new PagePreprocessor().prepare(toImage(ruled));
        List<TextRegion> onRule = page.regions().stream()
                .filter(r -> r.bbox().x0() <= x0 + 4 && r.bbox().x1() >= x0 && r.bbox().y1() > y0 && r.bbox().y0() < y1).toList();
        assertTrue(onRule.stream().anyMatch(r -> r.kind() == TextRegion.Kind.RULE), "the rule is found: " + onRule);
        List<TextRegion> text = onRule.stream().filter(r -> r.kind() != TextRegion.Kind.RULE).toList();
        // a text line of either column may reach the rule; none is the rule itself
        assertTrue(text.stream().allMatch(r -> r.bbox().width() > 10 * 4), "pieces of the rule read as text: " + text);
    }

    @Test
    void aRotatedBilevelPageMatchesTheBinarisedRotatedPage() {
        double angle = 1.2;
        BinaryImage rotated = BinaryImage.of(gray, PageSegmenter.SCALE).rotate(angle);
        BinaryImage reference = BinaryImage.of(Deskew.rotate(gray, angle), PageSegmenter.SCALE);
        assertEquals(reference.width(), rotated.width());
        long both = 0, either = 0;
        for (int i = 0; i < rotated.ink().length; i++) {
            both += rotated.ink()[i] & reference.ink()[i];
            either += rotated.ink()[i] | reference.ink()[i];
        }
        // ink agrees up to a pixel's rounding at the edges of strokes
        assertTrue(both > 0.7 * either, "ink IoU " + (double) both / either);
    }

    @Test
    void measuresSkewOfAScanAtHighResolution() {
        double angle = 0.8;
        GrayImage skewed = Deskew.rotate(gray, -angle);
        // the page as a 900 dpi scan: three times the size, bilinear
        int k = 3, sw = skewed.width(), w = k * sw, h = k * skewed.height();
        byte[] small = skewed.pixels(), big = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.min(skewed.height() - 2, y / k), fy = y % k;
            for (int x = 0; x < w; x++) {
                int x0 = Math.min(sw - 2, x / k), fx = x % k;
                int i = y0 * sw + x0;
                int top = (small[i] & 0xff) * (k - fx) + (small[i + 1] & 0xff) * fx;
                int bottom = (small[i + sw] & 0xff) * (k - fx) + (small[i + sw + 1] & 0xff) * fx;
                big[y * w + x] = (byte) ((top * (k - fy) + bottom * fy) / (k * k));
            }
        }
        double measured = Deskew.measure(BinaryImage.of(new GrayImage(w, h, big), PageSegmenter.SCALE));
        assertEquals(angle, measured, 0.1, "skew of a 900 dpi page turned by " + angle + "°");
    }

    @Test
    void aBlankPageHasNoRegionsAndNoSkew() {
        GrayImage blank = new GrayImage(1000, 1400, new byte[1000 * 1400]);
        java.util.Arrays.fill(blank.pixels(), (byte) 230);
        PreparedPage page = new PagePreprocessor().prepare(toImage(blank));
        assertEquals(0.0, page.skewDegrees());
        assertTrue(page.regions().stream().noneMatch(r -> r.kind() == TextRegion.Kind.LINE), "regions " + page.regions());
    }

    /** The box of truth box {@code t} after the page is turned so its lines descend by {@code angle}. */
    private static int[] rotated(int[] t, double angle, int w, int h) {
        Bbox b = Deskew.toScan(new Bbox(t[0], t[1], t[2], t[3]), angle, w, h);
        return new int[] {b.x0(), b.y0(), b.x1(), b.y1()};
    }

    private static BufferedImage toImage(GrayImage g) {
        BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, g.width(), g.height(), g.pixels());
        return img;
    }
}
