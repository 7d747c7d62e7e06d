package org.inkstone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

    private static OcrLine line(String text, int x0, int x1) {
        return new OcrLine(text, new Bbox(x0, 0, x1, 40), 0.9, List.of());
    }

    @Test
    void newParagraphAtIndentOrAfterShortLine() {
        Paragraphs p = new Paragraphs(40);
        p.add(line("　　春风温暖早行人。1至2月，", 180, 500), 100, 500);
        p.add(line("招聘成效显著，服务企业。", 100, 500), 100, 500);
        p.add(line("提供岗位7万余个。", 100, 300), 100, 500);
        p.add(line("下一段从这里开始，", 100, 500), 100, 500);
        p.add(line("并且继续。", 100, 300), 100, 500);
        assertEquals(List.of("春风温暖早行人。1至2月，招聘成效显著，服务企业。提供岗位7万余个。", "下一段从这里开始，并且继续。"),
                p.paragraphs());
    }

    @Test
    void aCentredLineAfterAFullLineThatRunsOnIsTheEndOfASubheadNotANewParagraph() {
        Paragraphs p = new Paragraphs(40);
        p.add(line("提供岗位7万余个。", 100, 300), 100, 500);
        p.add(line("纾困解难助企业实现开门", 104, 496), 100, 500);
        p.add(line("红", 280, 320), 100, 500);
        p.add(line("　　春节刚过，企业复工复", 180, 500), 100, 500);
        p.add(line("产。", 100, 180), 100, 500);
        p.add(line("一句话说完了。", 100, 500), 100, 500);
        p.add(line("居中的小标题", 180, 420), 100, 500);
        assertEquals(List.of("提供岗位7万余个。", "纾困解难助企业实现开门红", "春节刚过，企业复工复产。", "一句话说完了。", "居中的小标题"),
                p.paragraphs());
    }
}
