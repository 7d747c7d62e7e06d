package org.inkstone.ocr;

/** The OCR engine could not be started or failed on a page. */
public class OcrException extends Exception {

    /** @param message what failed, for the operator */
    public OcrException(String message) {
        super(message);
    }

    /**
     * @param message what failed, for the operator
     * @param cause   the underlying failure
     */
    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
