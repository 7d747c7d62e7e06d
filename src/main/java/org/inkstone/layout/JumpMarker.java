package org.inkstone.layout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A jump line or continuation line as printed in Chinese newspapers, parsed from OCR text:
 * {@code (下转4版)}, {@code 下转第4版}, {@code (转4版)}, {@code ▶▶下转04版①}, {@code ◀◀上接1版①},
 * {@code (上接第1版)}, {@code 下转第四版}, with or without circled numbers, full- or half-width
 * brackets, the page in digits or in Chinese numerals. Digits
 * that OCR commonly confuses in such short lines ({@code ] | l I} for 1, {@code O o} for 0)
 * are read as digits.
 *
 * @param kind   {@link LineRole#JUMP_FROM} for 下转/转, {@link LineRole#JUMP_TO} for 上接/接
 * @param page   the page number named by the marker; {@link #UNREAD_PAGE} for a jump line whose
 *               page number OCR could not read
 * @param key    the circled number (①=1 … ⑳=20) that pairs the two ends, or 0 when absent or unreadable
 * @param marker the marker in canonical form, e.g. {@code 下转4版①}
 */
public record JumpMarker(LineRole kind, int page, int key, String marker) {

    private static final String DIGITS = "0-9０-９OoIl|\\]";
    /** Chinese numerals as page numbers are printed in them (四, 十二, 二十四, 一〇). */
    private static final String NUMERALS = "一二三四五六七八九十〇零";
    private static final String PAGE = "([" + DIGITS + "]{1,3}|[" + NUMERALS + "]{1,4})";
    private static final Pattern FROM = Pattern.compile("(?:下\\s*)?转\\s*(?:第\\s*)?" + PAGE + "\\s*版\\s*(.?)");
    /** A jump line whose page number did not come out of OCR: {@code (下转第?版)}, a sign for the digit. */
    private static final Pattern FROM_UNREAD = Pattern.compile("下\\s*转\\s*(?:第\\s*)?([^\\p{IsHan}\\s])\\s*版\\s*(.?)");
    private static final Pattern TO = Pattern.compile("(?:上\\s*)?接\\s*(?:第\\s*)?" + PAGE + "\\s*版\\s*(.?)");
    /**
     * The page of a jump line ({@code 下转…}) whose page number could not be read: it continues on
     * whichever later page has a continuation line naming its page.
     */
    public static final int UNREAD_PAGE = 0;
    /**
     * A continuation line set as the first words of a body line, in brackets or after an arrow:
     * {@code （上接第1版）水库管理处…}, {@code ◀◀上接1版①本报讯…}.
     */
    private static final Pattern LEADING = Pattern.compile("^\\s*[（(【〔◀◁<«\\[]+\\s*上\\s*接\\s*(?:第\\s*)?" + PAGE
            + "\\s*版\\s*([①-⑳]?)\\s*[）)】〕\\]]?");

    /**
     * A continuation marker opening a line of body text.
     *
     * @param marker the marker
     * @param end    where the body text starts after it, as an index into the line's text
     */
    public record Leading(JumpMarker marker, int end) {
    }

    /**
     * @param lineText the OCR text of a body line
     * @return the continuation marker its first words are, with the rest of the line after it;
     *         empty when the line does not open with one or is only the marker
     */
    public static Optional<Leading> parseLeading(String lineText) {
        Matcher m = LEADING.matcher(lineText);
        if (!m.find() || lineText.substring(m.end()).isBlank()) {
            return Optional.empty();
        }
        return build(LineRole.JUMP_TO, "上接", m).map(j -> new Leading(j, m.end()));
    }

    /** A continuation marker followed by this many Han characters opens a line of text ({@link #parseLeading}). */
    private static final int TEXT_AFTER = 3;
    /** Longest text of a line that is only a marker (brackets, arrows and OCR debris included). */
    private static final int MAX_LINE_CHARS = 16;

    /**
     * @param lineText the OCR text of a whole line
     * @return the marker, if the line is a jump or continuation line
     */
    public static Optional<JumpMarker> parseLine(String lineText) {
        String t = lineText.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_LINE_CHARS) {
            return Optional.empty();
        }
        Matcher to = TO.matcher(t);
        if (to.find() && (t.contains("上") || t.contains("◀") || t.contains("接"))
                && t.substring(to.end()).codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .count() < TEXT_AFTER) {
            return build(LineRole.JUMP_TO, "上接", to);
        }
        Matcher from = FROM.matcher(t);
        if (from.find()) {
            return build(LineRole.JUMP_FROM, "下转", from);
        }
        Matcher unread = FROM_UNREAD.matcher(t);
        if (unread.find()) {
            int key = circled(unread.group(2));
            return Optional.of(new JumpMarker(LineRole.JUMP_FROM, UNREAD_PAGE, key,
                    "下转?版" + (key > 0 ? String.valueOf((char) ('①' + key - 1)) : "")));
        }
        return Optional.empty();
    }

    private static Optional<JumpMarker> build(LineRole kind, String verb, Matcher m) {
        int page = parsePage(m.group(1));
        if (page <= 0) {
            return Optional.empty();
        }
        int key = circled(m.group(2));
        String canonical = verb + page + "版" + (key > 0 ? String.valueOf((char) ('①' + key - 1)) : "");
        return Optional.of(new JumpMarker(kind, page, key, canonical));
    }

    private static int parsePage(String s) {
        if (NUMERALS.indexOf(s.charAt(0)) >= 0) {
            return chineseNumber(s);
        }
        StringBuilder d = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                d.append((char) (c - '０' + '0'));
            } else if (c == 'O' || c == 'o') {
                d.append('0');
            } else if (c == 'I' || c == 'l' || c == '|' || c == ']') {
                d.append('1');
            } else {
                d.append(c);
            }
        }
        try {
            return Integer.parseInt(d.toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param s Chinese numerals: with 十 (十二 = 12, 二十四 = 24) or digit by digit (一〇 = 10)
     * @return the number, or -1 when malformed
     */
    static int chineseNumber(String s) {
        int ten = s.indexOf('十');
        if (ten >= 0) {
            if (s.indexOf('十', ten + 1) >= 0 || ten > 1 || s.length() - ten > 2) {
                return -1;
            }
            int tens = ten == 0 ? 1 : digit(s.charAt(0));
            int units = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
            return tens <= 0 || units < 0 ? -1 : tens * 10 + units;
        }
        int n = 0;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d < 0) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    /** @return 0–9 for 〇/零 and 一…九, -1 for anything else */
    private static int digit(char c) {
        if (c == '〇' || c == '零') {
            return 0;
        }
        int i = "一二三四五六七八九".indexOf(c);
        return i < 0 ? -1 : i + 1;
    }

    private static int circled(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        char c = s.charAt(0);
        return c >= '①' && c <= '⑳' ? c - '①' + 1 : 0;
    }
}
