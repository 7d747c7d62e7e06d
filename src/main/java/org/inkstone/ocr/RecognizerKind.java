package org.inkstone.ocr;

import java.nio.file.Path;
import org.inkstone.learned.PaddleModels;

/**
 * The recognisers Inkstone has, by the value of the job setting {@code inkstone.ocr.recognizer}
 * ({@code tesseract}, {@code paddle}, {@code best}).
 */
public enum RecognizerKind {

    /** Tesseract 5 through tess4j ({@link TesseractRecognizer}). */
    TESSERACT,
    /** PaddleOCR PP-OCRv4 recognition through ONNX Runtime ({@link PaddleRecognizer}). */
    PADDLE,
    /** Tesseract, and PP-OCRv4 on the lines that call for it, the better reading kept ({@link BestRecognizer}). */
    BEST;

    /**
     * @param settings model folder, language and page segmentation mode of Tesseract
     * @param models   folder of the PP-OCRv4 models ({@code inkstone.ocr.models}); read only by
     *                 {@link #PADDLE} and {@link #BEST}
     * @return what makes one recogniser of this kind per worker
     */
    public RecognizerPool.Factory factory(OcrSettings settings, Path models) {
        return switch (this) {
            case TESSERACT -> () -> new TesseractRecognizer(settings);
            case PADDLE -> () -> new PaddleRecognizer(paddleModels(models), settings.language());
            case BEST -> () -> {
                TesseractRecognizer tesseract = new TesseractRecognizer(settings);
                try {
                    return new BestRecognizer(tesseract, new PaddleRecognizer(paddleModels(models), settings.language()));
                } catch (OcrException | RuntimeException e) {
                    tesseract.close();
                    throw e;
                }
            };
        };
    }

    private static PaddleModels paddleModels(Path models) throws OcrException {
        try {
            return PaddleModels.in(models);
        } catch (org.inkstone.learned.ModelException e) {
            throw new OcrException(e.getMessage(), e);
        }
    }
}
