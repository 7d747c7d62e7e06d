package org.inkstone.model;

import java.util.List;

/**
 * One recognised text line.
 *
 * @param text       cleaned line text (no spaces between Han characters), never empty
 * @param bbox       box on the page image, px
 * @param confidence mean word confidence in [0, 1]
 * @param words      the line's words, left to right
 */
public record OcrLine(String text, Bbox bbox, double confidence, List<OcrWord> words) {
}
