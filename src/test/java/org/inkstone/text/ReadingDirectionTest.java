package org.inkstone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;
import org.inkstone.model.OcrWord;
import org.junit.jupiter.api.Test;

/** Horizontal lines set right to left on pages of vertical type, told by the words they read as. */
class ReadingDirectionTest {

    private static OcrLine horizontal(String text, int y) {
        List<OcrWord> words = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            words.add(new OcrWord(text.substring(i, i + 1), new Bbox(100 + 60 * i, y, 160 + 60 * i, y + 60), 0.9));
        }
        return new OcrLine(text, new Bbox(100, y, 100 + 60 * text.length(), y + 60), 0.9, words);
    }

    private static OcrLine vertical(String text, int x) {
        return new OcrLine(text, new Bbox(x, 400, x + 40, 400 + 40 * text.length()), 0.9, List.of());
    }

    private static OcrPage page(List<OcrLine> lines) {
        return new OcrPage(2000, 3000, 200, List.of(new OcrBlock(new Bbox(0, 0, 2000, 3000), lines)));
    }

    @Test
    void onAPageOfVerticalTypeAHorizontalLineReadBackwardsIsTurnedRound() {
        List<OcrLine> lines = new ArrayList<>(List.of(
                horizontal("紛糾旗懸界租法", 100),   // 法租界懸旗糾紛, set right to left
                horizontal("館相照術藝泰國", 200),   // 國泰藝術照相館
                horizontal("各路華軍大舉反攻", 300), // set left to right: stays
                horizontal("秋收稻香", 350)));       // no clear reading either way: stays
        for (int k = 0; k < 4; k++) {
            lines.add(vertical("此間所接消息中國軍隊反攻江西", 1800 - 60 * k));
        }

        List<OcrLine> read = ReadingDirection.apply(page(lines)).lines();

        assertEquals("法租界懸旗糾紛", read.get(0).text());
        assertEquals("國泰藝術照相館", read.get(1).text());
        assertEquals("法", read.get(0).words().get(0).text());
        assertEquals(new Bbox(460, 100, 520, 160), read.get(0).words().get(0).bbox(), "boxes stay where the ink is");
        assertEquals("各路華軍大舉反攻", read.get(2).text());
        assertEquals("秋收稻香", read.get(3).text());
        assertEquals(lines.subList(4, 8), read.subList(4, 8));
    }

    @Test
    void aPageOfHorizontalTypeIsLeftAsRead() {
        OcrPage page = page(List.of(horizontal("紛糾旗懸界租法", 100), horizontal("地鐵五號線今日開通", 200)));
        assertSame(page, ReadingDirection.apply(page));
    }
}
