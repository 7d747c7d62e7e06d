package org.inkstone.batch;

import org.inkstone.model.OcrPage;
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
 */
public record PageResult(PageTask task, OcrPage ocr, boolean nativeScan, long millis, String error,
                         PageQuality quality, FailureKind errorKind) {

    /**
     * @param task       the page
     * @param nativeScan whether the page image was the PDF's embedded scan
     * @param millis     time spent on the page, ms
     * @param error      why the page failed
     * @param kind       whether the page or the machine was at fault
     * @return the result of a page that could not be read
     */
    public static PageResult failed(PageTask task, boolean nativeScan, long millis, String error, FailureKind kind) {
        return new PageResult(task, null, nativeScan, millis, error, null, kind);
    }

    /** @return whether the page was read */
    public boolean ok() {
        return error == null;
    }
}
