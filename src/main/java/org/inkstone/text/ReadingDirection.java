package org.inkstone.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;
import org.inkstone.model.OcrWord;

/**
 * Horizontal lines set right to left (横排右起), as headings and adverts are on pages set in
 * vertical columns in papers before the 1950s: the recognisers read every horizontal line left
 * to right, so such a line comes out reversed (法租界懸旗糾紛 as 紛糾旗懸界租法). On a page set
 * mostly in vertical lines, a horizontal line of Han characters whose reversal reads as more
 * words than the line itself is reversed. Words are counted with the word dictionary of Lucene's
 * smartcn analyzer (the characters in words of two or more, after conversion to simplified
 * script with OpenCC's table); the reversal must cover at least {@link #MARGIN} characters more
 * in words, and twice as many, so that a line with no clear reading stays as read.
 */
public final class ReadingDirection {

    /** Share of a page's lines that must be vertical for its horizontal lines to be judged. */
    public static final double VERTICAL_SHARE = 0.3;
    /** How many more characters in words the reversed line must have. */
    public static final int MARGIN = 2;

    private ReadingDirection() {
    }

    /**
     * @param page a page as read, lines left to right
     * @return the page with its right-to-left horizontal lines reversed (text and word order, each
     *         word's characters too; boxes as they were); the page itself when nothing changes
     */
    public static OcrPage apply(OcrPage page) {
        List<OcrLine> all = page.lines();
        long vertical = all.stream().filter(OcrLine::vertical).count();
        if (all.isEmpty() || vertical < VERTICAL_SHARE * all.size()) {
            return page;
        }
        boolean changed = false;
        List<OcrBlock> blocks = new ArrayList<>();
        for (OcrBlock b : page.blocks()) {
            List<OcrLine> lines = new ArrayList<>();
            for (OcrLine l : b.lines()) {
                OcrLine r = l.vertical() ? l : judged(l);
                changed |= r != l;
                lines.add(r);
            }
            blocks.add(new OcrBlock(b.bbox(), lines));
        }
        return changed ? new OcrPage(page.width(), page.height(), page.dpi(), blocks) : page;
    }

    /** The line reversed when its reversal reads as clearly more words, else the line. */
    static OcrLine judged(OcrLine line) {
        String text = line.text().strip();
        if (text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() < 3
                || text.codePoints().anyMatch(c -> c < 0x80 && Character.isLetterOrDigit(c))) {
            return line;
        }
        String reversed = new StringBuilder(line.text()).reverse().toString();
        int forward = wordChars(line.text()), backward = wordChars(reversed);
        if (backward < forward + MARGIN || backward < 2 * forward) {
            return line;
        }
        List<OcrWord> words = new ArrayList<>();
        for (int i = line.words().size() - 1; i >= 0; i--) {
            OcrWord w = line.words().get(i);
            words.add(new OcrWord(new StringBuilder(w.text()).reverse().toString(), w.bbox(), w.confidence()));
        }
        return new OcrLine(reversed, line.bbox(), line.confidence(), words);
    }

    /** Characters of a text that fall in words of two or more characters. */
    static int wordChars(String text) {
        try (HMMChineseTokenizer t = new HMMChineseTokenizer()) {
            t.setReader(new StringReader(ZhConverterUtil.toSimple(text)));
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            t.reset();
            int n = 0;
            while (t.incrementToken()) {
                if (term.length() >= 2) {
                    n += term.length();
                }
            }
            t.end();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
