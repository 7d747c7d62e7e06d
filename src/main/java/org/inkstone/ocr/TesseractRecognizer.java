package org.inkstone.ocr;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.TextRegion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tesseract recogniser: in-process Tesseract 5 through tess4j's {@link TessAPI} mapping of
 * the C API, with one long-lived {@code TessBaseAPI} handle: the model is loaded once in the
 * constructor and reused for every line. A horizontal line is read as a raw line (psm 13), a
 * block of lines as a uniform block (psm 6), a vertical line, turned left by {@link LineReader},
 * as a raw line by the vertical model (see below); a whole page with the configured page
 * segmentation mode ({@link PageRecognizer}). Vertical text (竖排) is read with a second handle holding the
 * language's vertical model ({@code <language>_vert}, e.g. {@code chi_sim_vert}), loaded on the
 * first vertical region the engine meets (most pages have none) and kept from then on. Results
 * are read from Tesseract's TSV renderer ({@code TessBaseAPIGetTsvText}) and parsed by
 * {@link TsvParser}.
 *
 * <p>Not thread-safe. libtesseract's OpenMP threads should be limited with the environment
 * variable {@code OMP_THREAD_LIMIT=1} when pages run in parallel.
 */
public final class TesseractRecognizer implements LineRecognizer, PageRecognizer {

    private static final Logger LOG = LoggerFactory.getLogger(TesseractRecognizer.class);
    /** Vertical models found missing or unloadable, each warned about once per process. */
    private static final Set<Path> MISSING_VERTICAL = ConcurrentHashMap.newKeySet();

    private final TessAPI api = TessAPI.INSTANCE;
    private final TessBaseAPI handle;
    private final OcrSettings settings;
    /** The vertical model's handle, null until the first vertical region. */
    private TessBaseAPI vertical;
    private boolean verticalUnavailable;

    /**
     * Loads the model.
     *
     * @param settings tessdata folder, language and page segmentation mode
     * @throws OcrException if the tessdata folder or a model file is missing or the model fails to load
     */
    public TesseractRecognizer(OcrSettings settings) throws OcrException {
        this.settings = settings;
        requireModels(settings.tessdata(), settings.language());
        handle = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit3(handle, settings.tessdata(), settings.language()) != 0) {
            api.TessBaseAPIDelete(handle);
            throw new OcrException("Tesseract could not load " + settings.language() + " from " + settings.tessdata());
        }
        configure(handle);
        api.TessBaseAPISetPageSegMode(handle, settings.psm());
    }

    /**
     * Sets the variables every handle reads with: Tesseract's debug output to {@code /dev/null},
     * and {@code preserve_interword_spaces=1}, which Debian's {@code chi_sim} and {@code chi_tra}
     * models set in their own config but {@code chi_sim_vert} and {@code chi_tra_vert} (and
     * other model files, e.g. npm's {@code best_int}) do not: without it Tesseract puts a space
     * between every two Han characters of its text output; and {@code tessedit_do_invert=0}:
     * Tesseract 5 reads every line under 0.7 confidence a second time inverted, for white type on
     * dark ground, which reaches the recogniser already turned ({@code ReversedPanels},
     * {@code TintedPanels}). Measured on the dev corpus (12 pages, 2 workers): 98.9 s of CPU
     * against 104.5 s, the same lines.
     */
    private void configure(TessBaseAPI h) {
        api.TessBaseAPISetVariable(h, "debug_file", "/dev/null");
        api.TessBaseAPISetVariable(h, "preserve_interword_spaces", "1");
        api.TessBaseAPISetVariable(h, "tessedit_do_invert", "0");
    }

    /**
     * Checks that the model file of every language is in the tessdata folder, without loading it.
     *
     * @param tessdata folder of {@code .traineddata} models
     * @param language Tesseract language(s), joined by {@code +}
     * @throws OcrException naming the first missing model file and the Debian package that installs it
     */
    public static void requireModels(String tessdata, String language) throws OcrException {
        for (String lang : language.split("\\+")) {
            Path model = Path.of(tessdata, lang + ".traineddata");
            if (!Files.isRegularFile(model)) {
                throw new OcrException("Tesseract model " + model + " not found (Debian: apt-get install tesseract-ocr-"
                        + lang.replace('_', '-') + ")");
            }
        }
    }

    @Override
    public OcrPage readPage(GrayImage page, int dpi) throws OcrException {
        try {
            api.TessBaseAPISetPageSegMode(handle, settings.psm());
            String tsv = readTsv(page, "the page");
            if (tsv == null) {
                throw new OcrException("Tesseract returned no result");
            }
            return TsvParser.parse(tsv, page.width(), page.height(), dpi);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    /**
     * Recognises an image with the handle's current page segmentation mode.
     *
     * @param image 8-bit gray image
     * @param what  what the image is, for the error message
     * @return Tesseract's TSV output, or null when it gives none
     * @throws OcrException if Tesseract fails
     */
    private String readTsv(GrayImage image, String what) throws OcrException {
        return readTsv(handle, image, what);
    }

    private String readTsv(TessBaseAPI handle, GrayImage image, String what) throws OcrException {
        ByteBuffer buf = ByteBuffer.allocateDirect(image.pixels().length);
        buf.put(image.pixels()).flip();
        api.TessBaseAPISetImage(handle, buf, image.width(), image.height(), 1, image.width());
        // No TessBaseAPISetSourceResolution: Tesseract's own estimate from the text's x-height
        // reads newspaper body text better than the scan's true dpi does (measured on 300 dpi scans).
        if (api.TessBaseAPIRecognize(handle, null) != 0) {
            throw new OcrException("Tesseract failed to recognise " + what);
        }
        Pointer tsv = api.TessBaseAPIGetTsvText(handle, 0);
        if (tsv == null) {
            return null;
        }
        try {
            return tsv.getString(0, "UTF-8");
        } finally {
            api.TessDeleteText(tsv);
        }
    }

    /**
     * Reads a prepared line with the page segmentation mode that fits it: psm 13 (raw line) for a
     * {@link TextRegion.Kind#LINE}, psm 6 (uniform block) for a {@link TextRegion.Kind#BLOCK}, the
     * vertical model with psm 13 for a turned {@link TextRegion.Kind#VERTICAL} line. When the
     * vertical model is missing or cannot be loaded, vertical lines give nothing, with one warning
     * per process.
     *
     * @param line the prepared line
     * @param dpi  scan resolution of its page, dpi
     * @return what Tesseract read, boxes in px of the line image
     * @throws OcrException if Tesseract fails on the line
     */
    @Override
    public List<OcrBlock> read(PreparedLine line, int dpi) throws OcrException {
        int psm = switch (line.kind()) {
            case LINE, VERTICAL -> ITessAPI.TessPageSegMode.PSM_RAW_LINE;
            case BLOCK -> ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK;
            default -> -1;
        };
        TessBaseAPI reader = line.kind() == TextRegion.Kind.VERTICAL ? verticalHandle() : handle;
        if (psm < 0 || reader == null) {
            return List.of();
        }
        GrayImage image = line.image();
        api.TessBaseAPISetPageSegMode(reader, psm);
        String tsv = readTsv(reader, image, "a line of " + image.width() + "x" + image.height() + " px");
        return tsv == null ? List.of() : TsvParser.parse(tsv, image.width(), image.height(), dpi).blocks();
    }

    /** Clears both handles' last image and results. */
    @Override
    public void finishPage() {
        api.TessBaseAPIClear(handle);
        if (vertical != null) {
            api.TessBaseAPIClear(vertical);
        }
    }

    @Override
    public RecognizerInfo info() {
        if (info == null) {
            info = describe();
        }
        return info;
    }

    private RecognizerInfo info;

    private RecognizerInfo describe() {
        Path model = Path.of(settings.tessdata(), settings.language().split("\\+")[0] + ".traineddata");
        Map<String, String> used = new LinkedHashMap<>();
        used.put("psm", "13 (raw line) for lines, 6 (uniform block) for blocks");
        used.put("vertical-model", verticalLanguage(settings.language()));
        used.put("oem", "default (LSTM)");
        String sha;
        try {
            sha = ScanPdfReader.sha256(model);
        } catch (java.io.IOException e) {
            sha = null;
        }
        return new RecognizerInfo("tesseract", version(), settings.language(), model.toString(), sha, used);
    }

    /**
     * The vertical model's handle, loaded on first use: {@code <first language>_vert} from the
     * tessdata folder (for {@code chi_sim} or {@code chi_sim+eng}: {@code chi_sim_vert}).
     *
     * @return the handle, or null when the model is missing or fails to load (warned once per process)
     */
    private TessBaseAPI verticalHandle() {
        if (vertical != null || verticalUnavailable) {
            return vertical;
        }
        String language = verticalLanguage(settings.language());
        Path model = Path.of(settings.tessdata(), language + ".traineddata");
        String problem = null;
        if (!Files.isRegularFile(model)) {
            problem = "not found (Debian: apt-get install tesseract-ocr-" + language.replace('_', '-') + ")";
        } else {
            TessBaseAPI h = api.TessBaseAPICreate();
            if (api.TessBaseAPIInit3(h, settings.tessdata(), language) != 0) {
                api.TessBaseAPIDelete(h);
                problem = "could not be loaded";
            } else {
                configure(h);
                vertical = h;
            }
        }
        if (problem != null) {
            verticalUnavailable = true;
            if (MISSING_VERTICAL.add(model)) {
                LOG.warn("Tesseract model {} for vertical text {}: vertical text (竖排) is not read", model, problem);
            }
        }
        return vertical;
    }

    /**
     * @param language model name(s) in Tesseract's {@code -l} form
     * @return the vertical model of the first one, e.g. {@code chi_sim_vert} for {@code chi_sim+eng}
     */
    static String verticalLanguage(String language) {
        String first = language.split("\\+")[0];
        return first.endsWith("_vert") ? first : first + "_vert";
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
        if (vertical != null) {
            api.TessBaseAPIEnd(vertical);
            api.TessBaseAPIDelete(vertical);
            vertical = null;
        }
    }
}
