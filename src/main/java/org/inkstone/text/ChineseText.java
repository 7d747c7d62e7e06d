package org.inkstone.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text rules for Chinese print: Han characters and full-width punctuation are written without
 * spaces; a single space is kept only between two runs of Latin letters or digits.
 */
public final class ChineseText {

    private ChineseText() {
    }

    /**
     * Joins OCR words into line text: no separator, except one space where both neighbours are
     * Latin letters or digits (e.g. {@code "COVID" "19"} stays {@code "COVID 19"}).
     *
     * @param words word texts, left to right
     * @return the line text
     */
    public static String joinWords(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty() && isLatinOrDigit(sb.codePointBefore(sb.length())) && isLatinOrDigit(w.codePointAt(0))) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }

    /** Marks that end a sentence, and the closing quotes and brackets that may follow them. */
    private static final String SENTENCE_END = "。！？!?…；;", CLOSING = "”’」』）)》】\"'";

    /**
     * Whether a text ends a sentence: its last mark, after any closing quotes or brackets, is
     * {@code 。！？…；} (or their half-width forms). A paragraph that runs on across a column, a
     * jump or a line break does not.
     *
     * @param text any text; trailing white space is ignored
     * @return true when the text ends with a sentence-final mark
     */
    public static boolean endsSentence(CharSequence text) {
        int i = text.length() - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        while (i >= 0 && CLOSING.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && SENTENCE_END.indexOf(text.charAt(i)) >= 0;
    }

    /**
     * Removes white space that has a Chinese character (Han ideograph, CJK or full-width
     * punctuation) on either side, and folds other runs of white space to one space.
     *
     * @param text any text
     * @return the text with Chinese spacing rules applied, stripped
     */
    public static String removeSpacesAroundHan(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp)) {
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int j = i;
            while (j < n && Character.isWhitespace(text.codePointAt(j))) {
                j += Character.charCount(text.codePointAt(j));
            }
            boolean keep = !sb.isEmpty() && j < n
                    && !isChinese(sb.codePointBefore(sb.length())) && !isChinese(text.codePointAt(j));
            if (keep) {
                sb.append(' ');
            }
            i = j;
        }
        return sb.toString().strip();
    }

    private static final String HALF = ",:;?!()";
    private static final String FULL = "，：；？！（）";

    /**
     * Sets punctuation the way Chinese print does: a half-width comma, colon, semicolon, question
     * or exclamation mark or parenthesis next to a Han character becomes its full-width form
     * ({@code 务,已} → {@code 务，已}). Punctuation between Latin letters or digits, and the full
     * stop (decimal point in {@code 2.0}), are left as they are.
     *
     * @param text cleaned text
     * @return the text with Chinese punctuation widths
     */
    public static String normalizePunctuation(String text) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0; i < sb.length(); i++) {
            int k = HALF.indexOf(sb.charAt(i));
            if (k < 0) {
                continue;
            }
            boolean hanBefore = i > 0 && isHanOrWide(sb.charAt(i - 1));
            boolean hanAfter = i + 1 < sb.length() && isHanOrWide(sb.charAt(i + 1));
            if (hanBefore || hanAfter) {
                sb.setCharAt(i, FULL.charAt(k));
            }
        }
        return sb.toString();
    }

    private static boolean isHanOrWide(char c) {
        return !Character.isSurrogate(c) && isChinese(c);
    }

    /**
     * @param cp a code point
     * @return whether it is a Han ideograph or CJK / full-width punctuation
     */
    public static boolean isChinese(int cp) {
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return true;
        }
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && cp != ' '
                || b == Character.UnicodeBlock.ENCLOSED_ALPHANUMERICS
                || b == Character.UnicodeBlock.GEOMETRIC_SHAPES;
    }

    private static boolean isLatinOrDigit(int cp) {
        return cp < 0x80 && Character.isLetterOrDigit(cp);
    }

    private static final Pattern NUMBER_RUN = Pattern.compile("[0-9OolI]+");

    /**
     * Corrects letters the recogniser reads for digits inside numbers: {@code O o} for 0 and
     * {@code l I} for 1, as in {@code 2O25年} → {@code 2025年}. A run is corrected only when it
     * holds at least two real digits, starts with a digit, ends with a digit (or with a
     * confusable followed by a date or number unit such as 年 月 日 版 万 人 %), and
     * touches no Latin letter on either side, so words and codes are never rewritten.
     *
     * @param text a recognised line
     * @return the line with such runs corrected; other text unchanged
     */
    public static String fixDigitConfusions(String text) {
        var m = NUMBER_RUN.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String run = m.group();
            int digits = (int) run.chars().filter(c -> c >= '0' && c <= '9').count();
            if (digits == run.length() || digits < 2 || !isDigit(run.charAt(0))) {
                continue;
            }
            char after = m.end() < text.length() ? text.charAt(m.end()) : ' ';
            char before = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
            boolean ends = isDigit(run.charAt(run.length() - 1)) || "年月日号版时分万亿%人个元".indexOf(after) >= 0;
            if (!ends || isLatin(before) || isLatin(after)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start());
            for (char c : run.toCharArray()) {
                out.append(c == 'O' || c == 'o' ? '0' : c == 'l' || c == 'I' ? '1' : c);
            }
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
