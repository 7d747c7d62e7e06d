package org.inkstone.model;

import java.util.List;

/**
 * One recognised text line: a horizontal line read left to right, or a vertical line (竖排,
 * one column of characters) read top to bottom.
 *
 * @param text       cleaned line text (no spaces between Han characters), never empty
 * @param bbox       box on the page image, px
 * @param confidence mean word confidence in [0, 1]
 * @param words      the line's words in reading order: left to right, or top to bottom in a vertical line
 */
public record OcrLine(String text, Bbox bbox, double confidence, List<OcrWord> words) {

    /**
     * Whether this is a vertical line (竖排), told from its box: at least two characters in a box
     * at least 1.5 times as high as it is wide (a horizontal line of two or more characters is
     * wider than high). A line of one character is upright either way and counts as horizontal.
     *
     * @return true for a vertical line
     */
    public boolean vertical() {
        return bbox.height() >= 1.5 * bbox.width()
                && text.codePoints().filter(c -> !Character.isWhitespace(c)).limit(2).count() >= 2;
    }
}
