package org.inkstone.model;

import java.util.List;
import java.util.function.UnaryOperator;

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

    /**
     * @param map how a box moves, e.g. from a cut-out or a straightened page onto the scan
     * @return the same block with its own, its lines' and its words' boxes mapped
     */
    public OcrBlock withBoxes(UnaryOperator<Bbox> map) {
        return new OcrBlock(map.apply(bbox), lines.stream().map(l -> new OcrLine(l.text(), map.apply(l.bbox()),
                l.confidence(), l.words().stream().map(w -> new OcrWord(w.text(), map.apply(w.bbox()), w.confidence()))
                .toList())).toList());
    }
}
