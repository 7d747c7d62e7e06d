package org.inkstone.text;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.OcrLine;

/**
 * Joins the lines of a text column into paragraphs, Chinese style: lines are concatenated
 * without spaces; a new paragraph starts at a line indented by at least one character
 * (Chinese paragraphs open with a two-character indent) or after a line that ends more than
 * 1.5 characters short of the column's right edge.
 */
public final class Paragraphs {

    private final double pitch;
    private final List<String> done = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private boolean lastWasShort;

    /** @param pitch width of one body character, px */
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
        boolean indented = line.bbox().x0() - colX0 >= 1.0 * pitch;
        if (!current.isEmpty() && (indented || lastWasShort)) {
            flush();
        }
        current.append(line.text());
        lastWasShort = colX1 - line.bbox().x1() > 1.5 * pitch;
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
