package org.inkstone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** OpenCC's simplified → traditional conversion as {@link TraditionalScript} applies it. */
class TraditionalScriptTest {

    @Test
    void givesSimplifiedCharactersTheirTraditionalFormsByPhrase() {
        assertEquals("克復石龍包圍南昌、華軍發生激烈爭奪戰", TraditionalScript.of("克复石龙包围南昌、华军发生激烈争夺战"));
        // one simplified character, two traditional ones: the phrase decides
        assertEquals("頭髮", TraditionalScript.of("头发"));
        assertEquals("發生", TraditionalScript.of("发生"));
    }

    @Test
    void leavesTraditionalAndOtherTextAsItIs() {
        String traditional = "（重慶廿日海通電）據此間所接消息、中國軍隊";
        assertSame(traditional, TraditionalScript.of(traditional));
        assertEquals("ALTO 4.4, p. 12", TraditionalScript.of("ALTO 4.4, p. 12"));
        assertEquals("", TraditionalScript.of(""));
    }

    @Test
    void keepsTheNumberOfCharacters() {
        String mixed = "战后𠮷野家说明（下转4版①）";
        String out = TraditionalScript.of(mixed);
        assertEquals(mixed.codePointCount(0, mixed.length()), out.codePointCount(0, out.length()), out);
        assertEquals("戰後𠮷野家說明（下轉4版①）", out);
    }
}
