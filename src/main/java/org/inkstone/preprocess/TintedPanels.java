package org.inkstone.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;

/**
 * Text set on a tinted panel (a coloured or gray box behind a lead paragraph, a sidebar or a
 * running head), dark type or reversed (light) type. The bilevel page is made against a
 * background estimated over tiles about a twenty-fourth of the page wide ({@link BinaryImage});
 * where a panel's tone meets white paper the estimate is the paper's for about a tile, so the
 * panel's edges come out as bands of ink that join the text, rules and photos beside them into
 * one component the line finding cannot cut (a lead's panel touching a photo became one "photo"
 * over the whole article), and reversed type on a light tint is lost. So each tinted panel is
 * found on the gray page and made anew in the bilevel page against its own tone; reversed type
 * is turned in the gray page too (the panel white, the type black), as {@link ReversedPanels}
 * does for panels that are dark components of their own.
 *
 * <p>The gray page, sampled at one pixel per pixel of the bilevel page, is cut into cells half a
 * body character high, each with its background level (its median: the panel's tone covers
 * more of a cell than its type). A candidate is a 4-connected area of cells of middle levels
 * ({@value #MIN_TONE}–{@value #MAX_TONE} of the paper's level, the page's 90th percentile),
 * neighbours differing by at most {@value #STEP} of it; its panel cells are those within
 * {@value #KEEP} of it of the area's commonest level (a flat tint), and its box the rectangle of
 * their full rows and columns (a photo of a like tone touching the panel adds cells of other
 * levels and short rows or columns). It is a panel when the box
 * <ul>
 * <li>is at least {@value #MIN_WIDTH} body character heights wide and {@value #MIN_HEIGHT} high;</li>
 * <li>is at least {@value #MIN_FILL} panel cells (a rectangle);</li>
 * <li>is flat: the middle half of its cells' levels lies within {@value #MAX_SPREAD} of the
 *     paper's level (a photo's middle tones vary);</li>
 * <li>widened over the rows and columns at its edge whose median is within {@value #NEAR} of the
 *     paper's level of the panel's tone, holds type: pixels at least {@value #MIN_STEP} of the
 *     paper's level darker (or lighter: reversed type) than the panel cover
 *     {@value #MIN_TYPE}–{@value #MAX_TYPE} of it and outnumber those as far on the other side of
 *     its tone {@value #DOMINANCE} to one (a photo has both), and, as ink (a reduced pixel whose
 *     darkest, or lightest, pixel is past halfway from the panel's tone to the type's), make
 *     components of a character's size ({@link #typeShaped}).</li>
 * </ul>
 * Measured on rendered panels (white type on mid-gray, black type on light gray, beside photos)
 * and the real 信報 A13 lead panel (white type on dark green), against the synthetic corpora's
 * photos and the real pages' photos and adverts, which none of the tests accepts.
 */
public final class TintedPanels {

    /** Darkest panel tone, share of the paper's level. */
    public static final double MIN_TONE = 0.3;
    /** Lightest panel tone, share of the paper's level. */
    public static final double MAX_TONE = 0.85;
    /** Least panel width, body character heights. */
    public static final double MIN_WIDTH = 6;
    /** Least panel height, body character heights. */
    public static final double MIN_HEIGHT = 2;
    /** Least share of its box the panel's cells cover. */
    public static final double MIN_FILL = 0.6;
    /** Most spread (interquartile range) of the panel's cell levels, share of the paper's level. */
    public static final double MAX_SPREAD = 0.06;
    /** Least step from the panel's tone down to a pixel of its type, share of the paper's level. */
    public static final double MIN_STEP = 0.1;
    /** Least ratio of the type's pixels to those on the panel's other side of its tone (a photo has both). */
    public static final double DOMINANCE = 3;
    /** Least share of the panel's box in type. */
    public static final double MIN_TYPE = 0.02;
    /** Most share of the panel's box in type. */
    public static final double MAX_TYPE = 0.4;

    private TintedPanels() {
    }

    /**
     * A page with its tinted panels made anew.
     *
     * @param gray   the gray page, its panels of reversed type turned (a copy when one was found)
     * @param bin    the bilevel page (a copy when a panel was found)
     * @param panels the panels' boxes, px at scan resolution
     */
    public record Result(GrayImage gray, BinaryImage bin, List<Bbox> panels) {
    }

    /**
     * Finds the tinted panels of a straightened page and makes their part of the bilevel page
     * against their own tone. The inputs are not modified.
     *
     * @param gray the straightened gray page, px at scan resolution
     * @param bin  its bilevel page (reduced by {@link BinaryImage#scale})
     * @param body body character height, px of {@code bin}
     * @return the bilevel page, unchanged (the same object) when the page has no tinted panel
     */
    public static Result remake(GrayImage gray, BinaryImage bin, int body) {
        int w = bin.width(), h = bin.height(), s = bin.scale();
        // the page sampled at one pixel per reduced pixel (no averaging: thin strokes keep their tone)
        byte[] px = gray.pixels();
        int gw = gray.width();
        int[] hist = new int[256];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                hist[px[y * s * gw + x * s] & 0xff]++;
            }
        }
        int paper = percentile(hist, (long) w * h, 0.9);
        if (paper < 96) {
            return new Result(gray, bin, List.of());
        }
        Cells cells = Cells.of(gray, s, w, h, Math.max(4, body / 2));
        int lo = (int) (MIN_TONE * paper), hi = (int) (MAX_TONE * paper), step = (int) (STEP * paper);
        boolean[] seen = new boolean[cells.level.length];
        int[] queue = new int[cells.level.length];
        byte[] ink = null, turned = null;
        List<Bbox> panels = new ArrayList<>();
        for (int start = 0; start < cells.level.length; start++) {
            if (seen[start] || cells.level[start] < lo || cells.level[start] > hi) {
                continue;
            }
            int n = cells.grow(start, lo, hi, step, seen, queue);
            Panel panel = cells.panel(queue, n, paper, body);
            if (panel == null) {
                continue;
            }
            int[] box = panel.box();
            grow(gray, s, w, h, box, panel.tone(), (int) (NEAR * paper), Math.max(w, h));
            Type type = Type.in(gray, s, box, panel.tone(), (int) (MIN_STEP * paper));
            if (type == null) {
                continue;
            }
            byte[] made = type.ink(gray, s, box);
            int bw = box[2] - box[0];
            if (!typeShaped(made, bw, box[3] - box[1], s, body)) {
                continue;
            }
            if (ink == null) {
                ink = bin.ink().clone();
            }
            for (int y = box[1]; y < box[3]; y++) {
                System.arraycopy(made, (y - box[1]) * bw, ink, y * w + box[0], bw);
            }
            Bbox onPage = new Bbox(box[0] * s, box[1] * s, box[2] * s, box[3] * s);
            if (type.reversed()) {
                // the gray page too: the panel's tone white, its type's black
                if (turned == null) {
                    turned = px.clone();
                }
                ReversedPanels.turnTones(turned, gray, onPage, panel.tone(), type.tone());
            }
            panels.add(onPage);
        }
        GrayImage page = turned == null ? gray : new GrayImage(gray.width(), gray.height(), turned);
        return ink == null ? new Result(gray, bin, List.of())
                : new Result(page, new BinaryImage(w, h, s, ink, bin.contrast()), panels);
    }

    /**
     * A candidate panel: its box, px of the bilevel page, and its tone (the median of its cells' levels).
     */
    private record Panel(int[] box, int tone) {
    }

    /**
     * The page cut into cells of {@code c × c} pixels of the bilevel page, each with its level:
     * the median of the gray page sampled at one pixel per bilevel pixel, in steps of 4.
     */
    private record Cells(int[] level, int cw, int ch, int c, int w, int h) {

        static Cells of(GrayImage gray, int s, int w, int h, int c) {
            byte[] px = gray.pixels();
            int gw = gray.width(), cw = (w + c - 1) / c, ch = (h + c - 1) / c;
            int[] level = new int[cw * ch];
            int[] bins = new int[64];
            for (int cy = 0; cy < ch; cy++) {
                for (int cx = 0; cx < cw; cx++) {
                    java.util.Arrays.fill(bins, 0);
                    int n = 0;
                    for (int y = cy * c; y < Math.min(h, cy * c + c); y++) {
                        for (int x = cx * c; x < Math.min(w, cx * c + c); x++) {
                            bins[(px[y * s * gw + x * s] & 0xff) >> 2]++;
                            n++;
                        }
                    }
                    int b = 0;
                    for (int seen = bins[0]; seen <= 0.5 * n && b < 63; seen += bins[++b]) {
                    }
                    level[cy * cw + cx] = 4 * b + 2;
                }
            }
            return new Cells(level, cw, ch, c, w, h);
        }

        /**
         * Grows an area from cell {@code start} over 4-connected cells of levels in
         * {@code [lo, hi]} differing from their neighbour's by at most {@code step}.
         *
         * @param seen  cells already in an area; marked
         * @param queue filled with the area's cells
         * @return the number of cells in {@code queue}
         */
        int grow(int start, int lo, int hi, int step, boolean[] seen, int[] queue) {
            int head = 0, tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int p = queue[head++], cx = p % cw, cy = p / cw;
                int[] next = {cx > 0 ? p - 1 : -1, cx < cw - 1 ? p + 1 : -1, cy > 0 ? p - cw : -1, cy < ch - 1 ? p + cw : -1};
                for (int q : next) {
                    if (q >= 0 && !seen[q] && level[q] >= lo && level[q] <= hi && Math.abs(level[q] - level[p]) <= step) {
                        seen[q] = true;
                        queue[tail++] = q;
                    }
                }
            }
            return tail;
        }

        /**
         * The panel of an area (see the class comment): its cells within {@link #KEEP} of the
         * area's commonest level, in the rectangle of their full rows and columns, when that is
         * large, full and flat enough.
         *
         * @param queue the area's cells, first {@code n}; reordered
         * @return the panel, or null
         */
        Panel panel(int[] queue, int n, int paper, int body) {
            int[] tones = new int[256];
            int bx0 = cw, by0 = ch, bx1 = 0, by1 = 0;
            for (int k = 0; k < n; k++) {
                int p = queue[k];
                tones[level[p]]++;
                bx0 = Math.min(bx0, p % cw);
                by0 = Math.min(by0, p / cw);
                bx1 = Math.max(bx1, p % cw + 1);
                by1 = Math.max(by1, p / cw + 1);
            }
            int mode = 0;
            for (int v = 0; v < 256; v++) {
                mode = tones[v] > tones[mode] ? v : mode;
            }
            int keep = (int) (KEEP * paper), kept = 0;
            for (int k = 0; k < n; k++) {
                if (Math.abs(level[queue[k]] - mode) <= keep) {
                    queue[kept++] = queue[k];
                }
            }
            int[] rowCount = new int[by1 - by0];
            for (int k = 0; k < kept; k++) {
                rowCount[queue[k] / cw - by0]++;
            }
            int[] rows = fullSpan(rowCount, by0);
            int[] colCount = new int[bx1 - bx0];
            for (int k = 0; k < kept; k++) {
                int y = queue[k] / cw;
                if (y >= rows[0] && y < rows[1]) {
                    colCount[queue[k] % cw - bx0]++;
                }
            }
            int[] cols = fullSpan(colCount, bx0);
            java.util.Arrays.fill(tones, 0);
            int count = 0;
            for (int k = 0; k < kept; k++) {
                int x = queue[k] % cw, y = queue[k] / cw;
                if (x >= cols[0] && x < cols[1] && y >= rows[0] && y < rows[1]) {
                    tones[level[queue[k]]]++;
                    count++;
                }
            }
            int cellsW = cols[1] - cols[0], cellsH = rows[1] - rows[0];
            if (cellsW * c < MIN_WIDTH * body || cellsH * c < MIN_HEIGHT * body || count < MIN_FILL * cellsW * cellsH) {
                return null;
            }
            int q1 = percentile(tones, count, 0.25), tone = percentile(tones, count, 0.5);
            if (percentile(tones, count, 0.75) - q1 > MAX_SPREAD * paper) {
                return null;
            }
            return new Panel(new int[] {cols[0] * c, rows[0] * c, Math.min(w, cols[1] * c), Math.min(h, rows[1] * c)}, tone);
        }
    }

    /**
     * A panel's type: reversed (lighter than the panel) or not, and its tone (the mean of its pixels).
     */
    private record Type(boolean reversed, int tone, int panelTone) {

        /**
         * The type in a panel's box, on the sampled gray page (not averaged: thin strokes keep their
         * tone): pixels at least {@code apart} darker, or lighter, than the panel; the more of the two
         * is its type, when they cover {@link #MIN_TYPE}–{@link #MAX_TYPE} of the box and
         * outnumber the others {@link #DOMINANCE} to one.
         *
         * @param box the panel's box, px of the bilevel page
         * @return the type, or null when the box holds none
         */
        static Type in(GrayImage gray, int s, int[] box, int tone, int apart) {
            byte[] px = gray.pixels();
            int gw = gray.width();
            long darkN = 0, darkSum = 0, lightN = 0, lightSum = 0, area = 0;
            for (int y = box[1]; y < box[3]; y++) {
                for (int x = box[0]; x < box[2]; x++) {
                    int v = px[y * s * gw + x * s] & 0xff;
                    area++;
                    if (v < tone - apart) {
                        darkN++;
                        darkSum += v;
                    } else if (v > tone + apart) {
                        lightN++;
                        lightSum += v;
                    }
                }
            }
            boolean reversed = lightN > darkN;
            long type = reversed ? lightN : darkN;
            if (type < MIN_TYPE * area || type > MAX_TYPE * area || type < DOMINANCE * (reversed ? darkN : lightN)) {
                return null;
            }
            return new Type(reversed, (int) ((reversed ? lightSum : darkSum) / type), tone);
        }

        /**
         * @param box the panel's box, px of the bilevel page
         * @return the box's bilevel pixels made anew: ink where a pixel's darkest (reversed:
         *         lightest) pixel of the gray page is past halfway from the panel's tone to the type's
         */
        byte[] ink(GrayImage gray, int s, int[] box) {
            byte[] px = gray.pixels();
            int gw = gray.width(), bw = box[2] - box[0], threshold = (panelTone + tone) / 2;
            byte[] made = new byte[bw * (box[3] - box[1])];
            for (int y = box[1]; y < box[3]; y++) {
                for (int x = box[0]; x < box[2]; x++) {
                    int darkest = 255, lightest = 0;
                    for (int dy = 0; dy < s && y * s + dy < gray.height(); dy++) {
                        for (int dx = 0; dx < s && x * s + dx < gw; dx++) {
                            int v = px[(y * s + dy) * gw + x * s + dx] & 0xff;
                            darkest = Math.min(darkest, v);
                            lightest = Math.max(lightest, v);
                        }
                    }
                    boolean on = reversed ? lightest >= threshold : darkest <= threshold;
                    made[(y - box[1]) * bw + x - box[0]] = (byte) (on ? 1 : 0);
                }
            }
            return made;
        }
    }

    /**
     * @param counts cells per row (or column) from {@code first} on
     * @return {first, last + 1} of the rows holding at least half as many cells as the fullest
     */
    private static int[] fullSpan(int[] counts, int first) {
        int full = java.util.Arrays.stream(counts).max().orElse(0), a = first + counts.length, b = first;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] >= 0.5 * full) {
                a = Math.min(a, first + k);
                b = first + k + 1;
            }
        }
        return new int[] {a, b};
    }

    /**
     * Whether the ink made anew in a panel's box is type: at least {@value #MIN_IN_TYPE} of it in
     * at least {@value #MIN_CHARACTERS} components of a character's size ({@value #MIN_CHARACTER}
     * to {@value #TYPE_SIZE} body heights high, at most {@value #TYPE_SIZE} wide, strokes covering
     * at most {@value #MAX_STROKE_FILL} of their box); a photo's dark shapes are larger, its
     * details (windows, leaves) smaller, its figures solid.
     */
    private static boolean typeShaped(byte[] ink, int w, int h, int s, int body) {
        PageSegmenter.Components cc = PageSegmenter.Components.label(new BinaryImage(w, h, s, ink, 0), false);
        long inType = 0, all = 0;
        int characters = 0;
        for (int i = 0; i < cc.count; i++) {
            all += cc.area[i];
            int cw = cc.x1[i] - cc.x0[i], ch = cc.y1[i] - cc.y0[i];
            if (cw <= TYPE_SIZE * body && ch <= TYPE_SIZE * body && ch >= MIN_CHARACTER * body
                    && cc.area[i] <= MAX_STROKE_FILL * cw * ch) {
                inType += cc.area[i];
                characters++;
            }
        }
        return characters >= MIN_CHARACTERS && inType >= MIN_IN_TYPE * all;
    }

    /** Most share of its box a component of type covers: strokes, not a solid shape. */
    public static final double MAX_STROKE_FILL = 0.65;
    /** Least height of a component of type in a panel, body heights. */
    public static final double MIN_CHARACTER = 0.4;
    /** Least number of components of type in a panel. */
    public static final int MIN_CHARACTERS = 6;
    /** Largest width and height of a component of type in a panel, body heights. */
    public static final double TYPE_SIZE = 2;
    /** Least share of a panel's ink in components of type size. */
    public static final double MIN_IN_TYPE = 0.65;

    /**
     * Moves each side of {@code box} outwards, at most {@code max} px, while the next row or
     * column along it has its median within {@code near} of the panel's tone (the cells at the
     * panel's edge, half paper, were left out of it).
     */
    private static void grow(GrayImage gray, int s, int w, int h, int[] box, int tone, int near, int max) {
        byte[] px = gray.pixels();
        int gw = gray.width();
        int[] line = new int[Math.max(w, h)];
        for (int side = 0; side < 4; side++) {
            for (int k = 0; k < max; k++) {
                boolean rows = side == 1 || side == 3;
                int at = switch (side) {
                    case 0 -> box[0] - 1;
                    case 1 -> box[1] - 1;
                    case 2 -> box[2];
                    default -> box[3];
                };
                if (at < 0 || at >= (rows ? h : w)) {
                    break;
                }
                int n = 0;
                for (int t = rows ? box[0] : box[1]; t < (rows ? box[2] : box[3]); t++) {
                    line[n++] = (rows ? px[at * s * gw + t * s] : px[t * s * gw + at * s]) & 0xff;
                }
                java.util.Arrays.sort(line, 0, n);
                if (n == 0 || Math.abs(line[n / 2] - tone) > near) {
                    break;
                }
                switch (side) {
                    case 0 -> box[0]--;
                    case 1 -> box[1]--;
                    case 2 -> box[2]++;
                    default -> box[3]++;
                }
            }
        }
    }

    /** Most difference of a panel cell's level from the commonest level of its region, share of the paper's level. */
    public static final double KEEP = 0.03;
    /** Most difference between the levels of neighbouring cells of one panel, share of the paper's level. */
    public static final double STEP = 0.05;
    /** Most difference from the panel's tone of the median of a row or column at its edge, share of the paper's level. */
    public static final double NEAR = 0.1;

    /** @return the value below which share {@code q} of the {@code n} counted values lie */
    private static int percentile(int[] hist, long n, double q) {
        long seen = 0;
        for (int v = 0; v < hist.length; v++) {
            seen += hist[v];
            if (seen > q * n) {
                return v;
            }
        }
        return hist.length - 1;
    }
}
