package org.inkstone.ocr;

import java.util.List;
import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.TextRegion;

/**
 * Recognises the text of one page image. Implementations are not thread-safe: use one
 * engine per worker thread (see {@link OcrEnginePool}).
 */
public interface OcrEngine extends AutoCloseable {

    /**
     * Recognises a page.
     *
     * @param page 8-bit grayscale page image at scan resolution
     * @param dpi  scan resolution of {@code page}, dots per inch
     * @return blocks, lines and words with boxes in pixels of {@code page}
     * @throws OcrException if the engine fails on this page
     */
    OcrPage recognize(GrayImage page, int dpi) throws OcrException;

    /**
     * Recognises regions of a page one by one (see {@link org.inkstone.preprocess.PageSegmenter}).
     *
     * @param page       8-bit grayscale page image at scan resolution
     * @param dpi        scan resolution of {@code page}, dots per inch
     * @param regions    regions of {@code page} in reading order; images and rules are skipped
     * @param textHeight largest character height the recogniser is given, px (taller type is scaled
     *                   down to it); 0 reads everything as scanned
     * @param widthScale horizontal scale of lines on top of that, 0 &lt; widthScale ≤ 1
     * @return one block per region that gave text, boxes in pixels of {@code page}
     * @throws OcrException if the engine fails on this page
     */
    OcrPage recognize(GrayImage page, int dpi, List<TextRegion> regions, int textHeight,
                      double widthScale) throws OcrException;

    /** Releases the engine's native resources; the engine is unusable afterwards. */
    @Override
    void close();
}
