package org.inkstone.batch;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inkstone.InkstoneProperties;
import org.inkstone.ingest.BadDocumentException;
import org.inkstone.ingest.BadPageException;
import org.inkstone.ingest.PageImage;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.model.OcrPage;
import org.inkstone.text.ReadingDirection;
import org.inkstone.model.PageGraphic;
import org.inkstone.model.Provenance;
import org.inkstone.ocr.LineReader;
import org.inkstone.ocr.LineRecognizer;
import org.inkstone.ocr.PageRecognizer;
import org.inkstone.ocr.RecognizerInfo;
import org.inkstone.ocr.RecognizerPool;
import org.inkstone.ocr.OcrException;
import org.inkstone.ocr.PageQuality;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.PageOrientation;
import org.inkstone.preprocess.PagePreprocessor;
import org.inkstone.preprocess.PreparedPage;
import org.inkstone.preprocess.TextRegion;
import org.inkstone.store.FailureKind;
import org.inkstone.store.PageTask;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Digitizes one page: takes its image out of the PDF, preprocesses it and recognises it with the
 * calling thread's recogniser, then judges its quality. The page is read as the PDF displays it
 * (its {@code /Rotate} applied). With {@code segmentation=regions} the page is straightened, its
 * lines found by the preprocessor's {@link org.inkstone.preprocess.LineDetector}, each line
 * prepared by {@link LineReader} and read by the recogniser, every box mapped back onto the
 * upright page as displayed (before straightening); a page found sideways or upside down is
 * turned upright ({@link PageOrientation}), the quarter turn applied in all being part of the
 * result. With {@code page} the recogniser reads the whole page with its own layout analysis
 * ({@link PageRecognizer}). A page that cannot be read (a bad page, a file that can no longer be read, the
 * recogniser or the preprocessing failing on it, memory running out) becomes a failed
 * {@link PageResult} with the reason and its {@link FailureKind}, so the job records it and goes
 * on; a recogniser that cannot start fails the step.
 */
public class PageOcrProcessor implements ItemProcessor<PageTask, PageResult> {

    private final ScanPdfReader pdf;
    private final PagePreprocessor preprocessor;
    private final PageOrientation orientation;
    private final RecognizerPool recognizers;
    private final InkstoneProperties.Ocr settings;
    private final Intermediates intermediates;

    /**
     * @param pdf          page image source
     * @param preprocessor image preparation
     * @param recognizers  one recogniser per worker thread
     * @param settings     segmentation, text height and review thresholds
     * @param intermediates writes what each stage made of a page, or null
     */
    public PageOcrProcessor(ScanPdfReader pdf, PagePreprocessor preprocessor, RecognizerPool recognizers,
                            InkstoneProperties.Ocr settings, Intermediates intermediates) {
        this.pdf = pdf;
        this.preprocessor = preprocessor;
        this.orientation = new PageOrientation(preprocessor);
        this.recognizers = recognizers;
        this.settings = settings;
        this.intermediates = intermediates;
    }

    /**
     * @param task the page
     * @return the page's text and quality, or a failed result naming why the page could not be read
     * @throws OcrException if no recogniser can be started (missing model): fatal for the step
     */
    @Override
    public PageResult process(PageTask task) throws OcrException {
        long t0 = System.nanoTime();
        LineRecognizer recognizer = recognizers.recognizer();
        LineReader lines = new LineReader(recognizer);
        PageImage image;
        try {
            image = pdf.readPage(task.source(), task.pageNo());
        } catch (BadPageException | BadDocumentException e) {
            return PageResult.failed(task, false, ms(t0), e.getMessage(), FailureKind.of(e));
        } catch (IOException e) {
            return PageResult.failed(task, false, ms(t0), "cannot read " + task.source() + ": " + describe(e),
                    FailureKind.ENVIRONMENT);
        }
        try {
            OcrPage page;
            double skew = 0;
            int contrast = -1;
            int rotation = image.rotationDeg();
            RecognizerInfo who = recognizer.info();
            Map<String, String> used = new LinkedHashMap<>(who.settings());
            List<PageGraphic> graphics = List.of();
            String detector = null;
            if (settings.segmentation() == InkstoneProperties.Segmentation.PAGE) {
                used.put("segmentation", "page");
                used.put("psm", String.valueOf(settings.psm()));
                if (!(recognizer instanceof PageRecognizer whole)) {
                    throw new OcrException("the recogniser " + who.name() + " cannot read whole pages "
                            + "(inkstone.ocr.segmentation=page)");
                }
                page = whole.readPage(preprocessor.toGray(image.image()), image.dpi());
            } else {
                GrayImage gray = preprocessor.toGray(image.image());
                PreparedPage prepared = preprocessor.prepare(gray);
                OcrPage read = readRegions(lines, prepared, prepared.regions(), image.dpi());
                // The orientation is judged by a recogniser whose confidence drops on characters on
                // their side (LineRecognizer#orientationJudge). When that is not the worker's own,
                // its read of the whole page cannot serve: sample lines are read by the judge on
                // every page (a few lines), the whole page only when a turn is proposed.
                LineRecognizer judge = recognizer.orientationJudge();
                LineReader judging = judge == recognizer ? lines : new LineReader(judge);
                if (judge != recognizer || !PageOrientation.readsUpright(prepared, read)) {
                    PageOrientation.Oriented oriented = orientation.orient(gray, prepared,
                            (p, sample) -> readRegions(judging, p, sample, image.dpi()));
                    if (oriented.turnDegrees() != 0) {
                        PreparedPage turned = oriented.page();
                        OcrPage judged = judge == recognizer ? read : readRegions(judging, prepared, prepared.regions(), image.dpi());
                        OcrPage turnedJudged = readRegions(judging, turned, turned.regions(), image.dpi());
                        if (PageOrientation.confirms(judged, turnedJudged)) {
                            rotation = (rotation + oriented.turnDegrees()) % 360;
                            prepared = turned;
                            read = judge == recognizer ? turnedJudged : readRegions(lines, turned, turned.regions(), image.dpi());
                        }
                    }
                }
                page = ReadingDirection.apply(prepared.toScan(read));
                detector = prepared.detector();
                graphics = prepared.graphics();
                if (intermediates != null) {
                    intermediates.write(task, prepared, detector, rotation, page);
                }
                used.put("segmentation", "regions");
                used.put("margin", String.valueOf(LineReader.MARGIN));
                used.put("text-height", String.valueOf(settings.textHeight()));
                used.put("line-width", String.format(Locale.ROOT, "%.3f", lineWidth(prepared.charAspect())));
                skew = prepared.skewDegrees();
                contrast = prepared.contrast();
            }
            var review = settings.review();
            PageQuality quality = PageQuality.judge(skew, contrast, page.confidence(), page.lines().size(),
                    review.maxSkew(), review.minContrast(), review.minConfidence());
            Provenance provenance = new Provenance(detector, who.name(), who.version(), who.model(), who.modelFile(),
                    who.modelSha256(), used);
            return new PageResult(task, page, image.nativeScan(), ms(t0), null, quality, null, rotation, provenance,
                    graphics);
        } catch (OcrException e) {
            return PageResult.failed(task, image.nativeScan(), ms(t0), "OCR failed: " + describe(e),
                    FailureKind.ENVIRONMENT);
        } catch (RuntimeException | OutOfMemoryError e) {
            // A fault on one page (a defect met by its content, or a page too large for the memory
            // left) fails that page, not the run.
            return PageResult.failed(task, image.nativeScan(), ms(t0), "page could not be processed: " + describe(e),
                    FailureKind.of(e));
        }
    }

    /** Reads regions of a prepared page with the line settings of the job. */
    private OcrPage readRegions(LineReader lines, PreparedPage page, List<TextRegion> regions, int dpi)
            throws OcrException {
        return lines.read(page.image(), dpi, regions, settings.textHeight(), lineWidth(page.charAspect()));
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
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
