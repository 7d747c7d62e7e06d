package org.inkstone.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
