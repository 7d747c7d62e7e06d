package org.inkstone.batch;

import java.io.IOException;
import org.inkstone.InkstoneProperties;
import org.inkstone.ingest.BadDocumentException;
import org.inkstone.ingest.BadPageException;
import org.inkstone.ingest.PageImage;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.model.OcrPage;
import org.inkstone.ocr.OcrEngine;
import org.inkstone.ocr.OcrEnginePool;
import org.inkstone.ocr.OcrException;
import org.inkstone.ocr.PageQuality;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.PagePreprocessor;
import org.inkstone.preprocess.PreparedPage;
import org.inkstone.store.PageTask;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Digitizes one page: takes its image out of the PDF, preprocesses it and recognises it with the
 * calling thread's engine, then judges its quality. With {@code segmentation=regions} the page
 * is straightened, cut into lines and read line by line, and every box is mapped back onto the
 * page as scanned; with {@code page} Tesseract reads the whole page. A page that cannot be read
 * becomes a failed {@link PageResult} with the reason, so the job records it and goes on; an
 * engine that cannot start fails the step.
 */
public class PageOcrProcessor implements ItemProcessor<PageTask, PageResult> {

    private final ScanPdfReader pdf;
    private final PagePreprocessor preprocessor;
    private final OcrEnginePool engines;
    private final InkstoneProperties.Ocr settings;

    /**
     * @param pdf          page image source
     * @param preprocessor image preparation
     * @param engines      one OCR engine per worker thread
     * @param settings     segmentation, text height and review thresholds
     */
    public PageOcrProcessor(ScanPdfReader pdf, PagePreprocessor preprocessor, OcrEnginePool engines,
                            InkstoneProperties.Ocr settings) {
        this.pdf = pdf;
        this.preprocessor = preprocessor;
        this.engines = engines;
        this.settings = settings;
    }

    /**
     * @param task the page
     * @return the page's text and quality, or a failed result naming why the page could not be read
     * @throws OcrException if no OCR engine can be started (missing model): fatal for the step
     * @throws IOException  if the PDF cannot be read from disk any more
     */
    @Override
    public PageResult process(PageTask task) throws OcrException, IOException {
        long t0 = System.nanoTime();
        OcrEngine engine = engines.engine();
        PageImage image;
        try {
            image = pdf.readPage(task.source(), task.pageNo());
        } catch (BadPageException | BadDocumentException e) {
            return new PageResult(task, null, false, ms(t0), e.getMessage(), null);
        }
        try {
            OcrPage page;
            double skew = 0;
            int contrast = -1;
            if (settings.segmentation() == InkstoneProperties.Segmentation.PAGE) {
                GrayImage gray = preprocessor.toGray(image.image());
                page = engine.recognize(gray, image.dpi());
            } else {
                PreparedPage prepared = preprocessor.prepare(image.image());
                page = prepared.toScan(engine.recognize(prepared.image(), image.dpi(), prepared.regions(),
                        settings.textHeight(), lineWidth(prepared.charAspect())));
                skew = prepared.skewDegrees();
                contrast = prepared.contrast();
            }
            var review = settings.review();
            PageQuality quality = PageQuality.judge(skew, contrast, page.confidence(), page.lines().size(),
                    review.maxSkew(), review.minContrast(), review.minConfidence());
            return new PageResult(task, page, image.nativeScan(), ms(t0), null, quality);
        } catch (OcrException e) {
            return new PageResult(task, null, image.nativeScan(), ms(t0), "OCR failed: " + e.getMessage(), null);
        }
    }

    /**
     * The horizontal scale for lines: {@code line-width} for type of about square proportions,
     * less condensing for narrower type, so characters never end up narrower than
     * {@code line-width} × {@value #SQUARE_ASPECT} of their height.
     */
    private double lineWidth(double charAspect) {
        double w = settings.lineWidth();
        if (w <= 0 || w >= 1) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(w, w * SQUARE_ASPECT / Math.max(0.1, charAspect)));
    }

    /** Median width / height of the body-height components of square Han type (0.94 measured on Song body type). */
    static final double SQUARE_ASPECT = 0.94;

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
