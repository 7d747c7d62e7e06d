package org.inkstone.preprocess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;

/**
 * Reversed type (反白): type set white on a black, dark or coloured panel, as main headlines,
 * section banners and column names often are. The line detectors and the recognisers read dark
 * type on light paper, and such a panel is one large dark component that would be kept as a
 * photo; so each panel found to hold reversed type is turned into ordinary type before the
 * page's lines are found: inside its box the gray page is mapped so that the panel's tone
 * becomes paper white and the type's tone black, and the bilevel page is inverted.
 *
 * <p>A panel is a component of the bilevel page that
 * <ul>
 * <li>is at least {@value #MIN_WIDTH} body character heights wide and {@value #MIN_HEIGHT} high
 *     (the body height measured on the page as {@link PageSegmenter} measures it);</li>
 * <li>covers at least {@value #MIN_FILL} of its box (a frame or a rule covers little of its box)
 *     and {@value #MIN_OUTLINE} of the ring one pixel inside it: a rectangle, not heavy black
 *     type, whose outline is strokes and paper;</li>
 * <li>encloses holes, paper not reached from outside the component, covering
 *     {@value #MIN_HOLES}–{@value #MAX_HOLES} of its box: the type;</li>
 * <li>holds those holes in rows of type: the bands of rows holding holes at least
 *     {@value #MIN_BAND} body heights high hold nine tenths of them (the rest are specks), and
 *     the holes of each such band fall into at least two
 *     cells, runs of columns separated by columns of panel, at least 0.3 band heights wide
 *     and none over 3.2 (a character or two; heavy type may touch), together spanning at least
 *     half the panel's width or four cells;</li>
 * <li>is two-tone on the gray page: at most {@value #MAX_MIDTONE} of its pixels lie in the
 *     middle half between the tone of the panel and that of the type (Otsu's two class means),
 *     the anti-aliased edges of the type; a photo's continuous tones fill that range.</li>
 * </ul>
 * Measured on rendered reversed headlines (black and mid-gray panels, 56–110 px type, 300 and
 * 200 dpi, with noise) against the fixture's photos and the real pages' photos and dark
 * adverts.
 */
public final class ReversedPanels {

    /** Least panel width, body character heights. */
    public static final double MIN_WIDTH = 2.0;
    /** Least panel height, body character heights. */
    public static final double MIN_HEIGHT = 1.0;
    /** Least share of its box the panel's own pixels cover. */
    public static final double MIN_FILL = 0.45;
    /** Least share of the ring one pixel inside the panel's box that the panel covers. */
    public static final double MIN_OUTLINE = 0.9;
    /** Least share of the panel's box in enclosed holes. */
    public static final double MIN_HOLES = 0.06;
    /** Most share of the panel's box in enclosed holes. */
    public static final double MAX_HOLES = 0.55;
    /** Least height of a band of rows holding type, body character heights. */
    public static final double MIN_BAND = 0.6;
    /** Most share of the panel's gray pixels between the panel's tone and the type's. */
    public static final double MAX_MIDTONE = 0.25;

    private ReversedPanels() {
    }

    /**
     * A page with its reversed panels turned into ordinary type.
     *
     * @param gray   the gray page, px at scan resolution (a copy when a panel was found)
     * @param bin    the bilevel page (a copy when a panel was found)
     * @param panels the panels' boxes, px at scan resolution
     * @param body   the page's body character height, px of {@code bin}
     */
    public record Result(GrayImage gray, BinaryImage bin, List<Bbox> panels, int body) {
    }

    /**
     * Finds the reversed panels of a straightened page and turns their type into dark type on
     * light paper. The inputs are not modified.
     *
     * @param gray the straightened gray page, px at scan resolution
     * @param bin  its bilevel page (reduced by {@link BinaryImage#scale})
     * @return the page, unchanged (the same objects) when it has no reversed panel
     */
    public static Result turn(GrayImage gray, BinaryImage bin) {
        PageSegmenter.Components cc = PageSegmenter.Components.label(bin, true);
        int body = PageSegmenter.bodyHeight(cc, bin.height());
        int s = bin.scale();
        byte[] px = null, ink = null;
        List<Bbox> panels = new ArrayList<>();
        for (int i = 0; i < cc.count; i++) {
            int w = cc.x1[i] - cc.x0[i], h = cc.y1[i] - cc.y0[i];
            if (w < MIN_WIDTH * body || h < MIN_HEIGHT * body || cc.area[i] < MIN_FILL * w * h
                    || !rectangular(cc, i) || !holdsType(cc, i, body)) {
                continue;
            }
            Bbox b = cc.box(i, s);
            int[] tones = tones(gray, b);
            if (!twoTone(gray, b, tones)) {
                continue;
            }
            if (px == null) {
                px = gray.pixels().clone();
                ink = bin.ink().clone();
            }
            b = new Bbox(b.x0(), b.y0(), Math.min(gray.width(), b.x1()), Math.min(gray.height(), b.y1()));
            panels.add(b);
            turnTones(px, gray, b, tones[1], tones[2]);
            int[] r = {cc.x0[i], cc.y0[i], cc.x1[i], cc.y1[i]};
            for (int y = r[1]; y < r[3]; y++) {
                for (int x = r[0]; x < r[2]; x++) {
                    ink[y * bin.width() + x] ^= 1;
                }
            }
        }
        if (px == null) {
            return new Result(gray, bin, List.of(), body);
        }
        return new Result(new GrayImage(gray.width(), gray.height(), px),
                new BinaryImage(bin.width(), bin.height(), s, ink, bin.contrast()), panels, body);
    }

    /**
     * Turns reversed type in a box of a gray page: the panel's tone becomes white, the type's
     * black, tones between them in proportion, tones beyond them as the nearer.
     *
     * @param px     the page's pixels, modified
     * @param page   the page they belong to (its size)
     * @param box    the box, px, inside the page
     * @param ground the panel's tone
     * @param type   the type's tone, lighter than {@code ground}
     */
    static void turnTones(byte[] px, GrayImage page, Bbox box, int ground, int type) {
        int light = Math.max(ground + 1, type), w = page.width();
        for (int y = box.y0(); y < Math.min(page.height(), box.y1()); y++) {
            for (int x = box.x0(); x < Math.min(w, box.x1()); x++) {
                int v = Math.min(light, Math.max(ground, px[y * w + x] & 0xff));
                px[y * w + x] = (byte) (255 - 255 * (v - ground) / (light - ground));
            }
        }
    }

    /**
     * Whether component {@code i} is a rectangle: it covers at least {@value #MIN_OUTLINE} of the
     * ring one pixel inside its box (the outermost pixels may be worn). Heavy black type, dense
     * enough to pass the other tests, has an outline of strokes and paper.
     */
    static boolean rectangular(PageSegmenter.Components cc, int i) {
        int x0 = cc.x0[i] + 1, y0 = cc.y0[i] + 1, x1 = cc.x1[i] - 2, y1 = cc.y1[i] - 2;
        if (x1 <= x0 || y1 <= y0) {
            return false;
        }
        int on = 0, all = 0;
        for (int x = x0; x <= x1; x++) {
            on += (cc.at(x, y0) == i ? 1 : 0) + (cc.at(x, y1) == i ? 1 : 0);
            all += 2;
        }
        for (int y = y0 + 1; y < y1; y++) {
            on += (cc.at(x0, y) == i ? 1 : 0) + (cc.at(x1, y) == i ? 1 : 0);
            all += 2;
        }
        return on >= MIN_OUTLINE * all;
    }

    /**
     * Whether component {@code i}'s enclosed holes are rows of type (see the class comment).
     *
     * @param body body character height, reduced px
     */
    static boolean holdsType(PageSegmenter.Components cc, int i, int body) {
        int x0 = cc.x0[i], y0 = cc.y0[i], w = cc.x1[i] - x0, h = cc.y1[i] - y0;
        // paper reached from the box's border (4-connected, through paper only) is outside
        boolean[] outside = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && cc.at(x0 + x, y0 + y) != i) {
                    outside[y * w + x] = true;
                    queue.add(y * w + x);
                }
            }
        }
        while (!queue.isEmpty()) {
            int p = queue.poll(), x = p % w, y = p / w;
            int[][] next = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
            for (int[] n : next) {
                if (n[0] >= 0 && n[1] >= 0 && n[0] < w && n[1] < h && !outside[n[1] * w + n[0]]
                        && cc.at(x0 + n[0], y0 + n[1]) != i) {
                    outside[n[1] * w + n[0]] = true;
                    queue.add(n[1] * w + n[0]);
                }
            }
        }
        int[] rowHoles = new int[h];
        long holes = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!outside[y * w + x] && cc.at(x0 + x, y0 + y) != i) {
                    rowHoles[y]++;
                    holes++;
                }
            }
        }
        if (holes < MIN_HOLES * w * h || holes > MAX_HOLES * w * h) {
            return false;
        }
        // bands lower than type are specks of paper in the panel: they may hold a little of the holes
        long inBands = 0;
        for (int y = 0; y < h; ) {
            if (rowHoles[y] == 0) {
                y++;
                continue;
            }
            int top = y;
            long n = 0;
            while (y < h && rowHoles[y] > 0) {
                n += rowHoles[y++];
            }
            if (y - top >= MIN_BAND * body) {
                if (!cells(cc, i, outside, x0, y0, w, top, y)) {
                    return false;
                }
                inBands += n;
            }
        }
        return inBands >= 0.9 * holes;
    }

    /** Whether the holes of rows {@code [top, bottom)} of the box fall into cells of type. */
    private static boolean cells(PageSegmenter.Components cc, int i, boolean[] outside, int x0, int y0, int w,
                                 int top, int bottom) {
        int bh = bottom - top, cells = 0, covered = 0, start = -1;
        for (int x = 0; x <= w; x++) {
            boolean hole = false;
            for (int y = top; x < w && y < bottom && !hole; y++) {
                hole = !outside[y * w + x] && cc.at(x0 + x, y0 + y) != i;
            }
            if (hole && start < 0) {
                start = x;
            } else if (!hole && start >= 0) {
                int width = x - start;
                if (width > 3.2 * bh) {
                    return false;
                }
                if (width >= 0.3 * bh) {
                    cells++;
                    covered += width;
                }
                start = -1;
            }
        }
        return cells >= 2 && (covered >= 0.5 * w || cells >= 4);
    }

    /**
     * Whether the gray pixels of a box are two tones with little between them.
     *
     * @param t the box's {@link #tones}
     */
    static boolean twoTone(GrayImage gray, Bbox b, int[] t) {
        int dark = t[1], light = t[2], d = light - dark;
        if (d < 48) {
            return false;
        }
        long mid = 0, n = 0;
        byte[] px = gray.pixels();
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                int v = px[y * gray.width() + x] & 0xff;
                n++;
                if (v > dark + d / 4 && v < light - d / 4) {
                    mid++;
                }
            }
        }
        return mid <= MAX_MIDTONE * n;
    }

    /** @return Otsu's {threshold, dark mean, light mean} of the gray pixels in a box */
    private static int[] tones(GrayImage gray, Bbox b) {
        int[] hist = new int[256];
        byte[] px = gray.pixels();
        for (int y = b.y0(); y < Math.min(gray.height(), b.y1()); y++) {
            for (int x = b.x0(); x < Math.min(gray.width(), b.x1()); x++) {
                hist[px[y * gray.width() + x] & 0xff]++;
            }
        }
        return BinaryImage.otsu(hist);
    }
}
