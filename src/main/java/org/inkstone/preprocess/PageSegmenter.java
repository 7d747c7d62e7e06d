package org.inkstone.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import org.inkstone.model.Bbox;

/**
 * Cuts a straightened page into the regions the recogniser reads one by one: text lines,
 * vertical text lines, and the photos and rules that are kept from it.
 *
 * <p>Method: connected components of the bilevel page (specks dropped, rules and frames set
 * aside), then a recursive X-Y cut on the components' bounding boxes (G. Nagy and S. Seth,
 * "Hierarchical representation of optically scanned documents", ICPR 1984; on component boxes
 * as in J. Ha, R. Haralick, I. Phillips, "Recursive X-Y cut using bounding boxes of connected
 * components", ICDAR 1995). Every threshold is relative to the height of the characters in the
 * part being cut, so the page's scale and type sizes do not matter: a vertical cut through
 * several lines needs a blank band of 0.4 character heights (a column gutter), a vertical cut
 * through one line a band of 2.5 (pieces of a running head, not the space inside a two-part
 * headline nor after a comma);
 * in a block of several lines a gutter is preferred to the blank rows between lines, so columns
 * are kept apart even where their lines sit on one baseline grid; a block of two lines is cut
 * at a column gutter's width where the blank lies on a gutter found elsewhere on the page (the
 * page is cut twice, the second time knowing its gutters). A frame is kept as its straight sides,
 * so a frame touching a column rule does not become one box over the text around it. Leaves come out in the order
 * of the cuts (top before bottom, left before right): the reading order of a Manhattan layout.
 * Vertical text (竖排) is found where the ink of a part falls into columns one character wide
 * side by side; its lines come out right to left.
 */
public final class PageSegmenter {

    /** Reduction of the bilevel image used for segmentation. */
    public static final int SCALE = 2;

    /**
     * Segments a bilevel page.
     *
     * @param bin bilevel page (any reduction; boxes are scaled back to full resolution)
     * @return the regions in reading order and the body text height, px at scan resolution
     */
    public Result segment(BinaryImage bin) {
        Components cc = Components.label(bin, true);
        int n = cc.count;
        int body = bodyHeight(cc, bin.height());
        // width of body-height components against their height: about 1 for square Han type
        int[] aspects = new int[n];
        int na = 0;
        for (int i = 0; i < n; i++) {
            int w = cc.x1[i] - cc.x0[i], h = cc.y1[i] - cc.y0[i];
            if (h >= 0.85 * body && h <= 1.15 * body && w <= 2 * h) {
                aspects[na++] = 100 * w / h;
            }
        }
        double aspect = na < 20 ? 1.0 : percentile(Arrays.copyOf(aspects, na), 0.5) / 100.0;
        List<TextRegion> regions = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        List<int[]> pictures = new ArrayList<>();
        int s = bin.scale();
        for (int i = 0; i < n; i++) {
            int w = cc.x1[i] - cc.x0[i], h = cc.y1[i] - cc.y0[i];
            if (w <= 2 && h <= 2) {
                continue;
            }
            boolean hRule = w >= 8 * body && h <= Math.max(2, body / 2);
            boolean vRule = h >= 8 * body && w <= Math.max(2, body / 2) || wornRule(w, h, body);
            boolean frame = w >= 3 * body && h >= 3 * body && cc.area[i] < 0.05 * w * h;
            List<int[]> parts = !frame && !hRule && !vRule && w >= MIXED * body && h >= MIXED * body
                    ? pictureParts(cc, i, body) : null;
            if (frame) {
                for (Bbox side : frameSides(cc, i, s, body)) {
                    regions.add(new TextRegion(side, TextRegion.Kind.RULE, 0));
                }
            } else if (hRule || vRule) {
                regions.add(new TextRegion(cc.box(i, s), TextRegion.Kind.RULE, 0));
            } else if (parts != null) {
                for (int[] b : parts) {
                    regions.add(new TextRegion(new Bbox(b[0] * s, b[1] * s, b[2] * s, b[3] * s), TextRegion.Kind.IMAGE, 0));
                }
                for (Bbox side : frameSides(cc, i, s, body)) {
                    regions.add(new TextRegion(side, TextRegion.Kind.RULE, 0));
                }
                pictures.addAll(parts);
            } else {
                keep.add(i);
            }
        }
        if (!pictures.isEmpty()) {
            // the specks of a picture are part of it, not text
            keep.removeIf(i -> pictures.stream().anyMatch(b -> inside(cc, i, b)));
        }
        cc.labels = null;
        int[] all = keep.stream().mapToInt(Integer::intValue).toArray();
        List<TextRegion> text = new ArrayList<>();
        Gutters gutters = new Gutters(List.of());
        cut(cc, all, body, s, bin, text, gutters);
        if (gutters.asked && !gutters.found.isEmpty()) {
            // again, knowing where the page's column gutters run
            text = new ArrayList<>();
            cut(cc, all, body, s, bin, text, new Gutters(gutters.found));
        }
        text = verticalRightToLeft(text);
        text = joinLargeTypePieces(text, body * s);
        text.addAll(regions);
        return new Result(text, body * s, aspect);
    }

    /**
     * The body character height of a page: the upper quartile of the heights of its components
     * of about square shape (width and height within 3× of each other), at least 3 px and under
     * an eighth of the page high; 10 when there are none.
     *
     * @param cc         the page's components
     * @param pageHeight the page's height, reduced px
     * @return the height, reduced px
     */
    static int bodyHeight(Components cc, int pageHeight) {
        int[] heights = new int[cc.count];
        int m = 0;
        for (int i = 0; i < cc.count; i++) {
            int w = cc.x1[i] - cc.x0[i], h = cc.y1[i] - cc.y0[i];
            if (h >= 3 && w <= 3 * h && h <= 3 * w && h < pageHeight / 8) {
                heights[m++] = h;
            }
        }
        return m == 0 ? 10 : percentile(Arrays.copyOf(heights, m), 0.75);
    }

    /** Least width and height of a component taken apart by {@link #pictureParts}, body heights. */
    static final int MIXED = 8;
    /** Share of a large component's box under which its pictures' boxes are taken apart from it. */
    static final double PICTURE_SHARE = 0.7;
    /** Least number of character-sized components in a large component's box outside its pictures. */
    static final int MIN_TYPE_AROUND = 40;

    /**
     * The pictures of a large component that joins pictures to rules or frames (a photo touching
     * a panel's frame, a logo on a rule), when they cover much less of its box than the box: the
     * X-Y cut cannot cut through such a component, and its box, kept as one photo, would hide the
     * text set in the rest of it. The pictures are the parts of the component left by an opening
     * with a square of one body height (J. Serra, "Image Analysis and Mathematical Morphology",
     * 1982): strokes of type, rules and frames thinner than that vanish, photos and solid areas
     * stay, cut into rectangles ({@link #rectangles}) and the pieces of one picture joined again
     * ({@link #merged}). The component is taken apart when at least one picture stays, the rest
     * of its box holds type (at least {@value #MIN_TYPE_AROUND} components of character size,
     * 0.6–1.4 body heights high and at most 1.6 wide, no fewer than the other components there)
     * and the pictures' boxes together cover under {@value #PICTURE_SHARE} of its box.
     * Otherwise (a photo, a map or drawing of thin lines) it stays whole, as one leaf of the X-Y cut.
     *
     * @param cc   the page's components, with their pixel labels
     * @param i    a component at least {@value #MIXED} body heights wide and high
     * @param body body character height, reduced px
     * @return the pictures' boxes {x0, y0, x1, y1}, reduced px; null to keep the component whole
     */
    static List<int[]> pictureParts(Components cc, int i, int body) {
        int x0 = cc.x0[i], y0 = cc.y0[i], w = cc.x1[i] - x0, h = cc.y1[i] - y0;
        int r = Math.max(1, body / 2), k = 2 * r + 1;
        // summed-area table of the component's pixels
        int[] sat = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int row = 0;
            for (int x = 0; x < w; x++) {
                row += cc.at(x0 + x, y0 + y) == i ? 1 : 0;
                sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
            }
        }
        // eroded: the centres of k × k squares wholly in the component
        boolean[] core = new boolean[w * h];
        boolean any = false;
        for (int y = r; y < h - r; y++) {
            for (int x = r; x < w - r; x++) {
                int top = (y - r) * (w + 1), bottom = (y + r + 1) * (w + 1);
                int sum = sat[bottom + x + r + 1] - sat[bottom + x - r] - sat[top + x + r + 1] + sat[top + x - r];
                if (sum == k * k) {
                    core[y * w + x] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        List<int[]> parts = new ArrayList<>();
        for (int[] b : rectangles(core, w, h, k)) {
            parts.add(new int[] {x0 + Math.max(0, b[0] - r), y0 + Math.max(0, b[1] - r), x0 + Math.min(w, b[2] + r),
                    y0 + Math.min(h, b[3] + r)});
        }
        // the components in the box outside the pictures: type (character-sized) and the rest
        List<Integer> type = new ArrayList<>();
        int others = 0;
        for (int j = 0; j < cc.count; j++) {
            if (j == i || cc.x0[j] < cc.x0[i] || cc.y0[j] < cc.y0[i] || cc.x1[j] > cc.x1[i] || cc.y1[j] > cc.y1[i]) {
                continue;
            }
            int cw = cc.x1[j] - cc.x0[j], ch = cc.y1[j] - cc.y0[j];
            final int jj = j;
            if (cw <= 2 && ch <= 2 || parts.stream().anyMatch(b -> inside(cc, jj, b))) {
                continue;
            }
            if (ch >= 0.6 * body && ch <= 1.4 * body && cw <= 1.6 * body) {
                type.add(j);
            } else {
                others++;
            }
        }
        if (type.size() < MIN_TYPE_AROUND || type.size() < others) {
            return null;
        }
        parts = merged(parts, k, cc, type);
        long covered = parts.stream().mapToLong(PageSegmenter::area).sum();
        return covered < PICTURE_SHARE * w * h ? parts : null;
    }

    /**
     * Cuts an opened component's core into rectangles: each row's runs of core (gaps narrower
     * than {@code gap} bridged) continue the rectangle whose run in the row above starts and
     * ends within {@code gap} of theirs, or start one. A photo is one rectangle; a photo and a
     * logo on one frame are two, not one box over the frame.
     *
     * @param core the core's pixels (true), row-major, {@code w × h}
     * @param gap  the opening's square side, px of the core
     * @return rectangles {x0, y0, x1, y1}, px of the core
     */
    private static List<int[]> rectangles(boolean[] core, int w, int h, int gap) {
        List<int[]> out = new ArrayList<>();
        // open rectangles: {x0, y0, x1, y1, last run start, last run end}
        List<int[]> open = new ArrayList<>();
        for (int y = 0; y <= h; y++) {
            List<int[]> runs = new ArrayList<>();
            for (int x = 0; y < h && x < w; x++) {
                if (!core[y * w + x]) {
                    continue;
                }
                int a = x;
                while (x < w && core[y * w + x]) {
                    x++;
                }
                if (!runs.isEmpty() && a - runs.get(runs.size() - 1)[1] < gap) {
                    runs.get(runs.size() - 1)[1] = x;
                } else {
                    runs.add(new int[] {a, x});
                }
            }
            List<int[]> next = new ArrayList<>();
            for (int[] run : runs) {
                int[] hit = null;
                for (int[] o : open) {
                    if (Math.abs(o[4] - run[0]) < gap && Math.abs(o[5] - run[1]) < gap) {
                        hit = o;
                        break;
                    }
                }
                if (hit != null) {
                    open.remove(hit);
                    hit[0] = Math.min(hit[0], run[0]);
                    hit[2] = Math.max(hit[2], run[1]);
                    hit[3] = y + 1;
                    hit[4] = run[0];
                    hit[5] = run[1];
                    next.add(hit);
                } else {
                    next.add(new int[] {run[0], y, run[1], y + 1, run[0], run[1]});
                }
            }
            for (int[] o : open) {
                out.add(Arrays.copyOf(o, 4));
            }
            open = next;
        }
        return out;
    }

    /**
     * Joins the pieces of one picture: rectangles less than {@code gap} apart are joined two by
     * two into their common box unless it would take in a component of type ({@code type}) that
     * neither held, so a photo's pieces make one box and a logo beside a column of type stays apart.
     */
    private static List<int[]> merged(List<int[]> rects, int gap, Components cc, List<Integer> type) {
        List<int[]> out = new ArrayList<>(rects);
        boolean joined = true;
        while (joined) {
            joined = false;
            search:
            for (int a = 0; a < out.size(); a++) {
                for (int b = a + 1; b < out.size(); b++) {
                    int[] p = out.get(a), q = out.get(b);
                    if (Math.max(p[0], q[0]) - Math.min(p[2], q[2]) >= gap
                            || Math.max(p[1], q[1]) - Math.min(p[3], q[3]) >= gap) {
                        continue;
                    }
                    int[] u = {Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[2], q[2]), Math.max(p[3], q[3])};
                    boolean takesType = false;
                    for (int j : type) {
                        if (inside(cc, j, u) && !inside(cc, j, p) && !inside(cc, j, q)) {
                            takesType = true;
                            break;
                        }
                    }
                    if (!takesType) {
                        out.set(a, u);
                        out.remove(b);
                        joined = true;
                        break search;
                    }
                }
            }
        }
        return out;
    }

    private static long area(int[] b) {
        return (long) (b[2] - b[0]) * (b[3] - b[1]);
    }

    /** Whether at least four fifths of component {@code i}'s box lie in box {@code b}, reduced px. */
    private static boolean inside(Components cc, int i, int[] b) {
        long in = (long) Math.max(0, Math.min(cc.x1[i], b[2]) - Math.max(cc.x0[i], b[0]))
                * Math.max(0, Math.min(cc.y1[i], b[3]) - Math.max(cc.y0[i], b[1]));
        return in >= 0.8 * (cc.x1[i] - cc.x0[i]) * (cc.y1[i] - cc.y0[i]);
    }

    /**
     * The straight sides of a frame: a frame drawn round a panel is one component with any rule
     * it touches (a column rule beside the panel), and its box would cover the text around it.
     * Each band of the component's pixels at most half a character thick that runs at least two
     * characters along (rows for the lying sides, columns for the upright ones) is one rule;
     * thicker bands (a solid corner ornament) are not.
     *
     * @param cc   the page's components, with their pixel labels
     * @param i    the frame's component
     * @param s    reduction of the bilevel page
     * @param body body character height, reduced px
     * @return the sides' boxes, px at scan resolution
     */
    static List<Bbox> frameSides(Components cc, int i, int s, int body) {
        int thin = Math.max(2, body / 2), run = 2 * body;
        List<Bbox> sides = new ArrayList<>();
        for (int[] band : bands(cc, i, run, thin, false)) {
            sides.add(new Bbox(band[1] * s, band[0] * s, band[2] * s, band[3] * s));
        }
        for (int[] band : bands(cc, i, run, thin, true)) {
            sides.add(new Bbox(band[0] * s, band[1] * s, band[3] * s, band[2] * s));
        }
        return sides;
    }

    /**
     * Bands of consecutive rows (or, {@code upright}, columns) of component {@code i} holding a
     * run of its pixels at least {@code run} long, at most {@code thin} thick: each as {first
     * row, run start, run end, row after the last}, reduced px.
     */
    private static List<int[]> bands(Components cc, int i, int run, int thin, boolean upright) {
        int x0 = cc.x0[i], y0 = cc.y0[i], x1 = cc.x1[i], y1 = cc.y1[i];
        int lines = upright ? x1 - x0 : y1 - y0, along = upright ? y1 - y0 : x1 - x0;
        int base = upright ? x0 : y0, off = upright ? y0 : x0;
        List<int[]> out = new ArrayList<>();
        int first = -1, from = Integer.MAX_VALUE, to = 0;
        for (int k = 0; k <= lines; k++) {
            int a = -1, b = -1;
            for (int t = 0, len = 0; k < lines && t <= along; t++) {
                if (t < along && (upright ? cc.at(x0 + k, y0 + t) : cc.at(x0 + t, y0 + k)) == i) {
                    len++;
                } else {
                    if (len >= run && (a < 0 || len > b - a)) {
                        a = t - len;
                        b = t;
                    }
                    len = 0;
                }
            }
            if (a >= 0) {
                first = first < 0 ? k : first;
                from = Math.min(from, a);
                to = Math.max(to, b);
            } else if (first >= 0) {
                if (k - first <= thin) {
                    out.add(new int[] {base + first, off + from, off + to, base + k});
                }
                first = -1;
                from = Integer.MAX_VALUE;
                to = 0;
            }
        }
        return out;
    }

    /**
     * A rule worn or broken into pieces, or a piece of one: no text is a quarter of the type thick
     * and twice the type high (upright) or eight times wide (lying).
     *
     * @param w    width, reduced px
     * @param h    height, reduced px
     * @param body body character height, reduced px
     */
    private static boolean wornRule(int w, int h, int body) {
        int thin = Math.max(2, body / 4);
        return w <= thin && h >= 2 * body || h <= thin && w >= 8 * body;
    }

    /**
     * @param regions    text lines, vertical lines, images and rules; text in reading order first
     * @param bodyHeight height of the page's body characters, px at scan resolution
     * @param charAspect median width / height of body-height components (about 1 for square Han
     *                   type, less for condensed type; 1 when the page has too few to tell)
     */
    public record Result(List<TextRegion> regions, int bodyHeight, double charAspect) {
    }

    /**
     * Column gutters of the page: {@code known} from a first cut of the whole page, {@code found}
     * by this cut (in blocks of five lines or more, or wider than 0.8 character heights); each
     * {start, end}, reduced px. A block of two lines of body type whose lines a blank band
     * crosses is cut there at a column gutter's width (0.4 character heights, not the 1.1 asked
     * of two lines elsewhere) where the band lies on a gutter of the columns around it: the
     * two-line text of a panel set in the page's columns under its own heading. A block of three
     * or four lines is cut at a band under 0.8 character heights only where it lies on such a
     * gutter: elsewhere it is the blanks between characters set on one grid. {@code asked} says
     * whether the cut met a block whose cutting depends on the known gutters: only then does a
     * second cut knowing them differ from the first.
     */
    private static final class Gutters {
        final List<int[]> known;
        final List<int[]> found = new ArrayList<>();
        boolean asked;

        Gutters(List<int[]> known) {
            this.known = known;
        }

        boolean known(int[] gap) {
            for (int[] g : known) {
                int overlap = Math.min(g[1], gap[1]) - Math.max(g[0], gap[0]);
                if (overlap >= 0.5 * Math.min(g[1] - g[0], gap[1] - gap[0])) {
                    return true;
                }
            }
            return false;
        }
    }

    private void cut(Components cc, int[] node, int body, int s, BinaryImage bin, List<TextRegion> out,
                     Gutters gutters) {
        if (node.length == 0) {
            return;
        }
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
        int[] hs = new int[node.length];
        for (int k = 0; k < node.length; k++) {
            int i = node[k];
            x0 = Math.min(x0, cc.x0[i]);
            y0 = Math.min(y0, cc.y0[i]);
            x1 = Math.max(x1, cc.x1[i]);
            y1 = Math.max(y1, cc.y1[i]);
            hs[k] = cc.y1[i] - cc.y0[i];
        }
        int local = Math.max(2, Math.min(percentile(hs, 0.75), y1 - y0));
        int width = x1 - x0, height = y1 - y0;
        if (wornRule(width, height, body)) {
            out.add(new TextRegion(new Bbox(x0 * s, y0 * s, x1 * s, y1 * s), TextRegion.Kind.RULE, 0));
            return;
        }
        if (width <= 1.6 * local && width >= 0.5 * body && height >= 3 * Math.max(width, local) && node.length >= 3) {
            out.add(new TextRegion(pad(x0, y0, x1, y1, local, s, bin), TextRegion.Kind.VERTICAL, width * s));
            return;
        }
        double lines = (double) height / local;
        boolean multiLine = lines >= 3;
        int[] gx = widestGap(cc, node, true);
        int[] gy = widestGap(cc, node, false);
        if (multiLine && gx != null && verticalColumns(cc, node, local, gy, s, bin, out)) {
            return;
        }
        // within one or two lines, gaps are judged against at least the body type: digits and
        // Latin letters are shorter than Han characters and would make a comma's space look wide
        int type = multiLine ? local : Math.max(local, body);
        boolean xOk = gx != null && gx[1] - gx[0] >= (multiLine ? 0.4 : lines >= 1.8 ? 1.1 : 2.5) * type;
        // in a block of three or four lines a narrow blank through all of them may be the blanks
        // between characters set on one grid; a gutter is where the page's columns have theirs
        boolean narrow = multiLine && lines < 5 && gx != null && gx[1] - gx[0] < 0.8 * type;
        boolean twoLines = !xOk && !multiLine && lines >= 1.8 && gx != null && local <= 1.3 * body
                && gx[1] - gx[0] >= 0.4 * type;
        gutters.asked |= xOk && narrow || twoLines;
        if (xOk && narrow && !gutters.known.isEmpty() && !gutters.known(gx)) {
            xOk = false;
        }
        boolean onGutter = twoLines && gutters.known(gx);
        boolean yOk = gy != null && (gy[1] - gy[0] >= 0.5 * local
                || (gy[0] - y0 >= 0.4 * local && y1 - gy[1] >= 0.4 * local));
        if (xOk && multiLine && !narrow) {
            gutters.found.add(gx);
        }
        if (onGutter || xOk && (multiLine || !yOk || gx[1] - gx[0] >= gy[1] - gy[0])) {
            split(cc, node, gx[0], true, body, s, bin, out, gutters);
        } else if (yOk) {
            split(cc, node, gy[0], false, body, s, bin, out, gutters);
        } else {
            out.add(leaf(cc, node, x0, y0, x1, y1, local, body, s, bin));
        }
    }

    /**
     * Vertical text (竖排) side by side: when the node's ink falls into at least two runs across
     * it, each one square character wide (0.75–1.6 character heights), and the narrowest blank
     * band between the runs is wider than any blank row across the node (the space between the
     * characters of a column), every run is one vertical line, added right to left. This cuts
     * columns apart also where their gutters are narrower than a column gutter of horizontal text
     * (0.4 character heights), and keeps the short last column of a paragraph (two characters)
     * with its neighbours. Horizontal lines fail it: a line is wider than one character, and the
     * rows between lines are wider than the blanks between the characters of a grid.
     *
     * @return whether the node was added as vertical lines
     */
    private static boolean verticalColumns(Components cc, int[] node, int local, int[] gy, int s, BinaryImage bin,
                                           List<TextRegion> out) {
        Integer[] order = new Integer[node.length];
        for (int k = 0; k < node.length; k++) {
            order[k] = node[k];
        }
        Arrays.sort(order, (p, q) -> Integer.compare(cc.x0[p], cc.x0[q]));
        List<int[]> runs = new ArrayList<>();
        int start = 0, end = cc.x1[order[0]], narrowest = Integer.MAX_VALUE;
        for (int k = 1; k <= order.length; k++) {
            if (k == order.length || cc.x0[order[k]] > end) {
                int width = end - cc.x0[order[start]];
                if (width > 1.6 * local || width < 0.75 * local) {
                    return false;
                }
                runs.add(new int[] {start, k});
                if (k == order.length) {
                    break;
                }
                narrowest = Math.min(narrowest, cc.x0[order[k]] - end);
                start = k;
            }
            end = Math.max(end, cc.x1[order[k]]);
        }
        if (runs.size() < 2 || narrowest < 2 || gy != null && gy[1] - gy[0] >= narrowest) {
            return false;
        }
        for (int r = runs.size() - 1; r >= 0; r--) {
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
            for (int k = runs.get(r)[0]; k < runs.get(r)[1]; k++) {
                int i = order[k];
                x0 = Math.min(x0, cc.x0[i]);
                y0 = Math.min(y0, cc.y0[i]);
                x1 = Math.max(x1, cc.x1[i]);
                y1 = Math.max(y1, cc.y1[i]);
            }
            out.add(new TextRegion(pad(x0, y0, x1, y1, local, s, bin), TextRegion.Kind.VERTICAL, (x1 - x0) * s));
        }
        return true;
    }

    /**
     * Puts every run of vertical lines that follow each other in the region list and overlap in
     * height in reading order, right to left (the X-Y cut gives its leaves left to right, e.g. a
     * vertical headline cut off from its columns by a wide gutter after them); other regions, and
     * the tiers of vertical text one below the other, keep their place.
     */
    private static List<TextRegion> verticalRightToLeft(List<TextRegion> regions) {
        List<TextRegion> out = new ArrayList<>(regions);
        for (int i = 0; i < out.size(); ) {
            int j = i;
            while (j < out.size() && out.get(j).kind() == TextRegion.Kind.VERTICAL
                    && (j == i || out.get(j).bbox().y0() < out.get(j - 1).bbox().y1()
                    && out.get(j - 1).bbox().y0() < out.get(j).bbox().y1())) {
                j++;
            }
            if (j > i + 1) {
                out.subList(i, j).sort((p, q) -> Integer.compare(q.bbox().x1(), p.bbox().x1()));
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    /**
     * Joins pieces of one line of large type (a headline) that a column gutter below it cut
     * apart: same row, line boxes at least 1.5× the body type and within 1.3× of each other, a
     * gap under 0.4 of the line height (a gutter; the space of a two-part headline is wider and
     * is left to the layout step). Headlines of two articles side by side stand further apart; body lines are
     * never joined, so columns with a narrow gutter stay apart.
     */
    private static List<TextRegion> joinLargeTypePieces(List<TextRegion> regions, int bodyPx) {
        return joinOnRows(regions, 1.5 * bodyPx, (p, q) -> q.x0() - p.x1() < 0.4 * Math.min(p.height(), q.height()));
    }

    /**
     * Joins lines two by two, until no pair is left, into the box round both: lines at least
     * {@code minHeight} high on one row (heights within 1.3 of each other, overlapping in height
     * by 0.6 of the lower one), the second right of the first, where {@code gap} accepts the
     * blank between them.
     *
     * @param regions   text regions, page px
     * @param minHeight least line height, page px
     * @param gap       given the left and the right line's boxes, whether they are one line
     * @return the regions, joined lines in the place of the first
     */
    static List<TextRegion> joinOnRows(List<TextRegion> regions, double minHeight, BiPredicate<Bbox, Bbox> gap) {
        List<TextRegion> out = new ArrayList<>(regions);
        boolean joined = true;
        while (joined) {
            joined = false;
            search:
            for (int i = 0; i < out.size(); i++) {
                TextRegion a = out.get(i);
                if (a.kind() != TextRegion.Kind.LINE || a.bbox().height() < minHeight) {
                    continue;
                }
                for (int j = 0; j < out.size(); j++) {
                    TextRegion b = out.get(j);
                    if (j == i || b.kind() != TextRegion.Kind.LINE || b.bbox().x0() < a.bbox().x1()
                            || b.bbox().height() < minHeight) {
                        continue;
                    }
                    int h = Math.min(a.bbox().height(), b.bbox().height());
                    int vOverlap = Math.min(a.bbox().y1(), b.bbox().y1()) - Math.max(a.bbox().y0(), b.bbox().y0());
                    boolean similar = Math.max(a.bbox().height(), b.bbox().height()) <= 1.3 * h;
                    if (similar && vOverlap >= 0.6 * h && gap.test(a.bbox(), b.bbox())) {
                        Bbox u = Bbox.union(List.of(a.bbox(), b.bbox()));
                        out.set(Math.min(i, j), new TextRegion(u, TextRegion.Kind.LINE, Math.max(a.textHeight(), b.textHeight())));
                        out.remove(Math.max(i, j));
                        joined = true;
                        break search;
                    }
                }
            }
        }
        return out;
    }

    private void split(Components cc, int[] node, int at, boolean vertical, int body, int s, BinaryImage bin,
                       List<TextRegion> out, Gutters gutters) {
        int[] a = new int[node.length], b = new int[node.length];
        int na = 0, nb = 0;
        for (int i : node) {
            if ((vertical ? cc.x1[i] : cc.y1[i]) <= at) {
                a[na++] = i;
            } else {
                b[nb++] = i;
            }
        }
        cut(cc, Arrays.copyOf(a, na), body, s, bin, out, gutters);
        cut(cc, Arrays.copyOf(b, nb), body, s, bin, out, gutters);
    }

    /** @return {gap start, gap end} of the widest blank band across the node, or null */
    private static int[] widestGap(Components cc, int[] node, boolean vertical) {
        int[][] iv = new int[node.length][];
        for (int k = 0; k < node.length; k++) {
            int i = node[k];
            iv[k] = vertical ? new int[] {cc.x0[i], cc.x1[i]} : new int[] {cc.y0[i], cc.y1[i]};
        }
        Arrays.sort(iv, (p, q) -> Integer.compare(p[0], q[0]));
        int end = iv[0][1];
        int[] best = null;
        for (int k = 1; k < iv.length; k++) {
            if (iv[k][0] > end && (best == null || iv[k][0] - end > best[1] - best[0])) {
                best = new int[] {end, iv[k][0]};
            }
            end = Math.max(end, iv[k][1]);
        }
        return best;
    }

    private TextRegion leaf(Components cc, int[] node, int x0, int y0, int x1, int y1, int local, int body, int s,
                            BinaryImage bin) {
        long ink = 0, biggest = 0;
        for (int i : node) {
            ink += cc.area[i];
            biggest = Math.max(biggest, (long) (cc.x1[i] - cc.x0[i]) * (cc.y1[i] - cc.y0[i]));
        }
        long area = (long) (x1 - x0) * (y1 - y0);
        int w = x1 - x0, h = y1 - y0;
        if (w >= 3 * body && h >= 3 * body && (biggest >= 0.8 * area || ink >= area / 2)) {
            if (displayLine(cc, node, x0, y0, w, h, biggest, area, bin.height())) {
                // a title in heavy display type (a masthead): a line of its own, read
                return new TextRegion(pad(x0, y0, x1, y1, h, s, bin), TextRegion.Kind.LINE, h * s);
            }
            return new TextRegion(new Bbox(x0 * s, y0 * s, x1 * s, y1 * s), TextRegion.Kind.IMAGE, 0);
        }
        if (node.length <= 2 && (h >= 3 * w || w >= 12 * h)) {
            // a piece of a rule or border, broken where it crosses something
            return new TextRegion(new Bbox(x0 * s, y0 * s, x1 * s, y1 * s), TextRegion.Kind.RULE, 0);
        }
        TextRegion.Kind kind = h <= 1.8 * local ? TextRegion.Kind.LINE : TextRegion.Kind.BLOCK;
        return new TextRegion(pad(x0, y0, x1, y1, local, s, bin), kind, local * s);
    }

    /**
     * Whether a dense leaf at the top of the page is one line of display type (a masthead in heavy
     * black type) rather than a photo: a band in the top quarter of the page, at least twice as
     * wide as high, whose ink falls into two or more blocks of one or two characters each (0.3 to
     * 3.2 of its height wide: heavy glyphs touch) with blank columns running through its whole
     * height between them (the spaces between characters), no component covering more than half
     * the band. A photo is one large component, or pieces that do not fall into such cells.
     */
    private static boolean displayLine(Components cc, int[] node, int x0, int y0, int w, int h, long biggest, long area,
                                       int pageHeight) {
        if (y0 > pageHeight / 4 || w < 2 * h || node.length < 2 || biggest > area / 2) {
            return false;
        }
        boolean[] inked = new boolean[w];
        for (int i : node) {
            for (int x = cc.x0[i]; x < cc.x1[i]; x++) {
                inked[x - x0] = true;
            }
        }
        int cells = 0, start = -1;
        for (int x = 0; x <= w; x++) {
            boolean ink = x < w && inked[x];
            if (ink && start < 0) {
                start = x;
            } else if (!ink && start >= 0) {
                int width = x - start;
                if (width < 0.3 * h || width > 3.2 * h) {
                    return false;
                }
                cells++;
                start = -1;
            }
        }
        return cells >= 2;
    }

    private static Bbox pad(int x0, int y0, int x1, int y1, int local, int s, BinaryImage bin) {
        int p = Math.max(1, local / 8);
        return new Bbox(Math.max(0, x0 - p) * s, Math.max(0, y0 - p) * s,
                Math.min(bin.width(), x1 + p) * s, Math.min(bin.height(), y1 + p) * s);
    }

    private static int percentile(int[] v, double q) {
        int[] c = v.clone();
        Arrays.sort(c);
        return c[Math.min(c.length - 1, (int) (q * c.length))];
    }

    /** Connected components (8-connected) with their boxes and pixel counts. */
    static final class Components {
        int count;
        int[] x0, y0, x1, y1, area;
        /** Each pixel's component + 1 (0 for paper), when kept; row-major, reduced px. */
        int[] labels;
        int width;

        /** The component of a pixel, or -1 for paper; needs the labels kept. */
        int at(int x, int y) {
            return labels[y * width + x] - 1;
        }

        Bbox box(int i, int s) {
            return new Bbox(x0[i] * s, y0[i] * s, x1[i] * s, y1[i] * s);
        }

        static Components label(BinaryImage bin) {
            return label(bin, false);
        }

        /**
         * @param bin  the bilevel page
         * @param keep whether to keep each pixel's component ({@link #at})
         * @return the 8-connected components of the page's ink
         */
        static Components label(BinaryImage bin, boolean keep) {
            int w = bin.width(), h = bin.height();
            byte[] ink = bin.ink();
            int[] label = new int[w * h];
            int[] parent = new int[w * h / 2 + 2];
            int next = 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (ink[i] == 0) {
                        continue;
                    }
                    int l = 0;
                    int[] nb = {x > 0 ? label[i - 1] : 0,
                            y > 0 && x > 0 ? label[i - w - 1] : 0,
                            y > 0 ? label[i - w] : 0,
                            y > 0 && x < w - 1 ? label[i - w + 1] : 0};
                    for (int q : nb) {
                        if (q == 0) {
                            continue;
                        }
                        if (l == 0) {
                            l = find(parent, q);
                        } else {
                            int r = find(parent, q);
                            if (r != l) {
                                int lo = Math.min(r, l), hi = Math.max(r, l);
                                parent[hi] = lo;
                                l = lo;
                            }
                        }
                    }
                    if (l == 0) {
                        if (next >= parent.length) {
                            parent = Arrays.copyOf(parent, parent.length * 2);
                        }
                        parent[next] = next;
                        l = next++;
                    }
                    label[i] = l;
                }
            }
            int[] id = new int[next];
            int count = 0;
            for (int l = 1; l < next; l++) {
                int r = find(parent, l);
                id[l] = r == l ? count++ : id[r];
            }
            Components c = new Components();
            c.count = count;
            c.x0 = new int[count];
            c.y0 = new int[count];
            c.x1 = new int[count];
            c.y1 = new int[count];
            c.area = new int[count];
            Arrays.fill(c.x0, Integer.MAX_VALUE);
            Arrays.fill(c.y0, Integer.MAX_VALUE);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int l = label[y * w + x];
                    if (l == 0) {
                        continue;
                    }
                    int k = id[find(parent, l)];
                    label[y * w + x] = k + 1;
                    c.x0[k] = Math.min(c.x0[k], x);
                    c.y0[k] = Math.min(c.y0[k], y);
                    c.x1[k] = Math.max(c.x1[k], x + 1);
                    c.y1[k] = Math.max(c.y1[k], y + 1);
                    c.area[k]++;
                }
            }
            if (keep) {
                c.labels = label;
                c.width = w;
            }
            return c;
        }

        /** @return the root of {@code l} in a union-find forest, halving the path on the way */
        static int find(int[] parent, int l) {
            while (parent[l] != l) {
                parent[l] = parent[parent[l]];
                l = parent[l];
            }
            return l;
        }
    }
}
