package org.inkstone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrWord;
import org.junit.jupiter.api.Test;

/** Corrected characters keep the boxes of the characters they replace. */
class BoxAlignmentTest {

    private static final Bbox LINE = new Bbox(100, 50, 400, 80);

    /** One word per character, 30 px wide, 10 px apart, starting at x = 100. */
    private static List<OcrWord> words(String text) {
        return text.codePoints().mapToObj(c -> c).map(c -> {
            int i = text.indexOf(Character.toString(c));
            return new OcrWord(Character.toString(c), new Bbox(100 + 40 * i, 50, 130 + 40 * i, 80), 0.6);
        }).toList();
    }

    @Test
    void aSubstitutedCharacterTakesTheBoxOfTheOneItReplaces() {
        List<OcrWord> old = words("江城地铁5号线");
        List<OcrWord> fixed = BoxAlignment.realign(old, LINE, "江城地鐵5號線", 1.0);
        assertEquals(7, fixed.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(old.get(i).bbox(), fixed.get(i).bbox(), "character " + i);
            assertEquals(1.0, fixed.get(i).confidence());
        }
        assertEquals("鐵", fixed.get(3).text());
    }

    @Test
    void aDeletedCharacterGivesItsBoxUpAndTheRestKeepTheirs() {
        List<OcrWord> old = words("如太上接版");
        List<OcrWord> fixed = BoxAlignment.realign(old, LINE, "上接版", 1.0);
        assertEquals(List.of(old.get(2).bbox(), old.get(3).bbox(), old.get(4).bbox()),
                fixed.stream().map(OcrWord::bbox).toList());
    }

    @Test
    void insertedCharactersShareTheBoxOfTheCharacterBeforeThem() {
        List<OcrWord> old = words("上接版");
        List<OcrWord> fixed = BoxAlignment.realign(old, LINE, "上接1版", 1.0);
        assertEquals(List.of("上", "接", "1", "版"), fixed.stream().map(OcrWord::text).toList());
        Bbox jie = old.get(1).bbox();
        assertEquals(new Bbox(jie.x0(), jie.y0(), jie.x0() + 15, jie.y1()), fixed.get(1).bbox());
        assertEquals(new Bbox(jie.x0() + 15, jie.y0(), jie.x1(), jie.y1()), fixed.get(2).bbox());
        assertEquals(old.get(2).bbox(), fixed.get(3).bbox());
    }

    @Test
    void aWordOfSeveralCharactersSharesItsBoxOutAndDigitsStayOneWord() {
        List<OcrWord> old = List.of(new OcrWord("2025年", new Bbox(100, 50, 250, 80), 0.5));
        List<OcrWord> fixed = BoxAlignment.realign(old, LINE, "2026年", 1.0);
        assertEquals(List.of("2026", "年"), fixed.stream().map(OcrWord::text).toList());
        assertEquals(new Bbox(100, 50, 220, 80), fixed.get(0).bbox());
        assertEquals(new Bbox(220, 50, 250, 80), fixed.get(1).bbox());
    }

    @Test
    void aVerticalLineIsSharedOutDownwards() {
        Bbox column = new Bbox(10, 100, 40, 220);
        List<OcrWord> fixed = BoxAlignment.realign(List.of(), column, "上海市", 1.0);
        assertEquals(List.of(new Bbox(10, 100, 40, 140), new Bbox(10, 140, 40, 180), new Bbox(10, 180, 40, 220)),
                fixed.stream().map(OcrWord::bbox).toList());
    }
}
