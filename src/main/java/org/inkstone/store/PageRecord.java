package org.inkstone.store;

import java.util.List;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.PageGraphic;
import org.inkstone.model.Provenance;

/**
 * A stored page with its text.
 *
 * @param id         database id
 * @param pageNo     page number counted from 1 in PDF order
 * @param status     {@code PENDING}, {@code DONE} or {@code FAILED}
 * @param error      why the page failed, or null
 * @param width      page image width, px (0 if not read)
 * @param height     page image height, px (0 if not read)
 * @param dpi        scan resolution, dpi (0 if not read)
 * @param confidence mean line confidence in [0, 1]
 * @param blocks     text blocks in reading order with their lines and words
 * @param rotationDeg quarter turn from the PDF's stored page image to the page as read and as
 *                    {@code width}, {@code height} and every box are given, clockwise: 0, 90, 180
 *                    or 270 (the page's {@code /Rotate} plus any turn found on the scan)
 * @param provenance how its lines were found and read, null when it was not read or was stored
 *                   before this was recorded
 * @param graphics   photos and rules found on the page, boxes in page px (empty when none were
 *                   found or recorded)
 */
public record PageRecord(long id, int pageNo, String status, String error, int width, int height, int dpi,
                         double confidence, List<OcrBlock> blocks, int rotationDeg, Provenance provenance,
                         List<PageGraphic> graphics) {

    /** @return every line of the page in reading order (its sequence number on the page is its index) */
    public List<OcrLine> lines() {
        return blocks.stream().flatMap(b -> b.lines().stream()).toList();
    }
}
