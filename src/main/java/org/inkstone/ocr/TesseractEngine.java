package org.inkstone.ocr;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;
import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.GrayImage;

/**
 * In-process Tesseract 5 through tess4j's {@link TessAPI} mapping of the C API, with one
 * long-lived {@code TessBaseAPI} handle: the model is loaded once in the constructor and
 * reused for every page. Results are read from Tesseract's TSV renderer
 * ({@code TessBaseAPIGetTsvText}) and parsed by {@link TsvParser}.
 *
 * <p>Not thread-safe. libtesseract's OpenMP threads should be limited with the environment
 * variable {@code OMP_THREAD_LIMIT=1} when pages run in parallel.
 */
public final class TesseractEngine implements OcrEngine {

    private final TessAPI api = TessAPI.INSTANCE;
    private final TessBaseAPI handle;
    private final OcrSettings settings;

    /**
     * Loads the model.
     *
     * @param settings tessdata folder, language and page segmentation mode
     * @throws OcrException if the tessdata folder or a model file is missing or the model fails to load
     */
    public TesseractEngine(OcrSettings settings) throws OcrException {
        this.settings = settings;
        for (String lang : settings.language().split("\\+")) {
            Path model = Path.of(settings.tessdata(), lang + ".traineddata");
            if (!Files.isRegularFile(model)) {
                throw new OcrException("Tesseract model " + model + " not found (Debian: apt-get install tesseract-ocr-"
                        + lang.replace('_', '-') + ")");
            }
        }
        handle = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit3(handle, settings.tessdata(), settings.language()) != 0) {
            api.TessBaseAPIDelete(handle);
            throw new OcrException("Tesseract could not load " + settings.language() + " from " + settings.tessdata());
        }
        api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        api.TessBaseAPISetPageSegMode(handle, settings.psm());
    }

    @Override
    public OcrPage recognize(GrayImage page, int dpi) throws OcrException {
        ByteBuffer buf = ByteBuffer.allocateDirect(page.width() * page.height());
        buf.put(page.pixels()).flip();
        api.TessBaseAPISetImage(handle, buf, page.width(), page.height(), 1, page.width());
        // No TessBaseAPISetSourceResolution: Tesseract's own estimate from the text's x-height
        // reads newspaper body text better than the scan's true dpi does (measured on 300 dpi scans).
        try {
            if (api.TessBaseAPIRecognize(handle, null) != 0) {
                throw new OcrException("Tesseract failed to recognise the page");
            }
            Pointer tsv = api.TessBaseAPIGetTsvText(handle, 0);
            if (tsv == null) {
                throw new OcrException("Tesseract returned no result");
            }
            try {
                return TsvParser.parse(tsv.getString(0, "UTF-8"), page.width(), page.height(), dpi);
            } finally {
                api.TessDeleteText(tsv);
            }
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    /**
     * @return the version of the libtesseract in use (e.g. {@code 5.3.0}), or null when the
     *         library cannot be loaded
     */
    public static String version() {
        try {
            return TessAPI.INSTANCE.TessVersion();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return null;
        }
    }

    /** @return the settings the model was loaded with */
    public OcrSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        api.TessBaseAPIEnd(handle);
        api.TessBaseAPIDelete(handle);
    }
}
