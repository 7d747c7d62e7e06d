package org.inkstone.layout;

import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;

/**
 * The parts of an article's title (标题): the kicker (引题) set above the main headline (主题) in
 * smaller type, the main headline in the title's largest type, and the subtitle (副题) below it in
 * smaller type. In vertical text (竖排) "above" is to the right. A title set in one type size is
 * all main headline.
 *
 * @param kicker   indices of the kicker's lines, in reading order; empty when there is none
 * @param headline indices of the main headline's lines, in reading order
 * @param subtitle indices of the subtitle's lines, in reading order; empty when there is none
 */
public record TitleParts(List<Integer> kicker, List<Integer> headline, List<Integer> subtitle) {

    /** A line belongs to the main headline when its type is at least this share of the title's largest. */
    public static final double MAIN_SIZE = 0.8;

    /**
     * Splits a title by type size ({@link #size}): the lines from the first to the last in at
     * least {@link #MAIN_SIZE} of the largest type are the main headline.
     *
     * @param lines the page's lines
     * @param title indices of the title's lines in reading order (top to bottom; right to left in
     *              vertical text), as {@link PageLayout.Module#headline()}
     * @return the parts; all empty for an empty title
     */
    public static TitleParts of(List<OcrLine> lines, List<Integer> title) {
        if (title.isEmpty()) {
            return new TitleParts(List.of(), List.of(), List.of());
        }
        double largest = title.stream().mapToDouble(i -> size(lines.get(i))).max().orElse(0);
        int first = -1, last = -1;
        for (int k = 0; k < title.size(); k++) {
            if (size(lines.get(title.get(k))) >= MAIN_SIZE * largest) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        return new TitleParts(List.copyOf(title.subList(0, first)), List.copyOf(title.subList(first, last + 1)),
                List.copyOf(title.subList(last + 1, title.size())));
    }

    /**
     * Whether a title line is the run-over of the one before it, one string of words wrapped
     * at the end of the measure rather than a phrase of its own: the earlier line fills the
     * module's measure (reaches both its edges within a character: left and right, or top and
     * bottom in vertical text), the later one is no longer and follows it on the next row
     * (column to the left), in type of the same size (within {@link #MAIN_SIZE}), set flush or
     * centred. Such lines are read as one; shorter lines are phrases set apart, and a reader
     * sees a space between them.
     *
     * @param before the earlier line
     * @param after  the line read after it
     * @param module the box of the module the title heads, px
     * @return true when {@code after} continues {@code before} without a break
     */
    public static boolean wraps(OcrLine before, OcrLine after, Bbox module) {
        if (before.vertical() != after.vertical()) {
            return false;
        }
        double a = size(before), b = size(after);
        if (Math.min(a, b) < MAIN_SIZE * Math.max(a, b)) {
            return false;
        }
        Bbox p = before.bbox(), q = after.bbox();
        if (before.vertical()) {
            return q.x1() <= p.x0() + 0.5 * p.width() && q.height() <= p.height()
                    && p.y0() <= module.y0() + a && p.y1() >= module.y1() - a;
        }
        return q.y0() >= p.y1() - 0.5 * p.height() && q.width() <= p.width()
                && p.x0() <= module.x0() + a && p.x1() >= module.x1() - a;
    }

    /**
     * A line's type size, px: its length along the text per character (width of a horizontal
     * line, height of a vertical one), Latin letters and digits counting as half a character.
     * The height of a line's box varies with its ink (the short last line of a wrapped headline
     * holds a character or two), its pitch does not.
     */
    private static double size(OcrLine l) {
        double ems = l.text().codePoints().filter(c -> !Character.isWhitespace(c)).mapToDouble(c -> c < 0x2000 ? 0.5 : 1)
                .sum();
        return (l.vertical() ? l.bbox().height() : l.bbox().width()) / Math.max(0.5, ems);
    }
}
