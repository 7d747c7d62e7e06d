package org.inkstone.ocr;

/**
 * The recognisers Inkstone has, by the value of the job setting {@code inkstone.ocr.recognizer}.
 */
public enum RecognizerKind {

    /** Tesseract 5 through tess4j ({@link TesseractRecognizer}). */
    TESSERACT;

    /**
     * @param settings model folder, language and page segmentation mode
     * @return what makes one recogniser of this kind per worker
     */
    public RecognizerPool.Factory factory(OcrSettings settings) {
        return switch (this) {
            case TESSERACT -> () -> new TesseractRecognizer(settings);
        };
    }
}
