package org.inkstone.search;

import java.util.List;
import org.inkstone.model.Bbox;

/**
 * One article found by a search.
 *
 * @param id        article id {@code DOCUMENT/aNNN}
 * @param document  export name of its document
 * @param title     headline (empty when none)
 * @param newspaper newspaper title, or null
 * @param date      issue date {@code yyyy-MM-dd}, or null
 * @param page      page of the first matched characters, counted from 1: in the text if it matches
 *                  there, else in the title; with a page filter, the first match on that page if
 *                  there is one (an article continued on another page may match only there)
 * @param pages     every page the article stands on
 * @param score     Lucene relevance score (BM25)
 * @param snippet   a passage of the text around the first match, line breaks as spaces,
 *                  {@code …} where it is cut
 * @param marks     matched ranges {@code [start, end)} within {@code snippet}, UTF-16 offsets
 * @param titleMarks matched ranges within {@code title}
 * @param boxes     the lines holding matched characters: page and line box (px at scan
 *                  resolution), in order of the matches, each line once
 */
public record SearchHit(String id, String document, String title, String newspaper, String date, int page,
                        List<Integer> pages, float score, String snippet, List<int[]> marks, List<int[]> titleMarks,
                        List<Box> boxes) {

    /**
     * A line holding matched characters.
     *
     * @param field {@code title} or {@code text}
     * @param page  page number counted from 1
     * @param bbox  the line's box on the page image, px at scan resolution
     */
    public record Box(String field, int page, Bbox bbox) {
    }

    /**
     * @param open  text put before each match
     * @param close text put after each match
     * @return the snippet with its matches marked
     */
    public String markedSnippet(String open, String close) {
        return mark(snippet, marks, open, close);
    }

    /**
     * @param open  text put before each match
     * @param close text put after each match
     * @return the title with its matches marked
     */
    public String markedTitle(String open, String close) {
        return mark(title, titleMarks, open, close);
    }

    private static String mark(String s, List<int[]> ranges, String open, String close) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] r : ranges) {
            if (r[0] < at) {
                continue;
            }
            sb.append(s, at, r[0]).append(open).append(s, r[0], r[1]).append(close);
            at = r[1];
        }
        return sb.append(s.substring(at)).toString();
    }
}
