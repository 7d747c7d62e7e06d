package org.inkstone.preprocess;

import java.util.SplittableRandom;
import org.inkstone.model.Bbox;

/**
 * Skew measurement and correction of a page.
 *
 * <p>The skew angle is found by the projection-profile method (W. Postl, "Detection of linear
 * oblique structures and skew scan in digitized documents", ICPR 1986): ink pixels of the
 * bilevel page are projected onto rows sheared by each candidate angle, and the angle whose
 * profile has the largest sum of squared differences of neighbouring rows (text lines sharp,
 * gaps empty) wins. Coarse search over ±{@value #MAX_DEGREES}° in 0.2° steps, then 0.02° steps.
 */
public final class Deskew {

    /** Largest skew searched, degrees. */
    public static final double MAX_DEGREES = 5.0;

    private Deskew() {
    }

    /**
     * Measures the page's skew.
     *
     * @param page bilevel page, any reduction
     * @return the angle in degrees by which text lines descend to the right (positive: the
     *         right end of a line is lower on the image), 0 for a page without ink
     */
    public static double measure(BinaryImage page) {
        int w = page.width(), h = page.height();
        int n = 0;
        for (byte b : page.ink()) {
            n += b;
        }
        if (n < 100) {
            return 0;
        }
        // Keep about 150k ink pixels, drawn at random (a fixed seed: the same page gives the same
        // angle). Every k-th pixel in raster order would lay a lattice over the page whose rows
        // line up at some angle and outscore the text lines on large pages.
        double keep = Math.min(1.0, 150_000.0 / n);
        int cap = (int) Math.min(n, 150_000L * 11 / 10 + 1_000);
        int[] xs = new int[cap], ys = new int[cap];
        int m = 0;
        byte[] ink = page.ink();
        SplittableRandom random = new SplittableRandom(0x5EED);
        for (int y = 0; y < h && m < cap; y++) {
            for (int x = 0; x < w && m < cap; x++) {
                if (ink[y * w + x] != 0 && (keep >= 1.0 || random.nextDouble() < keep)) {
                    xs[m] = x;
                    ys[m++] = y;
                }
            }
        }
        double best = 0, bestScore = -1;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += 0.2) {
            double s = score(xs, ys, m, w, h, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.2; a <= coarse + 0.2 + 1e-9; a += 0.02) {
            double s = score(xs, ys, m, w, h, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    private static double score(int[] xs, int[] ys, int m, int w, int h, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int pad = (int) Math.ceil(Math.abs(t) * w) + 1;
        int[] rows = new int[h + 2 * pad];
        for (int i = 0; i < m; i++) {
            rows[ys[i] - (int) Math.round(xs[i] * t) + pad]++;
        }
        double s = 0;
        for (int i = 1; i < rows.length; i++) {
            double d = rows[i] - rows[i - 1];
            s += d * d;
        }
        return s;
    }

    /**
     * Rotates a page so that lines skewed by {@code degrees} become horizontal. Bilinear
     * interpolation about the page centre, in fixed point (source positions in 1/65536 px,
     * weights in 1/256); the size is kept and uncovered corners are white.
     *
     * @param page    gray page, px at scan resolution
     * @param degrees skew as measured by {@link #measure}
     * @return the straightened page, same size
     */
    public static GrayImage rotate(GrayImage page, double degrees) {
        int w = page.width(), h = page.height();
        byte[] src = page.pixels();
        byte[] dst = new byte[w * h];
        double a = Math.toRadians(degrees), cos = Math.cos(a), sin = Math.sin(a);
        double cx = w / 2.0, cy = h / 2.0;
        // source coordinates in 16.16 fixed point, stepped along each row; weights in 1/256 px
        long stepX = Math.round(cos * 65536), stepY = Math.round(sin * 65536);
        for (int y = 0; y < h; y++) {
            double dy = y - cy;
            // source = centre + R(a) · (dest - centre)
            long sx = Math.round((cx - dy * sin - cx * cos) * 65536), sy = Math.round((cy + dy * cos - cx * sin) * 65536);
            int row = y * w;
            for (int x = 0; x < w; x++, sx += stepX, sy += stepY) {
                int ix = (int) (sx >> 16), iy = (int) (sy >> 16);
                if (sx < 0 || sy < 0 || ix >= w - 1 || iy >= h - 1) {
                    dst[row + x] = (byte) 255;
                    continue;
                }
                int fx = (int) (sx >> 8) & 0xff, fy = (int) (sy >> 8) & 0xff;
                int i = iy * w + ix;
                int top = (src[i] & 0xff) * (256 - fx) + (src[i + 1] & 0xff) * fx;
                int bottom = (src[i + w] & 0xff) * (256 - fx) + (src[i + w + 1] & 0xff) * fx;
                dst[row + x] = (byte) ((top * (256 - fy) + bottom * fy + 32768) >> 16);
            }
        }
        return new GrayImage(w, h, dst);
    }

    /**
     * Maps a box of the straightened page back onto the page as scanned.
     *
     * @param box     box on the page straightened by {@link #rotate}, px
     * @param degrees the angle it was straightened by
     * @param width   page width, px
     * @param height  page height, px
     * @return the smallest axis-aligned box holding the rotated box, clipped to the page, px
     */
    public static Bbox toScan(Bbox box, double degrees, int width, int height) {
        if (degrees == 0) {
            return box;
        }
        double a = Math.toRadians(degrees), cos = Math.cos(a), sin = Math.sin(a);
        double cx = width / 2.0, cy = height / 2.0;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        int[][] corners = {{box.x0(), box.y0()}, {box.x1(), box.y0()}, {box.x0(), box.y1()}, {box.x1(), box.y1()}};
        for (int[] c : corners) {
            double dx = c[0] - cx, dy = c[1] - cy;
            double x = cx + dx * cos - dy * sin, y = cy + dx * sin + dy * cos;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new Bbox(Math.max(0, (int) Math.round(minX)), Math.max(0, (int) Math.round(minY)),
                Math.min(width, (int) Math.round(maxX)), Math.min(height, (int) Math.round(maxY)));
    }
}
