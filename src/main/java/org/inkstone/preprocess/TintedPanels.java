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
        // cells of half a body height: each one's background level, its median
        int c = Math.max(4, body / 2), cw = (w + c - 1) / c, ch = (h + c - 1) / c;
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
        int lo = (int) (MIN_TONE * paper), hi = (int) (MAX_TONE * paper), step = (int) (STEP * paper);
        int[] region = new int[cw * ch];
        java.util.Arrays.fill(region, -1);
        int[] queue = new int[cw * ch];
        byte[] ink = null, turned = null;
        List<Bbox> panels = new ArrayList<>();
        int regions = 0;
        for (int start = 0; start < level.length; start++) {
            if (region[start] >= 0 || level[start] < lo || level[start] > hi) {
                continue;
            }
            // grow over neighbouring cells of nearly the same level
            int head = 0, tail = 0, id = regions++;
            queue[tail++] = start;
            region[start] = id;
            int bx0 = cw, by0 = ch, bx1 = 0, by1 = 0;
            int[] tones = new int[256];
            while (head < tail) {
                int p = queue[head++], cx = p % cw, cy = p / cw;
                bx0 = Math.min(bx0, cx);
                by0 = Math.min(by0, cy);
                bx1 = Math.max(bx1, cx + 1);
                by1 = Math.max(by1, cy + 1);
                tones[level[p]]++;
                int[] next = {cx > 0 ? p - 1 : -1, cx < cw - 1 ? p + 1 : -1, cy > 0 ? p - cw : -1, cy < ch - 1 ? p + cw : -1};
                for (int q : next) {
                    if (q >= 0 && region[q] < 0 && level[q] >= lo && level[q] <= hi
                            && Math.abs(level[q] - level[p]) <= step) {
                        region[q] = id;
                        queue[tail++] = q;
                    }
                }
            }
            // the panel's cells are those of the region's commonest level (a flat tint); a
            // photo touching the panel adds cells of other levels, and short rows or columns:
            // the panel is the rectangle of the full rows and columns of its cells
            int mode = 0;
            for (int v = 0; v < 256; v++) {
                mode = tones[v] > tones[mode] ? v : mode;
            }
            int keep = (int) (KEEP * paper);
            int kept = 0;
            for (int k = 0; k < tail; k++) {
                if (Math.abs(level[queue[k]] - mode) <= keep) {
                    queue[kept++] = queue[k];
                }
            }
            tail = kept;
            int[] rowCount = new int[by1 - by0];
            for (int k = 0; k < tail; k++) {
                rowCount[queue[k] / cw - by0]++;
            }
            int[] rows = fullSpan(rowCount, by0);
            int ry0 = rows[0], ry1 = rows[1];
            int[] colCount = new int[bx1 - bx0];
            for (int k = 0; k < tail; k++) {
                int y = queue[k] / cw;
                if (y >= ry0 && y < ry1) {
                    colCount[queue[k] % cw - bx0]++;
                }
            }
            int[] cols = fullSpan(colCount, bx0);
            int rx0 = cols[0], rx1 = cols[1];
            int cells = 0;
            for (int k = 0; k < tail; k++) {
                int x = queue[k] % cw, y = queue[k] / cw;
                cells += x >= rx0 && x < rx1 && y >= ry0 && y < ry1 ? 1 : 0;
            }
            bx0 = rx0;
            bx1 = rx1;
            by0 = ry0;
            by1 = ry1;
            if ((bx1 - bx0) * c < MIN_WIDTH * body || (by1 - by0) * c < MIN_HEIGHT * body
                    || cells < MIN_FILL * (bx1 - bx0) * (by1 - by0)) {
                continue;
            }
            java.util.Arrays.fill(tones, 0);
            for (int k = 0; k < tail; k++) {
                int x = queue[k] % cw, y = queue[k] / cw;
                if (x >= bx0 && x < bx1 && y >= by0 && y < by1) {
                    tones[level[queue[k]]]++;
                }
            }
            int q1 = percentile(tones, cells, 0.25), tone = percentile(tones, cells, 0.5);
            int q3 = percentile(tones, cells, 0.75);
            if (q3 - q1 > MAX_SPREAD * paper) {
                continue;
            }
            // the panel's box, px: its cells, then out to the last rows and columns of its tone
            int[] box = {bx0 * c, by0 * c, Math.min(w, bx1 * c), Math.min(h, by1 * c)};
            int near = (int) (NEAR * paper);
            grow(gray, s, w, h, box, tone, near, Math.max(w, h));
            // type against panel, on the sampled gray page (not averaged: thin strokes keep their
            // tone): pixels at least MIN_STEP of the paper's level darker, or lighter, than the
            // panel; the more of the two is its type (lighter: reversed type)
            int apart = (int) (MIN_STEP * paper);
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
                continue;
            }
            int typeTone = (int) ((reversed ? lightSum : darkSum) / type);
            int threshold = (tone + typeTone) / 2;
            // ink: a reduced pixel whose darkest (reversed: lightest) pixel is past the threshold
            int bw = box[2] - box[0];
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
            if (!typeShaped(made, bw, box[3] - box[1], s, body)) {
                continue;
            }
            if (ink == null) {
                ink = bin.ink().clone();
            }
            for (int y = box[1]; y < box[3]; y++) {
                System.arraycopy(made, (y - box[1]) * bw, ink, y * w + box[0], bw);
            }
            if (reversed) {
                // the gray page too: the panel's tone white, its type's black
                if (turned == null) {
                    turned = px.clone();
                }
                for (int y = box[1] * s; y < Math.min(gray.height(), box[3] * s); y++) {
                    for (int x = box[0] * s; x < Math.min(gw, box[2] * s); x++) {
                        int v = Math.min(typeTone, Math.max(tone, px[y * gw + x] & 0xff));
                        turned[y * gw + x] = (byte) (255 - 255 * (v - tone) / Math.max(1, typeTone - tone));
                    }
                }
            }
            panels.add(new Bbox(box[0] * s, box[1] * s, box[2] * s, box[3] * s));
        }
        GrayImage page = turned == null ? gray : new GrayImage(gray.width(), gray.height(), turned);
        return ink == null ? new Result(gray, bin, List.of())
                : new Result(page, new BinaryImage(w, h, s, ink, bin.contrast()), panels);
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
