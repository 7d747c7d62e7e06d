package org.inkstone.layout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A jump line or continuation line as printed in Chinese newspapers, parsed from OCR text:
 * {@code (下转4版)}, {@code 下转第4版}, {@code (转4版)}, {@code ▶▶下转04版①}, {@code ◀◀上接1版①},
 * {@code (上接第1版)}, with or without circled numbers, full- or half-width brackets. Digits
 * that OCR commonly confuses in such short lines ({@code ] | l I} for 1, {@code O o} for 0)
 * are read as digits.
 *
 * @param kind   {@link LineRole#JUMP_FROM} for 下转/转, {@link LineRole#JUMP_TO} for 上接/接
 * @param page   the page number named by the marker
 * @param key    the circled number (①=1 … ⑳=20) that pairs the two ends, or 0 when absent or unreadable
 * @param marker the marker in canonical form, e.g. {@code 下转4版①}
 */
public record JumpMarker(LineRole kind, int page, int key, String marker) {

    private static final String DIGITS = "0-9０-９OoIl|\\]";
    private static final Pattern FROM = Pattern.compile("(?:下\\s*)?转\\s*(?:第\\s*)?([" + DIGITS + "]{1,3})\\s*版\\s*(.?)");
    private static final Pattern TO = Pattern.compile("(?:上\\s*)?接\\s*(?:第\\s*)?([" + DIGITS + "]{1,3})\\s*版\\s*(.?)");
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
        if (to.find() && (t.contains("上") || t.contains("◀") || t.contains("接"))) {
            return build(LineRole.JUMP_TO, "上接", to);
        }
        Matcher from = FROM.matcher(t);
        if (from.find()) {
            return build(LineRole.JUMP_FROM, "下转", from);
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

    private static int circled(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        char c = s.charAt(0);
        return c >= '①' && c <= '⑳' ? c - '①' + 1 : 0;
    }
}
