package org.inkstone.preprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;

/**
 * Finds which way up a page is and prepares it that way: a scan stored sideways (turned 90° or
 * 270°) or upside down (180°) is turned upright before it is cut into lines.
 *
 * <p>The decision is made by the recogniser itself. A page whose whole read, as it is, has a
 * mean line confidence of at least {@link #ACCEPT} and mostly horizontal lines stays as it is
 * ({@link #readsUpright}): the common case, at no cost beyond the read the page needs anyway.
 * Otherwise a few sample lines decide: the page as it is ({@link PagePreprocessor#prepare(GrayImage)}),
 * {@value #SAMPLES} lines of body type spread over the page are read, and when they read with a
 * mean confidence of at least {@link #ACCEPT} and the page is mostly horizontal lines, the page
 * stays as it is. Otherwise the page is also prepared turned by 90°,
 * 180° and 270° clockwise, the same number of sample lines read in each, and the turn whose
 * samples read best wins when it beats the page as it is by {@link #MARGIN} (the first turn that
 * reads at least {@link #ACCEPT} and beats it so ends the search). The turn is kept only when
 * the whole page read turned beats the whole page read as it is by {@link #MARGIN} too
 * ({@link #confirms}). Measured on page 1 of the sample issue (300 dpi): sample lines read the
 * right way up 0.85–0.91, sideways or upside down 0.03–0.31, for genuine vertical text and
 * horizontal text alike.
 *
 * <p>Line direction alone cannot decide: horizontal Chinese lines on a sideways page look like
 * columns of characters, exactly as genuine vertical text (竖排) does, and an upside-down page
 * has horizontal lines like an upright one. The confidence of the language model does decide:
 * a genuine vertical column read by the vertical model, and an upright horizontal line read by
 * the horizontal model, give high confidences, characters lying on their side or standing on
 * their head low ones. A page that is mostly vertical lines is therefore always tried in all
 * four ways.
 */
public final class PageOrientation {

    /** Mean sample confidence at which a mostly horizontal page is taken as upright without trying other turns. */
    public static final double ACCEPT = 0.75;
    /** How much better, in mean sample confidence, a turned page must read than the page as it is. */
    public static final double MARGIN = 0.15;
    /** Sample lines read per orientation. */
    public static final int SAMPLES = 3;

    /**
     * Reads sample regions of a prepared page.
     *
     * @param <E> what the reader may throw
     */
    @FunctionalInterface
    public interface Reader<E extends Exception> {
        /**
         * @param page    a prepared page
         * @param regions some of its text regions, boxes in px of {@code page.image()}
         * @return what the recogniser reads in them, with line confidences in [0, 1]
         * @throws E if the recogniser fails
         */
        OcrPage read(PreparedPage page, List<TextRegion> regions) throws E;
    }

    /**
     * A page prepared the right way up.
     *
     * @param page        the prepared page, its image turned by {@code turnDegrees} from the input
     * @param turnDegrees quarter turn applied to the input page, clockwise: 0, 90, 180 or 270
     * @param confidence  mean confidence of the sample lines in that orientation, [0, 1]; -1 when
     *                    the page has no text lines to sample
     */
    public record Oriented(PreparedPage page, int turnDegrees, double confidence) {
    }

    private final PagePreprocessor preprocessor;

    /** @param preprocessor prepares the page in each orientation */
    public PageOrientation(PagePreprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    /**
     * Prepares a page the right way up.
     *
     * @param <E>    what the reader may throw
     * @param gray   8-bit gray page as taken from the PDF, px at scan resolution (not modified)
     * @param reader reads sample lines (the worker's orientation judge, {@code LineRecognizer#orientationJudge},
     *               with the settings of the full read)
     * @return the prepared page, turned when another orientation reads clearly better
     * @throws E if the reader fails
     */
    public <E extends Exception> Oriented prepare(GrayImage gray, Reader<E> reader) throws E {
        return orient(gray, preprocessor.prepare(gray), reader);
    }

    /**
     * Whether the whole read of a page prepared as it is shows it the right way up, so no other
     * orientation need be tried: its lines are mostly horizontal and their mean confidence is at
     * least {@link #ACCEPT}. Deciding from the read the page needs anyway costs an upright page
     * nothing; a page that reads worse goes to {@link #orient}.
     *
     * @param page the page prepared as it is
     * @param read what the recogniser read on it, line confidences in [0, 1]
     * @return whether the page is upright beyond doubt
     */
    public static boolean readsUpright(PreparedPage page, OcrPage read) {
        return !read.lines().isEmpty() && read.confidence() >= ACCEPT && !mostlyVertical(page);
    }

    /**
     * Whether the whole read of a page turned as {@link #orient} proposed bears the turn out: its
     * mean line confidence beats the whole read of the page as it is by {@link #MARGIN}. Sample
     * lines of a poor scan can mislead (measured on a real 1939 page: samples favoured a quarter
     * turn, the whole page read 0.15 turned against 0.21 as it is); the whole read decides.
     *
     * @param asIs   the whole read of the page as it is
     * @param turned the whole read of the page turned
     * @return whether the turned page reads clearly better
     */
    public static boolean confirms(OcrPage asIs, OcrPage turned) {
        return !turned.lines().isEmpty() && turned.confidence() >= asIs.confidence() + MARGIN;
    }

    /**
     * Finds the orientation of a page prepared as it is, reading sample lines each way up (see
     * the class comment).
     *
     * @param <E>    what the reader may throw
     * @param gray   8-bit gray page as taken from the PDF, px at scan resolution (not modified)
     * @param asIs   {@code gray} prepared as it is
     * @param reader reads sample lines (the worker's orientation judge, {@code LineRecognizer#orientationJudge},
     *               with the settings of the full read)
     * @return {@code asIs}, or the page prepared turned when that reads clearly better
     * @throws E if the reader fails
     */
    public <E extends Exception> Oriented orient(GrayImage gray, PreparedPage asIs, Reader<E> reader) throws E {
        PreparedPage upright = asIs;
        List<TextRegion> sample = sample(upright);
        if (sample.isEmpty()) {
            return new Oriented(upright, 0, -1);
        }
        double c0 = score(reader.read(upright, sample), sample.size());
        if (c0 >= ACCEPT && !mostlyVertical(upright)) {
            return new Oriented(upright, 0, c0);
        }
        Oriented best = new Oriented(upright, 0, c0);
        for (int turn : new int[] {90, 180, 270}) {
            PreparedPage p = preprocessor.prepare(turn(gray, turn));
            List<TextRegion> s = sample(p);
            if (s.isEmpty()) {
                continue;
            }
            double c = score(reader.read(p, s), s.size());
            if (c > best.confidence()) {
                best = new Oriented(p, turn, c);
                if (c >= ACCEPT && c >= c0 + MARGIN) {
                    break;
                }
            }
        }
        return best.turnDegrees() != 0 && best.confidence() >= c0 + MARGIN ? best : new Oriented(upright, 0, c0);
    }

    /**
     * The sample lines of a page: up to {@value #SAMPLES} text lines (horizontal or vertical) of
     * body type (character height within 0.7–1.4 of the page's body height) of 6 to 25 characters
     * (a line's reading time grows with its length), spread evenly over the page's reading order;
     * when the page has fewer, its longest text lines of at least 2 characters.
     *
     * @param page a prepared page
     * @return the sample, in reading order
     */
    static List<TextRegion> sample(PreparedPage page) {
        List<TextRegion> text = page.regions().stream().filter(PageOrientation::isLine).toList();
        List<TextRegion> body = text.stream().filter(r -> chars(r) >= 6 && chars(r) <= 25
                && r.textHeight() >= 0.7 * page.bodyHeight()
                && r.textHeight() <= 1.4 * page.bodyHeight()).toList();
        if (body.size() < SAMPLES) {
            body = text.stream().filter(r -> chars(r) >= 2).sorted(Comparator.comparingDouble(r -> -chars(r)))
                    .limit(SAMPLES).toList();
        }
        if (body.size() <= SAMPLES) {
            return body;
        }
        List<TextRegion> out = new ArrayList<>(SAMPLES);
        for (int k = 0; k < SAMPLES; k++) {
            out.add(body.get((int) ((k + 0.5) * body.size() / SAMPLES)));
        }
        return out;
    }

    private static boolean isLine(TextRegion r) {
        return (r.kind() == TextRegion.Kind.LINE || r.kind() == TextRegion.Kind.VERTICAL) && r.textHeight() > 0;
    }

    /** @return about how many characters a line holds: its length along the text over its character height */
    private static double chars(TextRegion r) {
        int along = r.kind() == TextRegion.Kind.VERTICAL ? r.bbox().height() : r.bbox().width();
        return (double) along / Math.max(1, r.textHeight());
    }

    /** @return whether the page's vertical lines hold more characters than its horizontal ones */
    static boolean mostlyVertical(PreparedPage page) {
        double v = 0, h = 0;
        for (TextRegion r : page.regions()) {
            if (isLine(r)) {
                if (r.kind() == TextRegion.Kind.VERTICAL) {
                    v += chars(r);
                } else {
                    h += chars(r);
                }
            }
        }
        return v > h;
    }

    /** @return the sum of the read lines' confidences over the number of sample regions (or lines, if more), [0, 1] */
    private static double score(OcrPage read, int regions) {
        List<OcrLine> lines = read.lines();
        double sum = lines.stream().mapToDouble(OcrLine::confidence).sum();
        return sum / Math.max(regions, lines.size());
    }

    /**
     * Turns a gray image clockwise by quarter turns, pixel for pixel: pixel {@code (x, y)} of a
     * {@code w × h} image goes to {@code (h - 1 - y, x)} for 90°, {@code (w - 1 - x, h - 1 - y)}
     * for 180° and {@code (y, w - 1 - x)} for 270°.
     *
     * @param image   a gray image
     * @param degrees 0, 90, 180 or 270, clockwise
     * @return {@code image} itself for 0, else the turned copy
     * @throws IllegalArgumentException if {@code degrees} is not a quarter turn in [0, 360)
     */
    public static GrayImage turn(GrayImage image, int degrees) {
        if (degrees == 0) {
            return image;
        }
        int w = image.width(), h = image.height();
        byte[] src = image.pixels(), out = new byte[src.length];
        switch (degrees) {
            case 90 -> {
                for (int y = 0, i = 0; y < h; y++) {
                    for (int x = 0; x < w; x++, i++) {
                        out[x * h + (h - 1 - y)] = src[i];
                    }
                }
                return new GrayImage(h, w, out);
            }
            case 180 -> {
                for (int i = 0, n = src.length; i < n; i++) {
                    out[n - 1 - i] = src[i];
                }
                return new GrayImage(w, h, out);
            }
            case 270 -> {
                for (int y = 0, i = 0; y < h; y++) {
                    for (int x = 0; x < w; x++, i++) {
                        out[(w - 1 - x) * h + y] = src[i];
                    }
                }
                return new GrayImage(h, w, out);
            }
            default -> throw new IllegalArgumentException("not a quarter turn: " + degrees);
        }
    }
}
