package org.inkstone.ocr;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.OcrWord;

/**
 * A column rule or a frame's side drawn beside a line of text is read by the recognisers as a
 * vertical bar ({@code |} or {@code ｜}) at the line's start or end. Such a bar next to Chinese
 * text is never print: it is taken off the line.
 */
final class RuleMarks {

    private static final String BARS = "|｜";

    private RuleMarks() {
    }

    /**
     * The words of a line without the bars at its two ends: a word that is only bars is dropped,
     * bars opening the first word or closing the last are cut off (the word keeps its box). A
     * line without a Han character is left as it is.
     *
     * @param words the line's words left to right
     * @return the words without the bars at the ends; the same list when there are none
     */
    static List<OcrWord> strip(List<OcrWord> words) {
        if (words.stream().noneMatch(w -> w.text().codePoints().anyMatch(RuleMarks::han))) {
            return words;
        }
        List<OcrWord> out = new ArrayList<>(words);
        while (!out.isEmpty() && bars(out.get(0).text())) {
            out.remove(0);
        }
        while (!out.isEmpty() && bars(out.get(out.size() - 1).text())) {
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty()) {
            OcrWord first = out.get(0);
            out.set(0, new OcrWord(trim(first.text(), true), first.bbox(), first.confidence()));
            OcrWord last = out.get(out.size() - 1);
            out.set(out.size() - 1, new OcrWord(trim(last.text(), false), last.bbox(), last.confidence()));
        }
        return out.equals(words) ? words : out;
    }

    /** Bars cut off the start ({@code start}) or the end of a text. */
    static String trim(String text, boolean start) {
        int a = 0, b = text.length();
        while (start && a < b && BARS.indexOf(text.charAt(a)) >= 0) {
            a++;
        }
        while (!start && b > a && BARS.indexOf(text.charAt(b - 1)) >= 0) {
            b--;
        }
        return text.substring(a, b);
    }

    private static boolean bars(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> BARS.indexOf(c) >= 0);
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
