package org.inkstone.text;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.OcrLine;

/**
 * Joins the lines of a text column into paragraphs, Chinese style: lines are concatenated
 * without spaces; a new paragraph starts at a line indented by at least one character
 * (Chinese paragraphs open with a two-character indent) or after a line that ends more than
 * 1.5 characters short of the column's right edge. A centred line (as far in from both edges,
 * at least a character) after a full line that does not end a sentence is the wrapped end of a
 * centred subhead: it continues that line and ends the paragraph. Vertical lines (竖排) are
 * judged the same way from the top and bottom of their block ({@link #addVertical}).
 */
public final class Paragraphs {

    private final double pitch;
    private final List<String> done = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private boolean lastWasShort;

    /** @param pitch width of one body character (its height in vertical text), px */
    public Paragraphs(double pitch) {
        this.pitch = pitch;
    }

    /**
     * Adds the next line in reading order.
     *
     * @param line  the line
     * @param colX0 left edge of its column, px
     * @param colX1 right edge of its column, px
     */
    public void add(OcrLine line, int colX0, int colX1) {
        append(line.text(), line.bbox().x0() - colX0, colX1 - line.bbox().x1());
    }

    /**
     * Adds the next vertical line (竖排) in reading order (right to left): its indent is measured
     * from the top of its block, its shortfall from the bottom.
     *
     * @param line  the line, its text top to bottom
     * @param colY0 top edge of its block of vertical lines, px
     * @param colY1 bottom edge of its block, px
     */
    public void addVertical(OcrLine line, int colY0, int colY1) {
        append(line.text(), line.bbox().y0() - colY0, colY1 - line.bbox().y1());
    }

    private void append(String text, int indent, int shortfall) {
        boolean centred = indent >= 1.0 * pitch && Math.abs(indent - shortfall) < 1.0 * pitch;
        boolean wrapped = centred && !current.isEmpty() && !lastWasShort && !ChineseText.endsSentence(current);
        if (!current.isEmpty() && (indent >= 1.0 * pitch || lastWasShort) && !wrapped) {
            flush();
        }
        current.append(text);
        lastWasShort = shortfall > 1.5 * pitch;
    }

    private void flush() {
        String p = ChineseText.removeSpacesAroundHan(current.toString());
        if (!p.isEmpty()) {
            done.add(p);
        }
        current = new StringBuilder();
    }

    /** @return the paragraphs so far, each cleaned by {@link ChineseText#removeSpacesAroundHan} */
    public List<String> paragraphs() {
        flush();
        return List.copyOf(done);
    }
}
