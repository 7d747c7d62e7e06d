package org.inkstone.batch;

import java.io.IOException;
import org.inkstone.ingest.BadDocumentException;
import org.inkstone.ingest.BadPageException;
import org.inkstone.ingest.PageImage;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.model.OcrPage;
import org.inkstone.ocr.OcrEnginePool;
import org.inkstone.ocr.OcrException;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.PagePreprocessor;
import org.inkstone.store.PageTask;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Digitizes one page: takes its image out of the PDF, preprocesses it and recognises it with the
 * calling thread's engine. A page that cannot be read becomes a failed {@link PageResult} with
 * the reason, so the job records it and goes on; an engine that cannot start fails the step.
 */
public class PageOcrProcessor implements ItemProcessor<PageTask, PageResult> {

    private final ScanPdfReader pdf;
    private final PagePreprocessor preprocessor;
    private final OcrEnginePool engines;

    /**
     * @param pdf          page image source
     * @param preprocessor image preparation
     * @param engines      one OCR engine per worker thread
     */
    public PageOcrProcessor(ScanPdfReader pdf, PagePreprocessor preprocessor, OcrEnginePool engines) {
        this.pdf = pdf;
        this.preprocessor = preprocessor;
        this.engines = engines;
    }

    /**
     * @param task the page
     * @return the page's text, or a failed result naming why the page could not be read
     * @throws OcrException if no OCR engine can be started (missing model): fatal for the step
     * @throws IOException  if the PDF cannot be read from disk any more
     */
    @Override
    public PageResult process(PageTask task) throws OcrException, IOException {
        long t0 = System.nanoTime();
        var engine = engines.engine();
        PageImage image;
        try {
            image = pdf.readPage(task.source(), task.pageNo());
        } catch (BadPageException | BadDocumentException e) {
            return new PageResult(task, null, false, ms(t0), e.getMessage());
        }
        GrayImage gray = preprocessor.toGray(image.image());
        try {
            OcrPage page = engine.recognize(gray, image.dpi());
            return new PageResult(task, page, image.nativeScan(), ms(t0), null);
        } catch (OcrException e) {
            return new PageResult(task, null, image.nativeScan(), ms(t0), "OCR failed: " + e.getMessage());
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
