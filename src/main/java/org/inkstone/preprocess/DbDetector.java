package org.inkstone.preprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.inkstone.learned.OnnxModel;
import org.inkstone.learned.PaddleModels;
import org.inkstone.model.Bbox;

/**
 * Line detection by a learned model: PaddleOCR's PP-OCRv4 text detector, a DB network
 * (differentiable binarisation: M. Liao, Z. Wan, C. Yao, K. Chen, X. Bai, "Real-time scene text
 * detection with differentiable binarization", AAAI 2020), run with ONNX Runtime.
 *
 * <p>Input: the gray page replicated to three channels, ImageNet mean and standard deviation,
 * scaled so that the page's body characters come out {@value #TARGET_BODY} px high (their height
 * measured on the page: the median height of the square connected components of the bilevel
 * page, most of them whole body characters; on a noisy microfilm page, whose touching characters
 * make the X-Y cut's measure half as large again, it is within 10 % of the type), never more than
 * {@value #MAX_PIXELS} input pixels (the model costs about 0.45 s per megapixel on one core),
 * sides multiples of 32. The size was measured by resampling a part of a 300 dpi corpus page (63
 * body lines) to body heights of 8 to 38 px: the lines are found whole (56–61 of 63) at every
 * size, but under about 16 px the probability map is so coarse that the boxes come out up to 1.8
 * times the line's height and take in parts of the lines above and below; from 20 px on they
 * have the line's height. Dense, noisy type needs more: on a 1939 microfilm page of vertical
 * columns set solid (22 px type) the body columns are mostly lost at 14 px, found at 22 px with
 * some columns joined side by side, and found one by one at 28–31 px.
 *
 * <p>Post-processing as PaddleOCR's {@code DBPostProcess} (ppocr/postprocess/db_postprocess.py):
 * the probability map thresholded at {@value #THRESHOLD}, each connected component's minimum-area
 * rotated rectangle (rotating calipers on its convex hull; upright boxes would lose the lines of
 * a page that is still skewed by a degree, their mean probability falling under the box
 * threshold), kept when the mean probability inside it is at least {@value #BOX_THRESHOLD} and its
 * short side at least 3 px, grown by the unclip offset {@code area × }{@value #UNCLIP}{@code  /
 * perimeter} (the network is trained on text kernels shrunk by that much), and mapped back to
 * page px.
 *
 * <p>Each box becomes a {@link TextRegion} (a horizontal one fitted to the ink it holds,
 * {@link #fitToInk}): {@code LINE} when wider than high, {@code VERTICAL}
 * when at least 1.5 times higher than wide; a box of one or two characters (between) takes the
 * direction of the page's text, weighted by characters. Its text height is the short side
 * of the rotated box without the unclip growth, scaled to the ink height of the characters.
 * Horizontal lines that the network joins across a narrow column gutter are cut at the page's
 * column structure ({@link #splitAtGutters}). Photos and rules are the X-Y cut's
 * ({@link PageSegmenter}); boxes lying in a photo are dropped, and a "photo" half covered by one
 * box is text (a banner headline whose strokes fill its area) and no photo. Lines come out in the order of a
 * recursive X-Y cut of their boxes (columns left to right, top to bottom in each; vertical
 * lines right to left), photos and rules after them, as the X-Y cut delivers them.
 */
public final class DbDetector implements LineDetector {

    /** Height the page's body characters are scaled to for the model, px. */
    public static final int TARGET_BODY = 28;
    /** Largest model input, px (about 5.5 s on one core). */
    public static final long MAX_PIXELS = 12_000_000L;
    /** Threshold of the probability map. */
    public static final double THRESHOLD = 0.3;
    /** Smallest mean probability inside a box. */
    public static final double BOX_THRESHOLD = 0.6;
    /** Unclip ratio. */
    public static final double UNCLIP = 1.5;
    /**
     * Ink height of the characters per short side of the box before unclip (measured: 0.41–0.44
     * body heights from 20 px body up).
     */
    static final double INK_PER_KERNEL = 2.4;

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OnnxModel model;
    private final PageSegmenter segmenter = new PageSegmenter();

    /** @param model the PP-OCRv4 detection model */
    public DbDetector(OnnxModel model) {
        this.model = model;
    }

    /**
     * @param models folder of the verified PaddleOCR models ({@link PaddleModels#in})
     * @return a detector running the folder's detection model
     */
    public static DbDetector in(Path models) {
        return new DbDetector(new OnnxModel(PaddleModels.in(models).detector()));
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public Detection detect(GrayImage gray, BinaryImage bilevel) {
        return detect(gray, bilevel, segmenter.segment(bilevel));
    }

    /**
     * Detects the lines of a page whose X-Y cut is already known (its photos, rules and type size
     * are used).
     *
     * @param gray    the straightened gray page
     * @param bilevel its bilevel copy
     * @param xy      the X-Y cut of {@code bilevel}
     * @return lines found by the model, photos and rules of the X-Y cut
     */
    public Detection detect(GrayImage gray, BinaryImage bilevel, PageSegmenter.Result xy) {
        // the page's components, labelled once: for the type size and for the lines the network missed
        PageSegmenter.Components cc = PageSegmenter.Components.label(bilevel);
        int type = squareHeight(cc, bilevel, 0.5);
        int body = type > 0 ? type : xy.bodyHeight();
        double scale = scaleFor(gray.width(), gray.height(), body);
        List<Box> boxes = boxes(gray, scale);
        List<TextRegion> graphics = new ArrayList<>();
        List<Bbox> photos = new ArrayList<>();
        List<Bbox> vRules = new ArrayList<>();
        List<Bbox> hRules = new ArrayList<>();
        for (TextRegion r : xy.regions()) {
            if (r.kind() == TextRegion.Kind.IMAGE) {
                if (textNotPhoto(r.bbox(), boxes)) {
                    continue;
                }
                photos.add(r.bbox());
                graphics.add(r);
            } else if (r.kind() == TextRegion.Kind.RULE) {
                graphics.add(r);
                if (r.bbox().height() > 3 * r.bbox().width()) {
                    vRules.add(r.bbox());
                } else if (r.bbox().width() > 3 * r.bbox().height()) {
                    hRules.add(r.bbox());
                }
            }
        }
        List<TextRegion> text = regions(boxes, photos, gray.width(), gray.height());
        text = attachFragments(text);
        text = text.stream().map(r -> r.kind() == TextRegion.Kind.LINE ? fitToInk(r, bilevel) : fitColumn(r, bilevel)).toList();
        text = withMissedLines(text, graphics, bilevel, cc, body);
        text = splitAtGutters(text, bilevel, vRules, xy.bodyHeight(), 0);
        text = joinBrokenDisplayLines(text, bilevel, body);
        text = extendDisplayColumns(text, bilevel, cc, hRules, body);
        // vertical lines the same way, on the page turned about its diagonal: a vertical line
        // running through a horizontal rule or across the blank between two tiers of columns
        List<TextRegion> down = new ArrayList<>(), rest = new ArrayList<>();
        for (TextRegion r : text) {
            (r.kind() == TextRegion.Kind.VERTICAL ? down : rest).add(r);
        }
        if (!down.isEmpty()) {
            down = joinColumnPieces(down, hRules, body);
            // a blank between tiers is wider than the one a punctuation mark leaves in a column
            // (up to about 1.2 em with the spacing)
            List<TextRegion> cut = splitAtGutters(transpose(down), transpose(bilevel),
                    hRules.stream().map(DbDetector::transpose).toList(), xy.bodyHeight(), 1.3 * body);
            rest.addAll(transpose(cut));
            text = rest;
        }
        List<TextRegion> out = new ArrayList<>(readingOrder(text));
        out.addAll(graphics);
        return new Detection(out, xy.bodyHeight(), xy.charAspect(), name());
    }

    /**
     * @param width  page width, px
     * @param height page height, px
     * @param body   body character height on the page, px
     * @return page px → model input px: body characters to {@value #TARGET_BODY} px, at most
     *         {@value #MAX_PIXELS} input pixels
     */
    static double scaleFor(int width, int height, int body) {
        double s = (double) TARGET_BODY / Math.max(4, body);
        double cap = Math.sqrt((double) MAX_PIXELS / ((double) width * height));
        return Math.min(s, cap);
    }

    /**
     * @param cc  the connected components of {@code bin}
     * @param bin a bilevel page
     * @param q   quantile
     * @return the {@code q} quantile of the heights of the page's square components (width 0.8–1.25 times
     *         the height), page px; 0 when it has fewer than 20
     */
    static int squareHeight(PageSegmenter.Components cc, BinaryImage bin, double q) {
        int[] hs = new int[cc.count];
        int m = 0;
        for (int i = 0; i < cc.count; i++) {
            int w = cc.x1[i] - cc.x0[i], h = cc.y1[i] - cc.y0[i];
            if (h >= 3 && w >= 0.8 * h && w <= 1.25 * h && h < bin.height() / 8) {
                hs[m++] = h;
            }
        }
        if (m < 20) {
            return 0;
        }
        int[] v = Arrays.copyOf(hs, m);
        Arrays.sort(v);
        return v[Math.min(m - 1, (int) (q * m))] * bin.scale();
    }

    /** A detected box: rotated rectangle (after unclip) in page px. */
    record Box(double cx, double cy, double w, double h, double angle, double kernelShort, Bbox bbox) {
    }

    /**
     * Runs the model and DB post-processing.
     *
     * @param gray  page
     * @param scale page px → input px
     * @return the boxes in page px
     */
    List<Box> boxes(GrayImage gray, double scale) {
        int w = Math.max(32, (int) Math.round(gray.width() * scale / 32.0) * 32);
        int h = Math.max(32, (int) Math.round(gray.height() * scale / 32.0) * 32);
        // one page at a time through the model: its native memory (about 150 MB per megapixel of
        // tile) is the largest of any stage, and the job's workers share this detector
        synchronized (model) {
            return boxes(gray, w, h);
        }
    }

    private List<Box> boxes(GrayImage gray, int w, int h) {
        float[] prob = new float[w * h];
        // Tiles of at most TILE × TILE input px overlapping by OVERLAP: the model's memory grows with
        // its input (about 150 MB of native memory per megapixel), so a large page is run in pieces.
        // Each tile's map is kept away from the tile's inner edges (half the overlap), where the
        // network lacks context; the page's own edges are kept.
        int step = TILE - OVERLAP;
        for (int ty = 0; ty < h; ty += step) {
            int th = Math.min(TILE, h - ty);
            for (int tx = 0; tx < w; tx += step) {
                int tw = Math.min(TILE, w - tx);
                float[] input = tile(gray, w, h, tx, ty, tw, th);
                OnnxModel.Output out = model.run(input, new long[] {1, 3, th, tw});
                int mh = (int) out.shape()[2], mw = (int) out.shape()[3];
                float[] tp = out.data();
                int keepX0 = tx == 0 ? 0 : OVERLAP / 2, keepY0 = ty == 0 ? 0 : OVERLAP / 2;
                int keepX1 = tx + tw >= w ? mw : mw - OVERLAP / 2, keepY1 = ty + th >= h ? mh : mh - OVERLAP / 2;
                for (int y = keepY0; y < Math.min(keepY1, mh); y++) {
                    for (int x = keepX0; x < Math.min(keepX1, mw); x++) {
                        int gx = tx + x, gy = ty + y;
                        if (gx < w && gy < h) {
                            prob[gy * w + gx] = Math.max(prob[gy * w + gx], tp[y * mw + x]);
                        }
                    }
                }
                if (tx + tw >= w) {
                    break;
                }
            }
            if (ty + th >= h) {
                break;
            }
        }
        double sx = (double) w / gray.width(), sy = (double) h / gray.height();
        return postProcess(prob, w, h, sx, sy, gray.width(), gray.height());
    }

    /**
     * Largest side of a model input tile, px (a multiple of 32; about 2.4 megapixels). Smaller tiles
     * need less memory but give the network less of the page: with 1280 px tiles the lines of a
     * whole advert block of a microfilm page (a tenth of its characters) went undetected.
     */
    static final int TILE = 1536;
    /** Overlap of neighbouring tiles, px (a multiple of 32): several lines of body type at {@value #TARGET_BODY} px. */
    static final int OVERLAP = 192;

    /**
     * One tile of the page resampled to {@code w × h} as the model's input: three normalised
     * channels, CHW. Only the tile is resampled (area average when shrinking, else bilinear), so
     * the whole page is never held at input scale.
     *
     * @param gray page
     * @param w    width of the whole resampled page, px
     * @param h    its height, px
     * @param tx   left of the tile in the resampled page, px
     * @param ty   top, px
     * @param tw   tile width, px
     * @param th   tile height, px
     * @return {@code 3 × th × tw} values
     */
    private static float[] tile(GrayImage gray, int w, int h, int tx, int ty, int tw, int th) {
        byte[] p = gray.pixels();
        int gw = gray.width(), gh = gray.height();
        int n = tw * th;
        float[] data = new float[3 * n];
        double fx = (double) gw / w, fy = (double) gh / h;
        boolean down = fx > 1.5 || fy > 1.5;
        for (int ly = 0; ly < th; ly++) {
            int y = ty + ly;
            double sy = (y + 0.5) * fy - 0.5;
            for (int lx = 0; lx < tw; lx++) {
                int x = tx + lx;
                double sx = (x + 0.5) * fx - 0.5;
                double v;
                if (down) {
                    // area average over the source pixels the target pixel covers
                    int x0 = (int) Math.floor(x * fx), x1 = Math.max(x0 + 1, Math.min(gw, (int) Math.floor((x + 1) * fx)));
                    int y0 = (int) Math.floor(y * fy), y1 = Math.max(y0 + 1, Math.min(gh, (int) Math.floor((y + 1) * fy)));
                    long sum = 0;
                    for (int yy = y0; yy < y1 && yy < gh; yy++) {
                        int row = yy * gw;
                        for (int xx = x0; xx < x1 && xx < gw; xx++) {
                            sum += p[row + xx] & 0xff;
                        }
                    }
                    v = (double) sum / Math.max(1, (Math.min(y1, gh) - y0) * (Math.min(x1, gw) - x0));
                } else {
                    int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                    double ax = sx - x0, ay = sy - y0;
                    int xa = clamp(x0, gw), xb = clamp(x0 + 1, gw), ya = clamp(y0, gh), yb = clamp(y0 + 1, gh);
                    v = (1 - ay) * ((1 - ax) * (p[ya * gw + xa] & 0xff) + ax * (p[ya * gw + xb] & 0xff))
                            + ay * ((1 - ax) * (p[yb * gw + xa] & 0xff) + ax * (p[yb * gw + xb] & 0xff));
                }
                float u = (float) (v / 255.0);
                int i = ly * tw + lx;
                for (int c = 0; c < 3; c++) {
                    data[c * n + i] = (u - MEAN[c]) / STD[c];
                }
            }
        }
        return data;
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    /**
     * DB post-processing of a probability map.
     *
     * @return boxes in page px
     */
    static List<Box> postProcess(float[] prob, int mw, int mh, double sx, double sy, int pageW, int pageH) {
        boolean[] seen = new boolean[mw * mh];
        List<Box> boxes = new ArrayList<>();
        int[] stack = new int[1024];
        for (int start = 0; start < prob.length; start++) {
            if (prob[start] <= THRESHOLD || seen[start]) {
                continue;
            }
            // flood fill (8-connected), row extremes for the hull
            java.util.Map<Integer, int[]> rows = new java.util.HashMap<>();
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            int count = 0;
            while (sp > 0) {
                int i = stack[--sp];
                count++;
                int x = i % mw, y = i / mw;
                int[] r = rows.get(y);
                if (r == null) {
                    rows.put(y, new int[] {x, x});
                } else {
                    r[0] = Math.min(r[0], x);
                    r[1] = Math.max(r[1], x);
                }
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= mh) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= mw || dx == 0 && dy == 0) {
                            continue;
                        }
                        int j = yy * mw + xx;
                        if (!seen[j] && prob[j] > THRESHOLD) {
                            seen[j] = true;
                            if (sp == stack.length) {
                                stack = Arrays.copyOf(stack, sp * 2);
                            }
                            stack[sp++] = j;
                        }
                    }
                }
            }
            if (count < 4) {
                continue;
            }
            double[][] pts = new double[rows.size() * 4][];
            int k = 0;
            for (var e : rows.entrySet()) {
                int y = e.getKey();
                int[] r = e.getValue();
                pts[k++] = new double[] {r[0], y};
                pts[k++] = new double[] {r[0], y + 1};
                pts[k++] = new double[] {r[1] + 1, y};
                pts[k++] = new double[] {r[1] + 1, y + 1};
            }
            double[] rect = Geometry.minAreaRect(Geometry.hull(pts));
            double rw = rect[2], rh = rect[3];
            if (Math.min(rw, rh) < 3) {
                continue;
            }
            if (meanInside(prob, mw, mh, rect) < BOX_THRESHOLD) {
                continue;
            }
            double d = rw * rh * UNCLIP / (2 * (rw + rh));
            double uw = rw + 2 * d, uh = rh + 2 * d;
            if (Math.min(uw, uh) < 5) {
                continue;
            }
            double[][] corners = Geometry.corners(rect[0], rect[1], uw, uh, rect[4]);
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (double[] c : corners) {
                x0 = Math.min(x0, c[0] / sx);
                x1 = Math.max(x1, c[0] / sx);
                y0 = Math.min(y0, c[1] / sy);
                y1 = Math.max(y1, c[1] / sy);
            }
            Bbox bbox = new Bbox(Math.max(0, (int) Math.floor(x0)), Math.max(0, (int) Math.floor(y0)),
                    Math.min(pageW, (int) Math.ceil(x1)), Math.min(pageH, (int) Math.ceil(y1)));
            if (bbox.width() < 2 || bbox.height() < 2) {
                continue;
            }
            // rectangle sides in page px: the angle is that of side w
            double cos = Math.cos(rect[4]), sin = Math.sin(rect[4]);
            double pw = uw * Math.hypot(cos / sx, sin / sy), ph = uh * Math.hypot(sin / sx, cos / sy);
            double kernel = Math.min(rw * Math.hypot(cos / sx, sin / sy), rh * Math.hypot(sin / sx, cos / sy));
            // page-px width along x and height along y of the upright-ish rectangle
            boolean sideWAlongX = Math.abs(cos) >= Math.abs(sin);
            boxes.add(new Box(rect[0] / sx, rect[1] / sy, sideWAlongX ? pw : ph, sideWAlongX ? ph : pw,
                    rect[4], kernel, bbox));
        }
        return boxes;
    }

    /** Mean probability inside a rotated rectangle {cx, cy, w, h, angle} of the map. */
    private static double meanInside(float[] prob, int mw, int mh, double[] rect) {
        double cx = rect[0], cy = rect[1], hw = rect[2] / 2, hh = rect[3] / 2;
        double cos = Math.cos(rect[4]), sin = Math.sin(rect[4]);
        double ex = Math.abs(hw * cos) + Math.abs(hh * sin), ey = Math.abs(hw * sin) + Math.abs(hh * cos);
        int x0 = Math.max(0, (int) Math.floor(cx - ex)), x1 = Math.min(mw - 1, (int) Math.ceil(cx + ex));
        int y0 = Math.max(0, (int) Math.floor(cy - ey)), y1 = Math.min(mh - 1, (int) Math.ceil(cy + ey));
        double sum = 0;
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                double u = dx * cos + dy * sin, v = -dx * sin + dy * cos;
                if (Math.abs(u) <= hw && Math.abs(v) <= hh) {
                    sum += prob[y * mw + x];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Boxes to regions: direction, text height, boxes in photos dropped.
     */
    static List<TextRegion> regions(List<Box> boxes, List<Bbox> photos, int pageW, int pageH) {
        // the page's direction, weighted by characters (long side / short side)
        double across = 0, down = 0;
        for (Box b : boxes) {
            double ratio = Math.max(b.w(), b.h()) / Math.max(1, Math.min(b.w(), b.h()));
            if (b.h() >= 1.5 * b.w()) {
                down += ratio;
            } else if (b.w() >= 1.5 * b.h()) {
                across += ratio;
            }
        }
        List<TextRegion> out = new ArrayList<>();
        for (Box b : boxes) {
            if (insidePhoto(b.bbox(), photos)) {
                continue;
            }
            TextRegion.Kind kind;
            if (b.h() >= 1.5 * b.w()) {
                kind = TextRegion.Kind.VERTICAL;
            } else if (b.w() >= 1.5 * b.h()) {
                kind = TextRegion.Kind.LINE;
            } else {
                kind = down > across ? TextRegion.Kind.VERTICAL : TextRegion.Kind.LINE;
            }
            int textHeight = (int) Math.max(2, Math.round(b.kernelShort() * INK_PER_KERNEL));
            out.add(new TextRegion(b.bbox(), kind, textHeight));
        }
        return out;
    }

    /**
     * Joins a box of at most about one character (a comma or full stop the network boxed on its
     * own) to the line it continues: a line of at least its size whose band (rows of a horizontal
     * line, columns of a vertical one) holds the box's centre, less than half the line's type size
     * away along the line.
     */
    static List<TextRegion> attachFragments(List<TextRegion> regions) {
        List<TextRegion> out = new ArrayList<>(regions);
        for (int i = 0; i < out.size(); i++) {
            Bbox f = out.get(i).bbox();
            int best = -1;
            for (int j = 0; j < out.size(); j++) {
                TextRegion l = out.get(j);
                Bbox b = l.bbox();
                if (j == i || Math.max(f.width(), f.height()) > 1.3 * Math.min(b.width(), b.height())) {
                    continue;
                }
                boolean down = l.kind() == TextRegion.Kind.VERTICAL;
                int across = down ? b.width() : b.height();
                if (Math.max(b.width(), b.height()) < 1.5 * across) {
                    continue; // itself one character
                }
                int c = down ? (f.x0() + f.x1()) / 2 : (f.y0() + f.y1()) / 2;
                boolean inBand = down ? c >= b.x0() && c < b.x1() : c >= b.y0() && c < b.y1();
                int gap = down ? Math.max(f.y0() - b.y1(), b.y0() - f.y1()) : Math.max(f.x0() - b.x1(), b.x0() - f.x1());
                if (inBand && gap < across / 2) {
                    best = j;
                    break;
                }
            }
            if (best >= 0) {
                TextRegion l = out.get(best);
                out.set(best, new TextRegion(Bbox.union(List.of(l.bbox(), f)), l.kind(), l.textHeight()));
                out.remove(i);
                i = -1;
            }
        }
        return out;
    }

    /**
     * Adds the lines the network missed: where its response on faint or broken type stays under
     * the thresholds, a column or line of characters lies outside every box (on microfilm scans
     * of vertical papers, about one column in twenty; which ones changes with the input scale).
     * The connected components of the bilevel page that no text box, photo or rule holds and that
     * are the size of characters or their parts (0.15 to 1.6 times the body type: punctuation
     * too, which bridges the blank around it) are joined
     * into lines running the page's direction (the direction of most of the boxes, by length):
     * two components join when they share the line's band (across the line, the centre of the
     * narrower within the other, a fifth of the type to spare) and lie less than the type apart
     * along it (a full-width comma leaves about 0.8 em blank beside it). A group at least 1.5 times the type long, 0.5–1.6 times the type across, and
     * at most a third covered by a box, becomes a line of its own, fitted to its ink with an eighth
     * of the type of paper around.
     *
     * @param text     the text boxes found by the network
     * @param graphics photos and rules (a rule's box may frame the page: only photos count as covered)
     * @param bin      the bilevel page
     * @param cc       the connected components of {@code bin}
     * @param type     body type size, page px
     * @return {@code text} and the lines added
     */
    static List<TextRegion> withMissedLines(List<TextRegion> text, List<TextRegion> graphics, BinaryImage bin,
                                            PageSegmenter.Components cc, int type) {
        int s = bin.scale(), w = bin.width(), h = bin.height();
        if (type < 4 || text.isEmpty()) {
            return text;
        }
        long down = 0, across = 0;
        for (TextRegion r : text) {
            if (r.kind() == TextRegion.Kind.VERTICAL) {
                down += r.bbox().height();
            } else if (r.kind() == TextRegion.Kind.LINE) {
                across += r.bbox().width();
            }
        }
        boolean vertical = down > across;
        byte[] covered = new byte[w * h];
        List<TextRegion> all = new ArrayList<>(text);
        graphics.stream().filter(r -> r.kind() == TextRegion.Kind.IMAGE).forEach(all::add);
        for (TextRegion r : all) {
            Bbox b = r.bbox();
            for (int y = Math.max(0, b.y0() / s); y < Math.min(h, (b.y1() + s - 1) / s); y++) {
                java.util.Arrays.fill(covered, y * w + Math.max(0, b.x0() / s), y * w + Math.min(w, (b.x1() + s - 1) / s), (byte) 1);
            }
        }
        double t = (double) type / s;
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < cc.count; i++) {
            int cw = cc.x1[i] - cc.x0[i], ch = cc.y1[i] - cc.y0[i];
            int cx = (cc.x0[i] + cc.x1[i]) / 2, cy = (cc.y0[i] + cc.y1[i]) / 2;
            if (Math.max(cw, ch) >= 0.15 * t && Math.max(cw, ch) <= 1.6 * t && covered[cy * w + cx] == 0) {
                free.add(i);
            }
        }
        // along: the line's direction; band: across it; by band centre, so that only
        // neighbouring bands are compared
        free.sort(java.util.Comparator.comparingInt(i -> vertical ? cc.x0[i] + cc.x1[i] : cc.y0[i] + cc.y1[i]));
        int n = free.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int a = free.get(i);
            for (int j = i + 1; j < n; j++) {
                int b = free.get(j);
                if ((vertical ? cc.x0[b] + cc.x1[b] - cc.x0[a] - cc.x1[a] : cc.y0[b] + cc.y1[b] - cc.y0[a] - cc.y1[a]) > 4 * t) {
                    break;
                }
                int a0 = vertical ? cc.x0[a] : cc.y0[a], a1 = vertical ? cc.x1[a] : cc.y1[a];
                int b0 = vertical ? cc.x0[b] : cc.y0[b], b1 = vertical ? cc.x1[b] : cc.y1[b];
                double spare = 0.2 * t;
                boolean band = a1 - a0 <= b1 - b0
                        ? (a0 + a1) / 2.0 >= b0 - spare && (a0 + a1) / 2.0 <= b1 + spare
                        : (b0 + b1) / 2.0 >= a0 - spare && (b0 + b1) / 2.0 <= a1 + spare;
                if (!band) {
                    continue;
                }
                int p0 = vertical ? cc.y0[a] : cc.x0[a], p1 = vertical ? cc.y1[a] : cc.x1[a];
                int q0 = vertical ? cc.y0[b] : cc.x0[b], q1 = vertical ? cc.y1[b] : cc.x1[b];
                if (Math.max(p0, q0) - Math.min(p1, q1) < t) {
                    parent[PageSegmenter.Components.find(parent, i)] = PageSegmenter.Components.find(parent, j);
                }
            }
        }
        java.util.Map<Integer, int[]> groups = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            int c = free.get(i);
            int[] g = groups.computeIfAbsent(PageSegmenter.Components.find(parent, i), k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1});
            g[0] = Math.min(g[0], cc.x0[c]);
            g[1] = Math.min(g[1], cc.y0[c]);
            g[2] = Math.max(g[2], cc.x1[c]);
            g[3] = Math.max(g[3], cc.y1[c]);
        }
        List<TextRegion> out = new ArrayList<>(text);
        int pad = Math.max(1, type / 8);
        for (int[] g : groups.values()) {
            double along = vertical ? g[3] - g[1] : g[2] - g[0], band = vertical ? g[2] - g[0] : g[3] - g[1];
            if (along < 1.5 * t || band < 0.5 * t || band > 1.6 * t) {
                continue;
            }
            long inside = 0;
            for (int y = g[1]; y < g[3]; y++) {
                for (int x = g[0]; x < g[2]; x++) {
                    inside += covered[y * w + x];
                }
            }
            if (inside * 3 > (long) (g[2] - g[0]) * (g[3] - g[1])) {
                continue;
            }
            Bbox b = new Bbox(Math.max(0, g[0] * s - pad), Math.max(0, g[1] * s - pad),
                    Math.min(w * s, g[2] * s + pad), Math.min(h * s, g[3] * s + pad));
            out.add(new TextRegion(b, vertical ? TextRegion.Kind.VERTICAL : TextRegion.Kind.LINE, (int) Math.round(band * s)));
        }
        return out;
    }

    /**
     * Joins the pieces of one column, before the cut at blanks running across columns ({@link
     * #splitAtGutters} on the page turned about its diagonal) parts tiers of columns again: the
     * network often ends a vertical box at the blank a punctuation mark leaves in its cell (、，。
     * take a corner of it) and starts another below, or gives two overlapping boxes for one
     * column; read as they are, the pieces repeat the characters they share and fall out of order.
     * Two vertical lines join when they share the column (across, overlapping by at least 60 % of
     * the narrower), lie less than 0.6 of the type apart along it (or overlap), and no horizontal
     * rule runs between them. Wider blanks are left to the cut: on a 1939 microfilm page, joining
     * up to 1.5 times the type joined columns of stacked articles (the share of the truth's
     * characters found fell from 0.768 to 0.736, the articles' CER rose from 0.80 to 0.91).
     *
     * @param lines  vertical lines (others are passed through)
     * @param hRules horizontal rules of the page
     * @param type   body type size, page px
     * @return the lines with the pieces of each column joined
     */
    static List<TextRegion> joinColumnPieces(List<TextRegion> lines, List<Bbox> hRules, int type) {
        List<TextRegion> out = new ArrayList<>(lines);
        boolean joined = true;
        while (joined) {
            joined = false;
            outer:
            for (int i = 0; i < out.size(); i++) {
                TextRegion a = out.get(i);
                if (a.kind() != TextRegion.Kind.VERTICAL) {
                    continue;
                }
                for (int j = 0; j < out.size(); j++) {
                    TextRegion b = out.get(j);
                    if (j == i || b.kind() != TextRegion.Kind.VERTICAL || b.bbox().y0() < a.bbox().y0()) {
                        continue;
                    }
                    Bbox p = a.bbox(), q = b.bbox();
                    int across = Math.min(p.x1(), q.x1()) - Math.max(p.x0(), q.x0());
                    int gap = q.y0() - p.y1();
                    if (across < 0.6 * Math.min(p.width(), q.width()) || gap >= 0.6 * type) {
                        continue;
                    }
                    if (ruleBetween(hRules, p.y1(), q.y0(), Math.min(p.x0(), q.x0()), Math.max(p.x1(), q.x1()))) {
                        continue;
                    }
                    TextRegion m = new TextRegion(Bbox.union(List.of(p, q)), TextRegion.Kind.VERTICAL,
                            Math.max(a.textHeight(), b.textHeight()));
                    out.set(i, m);
                    out.remove(j);
                    joined = true;
                    break outer;
                }
            }
        }
        return out;
    }

    /**
     * Carries a vertical line of display type (a vertical headline: at least 1.5 times the body
     * type across) down its column over the characters the network gave other boxes: where such a
     * headline runs beside a column of body text across a narrow blank, the network joins its lower
     * characters to the body lines at their height, and the gutter split leaves them as pieces of
     * one or two characters. Below the line, the connected components inside its column (within a
     * third of its width of either side, none running further out), grouped into characters at
     * the blanks between them, are taken while each character holds a component of display size
     * (half the line's width, and 1.3 body heights) and the blank between them is under 0.8 of the
     * line's width, and not across a horizontal rule; the line is extended to the last of them, and
     * the boxes lying mostly inside the extension are dropped.
     *
     * @param lines  text regions, page px
     * @param bin    the bilevel page
     * @param cc     its connected components
     * @param hRules horizontal rules, page px
     * @param body   body type height, page px
     * @return the regions, vertical headlines extended
     */
    static List<TextRegion> extendDisplayColumns(List<TextRegion> lines, BinaryImage bin,
            PageSegmenter.Components cc, List<Bbox> hRules, int body) {
        List<TextRegion> out = new ArrayList<>(lines);
        int s = bin.scale();
        for (int i = 0; i < out.size(); i++) {
            TextRegion v = out.get(i);
            Bbox b = v.bbox();
            if (v.kind() != TextRegion.Kind.VERTICAL || b.width() < 1.5 * body || b.height() < 2 * b.width()) {
                continue;
            }
            int w = b.width(), slack = w / 3;
            int lo = b.x0() - slack, hi = b.x1() + slack;
            // components below the line that reach into its column, top first
            List<int[]> below = new ArrayList<>();
            for (int c = 0; c < cc.count; c++) {
                int x0 = cc.x0[c] * s, x1 = cc.x1[c] * s, y0 = cc.y0[c] * s, y1 = cc.y1[c] * s;
                if (y1 > b.y1() && x1 > b.x0() && x0 < b.x1()) {
                    below.add(new int[] {x0, y0, x1, y1});
                }
            }
            below.sort((p, q) -> Integer.compare(p[1], q[1]));
            // characters: runs of components between blanks; a run holding no component of display
            // size (body type, e.g. the lines of an article set under the headline) ends the column
            double display = Math.max(0.5 * w, 1.3 * body);
            int end = b.y1(), runTop = -1, runBottom = -1, runLargest = 0;
            for (int[] c : below) {
                if (runTop >= 0 && c[1] > runBottom + 0.1 * w) {
                    if (runLargest < display) {
                        runTop = -1;
                        break;
                    }
                    end = runBottom;
                    runTop = -1;
                }
                if (runTop < 0 && c[1] >= end + 0.8 * w || c[0] < lo || c[2] > hi || c[3] - c[1] > 1.5 * w
                        || ruleBetween(hRules, end, c[1], b.x0(), b.x1())) {
                    break;
                }
                if (runTop < 0) {
                    runTop = c[1];
                    runBottom = c[3];
                    runLargest = 0;
                }
                runBottom = Math.max(runBottom, c[3]);
                runLargest = Math.max(runLargest, Math.max(c[2] - c[0], c[3] - c[1]));
            }
            if (runTop >= 0 && runLargest >= display) {
                end = runBottom;
            }
            if (end - b.y1() < w / 2) {
                continue;
            }
            Bbox grown = new Bbox(b.x0(), b.y0(), b.x1(), end);
            Bbox added = new Bbox(lo, b.y1(), hi, end);
            List<TextRegion> kept = new ArrayList<>();
            int at = i;
            for (int j = 0; j < out.size(); j++) {
                TextRegion r = out.get(j);
                if (j == i) {
                    at = kept.size();
                    kept.add(new TextRegion(grown, v.kind(), v.textHeight()));
                } else if (overlapShare(r.bbox(), added) < 0.6) {
                    kept.add(r);
                }
            }
            out = kept;
            i = at;
        }
        return out;
    }

    /**
     * @return whether a horizontal rule runs between rows {@code ya} and {@code yb} (either order,
     *         page px) across the span {@code [x0, x1)}
     */
    private static boolean ruleBetween(List<Bbox> hRules, int ya, int yb, int x0, int x1) {
        int lo = Math.min(ya, yb), hi = Math.max(ya, yb);
        return hRules.stream().anyMatch(r -> r.y1() >= lo && r.y0() <= hi && r.x0() < x1 && r.x1() > x0);
    }

    /** @return the share of {@code a}'s area inside {@code b} */
    private static double overlapShare(Bbox a, Bbox b) {
        long ix = Math.max(0, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0()));
        long iy = Math.max(0, Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()));
        return (double) (ix * iy) / Math.max(1L, (long) a.width() * a.height());
    }

    /**
     * Fits a box to the ink of its line: the unclipped box follows the probability map, which is
     * about as high as the characters and may cut off a stroke or the end of a line; the recogniser
     * is given the box cut from the page, so a stroke cut off is lost. The box becomes the ink inside
     * it grown by an eighth of its short side across the line (lines set solid, without a blank
     * between them, would otherwise lend it their strokes) and a third along it (a clipped last
     * character; less than a narrow gutter), with an eighth of the short side of paper around the
     * ink, within the grown box.
     */
    static TextRegion fitToInk(TextRegion r, BinaryImage bin) {
        Bbox b = r.bbox();
        int s = bin.scale();
        int shortSide = Math.min(b.width(), b.height());
        boolean down = r.kind() == TextRegion.Kind.VERTICAL;
        int along = Math.max(1, shortSide / 3), across = Math.max(1, shortSide / 8);
        int gx = down ? across : along, gy = down ? along : across;
        int x0 = Math.max(0, (b.x0() - gx) / s), y0 = Math.max(0, (b.y0() - gy) / s);
        int x1 = Math.min(bin.width(), (b.x1() + gx + s - 1) / s), y1 = Math.min(bin.height(), (b.y1() + gy + s - 1) / s);
        int ix0 = Integer.MAX_VALUE, iy0 = Integer.MAX_VALUE, ix1 = -1, iy1 = -1;
        for (int y = y0; y < y1; y++) {
            int row = y * bin.width();
            for (int x = x0; x < x1; x++) {
                if (bin.ink()[row + x] != 0) {
                    ix0 = Math.min(ix0, x);
                    ix1 = Math.max(ix1, x);
                    iy0 = Math.min(iy0, y);
                    iy1 = Math.max(iy1, y);
                }
            }
        }
        if (ix1 < 0) {
            return r;
        }
        int pad = Math.max(1, shortSide / 8);
        Bbox fit = new Bbox(Math.max(0, Math.max((x0 * s), ix0 * s - pad)), Math.max(0, Math.max(y0 * s, iy0 * s - pad)),
                Math.min(x1 * s, (ix1 + 1) * s + pad), Math.min(y1 * s, (iy1 + 1) * s + pad));
        return new TextRegion(fit, r.kind(), r.textHeight());
    }

    /**
     * Fits a vertical line's box to its column: the unclipped box of a column set close to its
     * neighbours (a gutter of a quarter of the type) takes in strokes of both, which the
     * recogniser then reads as characters. Across the column, the box keeps the run of pixel
     * columns holding ink (more than a twelfth of the fullest pixel column's) that holds the most
     * ink, with a pixel column of paper around; the type size becomes the run's width.
     * Along it, as in {@link #fitToInk}, the box is grown by a third of its width and cut to the
     * ink in the run.
     *
     * @param r   a region; other than {@link TextRegion.Kind#VERTICAL} it is returned as it is
     * @param bin the bilevel page
     * @return the fitted region, or {@code r} when it holds no ink
     */
    static TextRegion fitColumn(TextRegion r, BinaryImage bin) {
        if (r.kind() != TextRegion.Kind.VERTICAL) {
            return r;
        }
        Bbox b = r.bbox();
        int s = bin.scale();
        int grow = Math.max(1, b.width() / 3);
        int x0 = Math.max(0, b.x0() / s), x1 = Math.min(bin.width(), (b.x1() + s - 1) / s);
        int y0 = Math.max(0, (b.y0() - grow) / s), y1 = Math.min(bin.height(), (b.y1() + grow + s - 1) / s);
        int by0 = Math.max(0, b.y0() / s), by1 = Math.min(bin.height(), (b.y1() + s - 1) / s);
        if (x1 - x0 < 3 || by1 <= by0) {
            return r;
        }
        int[] profile = new int[x1 - x0];
        int peak = 0;
        for (int x = x0; x < x1; x++) {
            int n = 0;
            for (int y = by0; y < by1; y++) {
                n += bin.ink()[y * bin.width() + x] != 0 ? 1 : 0;
            }
            profile[x - x0] = n;
            peak = Math.max(peak, n);
        }
        if (peak == 0) {
            return r;
        }
        int bestStart = -1, bestEnd = -1;
        long bestInk = -1;
        for (int i = 0; i < profile.length; ) {
            if (profile[i] * 12 <= peak) {
                i++;
                continue;
            }
            int start = i;
            long ink = 0;
            while (i < profile.length && profile[i] * 12 > peak) {
                ink += profile[i++];
            }
            if (ink > bestInk) {
                bestInk = ink;
                bestStart = start;
                bestEnd = i;
            }
        }
        int cx0 = Math.max(x0, x0 + bestStart - 1), cx1 = Math.min(x1, x0 + bestEnd + 1);
        int iy0 = -1, iy1 = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = cx0; x < cx1; x++) {
                if (bin.ink()[y * bin.width() + x] != 0) {
                    iy0 = iy0 < 0 ? y : iy0;
                    iy1 = y;
                    break;
                }
            }
        }
        if (iy0 < 0) {
            return r;
        }
        Bbox fit = new Bbox(cx0 * s, Math.max(0, (iy0 - 1) * s), cx1 * s, Math.min(bin.height() * s, (iy1 + 2) * s));
        return new TextRegion(fit, r.kind(), Math.max(2, (bestEnd - bestStart) * s));
    }

    /**
     * @return whether what the X-Y cut took for a photo is text: one detected box covers half of it
     *         (type so large that its strokes fill the area, such as a banner headline)
     */
    private static boolean textNotPhoto(Bbox photo, List<Box> boxes) {
        return boxes.stream().anyMatch(b -> overlapShare(photo, b.bbox()) >= 0.5);
    }

    private static boolean insidePhoto(Bbox b, List<Bbox> photos) {
        return photos.stream().anyMatch(p -> overlapShare(b, p) >= 0.5);
    }

    /**
     * Joins the pieces of one line of display type (a headline or kicker at least
     * {@value #DISPLAY} body heights high) that the network ended inside a character: two lines on
     * one row (overlapping by 0.6 of the lower one's height, heights within 1.3 of each other)
     * less than one line height apart, with ink in at least a fifth of the columns between them
     * within the lower line's rows: the strokes of the character neither holds (訓 read as 計).
     * Headlines of neighbouring articles stand apart across blank paper; lines of body type are
     * left alone (their blanks may be gutters).
     *
     * @param lines text regions, page px
     * @param bin   the bilevel page
     * @param body  body type height, page px
     * @return the regions, broken display lines joined
     */
    static List<TextRegion> joinBrokenDisplayLines(List<TextRegion> lines, BinaryImage bin, int body) {
        return PageSegmenter.joinOnRows(lines, DISPLAY * body, (p, q) -> q.x0() - p.x1() < Math.min(p.height(), q.height())
                && inkBetween(bin, p.x1(), q.x0(), Math.max(p.y0(), q.y0()), Math.min(p.y1(), q.y1())));
    }

    /** Least height of a line of display type, body heights. */
    static final double DISPLAY = 1.5;

    /** @return whether at least a fifth of the columns {@code [x0, x1)} hold ink in rows {@code [y0, y1)}, page px */
    private static boolean inkBetween(BinaryImage bin, int x0, int x1, int y0, int y1) {
        int s = bin.scale(), w = bin.width();
        int bx0 = Math.max(0, x0 / s), bx1 = Math.min(w, (x1 + s - 1) / s);
        int by0 = Math.max(0, y0 / s), by1 = Math.min(bin.height(), (y1 + s - 1) / s);
        if (bx1 <= bx0) {
            return true;
        }
        int inked = 0;
        for (int x = bx0; x < bx1; x++) {
            for (int y = by0; y < by1; y++) {
                if (bin.ink()[y * w + x] != 0) {
                    inked++;
                    break;
                }
            }
        }
        return inked >= 0.2 * (bx1 - bx0);
    }

    /**
     * Cuts horizontal lines at the page's column structure (vertical lines are cut at the tiers of
     * their page the same way, on the page mirrored about its diagonal): a vertical rule crossing the line, or
     * a gutter, a blank channel through the line (at least 0.4 of the line's height wide: more than the
     * space between characters of a type grid, whose blanks line up from line to line) that runs on
     * blank above and below the line for at least three line heights, with ink on both of its sides
     * within three line heights (text of the neighbouring columns). A blank inside a line without such a
     * channel (a paragraph indent, the space of a headline, a wide space after a date) is not cut.
     *
     * @param lines   the regions found
     * @param bin     the bilevel page
     * @param vRules  vertical rules, page px
     * @param body    body character height, page px
     * @param minGutter narrowest blank taken for a gutter, page px, beside the 0.4 of the line's height
     * @return the regions, joined lines cut apart
     */
    static List<TextRegion> splitAtGutters(List<TextRegion> lines, BinaryImage bin, List<Bbox> vRules, int body,
                                           double minGutter) {
        List<TextRegion> out = new ArrayList<>();
        int s = bin.scale();
        for (TextRegion r : lines) {
            Bbox b = r.bbox();
            if (r.kind() != TextRegion.Kind.LINE || b.width() < 4 * b.height()) {
                out.add(r);
                continue;
            }
            List<int[]> cuts = new ArrayList<>();
            for (Bbox v : vRules) {
                int cx = (v.x0() + v.x1()) / 2;
                int overlap = Math.min(v.y1(), b.y1()) - Math.max(v.y0(), b.y0());
                if (cx > b.x0() + b.height() && cx < b.x1() - b.height() && overlap >= 0.5 * b.height()) {
                    cuts.add(new int[] {v.x0(), v.x1()});
                }
            }
            cuts.addAll(gutters(b, bin, minGutter));
            if (cuts.isEmpty()) {
                out.add(r);
                continue;
            }
            cuts.sort((p, q) -> Integer.compare(p[0], q[0]));
            int x = b.x0();
            for (int[] c : cuts) {
                if (c[0] - x >= b.height() / 2) {
                    out.add(new TextRegion(new Bbox(x, b.y0(), c[0], b.y1()), r.kind(), r.textHeight()));
                }
                x = Math.max(x, c[1]);
            }
            if (b.x1() - x >= b.height() / 2) {
                out.add(new TextRegion(new Bbox(x, b.y0(), b.x1(), b.y1()), r.kind(), r.textHeight()));
            }
        }
        return out;
    }

    private static Bbox transpose(Bbox b) {
        return new Bbox(b.y0(), b.x0(), b.y1(), b.x1());
    }

    /** @return the regions mirrored about the page's diagonal, vertical lines as horizontal ones and back */
    private static List<TextRegion> transpose(List<TextRegion> regions) {
        return regions.stream().map(r -> new TextRegion(transpose(r.bbox()), switch (r.kind()) {
            case VERTICAL -> TextRegion.Kind.LINE;
            case LINE -> TextRegion.Kind.VERTICAL;
            default -> r.kind();
        }, r.textHeight())).toList();
    }

    /** @return the bilevel page mirrored about its diagonal */
    private static BinaryImage transpose(BinaryImage bin) {
        int w = bin.width(), h = bin.height();
        byte[] src = bin.ink(), dst = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dst[x * h + y] = src[y * w + x];
            }
        }
        return new BinaryImage(h, w, bin.scale(), dst, bin.contrast());
    }

    /** @return blank channels through a line box that are column gutters, page px {x0, x1} */
    private static List<int[]> gutters(Bbox b, BinaryImage bin, double minGutter) {
        int s = bin.scale();
        int w = bin.width();
        byte[] ink = bin.ink();
        int h = Math.max(1, b.height() / s);
        int x0 = Math.max(0, b.x0() / s), x1 = Math.min(w, (b.x1() + s - 1) / s);
        int ly0 = Math.max(0, b.y0() / s), ly1 = Math.min(bin.height(), (b.y1() + s - 1) / s);
        int reach = 6 * h;
        int n = x1 - x0;
        if (n < 4) {
            return List.of();
        }
        // per column: ink in the line; blank rows running on above and below it
        boolean[] channel = new boolean[n];
        for (int i = 0; i < n; i++) {
            int x = x0 + i;
            boolean blank = true;
            for (int y = ly0; y < ly1 && blank; y++) {
                blank = ink[y * w + x] == 0;
            }
            if (!blank) {
                continue;
            }
            int up = 0, down = 0;
            for (int y = ly0 - 1; y >= Math.max(0, ly0 - reach) && ink[y * w + x] == 0; y--) {
                up++;
            }
            for (int y = ly1; y < Math.min(bin.height(), ly1 + reach) && ink[y * w + x] == 0; y++) {
                down++;
            }
            channel[i] = up + down >= 3 * h;
        }
        // a gutter is wider than the blank between the characters of a grid of Han type (under a
        // tenth of their height); the line box is about the height of its characters
        int minWidth = Math.max(2, (int) Math.ceil(Math.max(0.4 * b.height(), minGutter) / s));
        int wy0 = Math.max(0, ly0 - 3 * h), wy1 = Math.min(bin.height(), ly1 + 3 * h);
        List<int[]> out = new ArrayList<>();
        for (int i = h; i < n - h; ) {
            if (!channel[i]) {
                i++;
                continue;
            }
            int e = i;
            while (e < n - h && channel[e]) {
                e++;
            }
            if (e - i >= minWidth && inkBeside(bin, x0, x0 + i, wy0, wy1, ly0, ly1)
                    && inkBeside(bin, x0 + e, x1, wy0, wy1, ly0, ly1)) {
                out.add(new int[] {(x0 + i) * s, (x0 + e) * s});
            }
            i = e;
        }
        return out;
    }

    /** @return whether there is ink in columns [x0, x1) of rows [y0, y1) outside the line's rows [ly0, ly1) */
    private static boolean inkBeside(BinaryImage bin, int x0, int x1, int y0, int y1, int ly0, int ly1) {
        for (int y = y0; y < y1; y++) {
            if (y >= ly0 && y < ly1) {
                continue;
            }
            int row = y * bin.width();
            for (int x = x0; x < x1; x++) {
                if (bin.ink()[row + x] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Orders text regions by a recursive X-Y cut of their boxes: where the boxes of several lines
     * fall into columns (a blank band across them), columns left to right (vertical text: right to
     * left); else rows top to bottom at the widest blank band; regions overlapping in both
     * directions by their top, then left.
     */
    static List<TextRegion> readingOrder(List<TextRegion> regions) {
        List<TextRegion> out = new ArrayList<>();
        order(new ArrayList<>(regions), out);
        return out;
    }

    private static void order(List<TextRegion> node, List<TextRegion> out) {
        if (node.size() <= 1) {
            out.addAll(node);
            return;
        }
        long vertical = node.stream().filter(r -> r.kind() == TextRegion.Kind.VERTICAL).count();
        boolean down = 2 * vertical > node.size();
        int[] gx = widestGap(node, true);
        int[] gy = widestGap(node, false);
        int y0 = node.stream().mapToInt(r -> r.bbox().y0()).min().orElse(0);
        int y1 = node.stream().mapToInt(r -> r.bbox().y1()).max().orElse(0);
        int[] hs = node.stream().mapToInt(r -> Math.min(r.bbox().width(), r.bbox().height())).sorted().toArray();
        int typical = Math.max(1, hs[hs.length / 2]);
        boolean multiLine = y1 - y0 >= 2.5 * typical;
        boolean byColumns = gx != null && (down ? gy == null : multiLine || gy == null);
        if (byColumns) {
            List<TextRegion> a = new ArrayList<>(), b = new ArrayList<>();
            for (TextRegion r : node) {
                (r.bbox().x1() <= gx[0] ? a : b).add(r);
            }
            order(down ? b : a, out);
            order(down ? a : b, out);
        } else if (gy != null) {
            List<TextRegion> a = new ArrayList<>(), b = new ArrayList<>();
            for (TextRegion r : node) {
                (r.bbox().y1() <= gy[0] ? a : b).add(r);
            }
            order(a, out);
            order(b, out);
        } else {
            List<TextRegion> sorted = new ArrayList<>(node);
            sorted.sort(down ? (p, q) -> Integer.compare(q.bbox().x1(), p.bbox().x1())
                    : (p, q) -> Integer.compare(p.bbox().y0() + p.bbox().y1(), q.bbox().y0() + q.bbox().y1()));
            out.addAll(sorted);
        }
    }

    /** @return {gap start, gap end} of the widest blank band across the regions, or null */
    private static int[] widestGap(List<TextRegion> node, boolean alongX) {
        int[][] iv = new int[node.size()][];
        for (int k = 0; k < node.size(); k++) {
            Bbox b = node.get(k).bbox();
            iv[k] = alongX ? new int[] {b.x0(), b.x1()} : new int[] {b.y0(), b.y1()};
        }
        Arrays.sort(iv, (p, q) -> Integer.compare(p[0], q[0]));
        int end = iv[0][1];
        int[] best = null;
        for (int k = 1; k < iv.length; k++) {
            if (iv[k][0] >= end && (best == null || iv[k][0] - end > best[1] - best[0])) {
                best = new int[] {end, iv[k][0]};
            }
            end = Math.max(end, iv[k][1]);
        }
        return best;
    }
}
