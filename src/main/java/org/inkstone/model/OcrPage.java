package org.inkstone.model;

import java.util.List;

/**
 * The OCR result of one page image.
 *
 * @param width  page image width, px at scan resolution
 * @param height page image height, px at scan resolution
 * @param dpi    scan resolution, dots per inch
 * @param blocks text blocks in reading order
 */
public record OcrPage(int width, int height, int dpi, List<OcrBlock> blocks) {

    /** @return every line of the page in reading order */
    public List<OcrLine> lines() {
        return blocks.stream().flatMap(b -> b.lines().stream()).toList();
    }

    /** @return mean line confidence in [0, 1], 0 for a page without text */
    public double confidence() {
        return lines().stream().mapToDouble(OcrLine::confidence).average().orElse(0);
    }
}
