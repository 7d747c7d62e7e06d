package org.inkstone.preprocess;

/**
 * Chooses the line detector page by page from what the X-Y cut ({@link PageSegmenter}) makes of
 * the page: the X-Y cut's lines are kept where it separates the page into lines of horizontal
 * type; the learned detector ({@link DbDetector}) reads the page when
 * <ul>
 * <li>at least {@value #MAX_UNSEPARATED} of the ink of the page's text lies in regions the X-Y cut
 *     could not cut into single horizontal lines (blocks of several lines: lines touching,
 *     noise or dirt bridging them, text wrapped around text) or in vertical lines (竖排, where
 *     the X-Y cut's columns break at every wide character gap), or</li>
 * <li>the body characters are under {@value #MIN_BODY} px high (under 7 px on the X-Y cut's
 *     half-resolution bilevel page, where neighbouring characters and lines merge).</li>
 * </ul>
 * Measured on the synthetic 300 dpi corpus (12 pages: at most 0.2 % of the text ink unseparated,
 * body 36–40 px: all X-Y cut) against real scans (a 1939 microfilm tabloid, 99.8 % in blocks; a
 * 2025 broadsheet at 200 dpi whose large headlines and captions the X-Y cut leaves in blocks,
 * 35 %; a 2024 page with a vertical headline and text on a tinted panel, 13 %: all DB). The X-Y cut
 * runs once; the page it hands to DB reuses its photos, rules and type size.
 */
public final class AutoDetector implements LineDetector {

    /** Share of the text ink in blocks or vertical lines from which DB reads the page. */
    public static final double MAX_UNSEPARATED = 0.05;
    /** Body character height under which DB reads the page, px at scan resolution. */
    public static final int MIN_BODY = 14;

    private final DbDetector db;
    private final PageSegmenter segmenter = new PageSegmenter();

    /** @param db the learned detector used where the X-Y cut is not trusted */
    public AutoDetector(DbDetector db) {
        this.db = db;
    }

    @Override
    public Detection detect(GrayImage gray, BinaryImage bilevel) {
        PageSegmenter.Result xy = segmenter.segment(bilevel);
        if (useDb(features(xy, bilevel))) {
            Detection d = db.detect(gray, bilevel, xy);
            return new Detection(d.regions(), d.bodyHeight(), d.charAspect(), "auto:db");
        }
        return new Detection(xy.regions(), xy.bodyHeight(), xy.charAspect(), "auto:xy-cut");
    }

    /**
     * @param f what the X-Y cut made of a page
     * @return whether DB should find the page's lines
     */
    static boolean useDb(Features f) {
        return f.blockInk() + f.verticalInk() >= MAX_UNSEPARATED || f.body() < MIN_BODY;
    }

    /**
     * What the X-Y cut made of a page.
     *
     * @param body        body character height, px
     * @param regions     text regions found
     * @param lineInk     share of the text ink (ink not in photos or rules) in horizontal lines
     * @param blockInk    share in blocks of several lines
     * @param verticalInk share in vertical lines
     */
    record Features(int body, int regions, double lineInk, double blockInk, double verticalInk) {
    }

    /**
     * @param xy  the X-Y cut of a page
     * @param bin the bilevel page it was made from
     * @return how the page's ink falls into its regions
     */
    static Features features(PageSegmenter.Result xy, BinaryImage bin) {
        int s = bin.scale();
        int w = bin.width(), h = bin.height();
        byte[] mark = new byte[w * h];
        int n = 0;
        for (TextRegion r : xy.regions()) {
            byte m = switch (r.kind()) {
                case LINE -> 1;
                case VERTICAL -> 2;
                case BLOCK -> 3;
                default -> 4;
            };
            if (m < 4) {
                n++;
            }
            for (int y = r.bbox().y0() / s; y < Math.min(h, r.bbox().y1() / s); y++) {
                for (int x = r.bbox().x0() / s; x < Math.min(w, r.bbox().x1() / s); x++) {
                    if (mark[y * w + x] == 0 || m == 4) {
                        mark[y * w + x] = m;
                    }
                }
            }
        }
        long[] ink = new long[5];
        for (int i = 0; i < mark.length; i++) {
            if (bin.ink()[i] != 0) {
                ink[mark[i]]++;
            }
        }
        double text = Math.max(1, ink[0] + ink[1] + ink[2] + ink[3]);
        return new Features(xy.bodyHeight(), n, ink[1] / text, ink[3] / text, ink[2] / text);
    }

    @Override
    public String name() {
        return "auto";
    }
}
