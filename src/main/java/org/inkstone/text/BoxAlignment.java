package org.inkstone.text;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrWord;

/**
 * Gives a corrected line's characters the boxes of the characters they replace, so that search
 * highlighting, ALTO and the searchable PDF's text layer still land on the right place after a
 * reviewer corrects the text.
 *
 * <p>The machine's words are split into characters (a word of several characters shares its box
 * out evenly along the line), the old and the new text are aligned by edit distance
 * (Levenshtein, unit costs, the classic dynamic programme of Wagner and Fischer 1974), and each
 * new character takes the box of the old character it matches or substitutes. A run of inserted
 * characters shares the box of its neighbour in the old line (the one before it, else the one
 * after), divided evenly along the line; deleted characters give their boxes up. A corrected line
 * without any old character spreads its characters evenly over the line's box.
 *
 * <p>The result has one word per Han character (and per other character outside a run of
 * letters or digits), one word per run of letters or digits, none for spaces; every box in page
 * px as the line's.
 */
public final class BoxAlignment {

    private BoxAlignment() {
    }

    /**
     * @param oldWords  the line's current words, in reading order, boxes in page px
     * @param lineBox   the line's box, page px
     * @param newText   the corrected text
     * @param confidence confidence given to every new word, in [0, 1]
     * @return the corrected text's words with the boxes of the characters they stand for
     */
    public static List<OcrWord> realign(List<OcrWord> oldWords, Bbox lineBox, String newText, double confidence) {
        boolean vertical = lineBox.y1() - lineBox.y0() > lineBox.x1() - lineBox.x0();
        List<Integer> oldChars = new ArrayList<>();
        List<Bbox> oldBoxes = new ArrayList<>();
        for (OcrWord w : oldWords) {
            int[] cps = w.text().codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
            List<Bbox> parts = split(w.bbox(), cps.length, vertical);
            for (int i = 0; i < cps.length; i++) {
                oldChars.add(cps[i]);
                oldBoxes.add(parts.get(i));
            }
        }
        int[] fresh = newText.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        Bbox[] boxes = new Bbox[fresh.length];
        if (oldChars.isEmpty()) {
            List<Bbox> parts = split(lineBox, fresh.length, vertical);
            for (int i = 0; i < fresh.length; i++) {
                boxes[i] = parts.get(i);
            }
        } else {
            int[] source = align(oldChars, fresh);
            // runs of inserted characters share a neighbour's box
            for (int i = 0; i < fresh.length; ) {
                if (source[i] >= 0) {
                    boxes[i] = oldBoxes.get(source[i]);
                    i++;
                    continue;
                }
                int j = i;
                while (j < fresh.length && source[j] < 0) {
                    j++;
                }
                int from = i > 0 ? i - 1 : j < fresh.length ? j : -1;
                if (from < 0) {
                    List<Bbox> parts = split(lineBox, fresh.length, vertical);
                    for (int k = 0; k < fresh.length; k++) {
                        boxes[k] = parts.get(k);
                    }
                    break;
                }
                int lo = Math.min(from, i), hi = Math.max(from, j - 1);
                List<Bbox> parts = split(oldBoxes.get(source[from]), hi - lo + 1, vertical);
                for (int k = lo; k <= hi; k++) {
                    boxes[k] = parts.get(k - lo);
                }
                i = j;
            }
        }
        return words(fresh, boxes, confidence);
    }

    /**
     * @return for each new character the index of the old character it matches or substitutes,
     *         or -1 where it is inserted
     */
    static int[] align(List<Integer> old, int[] fresh) {
        int n = old.size(), m = fresh.length;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int sub = d[i - 1][j - 1] + (old.get(i - 1) == fresh[j - 1] ? 0 : 1);
                d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        int[] source = new int[m];
        int i = n, j = m;
        while (j > 0) {
            if (i > 0 && d[i][j] == d[i - 1][j - 1] + (old.get(i - 1) == fresh[j - 1] ? 0 : 1)) {
                source[--j] = --i;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                i--;
            } else {
                source[--j] = -1;
            }
        }
        return source;
    }

    private static List<Bbox> split(Bbox box, int parts, boolean vertical) {
        List<Bbox> out = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            if (vertical) {
                int h = box.y1() - box.y0();
                out.add(new Bbox(box.x0(), box.y0() + h * k / parts, box.x1(), box.y0() + h * (k + 1) / parts));
            } else {
                int w = box.x1() - box.x0();
                out.add(new Bbox(box.x0() + w * k / parts, box.y0(), box.x0() + w * (k + 1) / parts, box.y1()));
            }
        }
        return out;
    }

    private static List<OcrWord> words(int[] cps, Bbox[] boxes, double confidence) {
        List<OcrWord> words = new ArrayList<>();
        for (int i = 0; i < cps.length; ) {
            int j = i + 1;
            if (Character.isLetterOrDigit(cps[i]) && !ChineseText.isChinese(cps[i])) {
                while (j < cps.length && Character.isLetterOrDigit(cps[j]) && !ChineseText.isChinese(cps[j])) {
                    j++;
                }
            }
            Bbox b = boxes[i];
            for (int k = i + 1; k < j; k++) {
                b = new Bbox(Math.min(b.x0(), boxes[k].x0()), Math.min(b.y0(), boxes[k].y0()),
                        Math.max(b.x1(), boxes[k].x1()), Math.max(b.y1(), boxes[k].y1()));
            }
            words.add(new OcrWord(new String(cps, i, j - i), b, confidence));
            i = j;
        }
        return words;
    }
}
