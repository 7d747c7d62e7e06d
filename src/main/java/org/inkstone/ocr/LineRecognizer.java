package org.inkstone.ocr;

import java.util.List;
import org.inkstone.model.OcrBlock;

/**
 * A recogniser: reads one prepared line image ({@link PreparedLine}, made by {@link LineReader})
 * and says who it is ({@link RecognizerInfo}). It cuts nothing out of a page, scales nothing and
 * maps no box back: that is {@link LineReader}'s, the same for every recogniser. Implementations
 * are not thread-safe: use one per worker thread ({@link RecognizerPool}).
 */
public interface LineRecognizer extends AutoCloseable {

    /**
     * Reads a prepared line.
     *
     * @param line the line image and its layout
     * @param dpi  scan resolution of the page the line comes from, dots per inch
     * @return the blocks, lines and words read, boxes in px of {@code line.image()}, confidences in
     *         [0, 1]; empty when nothing was read or the recogniser cannot read lines of that layout
     *         (e.g. no model for vertical text)
     * @throws OcrException if the recogniser fails on this line
     */
    List<OcrBlock> read(PreparedLine line, int dpi) throws OcrException;

    /** @return name, version, model and the settings this recogniser reads lines with */
    RecognizerInfo info();

    /**
     * The recogniser whose confidence tells which way up a page is ({@link
     * org.inkstone.preprocess.PageOrientation}): one whose confidence drops on characters lying on
     * their side or standing on their head. This one by default.
     *
     * @return the recogniser to judge a page's orientation with
     */
    default LineRecognizer orientationJudge() {
        return this;
    }

    /**
     * Releases what the last page's lines left in the recogniser (images, results); called by
     * {@link LineReader} after each page. Does nothing by default.
     */
    default void finishPage() {
    }

    /** Releases the recogniser's native resources; it is unusable afterwards. */
    @Override
    void close();
}
