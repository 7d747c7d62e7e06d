package org.inkstone.layout;

import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;

/**
 * The newspaper structure of one page.
 *
 * @param pageNo    page number counted from 1
 * @param lines     the page's lines in stored order (index = line sequence number on the page)
 * @param roles     role of each line, same indices as {@code lines}
 * @param modules   article modules (fragments) of the page, in reading order
 * @param bodyHeight median height of a horizontal body line, px (on a page of vertical lines only,
 *                   the median width of a vertical line)
 */
public record PageLayout(int pageNo, List<OcrLine> lines, List<LineRole> roles, List<Module> modules,
                         double bodyHeight) {

    /**
     * One article fragment on the page: headline (if any), body text in reading order, and the
     * jump lines that tie it to other pages.
     *
     * @param headline   indices of the headline lines, top to bottom (empty for a continuation without one);
     *                   in vertical text (竖排) right to left
     * @param body       indices of the body lines in reading order: columns left to right, each top to bottom;
     *                   in vertical text blocks top to bottom, each right to left
     * @param paragraphs the body text joined into paragraphs (Chinese spacing rules applied)
     * @param jumpFrom   the jump line at the fragment's end ({@code 下转…}), or null
     * @param jumpTo     the continuation line at its head ({@code 上接…}), or null
     * @param bbox       box of headline, body and jump lines on the page image, px
     * @param certainty  how sure the analysis is that the module's pieces belong together, 0–1: 1 for
     *                   pieces under one title or continuation line (or a single piece), less for
     *                   pieces joined by weaker evidence ({@link Join})
     */
    public record Module(List<Integer> headline, List<Integer> body, List<String> paragraphs, JumpMarker jumpFrom,
                         JumpMarker jumpTo, Bbox bbox, double certainty) {

        /** A module whose pieces certainly belong together. */
        public Module(List<Integer> headline, List<Integer> body, List<String> paragraphs, JumpMarker jumpFrom,
                      JumpMarker jumpTo, Bbox bbox) {
            this(headline, body, paragraphs, jumpFrom, jumpTo, bbox, 1);
        }

        /** The same module with another box and headline. */
        Module withHeadline(List<Integer> newHeadline, Bbox newBox) {
            return new Module(newHeadline, body, paragraphs, jumpFrom, jumpTo, newBox, certainty);
        }
    }

    /**
     * How a piece of text (a column segment, a block of vertical lines) joined its module, and
     * how sure that makes the analysis, 0–1. A module is as sure as its weakest join.
     */
    public enum Join {
        /** Under the module's title, or opening with its continuation line. */
        TITLE(1.0),
        /** Under a byline or subhead of one or two lines that opens its column. */
        OPENER(0.9),
        /** Starting level with a column of the module beside it (a module's columns start together). */
        ALIGNED(0.8),
        /** Below a piece of the module in its column, or in the next tier of vertical text. */
        BELOW(0.7),
        /** Beside a column of the module that it overlaps in height, nothing better found. */
        BESIDE(0.5),
        /** Under a rule or frame, taken by the article at its left that ends in that column. */
        ACROSS_RULE(0.4);

        private final double certainty;

        Join(double certainty) {
            this.certainty = certainty;
        }

        /** @return how sure this join is, 0–1 */
        public double certainty() {
            return certainty;
        }
    }
}
