package org.inkstone.layout;

import java.util.List;
import org.inkstone.model.Bbox;

/**
 * The rules of a page as line finding found them (thin lines, and frames found as one box): a
 * horizontal rule, or the top or bottom side of a frame, between two blocks of text ends the
 * article above it, as newspapers set rules between items and frame their panels.
 *
 * @param boxes the rules' boxes, px at scan resolution
 */
record PageRules(List<Bbox> boxes) {

    /** A page without rules. */
    static final PageRules NONE = new PageRules(List.of());

    /**
     * Whether a horizontal rule (wider than thick, at most {@code thickness} px thick) or the top
     * or bottom side of a frame (a box thicker than that both ways) runs between two boxes one
     * above the other, in the blank between them give or take {@code tol}
     * px, across at least half the narrower of the two.
     *
     * @param a         one box, px
     * @param b         the other, px
     * @param thickness the thickest line that counts as a rule, px
     * @param tol       how far into either box the rule may reach, px
     * @return true when such a rule lies between them
     */
    boolean between(Bbox a, Bbox b, double thickness, double tol) {
        Bbox top = a.y0() <= b.y0() ? a : b, bottom = top == a ? b : a;
        for (Bbox r : boxes) {
            if (r.height() <= thickness && r.width() > r.height() ? runsBetween(r.x0(), r.x1(), r.y0(), r.y1(), top, bottom, tol)
                    : r.height() > thickness && r.width() > thickness
                    // a frame: its top and bottom sides are rules
                    && (runsBetween(r.x0(), r.x1(), r.y0(), r.y0(), top, bottom, tol)
                    || runsBetween(r.x0(), r.x1(), r.y1(), r.y1(), top, bottom, tol))) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsBetween(int x0, int x1, int y0, int y1, Bbox top, Bbox bottom, double tol) {
        int across = Math.min(x1, Math.min(top.x1(), bottom.x1())) - Math.max(x0, Math.max(top.x0(), bottom.x0()));
        return y0 >= top.y1() - tol && y1 <= bottom.y0() + tol && across >= 0.5 * Math.min(top.width(), bottom.width());
    }
}
