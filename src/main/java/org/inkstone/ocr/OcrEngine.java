package org.inkstone.ocr;

import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.GrayImage;

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

    /** Releases the engine's native resources; the engine is unusable afterwards. */
    @Override
    void close();
}
