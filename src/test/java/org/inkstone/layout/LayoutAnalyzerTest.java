package org.inkstone.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
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

    @Test
    void emptyPageHasNoModules() {
        assertTrue(new LayoutAnalyzer().analyze(1, W, H, List.of()).modules().isEmpty());
    }
}
