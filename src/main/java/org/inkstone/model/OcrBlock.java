package org.inkstone.model;

import java.util.List;

/**
 * A text block as segmented by the OCR engine: lines in reading order.
 *
 * @param bbox  box on the page image, px
 * @param lines lines of the block, top to bottom
 */
public record OcrBlock(Bbox bbox, List<OcrLine> lines) {

    /** @return mean line confidence in [0, 1], 0 for a block without lines */
    public double confidence() {
        return lines.stream().mapToDouble(OcrLine::confidence).average().orElse(0);
    }
}
