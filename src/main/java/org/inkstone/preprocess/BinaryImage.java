package org.inkstone.preprocess;

/**
 * A bilevel page image at reduced resolution, used to measure skew and find text regions
 * (never sent to the recogniser). One byte per pixel, 1 ink, 0 paper, row-major.
 *
 * <p>Made from a gray page by averaging {@code scale × scale} blocks, dividing by a background
 * estimate (local maximum over windows of about 1/24 of the page width, smoothed: the paper
 * tone under uneven light) and thresholding the normalised image with Otsu's method
 * (N. Otsu, "A threshold selection method from gray-level histograms", IEEE SMC 9(1), 1979).
 *
 * @param width  width, reduced px
 * @param height height, reduced px
 * @param scale  full-resolution px per reduced px
 * @param ink    {@code width * height} bytes, 1 for ink
 * @param contrast paper level minus ink level of the normalised page, 0..255 (Otsu class means)
 */
public record BinaryImage(int width, int height, int scale, byte[] ink, int contrast) {

    /**
     * @param x column, reduced px
     * @param y row, reduced px
     * @return whether the pixel is ink
     */
    public boolean at(int x, int y) {
        return ink[y * width + x] != 0;
    }

    /**
     * Binarises a gray page.
     *
     * @param gray  page at scan resolution
     * @param scale reduction factor, ≥ 1 (2 for 300–600 dpi scans keeps strokes of body text)
     * @return the bilevel page at {@code gray.width() / scale × gray.height() / scale}
     */
    public static BinaryImage of(GrayImage gray, int scale) {
        int w = Math.max(1, gray.width() / scale), h = Math.max(1, gray.height() / scale);
        int[] g = reduce(gray, scale, w, h);
        int[] bg = background(g, w, h);
        int[] hist = new int[256];
        int[] norm = new int[w * h];
        for (int i = 0; i < g.length; i++) {
            int v = bg[i] <= 0 ? 255 : Math.min(255, g[i] * 255 / bg[i]);
            norm[i] = v;
            hist[v]++;
        }
        int[] otsu = otsu(hist);
        int t = otsu[0];
        byte[] ink = new byte[w * h];
        for (int i = 0; i < norm.length; i++) {
            ink[i] = (byte) (norm[i] <= t ? 1 : 0);
        }
        return new BinaryImage(w, h, scale, ink, otsu[2] - otsu[1]);
    }

    /**
     * Rotates the bilevel page as {@link Deskew#rotate} rotates the gray page it was made from
     * (about the centre, nearest neighbour), so a straightened page needs no second
     * binarisation; uncovered corners are paper.
     *
     * @param degrees skew as measured by {@link Deskew#measure}
     * @return the straightened bilevel page, same size, scale and contrast
     */
    public BinaryImage rotate(double degrees) {
        byte[] dst = new byte[width * height];
        double a = Math.toRadians(degrees), cos = Math.cos(a), sin = Math.sin(a);
        double cx = width / 2.0, cy = height / 2.0;
        long stepX = Math.round(cos * 65536), stepY = Math.round(sin * 65536);
        for (int y = 0; y < height; y++) {
            double dy = y + 0.5 - cy;
            // source = centre + R(a) · (dest - centre), pixel centres, 16.16 fixed point
            long sx = Math.round((cx - dy * sin - (cx - 0.5) * cos) * 65536);
            long sy = Math.round((cy + dy * cos - (cx - 0.5) * sin) * 65536);
            int row = y * width;
            for (int x = 0; x < width; x++, sx += stepX, sy += stepY) {
                if (sx >= 0 && sy >= 0) {
                    int ix = (int) (sx >> 16), iy = (int) (sy >> 16);
                    if (ix < width && iy < height) {
                        dst[row + x] = ink[iy * width + ix];
                    }
                }
            }
        }
        return new BinaryImage(width, height, scale, dst, contrast);
    }

    private static int[] reduce(GrayImage gray, int s, int w, int h) {
        byte[] p = gray.pixels();
        int gw = gray.width();
        int[] out = new int[w * h];
        int n = s * s;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < s; dy++) {
                    int row = (y * s + dy) * gw + x * s;
                    for (int dx = 0; dx < s; dx++) {
                        sum += p[row + dx] & 0xff;
                    }
                }
                out[y * w + x] = sum / n;
            }
        }
        return out;
    }

    /** Paper level per pixel: maxima of square tiles, smoothed over 3×3 tiles, interpolated. */
    private static int[] background(int[] g, int w, int h) {
        int tile = Math.max(8, w / 24);
        int tw = (w + tile - 1) / tile, th = (h + tile - 1) / tile;
        int[] max = new int[tw * th];
        for (int y = 0; y < h; y++) {
            int ty = y / tile;
            for (int x = 0; x < w; x++) {
                int i = ty * tw + x / tile;
                max[i] = Math.max(max[i], g[y * w + x]);
            }
        }
        // A tile wholly inside a photo or a large dark area has a low maximum: take the
        // brightest of its neighbourhood, then average, so such areas stay dark.
        int[] smooth = neighbourhood(neighbourhood(max, tw, th, true), tw, th, false);
        // bilinear between tile centres: per column the two tiles and the weight (1/256), per row
        // the tile row interpolated once
        int[] tx0 = new int[w], tx1 = new int[w], ax = new int[w];
        for (int x = 0; x < w; x++) {
            double fx = Math.max(0, Math.min(tw - 1.0, (x + 0.5) / tile - 0.5));
            tx0[x] = (int) fx;
            tx1[x] = Math.min(tw - 1, tx0[x] + 1);
            ax[x] = (int) Math.round((fx - tx0[x]) * 256);
        }
        int[] bg = new int[w * h];
        int[] rowTiles = new int[tw];
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(th - 1.0, (y + 0.5) / tile - 0.5));
            int y0 = (int) fy, y1 = Math.min(th - 1, y0 + 1);
            int ay = (int) Math.round((fy - y0) * 256);
            for (int t = 0; t < tw; t++) {
                rowTiles[t] = smooth[y0 * tw + t] * (256 - ay) + smooth[y1 * tw + t] * ay;
            }
            int row = y * w;
            for (int x = 0; x < w; x++) {
                bg[row + x] = (rowTiles[tx0[x]] * (256 - ax[x]) + rowTiles[tx1[x]] * ax[x] + 32768) >> 16;
            }
        }
        return bg;
    }

    /** @return each tile's 3×3 neighbourhood (clipped at the edges): its maximum, or its mean */
    private static int[] neighbourhood(int[] tiles, int tw, int th, boolean maximum) {
        int[] out = new int[tiles.length];
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int m = 0, sum = 0, n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = ty + dy, xx = tx + dx;
                        if (yy >= 0 && yy < th && xx >= 0 && xx < tw) {
                            int v = tiles[yy * tw + xx];
                            m = Math.max(m, v);
                            sum += v;
                            n++;
                        }
                    }
                }
                out[ty * tw + tx] = maximum ? m : sum / n;
            }
        }
        return out;
    }

    /** @return {threshold, mean of the dark class, mean of the light class} */
    static int[] otsu(int[] hist) {
        long total = 0, sum = 0;
        for (int i = 0; i < 256; i++) {
            total += hist[i];
            sum += (long) i * hist[i];
        }
        long wB = 0, sumB = 0;
        double best = -1;
        int t = 127;
        for (int i = 0; i < 256; i++) {
            wB += hist[i];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (long) i * hist[i];
            double mB = (double) sumB / wB, mF = (double) (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                t = i;
            }
        }
        long n0 = 0, s0 = 0;
        for (int i = 0; i <= t; i++) {
            n0 += hist[i];
            s0 += (long) i * hist[i];
        }
        int dark = n0 == 0 ? 0 : (int) (s0 / n0);
        int light = total - n0 == 0 ? 255 : (int) ((sum - s0) / (total - n0));
        return new int[] {t, dark, light};
    }
}
