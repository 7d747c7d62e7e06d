package org.inkstone.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;

/**
 * Title structure: headline lines grouped into titles, one group per article (main headline with
 * its kicker and subtitle, or the pieces of a headline the recogniser cut). Thresholds:
 * {@link LayoutRules.Titles}.
 */
final class TitleStructure {

    /** Headline lines that belong together, top to bottom, and their box, px. */
    static final class Group {
        private final List<Integer> lines = new ArrayList<>();
        private Bbox box;

        List<Integer> lines() {
            return lines;
        }

        Bbox box() {
            return box;
        }

        private void add(int line, List<OcrLine> page) {
            lines.add(line);
            box = Measure.box(page, lines);
        }
    }

    private final LayoutRules.Titles rules;

    TitleStructure(LayoutRules.Titles rules) {
        this.rules = rules;
    }

    /**
     * Groups horizontal headline lines: a line joins the group it lies just below (a title's next
     * line) or beside on the same row (a headline cut in two), the one it overlaps most across.
     *
     * @param lines the page's lines
     * @param heads indices of its headline lines
     * @param pitch body character pitch, px
     * @return the groups, in order of their first line from the top
     */
    List<Group> groups(List<OcrLine> lines, List<Integer> heads, double pitch) {
        List<Integer> sorted = new ArrayList<>(heads);
        sorted.sort(Comparator.comparingInt(i -> lines.get(i).bbox().y0()));
        List<Group> groups = new ArrayList<>();
        for (int i : sorted) {
            Bbox b = lines.get(i).bbox();
            Group into = null;
            int bestOverlap = Integer.MIN_VALUE;
            for (Group g : groups) {
                int centre = (b.y0() + b.y1()) / 2;
                boolean below = b.y0() - g.box.y1() < rules.belowGap() * b.height()
                        && centre >= g.box.y1() - rules.belowCentre() * b.height();
                int overlap = Math.min(b.x1(), g.box.x1()) - Math.max(b.x0(), g.box.x0());
                // a headline line cut in two (the space of a two-part headline, or a cut by the
                // recogniser): same row, a small gap; headlines of two articles side by side stand
                // further apart. Full-width quotes and brackets ink only half their cell, so half
                // a character of the gap beside one is not space.
                int vOverlap = Math.min(b.y1(), g.box.y1()) - Math.max(b.y0(), g.box.y0());
                int rowHeight = Math.min(b.height(), g.box.height());
                double blank = halfCellBlankBetween(lines, g, i);
                boolean sameRow = vOverlap >= rules.sameRowOverlap() * rowHeight
                        && overlap + blank > -Math.max(rules.sameRowGapPitch() * pitch, rules.sameRowGapSize() * rowHeight);
                if ((below && overlap > -rules.belowOverlap() * pitch || sameRow) && overlap > bestOverlap) {
                    into = g;
                    bestOverlap = overlap;
                }
            }
            if (into == null) {
                into = new Group();
                groups.add(into);
            }
            into.add(i, lines);
        }
        return groups;
    }

    /**
     * Whether a title-only group is a piece of another title on its row (the recogniser cut the
     * line): the two overlap in height and stand less than a few pitches apart.
     *
     * @param title the other title's box, px
     * @param group the title-only group
     * @param pitch body character pitch, px
     * @return the gap between them across, px, or {@link Integer#MAX_VALUE} when they do not belong together
     */
    int gapBeside(Bbox title, Group group, double pitch) {
        int vOverlap = Math.min(title.y1(), group.box.y1()) - Math.max(title.y0(), group.box.y0());
        int gap = Math.max(title.x0(), group.box.x0()) - Math.min(title.x1(), group.box.x1());
        return vOverlap >= rules.hostOverlap() * Math.min(title.height(), group.box.height())
                && gap < rules.hostGapPitch() * pitch ? gap : Integer.MAX_VALUE;
    }

    /**
     * The blank half cell at the facing ends of a group and a line beside it: full-width quotes
     * and brackets ink only half their cell, so half that line's character pitch (its width over
     * its characters) of the gap is not space; 0 when neither end is such punctuation.
     */
    private static double halfCellBlankBetween(List<OcrLine> lines, Group g, int i) {
        OcrLine line = lines.get(i);
        // the group's line reaching furthest right (a group holds at least one line)
        OcrLine right = g.lines.stream().map(lines::get).max(Comparator.comparingInt(l -> l.bbox().x1())).orElseThrow();
        OcrLine a = right.bbox().x0() <= line.bbox().x0() ? right : line;
        OcrLine b = a == line ? right : line;
        String at = a.text().strip(), bt = b.text().strip();
        if (!at.isEmpty() && "”’）》」』】".indexOf(at.charAt(at.length() - 1)) >= 0) {
            return 0.5 * a.bbox().width() / Math.max(1, Measure.chars(a));
        }
        if (!bt.isEmpty() && "“‘（《「『【".indexOf(bt.charAt(0)) >= 0) {
            return 0.5 * b.bbox().width() / Math.max(1, Measure.chars(b));
        }
        return 0;
    }
}
