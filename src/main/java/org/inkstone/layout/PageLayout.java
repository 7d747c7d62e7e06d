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
     */
    public record Module(List<Integer> headline, List<Integer> body, List<String> paragraphs, JumpMarker jumpFrom,
                         JumpMarker jumpTo, Bbox bbox) {
    }
}
