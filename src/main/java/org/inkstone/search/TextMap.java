package org.inkstone.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inkstone.article.Article;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;

/**
 * Where each character of an article's title and text came from: a list of line spans, each a
 * range of character offsets in the title or the text and the page and box of the OCR line
 * those characters were read from.
 *
 * <p>Built by walking the article's lines in the order {@link org.inkstone.article.ArticleAssembler}
 * joins them. The title is the first fragment's headline lines joined with a space, the text the
 * fragments' body lines joined into paragraphs; both are then cleaned by
 * {@link org.inkstone.text.ChineseText#removeSpacesAroundHan} (which only removes or folds white
 * space) and {@link org.inkstone.text.ChineseText#normalizePunctuation} (which replaces one
 * character by one). So the non-white-space characters of the cleaned text are, one for one,
 * the non-white-space characters of the lines in order, and a white space character of the text
 * belongs to no line.
 *
 * @param spans line spans of title and text, title first, each in offset order
 * @param mismatches characters that differed between text and lines beyond the punctuation-width
 *                   rule, plus text characters left over when the lines ran out; 0 when the
 *                   text is exactly the cleaned concatenation of its lines
 */
public record TextMap(List<LineSpan> spans, int mismatches) {

    /** Field name of the title in spans and in the index. */
    public static final String TITLE = "title";
    /** Field name of the article text in spans and in the index. */
    public static final String TEXT = "text";

    /**
     * Characters {@code [start, end)} of the title or text that were read from one line.
     *
     * @param field {@link #TITLE} or {@link #TEXT}
     * @param start first character offset (UTF-16 code units) in that field
     * @param end   offset after the last character
     * @param page  page number counted from 1
     * @param bbox  the line's box on the page image, px at scan resolution
     */
    public record LineSpan(String field, int start, int end, int page, Bbox bbox) {
    }

    /** A line of an article with the page it stands on. */
    private record PageLine(int page, OcrLine line) {
    }

    /**
     * Builds the map of an assembled article.
     *
     * @param article     the article, its fragments' line numbers being indexes into its pages' lines
     * @param linesByPage every page's lines in reading order ({@code PageRecord.lines()}), by page number
     * @return the line spans of title and text
     * @throws IndexOutOfBoundsException if a fragment names a line its page does not have
     */
    public static TextMap of(Article article, Map<Integer, List<OcrLine>> linesByPage) {
        List<PageLine> title = new ArrayList<>(), body = new ArrayList<>();
        for (Article.Fragment f : article.fragments()) {
            List<OcrLine> lines = linesByPage.getOrDefault(f.page(), List.of());
            if (title.isEmpty()) {
                f.headline().forEach(i -> title.add(new PageLine(f.page(), lines.get(i))));
            }
            f.body().forEach(i -> body.add(new PageLine(f.page(), lines.get(i))));
        }
        List<LineSpan> spans = new ArrayList<>();
        int bad = align(TITLE, article.title(), title, spans) + align(TEXT, article.text(), body, spans);
        return new TextMap(List.copyOf(spans), bad);
    }

    /**
     * Assigns every non-white-space character of {@code text} to the next non-white-space
     * character of the lines and records one span per line.
     *
     * @return the number of mismatched or unassigned characters
     */
    private static int align(String field, String text, List<PageLine> lines, List<LineSpan> out) {
        int[] start = new int[lines.size()], end = new int[lines.size()];
        java.util.Arrays.fill(start, -1);
        int li = 0, ci = 0, bad = 0;
        for (int off = 0; off < text.length(); off++) {
            char c = text.charAt(off);
            if (Character.isWhitespace(c)) {
                continue;
            }
            while (li < lines.size()) {
                String lt = lines.get(li).line().text();
                if (ci >= lt.length()) {
                    li++;
                    ci = 0;
                } else if (Character.isWhitespace(lt.charAt(ci))) {
                    ci++;
                } else {
                    break;
                }
            }
            if (li >= lines.size()) {
                bad += text.length() - off;
                break;
            }
            if (!samePrinted(c, lines.get(li).line().text().charAt(ci))) {
                bad++;
            }
            if (start[li] < 0) {
                start[li] = off;
            }
            end[li] = off + 1;
            ci++;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (start[i] >= 0) {
                PageLine pl = lines.get(i);
                out.add(new LineSpan(field, start[i], end[i], pl.page(), pl.line().bbox()));
            }
        }
        return bad;
    }

    private static final String HALF = ",:;?!()", FULL = "，：；？！（）";

    private static boolean samePrinted(char a, char b) {
        if (a == b) {
            return true;
        }
        int i = HALF.indexOf(b);
        return i >= 0 && FULL.charAt(i) == a;
    }

    /**
     * @param field {@link #TITLE} or {@link #TEXT}
     * @param start first character offset of a range in that field
     * @param end   offset after its last character
     * @return the spans of the lines holding any character of the range, in offset order
     */
    public List<LineSpan> linesOf(String field, int start, int end) {
        Set<LineSpan> hit = new LinkedHashSet<>();
        for (LineSpan s : spans) {
            if (s.field().equals(field) && s.start() < end && start < s.end()) {
                hit.add(s);
            }
        }
        return List.copyOf(hit);
    }
}
