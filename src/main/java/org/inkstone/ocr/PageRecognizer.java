package org.inkstone.ocr;

import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.GrayImage;

/**
 * A recogniser that can also find and read the lines of a whole page with its own layout
 * analysis ({@code inkstone.ocr.segmentation=page}, kept for comparison with Inkstone's own
 * line detection).
 */
public interface PageRecognizer {

    /**
     * @param page 8-bit gray page image at scan resolution
     * @param dpi  its resolution, dots per inch
     * @return blocks, lines and words with boxes in px of {@code page}
     * @throws OcrException if the recogniser fails on this page
     */
    OcrPage readPage(GrayImage page, int dpi) throws OcrException;
}
