package org.inkstone.batch;

import org.inkstone.model.OcrPage;
import java.util.List;
import org.inkstone.model.PageGraphic;
import org.inkstone.model.Provenance;
import org.inkstone.ocr.PageQuality;
import org.inkstone.store.FailureKind;
import org.inkstone.store.PageTask;

/**
 * What the OCR step made of one page: its text, or the reason it could not be read.
 *
 * @param task       the page
 * @param ocr        the OCR result, null when the page failed
 * @param nativeScan whether the page image was the PDF's embedded scan
 * @param millis     time spent on the page, ms
 * @param error      why the page failed, null when it succeeded
 * @param quality    estimated quality of the page, null when it failed
 * @param errorKind  whether the page or the machine was at fault, null when it succeeded
 * @param provenance how the page's lines were found and read, null when it failed
 * @param graphics   photos and rules found on the page, boxes on the page as read (empty when failed)
 * @param rotationDeg quarter turn from the page's stored image to the page as read, clockwise: 0,
 *                    90, 180 or 270 (the PDF's {@code /Rotate} plus the turn the page was found to need)
 */
public record PageResult(PageTask task, OcrPage ocr, boolean nativeScan, long millis, String error,
                         PageQuality quality, FailureKind errorKind, int rotationDeg,
                         Provenance provenance, List<PageGraphic> graphics) {

    /**
     * @param task       the page
     * @param nativeScan whether the page image was the PDF's embedded scan
     * @param millis     time spent on the page, ms
     * @param error      why the page failed
     * @param kind       whether the page or the machine was at fault
     * @return the result of a page that could not be read
     */
    public static PageResult failed(PageTask task, boolean nativeScan, long millis, String error, FailureKind kind) {
        return new PageResult(task, null, nativeScan, millis, error, null, kind, 0, null, List.of());
    }

    /** @return whether the page was read */
    public boolean ok() {
        return error == null;
    }
}
