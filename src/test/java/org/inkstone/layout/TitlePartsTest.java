package org.inkstone.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.junit.jupiter.api.Test;

/** Kicker, main headline and subtitle told apart by type size. */
class TitlePartsTest {

    private final List<OcrLine> lines = new ArrayList<>();

    private int add(String text, int y0, int pitch) {
        lines.add(new OcrLine(text, new Bbox(100, y0, 100 + pitch * text.length(), y0 + pitch), 0.9, List.of()));
        return lines.size() - 1;
    }

    @Test
    void aKickerAboveAndASubtitleBelowInSmallerTypeAreNotTheMainHeadline() {
        int kicker = add("李资政：外部环境日益复杂", 100, 50);
        int main = add("国家内部须团结才有底气", 160, 110);
        int sub = add("——记全国职工总会对话会", 280, 45);

        TitleParts parts = TitleParts.of(lines, List.of(kicker, main, sub));

        assertEquals(List.of(kicker), parts.kicker());
        assertEquals(List.of(main), parts.headline());
        assertEquals(List.of(sub), parts.subtitle());
    }

    @Test
    void aHeadlineWrappedOverTwoLinesIsAllMainHeadlineThoughItsLastLineIsShortAndItsBoxLow() {
        int first = add("田心轨道交通产业社区建设", 100, 80);
        // the wrapped tail: two characters whose box holds less ink height than the full line
        lines.add(new OcrLine("启动", new Bbox(100, 190, 100 + 2 * 79, 190 + 62), 0.9, List.of()));
        int tail = lines.size() - 1;
        int mixed = add("12个光伏项目顺利并网", 260, 80);

        TitleParts parts = TitleParts.of(lines, List.of(first, tail, mixed));

        assertEquals(List.of(first, tail, mixed), parts.headline());
        assertEquals(List.of(), parts.kicker());
        assertEquals(List.of(), parts.subtitle());
    }

    @Test
    void aLineFillingTheMeasureRunsOnIntoTheNextAndShorterPhrasesStandApart() {
        Bbox module = new Bbox(100, 100, 100 + 8 * 80, 900);
        // 山区公路完成改 fills the eight-character column; 造 is centred under it
        int full = add("山区公路完成改", 100, 80);
        lines.set(full, new OcrLine("山区公路完成改", new Bbox(100 + 40, 100, 100 + 40 + 7 * 80, 180), 0.9, List.of()));
        lines.add(new OcrLine("造", new Bbox(100 + 300, 190, 100 + 380, 270), 0.9, List.of()));
        int tail = lines.size() - 1;
        // two centred phrases of a title, neither filling the measure
        lines.add(new OcrLine("市委常委会召开会议", new Bbox(100 + 20, 300, 100 + 20 + 9 * 60, 360), 0.9, List.of()));
        int phrase1 = lines.size() - 1;
        lines.add(new OcrLine("主持并讲话", new Bbox(100 + 170, 370, 100 + 170 + 5 * 60, 430), 0.9, List.of()));
        int phrase2 = lines.size() - 1;
        // a subtitle in smaller type under a full main line is no run-over
        lines.add(new OcrLine("记全国职工总会", new Bbox(100 + 150, 280, 100 + 150 + 7 * 45, 325), 0.9, List.of()));
        int small = lines.size() - 1;

        assertTrue(TitleParts.wraps(lines.get(full), lines.get(tail), module));
        assertFalse(TitleParts.wraps(lines.get(phrase1), lines.get(phrase2), module));
        assertFalse(TitleParts.wraps(lines.get(full), lines.get(small), module));
        // the tail does not run on backwards into the line above it
        assertFalse(TitleParts.wraps(lines.get(tail), lines.get(full), module));
    }
}
