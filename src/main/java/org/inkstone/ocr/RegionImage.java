package org.inkstone.ocr;

import java.util.Arrays;
import org.inkstone.model.Bbox;
import org.inkstone.preprocess.GrayImage;

/**
 * A region cut out of a page, its gray levels stretched so that its ink (2nd percentile) is
 * black and its paper (90th percentile) white, scaled and set on a white margin, possibly turned
 * a quarter turn to the left, with the mapping of its boxes back to the page.
 *
 * @param image  the region as the recogniser reads it
 * @param region the region's box on the page, px
 * @param scale  region px per page px, vertically (before turning)
 * @param xScale region px per page px, horizontally (before turning)
 * @param margin white margin around the region, px of {@link #image}
 * @param turned whether {@link #image} is turned 90° counter-clockwise (see {@link #turnedLeft()})
 */
record RegionImage(GrayImage image, Bbox region, double scale, double xScale, int margin, boolean turned) {

    /**
     * @param page   gray page
     * @param region box to cut, px of {@code page}, inside the page
     * @param scale  scale factor (&gt; 0), bilinear when not 1
     * @param xScale horizontal scale factor (&gt; 0) applied on top of {@code scale}
     * @param margin white margin to add on every side, px after scaling
     * @return the cut-out
     */
    static RegionImage cut(GrayImage page, Bbox region, double scale, double xScale, int margin) {
        int x0 = Math.max(0, region.x0()), y0 = Math.max(0, region.y0());
        int x1 = Math.min(page.width(), region.x1()), y1 = Math.min(page.height(), region.y1());
        Bbox box = new Bbox(x0, y0, x1, y1);
        double sx = scale * xScale;
        int w = Math.max(1, (int) Math.round((x1 - x0) * sx)), h = Math.max(1, (int) Math.round((y1 - y0) * scale));
        int W = w + 2 * margin, H = h + 2 * margin;
        byte[] src = page.pixels();
        int pw = page.width();
        byte[] out = new byte[W * H];
        int[] lohi = levels(src, pw, box);
        int lo = lohi[0], hi = lohi[1];
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = hi <= lo ? v : Math.max(0, Math.min(255, (v - lo) * 255 / (hi - lo)));
        }
        Arrays.fill(out, (byte) 0xff);
        for (int y = 0; y < h; y++) {
            double sy = scale == 1 ? y0 + y : y0 + (y + 0.5) / scale - 0.5;
            int iy = Math.max(y0, Math.min(y1 - 1, (int) Math.floor(sy)));
            int iy1 = Math.min(y1 - 1, iy + 1);
            double fy = scale == 1 ? 0 : Math.max(0, Math.min(1, sy - iy));
            int row = (y + margin) * W + margin;
            for (int x = 0; x < w; x++) {
                if (sx == 1 && scale == 1) {
                    out[row + x] = (byte) lut[src[iy * pw + x0 + x] & 0xff];
                    continue;
                }
                double px = x0 + (x + 0.5) / sx - 0.5;
                int ix = Math.max(x0, Math.min(x1 - 1, (int) Math.floor(px)));
                int ix1 = Math.min(x1 - 1, ix + 1);
                double fx = Math.max(0, Math.min(1, px - ix));
                double top = (src[iy * pw + ix] & 0xff) * (1 - fx) + (src[iy * pw + ix1] & 0xff) * fx;
                double bottom = (src[iy1 * pw + ix] & 0xff) * (1 - fx) + (src[iy1 * pw + ix1] & 0xff) * fx;
                out[row + x] = (byte) lut[(int) (top * (1 - fy) + bottom * fy + 0.5)];
            }
        }
        return new RegionImage(new GrayImage(W, H, out), box, scale, xScale, margin, false);
    }

    /**
     * The cut-out turned 90° counter-clockwise: a vertical line (竖排) read top to bottom becomes a
     * line read left to right, its top at the left, its characters lying on their left side — the
     * form in which Tesseract's vertical models ({@code chi_sim_vert}) read a vertical line.
     * Pixel {@code (x, y)} of a {@code w × h} image goes to {@code (y, w - 1 - x)}.
     *
     * @return the turned cut-out, whose {@link #toPage} maps its boxes back to the page
     * @throws IllegalStateException if this cut-out is already turned
     */
    RegionImage turnedLeft() {
        if (turned) {
            throw new IllegalStateException("already turned");
        }
        int w = image.width(), h = image.height();
        byte[] src = image.pixels();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[(w - 1 - x) * h + y] = src[y * w + x];
            }
        }
        return new RegionImage(new GrayImage(h, w, out), region, scale, xScale, margin, true);
    }

    /** @return {ink level, paper level} of a box: the 2nd and 90th percentiles of its gray levels */
    private static int[] levels(byte[] src, int pw, Bbox box) {
        int[] hist = new int[256];
        int n = 0;
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                hist[src[y * pw + x] & 0xff]++;
                n++;
            }
        }
        int lo = -1, hi = 255, seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (lo < 0 && seen > n * 0.02) {
                lo = v;
            }
            if (seen > n * 0.9) {
                hi = v;
                break;
            }
        }
        return new int[] {Math.max(0, lo), hi};
    }

    /** @return {@code b} (px of {@link #image}) as px of the page, clipped to the region */
    Bbox toPage(Bbox b) {
        if (turned) {
            // turned image px (u, v) is (w - 1 - v, u) of the upright cut-out, w = turned height
            int w = image.height();
            b = new Bbox(w - b.y1(), b.x0(), w - b.y0(), b.x1());
        }
        int x0 = region.x0() + (int) Math.floor((b.x0() - margin) / (scale * xScale));
        int y0 = region.y0() + (int) Math.floor((b.y0() - margin) / scale);
        int x1 = region.x0() + (int) Math.ceil((b.x1() - margin) / (scale * xScale));
        int y1 = region.y0() + (int) Math.ceil((b.y1() - margin) / scale);
        return new Bbox(Math.max(region.x0(), x0), Math.max(region.y0(), y0),
                Math.min(region.x1(), Math.max(x0 + 1, x1)), Math.min(region.y1(), Math.max(y0 + 1, y1)));
    }
}
