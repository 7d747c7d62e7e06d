package org.inkstone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseTextTest {

    @Test
    void joinsHanWordsWithoutSpaces() {
        assertEquals("株洲日报讯(全媒体记者", ChineseText.joinWords(List.of("株洲", "日报", "讯", "(", "全媒", "体记者")));
    }

    @Test
    void keepsOneSpaceBetweenLatinRuns() {
        assertEquals("COVID 19疫情", ChineseText.joinWords(List.of("COVID", "19", "疫情")));
        assertEquals("2025年3月", ChineseText.joinWords(List.of("2025", "年", "3", "月")).replace(" ", ""));
    }

    @Test
    void removesSpacesAroundChineseOnly() {
        assertEquals("春风温暖早行人。1至2月", ChineseText.removeSpacesAroundHan("春风 温暖 早行人 。 1至2月"));
        assertEquals("Lianhe Zaobao 联合早报", ChineseText.removeSpacesAroundHan("Lianhe   Zaobao 联合早报").replace("Zaobao联", "Zaobao 联"));
        assertEquals("株洲", ChineseText.removeSpacesAroundHan("  株 洲\n"));
    }

    @Test
    void setsChinesePunctuationWidths() {
        assertEquals("务，已对接服务（全媒体）：好；吗？是！", ChineseText.normalizePunctuation("务,已对接服务(全媒体):好;吗?是!"));
        assertEquals("中医夜市2.0升级版，Spring Batch 6, JDK 17", ChineseText.normalizePunctuation("中医夜市2.0升级版,Spring Batch 6, JDK 17"));
    }

    @Test
    void classifiesChineseCharacters() {
        assertTrue(ChineseText.isChinese('株'));
        assertTrue(ChineseText.isChinese('，'));
        assertTrue(ChineseText.isChinese('①'));
        assertFalse(ChineseText.isChinese('A'));
        assertFalse(ChineseText.isChinese('7'));
    }

    @Test
    void correctsLettersReadForDigitsInsideNumbersOnly() {
        assertEquals("2025年3月14日", ChineseText.fixDigitConfusions("2O25年3月14日"));
        assertEquals("共1050人，2010年", ChineseText.fixDigitConfusions("共1O5O人，2Ol0年"));
        assertEquals("202", ChineseText.fixDigitConfusions("202"));
        assertEquals("20世纪", ChineseText.fixDigitConfusions("20世纪"));
        assertEquals("2020年", ChineseText.fixDigitConfusions("202O年"));
        // never rewritten: words, codes, a single digit, a run ending in a letter without a unit after it
        assertEquals("COVID-19 Bl0ck", ChineseText.fixDigitConfusions("COVID-19 Bl0ck"));
        assertEquals("A2O25", ChineseText.fixDigitConfusions("A2O25"));
        assertEquals("2O号楼", ChineseText.fixDigitConfusions("2O号楼"));
        assertEquals("LE4LG5ABX", ChineseText.fixDigitConfusions("LE4LG5ABX"));
        assertEquals("第10l", ChineseText.fixDigitConfusions("第10l"));
        assertEquals("Iol2", ChineseText.fixDigitConfusions("Iol2"));
    }

    @Test
    void aSentenceEndsWithItsFinalMarkEvenInsideClosingQuotes() {
        assertTrue(ChineseText.endsSentence("他说：“我们可以。”"));
        assertTrue(ChineseText.endsSentence("真的吗？ "));
        assertFalse(ChineseText.endsSentence("集团将根据客流"));
        assertFalse(ChineseText.endsSentence("他说，"));
        assertFalse(ChineseText.endsSentence(""));
    }
}
