package org.inkstone.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.model.PageGraphic;
import org.junit.jupiter.api.Test;

/**
 * Layout geometry on synthetic pages: body type 40 px per character on 60 px lines, columns
 * 400 px wide with 40 px gutters, headlines in 80 px type.
 */
class LayoutAnalyzerTest {

    static final int W = 2000, H = 3000, COL = 400, GUTTER = 40, PITCH = 40, LINE = 60;

    private final List<OcrLine> lines = new ArrayList<>();

    private int add(String text, int x0, int y0, int charW, int height) {
        lines.add(new OcrLine(text, new Bbox(x0, y0, x0 + charW * text.length(), y0 + height), 0.9, List.of()));
        return lines.size() - 1;
    }

    private static int colX(int c) {
        return 100 + c * (COL + GUTTER);
    }

    /** Fills a column with body lines of 10 characters from {@code y0}; returns the indices. */
    private List<Integer> column(int c, int y0, int n, String stem) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = (stem + "一二三四五六七八九十").substring(0, 10);
            idx.add(add(t, colX(c), y0 + i * LINE, PITCH, LINE - 4));
        }
        return idx;
    }

    @Test
    void groupsHeadlineAndColumnsIntoModulesInReadingOrder() {
        int head = add("2025年6月3日 星期二 第02版", 100, 40, 30, 50);
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        List<Integer> c1 = column(0, 340, 12, "甲");
        List<Integer> c2 = column(1, 340, 12, "乙");
        int jump = add("(下转3版①)", colX(1) + 160, 340 + 12 * LINE, 30, LINE - 4);
        int h2 = add("滨江公园改造完工", colX(2) + 20, 200, 80, 100);
        List<Integer> c3 = column(2, 340, 8, "丙");
        List<Integer> c4 = column(3, 340, 8, "丁");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        assertEquals(LineRole.RUNNING_HEAD, page.roles().get(head));
        assertEquals(LineRole.HEADLINE, page.roles().get(h1));
        assertEquals(LineRole.JUMP_FROM, page.roles().get(jump));
        assertEquals(2, page.modules().size());
        PageLayout.Module first = page.modules().get(0);
        assertEquals(List.of(h1), first.headline());
        List<Integer> order = new ArrayList<>(c1);
        order.addAll(c2);
        assertEquals(order, first.body(), "column 1 top to bottom, then column 2");
        assertNotNull(first.jumpFrom());
        assertEquals(3, first.jumpFrom().page());
        PageLayout.Module second = page.modules().get(1);
        assertEquals(List.of(h2), second.headline());
        assertEquals(c3.size() + c4.size(), second.body().size());
        assertNull(second.jumpFrom());
        assertTrue(first.bbox().x1() < second.bbox().x0(), "modules side by side do not overlap");
        assertEquals(1.0, first.certainty(), "columns under their headline");
    }

    @Test
    void theThresholdsAreTheRulesGiven() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        column(0, 340, 12, "甲");
        LayoutRules d = LayoutRules.DEFAULT;
        LayoutRules.Lines l = d.lines();
        // headline type (and a small heading's) must now be 3 body lines tall: the 100 px line over 56 px body lines is body
        LayoutRules higher = new LayoutRules(new LayoutRules.Lines(l.sizeMinChars(), l.pitchMinChars(),
                l.pitchSizeTolerance(), l.fallbackPitch(), 3.0, l.headlinePitch(), l.mastheadSize(), l.mastheadTop(),
                l.headTop(), l.footTop(), l.furnitureTop(), l.jumpLineSize(), l.noiseConfidence(), l.shortLineChars(),
                l.shortLineConfidence(), l.mastheadPanel(), l.captionGap(), l.captionWithin(), l.captionLeading(), l.rowPieceGap(), l.rowPieceWidth(), l.rowPieceStarts(), l.labelChars(), l.bannerChars(), l.titleLineSize(), l.titleLinePitch(), l.titleLineGap(), 3.0,
                l.smallHeadingPitch(), l.displayColumnsRatio(), l.mastheadLargest(), l.mastheadPiece()), d.titles(), d.columns(), d.vertical());

        assertEquals(LineRole.HEADLINE, new LayoutAnalyzer().analyze(2, W, H, lines).roles().get(h1));
        assertEquals(LineRole.BODY, new LayoutAnalyzer(higher).analyze(2, W, H, lines).roles().get(h1));
    }

    @Test
    void aMastheadSetInSpacedOutTypeIsOneTitle() {
        // 江城 and 日报 read as two lines: the first piece's ink is lower than the second's
        int left = add("江城", 100, 120, 220, 212);
        int right = add("日报", 600, 90, 220, 270);
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 500, 80, 100);
        column(0, 640, 12, "甲");
        column(1, 640, 12, "乙");

        PageLayout page = new LayoutAnalyzer().analyze(1, W, H, lines);

        assertEquals(LineRole.MASTHEAD, page.roles().get(left));
        assertEquals(LineRole.MASTHEAD, page.roles().get(right));
        assertEquals(LineRole.HEADLINE, page.roles().get(h1));
        assertEquals("江城日报", IssueMetadata.read(List.of(page), "x.pdf", null, null).newspaper());
    }

    @Test
    void linesCutAtOneBlankDownSeveralRowsAreJoinedThoughTheirRightPiecesShareAnEdge() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        List<Integer> top = column(0, 340, 3, "甲");
        // three rows cut at one blank running down them: the right pieces all start at one x
        List<Integer> pieces = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int y = 340 + (3 + r) * LINE;
            pieces.add(add("乙丙丁戊己庚", colX(0), y, PITCH, LINE - 4));
            pieces.add(add("辛壬癸", colX(0) + 6 * PITCH + 10, y, PITCH, LINE - 4));
        }
        List<Integer> bottom = column(0, 340 + 6 * LINE, 3, "子");
        column(1, 340, 9, "丑");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        PageLayout.Module m = page.modules().stream().filter(x -> x.headline().contains(h1)).findFirst().orElseThrow();
        List<Integer> first = new ArrayList<>(top);
        first.addAll(pieces);
        first.addAll(bottom);
        assertEquals(first, m.body().subList(0, first.size()), "each row's pieces read together, in their column");
    }

    @Test
    void aShortHeadingCentredOverTwoColumnsHeadsBoth() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        List<Integer> above = new ArrayList<>(column(0, 340, 6, "甲"));
        above.addAll(column(1, 340, 6, "乙"));
        // a framed notice under them: its four-character heading centred on the gutter of its two columns
        int top = 340 + 6 * LINE + 40;
        int notice = add("遗失声明", colX(1) - GUTTER / 2 - 120, top + 20, 60, 80);
        List<Integer> body = new ArrayList<>(column(0, top + 110, 2, "丙"));
        body.addAll(column(1, top + 110, 1, "丁"));
        List<PageGraphic> frame = List.of(new PageGraphic(PageGraphic.Kind.RULE, new Bbox(colX(0) - 10, top, colX(1) + COL + 10, top + 3)),
                new PageGraphic(PageGraphic.Kind.RULE, new Bbox(colX(0) - 10, top + 240, colX(1) + COL + 10, top + 243)));

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines, frame);

        assertEquals(LineRole.HEADLINE, page.roles().get(notice));
        PageLayout.Module m = page.modules().stream().filter(x -> x.headline().contains(notice)).findFirst().orElseThrow();
        assertEquals(body, m.body());
        assertEquals(List.of(h1), page.modules().get(0).headline());
        assertEquals(above, page.modules().get(0).body());
    }

    @Test
    void theLinesSetUnderAPhotoAreItsCaptionAndNeverJoinTheColumnBelow() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        List<Integer> left = column(0, 340, 20, "甲");
        // a photo over columns 1-2, a caption of two lines under it (no credit), a credit beside its end
        Bbox photo = new Bbox(colX(1), 340, colX(2) + COL, 900);
        int cap1 = add("市民在新开通的地铁站内乘车出行体验新线路的便捷", colX(1), 910, 34, 40);
        int cap2 = add("记者在现场看到车厢内秩序井然", colX(1), 954, 34, 40);
        int credit = add("（王明）", colX(2) + COL - 4 * 34, 954, 34, 40);
        List<Integer> under = column(1, 1040, 8, "乙");
        List<Integer> under2 = column(2, 1040, 8, "丙");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines,
                List.of(new PageGraphic(PageGraphic.Kind.PHOTO, photo)));

        assertEquals(List.of(LineRole.CAPTION, LineRole.CAPTION, LineRole.CAPTION),
                List.of(page.roles().get(cap1), page.roles().get(cap2), page.roles().get(credit)));
        PageLayout.Module m = page.modules().get(0);
        assertEquals(List.of(h1), m.headline());
        List<Integer> order = new ArrayList<>(left);
        order.addAll(under);
        order.addAll(under2);
        assertEquals(order, m.body(), "the columns under the photo continue the article; the caption is not in it");
        // without the photo the same lines are body text
        assertEquals(LineRole.BODY, new LayoutAnalyzer().analyze(2, W, H, lines).roles().get(cap2));
    }

    @Test
    void aBodyLineCutAfterAFullWidthCommaIsOneLineAndAColumnStartNextToAnotherColumnIsNot() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        List<Integer> c1 = column(0, 340, 6, "甲");
        // column 0's next line cut into two pieces at the blank half cell after its comma
        int left = add("政治课题上团结一，", colX(0), 340 + 6 * LINE, PITCH, LINE - 4);
        int right = add("并与", colX(0) + 9 * PITCH + 10, 340 + 6 * LINE, PITCH, LINE - 4);
        List<Integer> c1b = column(0, 340 + 7 * LINE, 5, "乙");
        // column 1 starts each line at its own left edge; one of its lines is two characters long
        List<Integer> c2 = column(1, 340, 5, "丙");
        int shortLine = add("作。", colX(1), 340 + 5 * LINE, PITCH, LINE - 4);
        List<Integer> c2b = column(1, 340 + 6 * LINE, 6, "丁");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        assertEquals(1, page.modules().size(), "one article: " + page.modules());
        PageLayout.Module m = page.modules().get(0);
        assertEquals(List.of(h1), m.headline());
        List<Integer> order = new ArrayList<>(c1);
        order.addAll(List.of(left, right));
        order.addAll(c1b);
        order.addAll(c2);
        order.add(shortLine);
        order.addAll(c2b);
        assertEquals(order, m.body());
        String text = String.join("", m.paragraphs());
        assertTrue(text.contains("团结一，并与乙"), text);
        assertTrue(text.contains("作。丁"), text);
    }

    @Test
    void aSectionLabelAPageBannerAndAColumnNameAreFurnitureNotArticles() {
        int banner = add("全国职工总会◆对话", 900, 130, 40, 56);
        int label = add("焦点", 1500, 120, 60, 80);
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 360, 80, 100);
        List<Integer> c1 = column(0, 500, 12, "甲");
        // a column name in large type standing on its own
        int column = add("人民时评", colX(2) + 20, 1400, 80, 100);
        // a short headline over a sentence is an article, however short
        int h2 = add("今日有雨", colX(3), 2000, 80, 100);
        int brief = add("午后有雷雨。", colX(3), 2120, PITCH, LINE - 4);

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        assertEquals(List.of(LineRole.SECTION_LABEL, LineRole.SECTION_LABEL, LineRole.SECTION_LABEL),
                List.of(page.roles().get(banner), page.roles().get(label), page.roles().get(column)));
        assertEquals(2, page.modules().size(), "the two articles: " + page.modules());
        assertEquals(List.of(h1), page.modules().get(0).headline());
        assertEquals(c1, page.modules().get(0).body());
        assertEquals(List.of(h2), page.modules().get(1).headline());
        assertEquals(List.of(brief), page.modules().get(1).body());
    }

    @Test
    void continuationWithRepeatedHeadlineIsOneModule() {
        int marker = add("◀◀上接1版①", colX(0), 120, 30, LINE - 4);
        int repeated = add("地铁五号线今日开通运营", colX(0), 200, 80, 100);
        column(0, 340, 6, "戊");
        column(1, 340, 6, "己");
        int h = add("首届夏夜消费季启动", colX(0), 800, 80, 100);
        column(0, 940, 5, "庚");
        column(1, 940, 5, "辛");

        PageLayout page = new LayoutAnalyzer().analyze(3, W, H, lines);

        assertEquals(LineRole.JUMP_TO, page.roles().get(marker));
        assertEquals(2, page.modules().size());
        PageLayout.Module cont = page.modules().get(0);
        assertEquals(1, cont.jumpTo().page());
        assertEquals(1, cont.jumpTo().key());
        assertEquals(List.of(repeated), cont.headline());
        assertEquals(12, cont.body().size());
        assertEquals(List.of(h), page.modules().get(1).headline());
        assertEquals(10, page.modules().get(1).body().size());
    }

    @Test
    void aContinuationLineOpeningTheFirstColumnUnderTheRepeatedHeadlineMakesOneModule() {
        int repeated = add("地铁五号线今日开通运营", colX(0), 120, 80, 100);
        int marker = add("(上接第1版)", colX(0), 250, 30, LINE - 4);
        List<Integer> c1 = column(0, 330, 6, "戊");
        List<Integer> c2 = column(1, 250, 7, "己");

        PageLayout page = new LayoutAnalyzer().analyze(3, W, H, lines);

        assertEquals(LineRole.JUMP_TO, page.roles().get(marker));
        assertEquals(1, page.modules().size(), "modules: " + page.modules());
        PageLayout.Module cont = page.modules().get(0);
        assertNotNull(cont.jumpTo(), page.roles() + " " + cont);
        assertEquals(1, cont.jumpTo().page());
        assertEquals(List.of(repeated), cont.headline());
        List<Integer> order = new ArrayList<>(c1);
        order.addAll(c2);
        assertEquals(order, cont.body());
    }

    @Test
    void aContinuationMarkerAsTheFirstWordsOfTheTextOpensTheContinuedArticle() {
        int repeated = add("地铁五号线今日开通运营", colX(0), 120, 80, 100);
        int first = add("（上接第1版）戊一二三", colX(0), 260, PITCH, LINE - 4);
        List<Integer> c1 = column(0, 260 + LINE, 5, "戊");
        List<Integer> c2 = column(1, 260, 6, "己");

        PageLayout page = new LayoutAnalyzer().analyze(3, W, H, lines);

        assertEquals(1, page.modules().size(), "modules: " + page.modules());
        PageLayout.Module cont = page.modules().get(0);
        assertNotNull(cont.jumpTo(), page.roles() + " " + cont);
        assertEquals(1, cont.jumpTo().page());
        assertEquals(List.of(repeated), cont.headline());
        assertEquals(first, cont.body().get(0), page.roles() + " " + cont);
        String text = String.join("", cont.paragraphs());
        assertTrue(text.startsWith("戊一二三戊一二三"), text);
        assertEquals(1 + c1.size() + c2.size(), cont.body().size());
    }

    @Test
    void aKickerAndASubtitleCentredOnTheHeadlineInTypeLittleLargerThanTheBodyArePartOfTheTitle() {
        // body 40 px a character on 56 px lines; kicker and subtitle 50 px on 66 px lines, centred on the headline
        int kicker = add("秋季学期开学首日", colX(0) + (2 * COL + GUTTER - 8 * 50) / 2, 120, 50, 66);
        int main = add("城南新校区迎来首批学生", colX(0) + (2 * COL + GUTTER - 11 * 80) / 2, 196, 80, 100);
        int sub = add("配套公交线路同步开通", colX(0) + (2 * COL + GUTTER - 10 * 50) / 2, 306, 50, 66);
        List<Integer> c1 = column(0, 420, 8, "甲");
        column(1, 420, 8, "乙");
        // a body line of the same larger type under a headline but set at the column's edge stays body
        int h2 = add("滨江公园改造完工", colX(3), 120, 80, 100);
        int lead = add("本报讯（记者）", colX(3), 230, 50, 66);
        column(3, 310, 6, "丙");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        assertEquals(List.of(LineRole.HEADLINE, LineRole.HEADLINE, LineRole.HEADLINE),
                List.of(page.roles().get(kicker), page.roles().get(main), page.roles().get(sub)));
        assertEquals(List.of(kicker, main, sub), page.modules().get(0).headline());
        assertEquals(c1.get(0), page.modules().get(0).body().get(0));
        assertEquals(LineRole.HEADLINE, page.roles().get(h2));
        assertEquals(LineRole.BODY, page.roles().get(lead));
        TitleParts parts = TitleParts.of(lines, page.modules().get(0).headline());
        assertEquals(List.of(kicker), parts.kicker());
        assertEquals(List.of(sub), parts.subtitle());
    }

    @Test
    void aLeadParagraphInTypeLargerThanTheBodyIsTheArticlesFirstTextNotItsTitle() {
        // a headline over three columns, then a lead paragraph (导语) in 60 px type across them, then the body
        int h1 = add("城南新校区迎来首批学生", colX(0) + 200, 120, 90, 110);
        List<Integer> lead = new ArrayList<>();
        lead.add(add("本报讯昨天上午，城南的实验学校新校区迎来首批学生，", colX(0), 260, 60, 80));
        lead.add(add("这是今年投用的规模最大的一所学校，从开工到交付不到两年。", colX(0), 350, 46, 80));
        List<Integer> c1 = column(0, 470, 8, "甲");
        column(1, 470, 8, "乙");
        column(2, 470, 8, "丙");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        assertEquals(LineRole.HEADLINE, page.roles().get(h1));
        for (int i : lead) {
            assertEquals(LineRole.BODY, page.roles().get(i), lines.get(i).text());
        }
        assertEquals(1, page.modules().size(), "modules: " + page.modules());
        assertEquals(List.of(h1), page.modules().get(0).headline());
        assertTrue(page.modules().get(0).body().containsAll(lead), "the lead paragraph is body: " + page.modules());
        assertTrue(page.modules().get(0).body().containsAll(c1));
        // a title with one comma between its parts stays a title
        assertFalse(LineClassifier.runningText("城南新校区迎来首批学生，配套公交同步开通"));
    }

    @Test
    void textWrappedAroundAPortraitReadsOnBesideAndUnderIt() {
        int h1 = add("城南新校区迎来首批学生", colX(0) + 40, 120, 70, 90);
        // a portrait 180 px wide at the top left of column 0; the lines beside it are 6 characters
        Bbox portrait = new Bbox(colX(0), 260, colX(0) + 180, 260 + 5 * LINE - 20);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.add(add("甲一二三四五", colX(0) + 200, 260 + i * LINE, PITCH, LINE - 4));
        }
        order.addAll(column(0, 260 + 5 * LINE, 7, "乙"));
        order.addAll(column(1, 260, 12, "丙"));

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines, List.of(new PageGraphic(PageGraphic.Kind.PHOTO, portrait)));

        assertEquals(1, page.modules().size(), "modules: " + page.modules());
        assertEquals(List.of(h1), page.modules().get(0).headline());
        assertEquals(order, page.modules().get(0).body(), "beside the portrait, under it, then the next column");
    }

    @Test
    void aFramedPanelIsAnItemOfItsOwnAndTheColumnBelowItsFrameIsAnother() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 120, 80, 100);
        column(0, 260, 20, "甲");
        column(1, 260, 19, "乙");
        int jump = add("(下转3版)", colX(1) + 160, 260 + 19 * LINE, 30, LINE - 4);
        // a panel framed over column 3, then a headless column under the frame
        int ph = add("夜间延时运营", colX(3) + 20, 140, 60, 80);
        List<Integer> panel = column(3, 240, 5, "丙");
        List<Integer> below = column(3, 240 + 5 * LINE + 40, 6, "丁");
        Bbox frame = new Bbox(colX(3) - 12, 120, colX(3) + COL + 12, 240 + 5 * LINE + 16);

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines, List.of(new PageGraphic(PageGraphic.Kind.RULE, frame)));

        assertEquals(3, page.modules().size(), "modules: " + page.modules());
        assertEquals(List.of(h1), page.modules().get(0).headline());
        assertEquals(List.of(ph), page.modules().get(1).headline());
        assertEquals(panel, page.modules().get(1).body());
        assertEquals(below, page.modules().get(2).body());
        // without the frame the column below goes on under the panel's title
        assertEquals(2, new LayoutAnalyzer().analyze(2, W, H, lines).modules().size());
        // where the article at its left ends in that column without a jump line, it goes on under the frame
        lines.set(jump, new OcrLine("乙一二三四五六七八九", lines.get(jump).bbox(), 0.9, List.of()));
        PageLayout runOn = new LayoutAnalyzer().analyze(2, W, H, lines, List.of(new PageGraphic(PageGraphic.Kind.RULE, frame)));
        assertEquals(2, runOn.modules().size(), "modules: " + runOn.modules());
        assertTrue(runOn.modules().get(0).body().containsAll(below));
        assertEquals(PageLayout.Join.ACROSS_RULE.certainty(), runOn.modules().get(0).certainty());
    }

    @Test
    void theBodyAboveAPhotoSpanningTheColumnsIsReadAcrossThemBeforeTheBodyBelowIt() {
        int h1 = add("城南新校区迎来首批学生", colX(0) + 40, 120, 80, 100);
        List<Integer> a0 = column(0, 260, 5, "甲"), a1 = column(1, 260, 5, "乙"), a2 = column(2, 260, 5, "丙");
        Bbox photo = new Bbox(colX(0), 260 + 5 * LINE + 20, colX(2) + COL, 260 + 5 * LINE + 620);
        int caption = add("新校区的学生在操场上参加开学典礼", colX(0), photo.y1() + 10, 34, 40);
        int below = photo.y1() + 100;
        List<Integer> b0 = column(0, below, 4, "丁"), b1 = column(1, below, 4, "戊"), b2 = column(2, below, 4, "己");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines, List.of(new PageGraphic(PageGraphic.Kind.PHOTO, photo)));

        assertEquals(1, page.modules().size(), "modules: " + page.modules());
        assertEquals(LineRole.CAPTION, page.roles().get(caption));
        assertEquals(List.of(h1), page.modules().get(0).headline());
        List<Integer> order = new ArrayList<>();
        for (List<Integer> part : List.of(a0, a1, a2, b0, b1, b2)) {
            order.addAll(part);
        }
        assertEquals(order, page.modules().get(0).body());
    }

    @Test
    void aColumnOfBriefsUnderItsLabelIsOneArticlePerItem() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 120, 80, 100);
        column(0, 260, 20, "甲");
        // column 2: the label, then three items, each a lead-in line and an indented paragraph
        int label = add("◇简讯◇", colX(2), 120, 50, 66);
        int y = 220;
        List<Integer> heads = new ArrayList<>();
        List<List<Integer>> bodies = new ArrayList<>();
        for (String item : List.of("图书馆延时开放", "步道修缮完工", "食堂供应早餐")) {
            heads.add(add(item, colX(2), y, PITCH, LINE - 4));
            List<Integer> body = new ArrayList<>();
            body.add(add("　　本周起每周开放时", colX(2) + 2 * PITCH, y + LINE, PITCH, LINE - 4));
            body.add(add("间增加六小时整。", colX(2), y + 2 * LINE, PITCH, LINE - 4));
            bodies.add(body);
            y += 3 * LINE + 30;
        }

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        assertEquals(LineRole.SECTION_LABEL, page.roles().get(label));
        assertEquals(4, page.modules().size(), "the article and three briefs: " + page.modules());
        assertEquals(List.of(h1), page.modules().get(0).headline());
        for (int k = 0; k < 3; k++) {
            assertEquals(List.of(heads.get(k)), page.modules().get(k + 1).headline());
            assertEquals(bodies.get(k), page.modules().get(k + 1).body());
        }
    }

    @Test
    void theMastheadIsThePagesLargestTypeAtTheTopOfTheFrontPage() {
        // the front page: the title in 240 px type at the top, a headline in 100 px type below
        int title = add("江城日报", colX(0), 100, 240, 260);
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 420, 80, 100);
        column(0, 560, 12, "甲");
        column(1, 560, 12, "乙");
        PageLayout front = new LayoutAnalyzer().analyze(1, W, H, lines);
        assertEquals(LineRole.MASTHEAD, front.roles().get(title));
        assertEquals(LineRole.HEADLINE, front.roles().get(h1));

        // an inside page read on its own (page 1 of its file): a kicker in 200 px type at the top
        // over a headline in 300 px type is a title, not a masthead
        lines.clear();
        int kicker = add("老人视力衰退", colX(0), 140, 200, 220);
        int main = add("团体促增拨资源", colX(0), 380, 260, 300);
        column(0, 740, 12, "甲");
        column(1, 740, 12, "乙");
        PageLayout inside = new LayoutAnalyzer().analyze(1, W, H, lines);
        assertEquals(LineRole.HEADLINE, inside.roles().get(kicker));
        assertEquals(List.of(kicker, main), inside.modules().get(0).headline());
    }

    @Test
    void headlinesOfNeighbouringColumnsStayApartBesideAQuote() {
        // 80 px characters on 100 px lines: a full-width quote inks half its cell, so 40 px of
        // the gap beside it is not space; 0.6 of a line (60 px) + 40 px is the most that joins
        int left = add("新闻速递", colX(0), 200, 80, 100);
        int right = add("“青年”", colX(0) + 4 * 80 + 105, 200, 80, 100);
        int part = add("“夏夜”", colX(2), 200, 80, 100);
        int rest = add("启动", colX(2) + 4 * 80 + 90, 200, 80, 100);
        column(0, 340, 6, "甲");
        column(1, 340, 6, "乙");
        column(2, 340, 6, "丙");
        column(3, 340, 6, "丁");

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        List<List<Integer>> heads = page.modules().stream().map(PageLayout.Module::headline).toList();
        assertTrue(heads.contains(List.of(left)), "left headline alone: " + heads);
        assertTrue(heads.contains(List.of(right)), "right headline alone: " + heads);
        assertTrue(heads.contains(List.of(part, rest)), "a headline cut beside its closing quote is one: " + heads);
    }

    @Test
    void tallLineOfBodySizedCharactersIsNotAHeadline() {
        column(0, 300, 10, "壬");
        int merged = add("两行合并在一起的正文行文字", colX(1), 300, PITCH, 2 * LINE);
        column(1, 300 + 2 * LINE + 4, 8, "癸");
        PageLayout page = new LayoutAnalyzer().analyze(1, W, H, lines);
        assertEquals(LineRole.BODY, page.roles().get(merged));
    }

    /** Adds a vertical line (竖排) of {@code charH} px per character, {@code width} px wide. */
    private int addVertical(String text, int x0, int y0, int charH, int width) {
        lines.add(new OcrLine(text, new Bbox(x0, y0, x0 + width, y0 + charH * text.length()), 0.9, List.of()));
        return lines.size() - 1;
    }

    @Test
    void aVerticalDisplayHeadlineBesideHorizontalBodyTextHeadsTheArticleBesideIt() {
        // a page of horizontal text: two articles, the lower one with a vertical headline in
        // 90 px type standing at its right edge
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        column(0, 340, 12, "甲");
        column(1, 340, 12, "乙");
        List<Integer> right = new ArrayList<>(column(2, 1200, 14, "丙"));
        right.addAll(column(3, 1200, 14, "丁"));
        int vh = addVertical("弱视老人隐蔽一年", colX(3) + COL + 20, 1200, 90, 90);
        // a scrap read beside a rule: two characters set narrower than the body
        int scrap = addVertical("万万", colX(2) - 30, 600, 30, 20);

        PageLayout page = new LayoutAnalyzer().analyze(2, W, H, lines);

        assertEquals(LineRole.NOISE, page.roles().get(scrap));
        assertEquals(LineRole.HEADLINE, page.roles().get(vh));
        assertEquals(2, page.modules().size(), "modules: " + page.modules());
        assertEquals(List.of(h1), page.modules().get(0).headline());
        assertEquals(List.of(vh), page.modules().get(1).headline());
        assertEquals(right, page.modules().get(1).body());
    }

    @Test
    void verticalLinesReadRightToLeftWithTheirHeadlineFirstBesideAnUnchangedHorizontalArticle() {
        int h1 = add("地铁五号线今日开通", colX(0) + 40, 200, 80, 100);
        column(0, 340, 12, "甲");
        column(1, 340, 12, "乙");
        PageLayout horizontalOnly = new LayoutAnalyzer().analyze(1, W, H, List.copyOf(lines));
        int n = lines.size();
        // vertical body: 40 px characters in columns 40 px wide, 60 px apart, added left to right;
        // the headline column at the right in 80 px type; a second, headless block further left
        int other = addVertical("另一篇竖排文章的第一行文字", 1100, 200, PITCH, PITCH);
        int otherNext = addVertical("另一篇竖排文章的第二行文字", 1040, 200, PITCH, PITCH);
        int[] body = new int[5];
        String[] texts = {"春风吹过江畔的老街巷子", "一二三四五六七八九十一二三", "完。", "第二段从这里开始说起来", "后来又读了一遍。"};
        for (int k = 4; k >= 0; k--) {
            boolean indented = k == 0 || k == 3;
            body[k] = addVertical(texts[k], 1600 - 60 * k, indented ? 200 + 2 * PITCH : 200, PITCH, PITCH);
        }
        int vh = addVertical("江畔老茶馆", 1680, 200, 80, 80);

        PageLayout page = new LayoutAnalyzer().analyze(1, W, H, lines);

        assertEquals(horizontalOnly.roles(), page.roles().subList(0, n), "horizontal roles as before");
        assertEquals(horizontalOnly.modules(), page.modules().subList(0, horizontalOnly.modules().size()),
                "horizontal modules as before");
        assertEquals(List.of(h1), page.modules().get(0).headline());
        assertEquals(LineRole.HEADLINE, page.roles().get(vh));
        assertEquals(horizontalOnly.modules().size() + 2, page.modules().size(), "modules: " + page.modules());
        PageLayout.Module v = page.modules().get(horizontalOnly.modules().size());
        assertEquals(List.of(vh), v.headline());
        assertEquals(List.of(body[0], body[1], body[2], body[3], body[4]), v.body(), "right to left");
        assertEquals(List.of("春风吹过江畔的老街巷子一二三四五六七八九十一二三完。", "第二段从这里开始说起来后来又读了一遍。"),
                v.paragraphs(), "a paragraph ends after a short column and starts at an indented one");
        PageLayout.Module left = page.modules().get(horizontalOnly.modules().size() + 1);
        assertTrue(left.headline().isEmpty());
        assertEquals(List.of(other, otherNext), left.body());
        assertEquals(horizontalOnly.bodyHeight(), page.bodyHeight());
    }

    @Test
    void verticalArticleGoesOnInTheTierBelow() {
        int vh = addVertical("江畔老茶馆", 1680, 200, 80, 80);
        List<Integer> upper = new ArrayList<>(), lower = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            upper.add(addVertical("上栏竖排正文的一行文字", 1600 - 60 * k, 200, PITCH, PITCH));
        }
        for (int k = 0; k < 4; k++) {
            lower.add(addVertical("下栏竖排正文的一行文字", 1600 - 60 * k, 200 + 11 * PITCH + 80, PITCH, PITCH));
        }
        PageLayout page = new LayoutAnalyzer().analyze(1, W, H, lines);
        assertEquals(1, page.modules().size(), "modules: " + page.modules());
        List<Integer> order = new ArrayList<>(upper);
        order.addAll(lower);
        assertEquals(List.of(vh), page.modules().get(0).headline());
        assertEquals(order, page.modules().get(0).body(), "upper tier right to left, then the lower tier");
        assertEquals(PITCH, page.bodyHeight(), 0.5, "a page of vertical lines: the width of a body line");

        // a rule between the tiers ends the article: the lower tier is another (headless) one
        Bbox rule = new Bbox(1400, 200 + 11 * PITCH + 30, 1700, 200 + 11 * PITCH + 34);
        PageLayout ruled = new LayoutAnalyzer().analyze(1, W, H, lines, List.of(new PageGraphic(PageGraphic.Kind.RULE, rule)));
        assertEquals(2, ruled.modules().size(), "modules: " + ruled.modules());
        assertEquals(upper, ruled.modules().get(0).body());
        assertEquals(lower, ruled.modules().get(1).body());
    }

    @Test
    void emptyPageHasNoModules() {
        assertTrue(new LayoutAnalyzer().analyze(1, W, H, List.of()).modules().isEmpty());
    }
}
