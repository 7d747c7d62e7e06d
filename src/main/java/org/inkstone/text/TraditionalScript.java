package org.inkstone.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Turns simplified characters into their traditional forms, for text read by a recogniser that
 * knows only part of the traditional script: PP-OCRv4's character list has 6,623 characters,
 * mostly simplified, and it reads a traditional character it does not have (戰, 說, 領 …) as the
 * simplified one it does (战, 说, 领). In a collection printed in traditional script such a
 * character is a misreading, whose traditional form is the reading.
 *
 * <p>The conversion is OpenCC's simplified → traditional ({@code s2t}: its phrase table first,
 * then its character table) as the {@code opencc4j} library ships it. Where a simplified
 * character has several traditional forms the phrase decides (头发 → 頭髮, 发生 → 發生);
 * characters that are already traditional, or not Chinese, stay as they are. The conversion is
 * character for character: a text whose conversion would change its length is returned as it
 * came, so that per-character boxes stay with their characters.
 */
public final class TraditionalScript {

    private TraditionalScript() {
    }

    /**
     * @param text any text
     * @return the text with simplified characters in their traditional forms; the same number of
     *         code points as {@code text}, or {@code text} itself when nothing changes or the
     *         lengths would differ
     */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String converted = ZhConverterUtil.toTraditional(text);
        if (converted == null || converted.equals(text)
                || converted.codePointCount(0, converted.length()) != text.codePointCount(0, text.length())) {
            return text;
        }
        return converted;
    }
}
