package org.inkstone.layout;

import java.util.List;
import org.inkstone.model.OcrLine;

/**
 * The body type of a page as measured on its lines: every layout threshold is a multiple of it.
 *
 * @param size  median height of a horizontal body line (width of a vertical one), px at scan resolution
 * @param pitch median width per character of a horizontal body line (height per character of a
 *              vertical one), px
 */
record BodyType(double size, double pitch) {

    /**
     * Measures the body type of horizontal lines ({@code across}) or vertical ones.
     *
     * @param lines  the lines to measure; when empty, size 1 and pitch from {@code rules}
     * @param across true for horizontal lines (size = height), false for vertical (size = width)
     * @param rules  which lines measure (their character counts, size tolerance)
     * @return the body type
     */
    static BodyType measure(List<OcrLine> lines, boolean across, LayoutRules.Lines rules) {
        double size = Measure.median(lines.stream().filter(l -> Measure.chars(l) >= rules.sizeMinChars())
                .mapToDouble(l -> size(l, across)).toArray(), across
                ? (lines.isEmpty() ? 1 : lines.get(0).bbox().height())
                : Measure.median(lines.stream().mapToDouble(l -> size(l, across)).toArray(), 1));
        double pitch = Measure.median(lines.stream().filter(l -> Measure.chars(l) >= rules.pitchMinChars()
                        && Math.abs(size(l, across) - size) < rules.pitchSizeTolerance() * size)
                .mapToDouble(l -> length(l, across) / Measure.chars(l)).toArray(),
                across ? size * rules.fallbackPitch() : size);
        return new BodyType(size, pitch);
    }

    /** A line's type size: its height (horizontal) or width (vertical), px. */
    static double size(OcrLine l, boolean across) {
        return across ? l.bbox().height() : l.bbox().width();
    }

    /** A line's length along its text: its width (horizontal) or height (vertical), px. */
    static double length(OcrLine l, boolean across) {
        return across ? l.bbox().width() : l.bbox().height();
    }
}
