package org.inkstone.ocr;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.TextRegion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process Tesseract 5 through tess4j's {@link TessAPI} mapping of the C API, with one
 * long-lived {@code TessBaseAPI} handle: the model is loaded once in the constructor and
 * reused for every page. Vertical text (竖排) is read with a second handle holding the
 * language's vertical model ({@code <language>_vert}, e.g. {@code chi_sim_vert}), loaded on the
 * first vertical region the engine meets (most pages have none) and kept from then on. Results
 * are read from Tesseract's TSV renderer ({@code TessBaseAPIGetTsvText}) and parsed by
 * {@link TsvParser}.
 *
 * <p>Not thread-safe. libtesseract's OpenMP threads should be limited with the environment
 * variable {@code OMP_THREAD_LIMIT=1} when pages run in parallel.
 */
public final class TesseractEngine implements OcrEngine {

    /** White margin around a region, as a share of its character height (measured best of 0.05–0.25). */
    static final double MARGIN = 0.12;

    private static final Logger LOG = LoggerFactory.getLogger(TesseractEngine.class);
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
    public TesseractEngine(OcrSettings settings) throws OcrException {
        this.settings = settings;
        requireModels(settings.tessdata(), settings.language());
        handle = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit3(handle, settings.tessdata(), settings.language()) != 0) {
            api.TessBaseAPIDelete(handle);
            throw new OcrException("Tesseract could not load " + settings.language() + " from " + settings.tessdata());
        }
        api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        api.TessBaseAPISetPageSegMode(handle, settings.psm());
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
    public OcrPage recognize(GrayImage page, int dpi) throws OcrException {
        try {
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
     * Recognises regions of a page one by one, each with the page segmentation mode that fits
     * it: psm 13 (raw line) for a {@link TextRegion.Kind#LINE}, psm 6 (uniform block) for a
     * {@link TextRegion.Kind#BLOCK}, the vertical model with psm 13 for a turned
     * {@link TextRegion.Kind#VERTICAL} line (see below); images and rules are skipped. Each region
     * is cut out of the page, its contrast stretched (ink black, paper white), set on a white
     * margin of {@value #MARGIN} of its character height, scaled down when its characters are
     * taller than {@code textHeight} px (never up) and, for horizontal lines, condensed to
     * {@code widthScale} of their width: the LSTM's work grows with a line's width once its height
     * is set to the network's 48 px. Measured on 300 dpi newspaper scans: without the margin, or
     * with gray paper inside a white margin, the recogniser turns whole clean lines into garbage;
     * lines condensed to 80% read as well as at full width (line CER 0.0128 → 0.0132) with 19% less
     * time, at 72% worse (0.0185). Character height, measured on the same pages resampled to 200
     * and 600 dpi: lines scaled to 40 px characters read better than as scanned at 600 dpi (0.0145
     * against 0.0160, in 25% less time) and worse at 200 dpi (0.0242 against 0.0222, scaled up);
     * at 300 dpi body type (about 38 px) is below 40 px and only headlines are scaled down, with
     * the same CER (0.0131 against 0.0130).
     *
     * <p>A {@link TextRegion.Kind#VERTICAL} line (竖排) is cut out the same way, never condensed,
     * turned 90° counter-clockwise ({@link RegionImage#turnedLeft()}: its top at the left) and
     * read by the vertical model as a raw line (psm 13), so one column always gives one line,
     * its words top to bottom. Measured on 132 rendered, degraded columns of Song type at 300 dpi
     * (3,285 characters; CER at 9 / 10.5 / 14 pt): turned, psm 13: 0.013 / 0.020 / 0.017 (psm 7:
     * 0.022 at 10.5 pt); the upright column with psm 5 (single block of vertical text):
     * 0.023 / 0.025 / 0.058, with 149–159 lines for the 132 columns (pieces of columns); psm 3 0.13,
     * psm 6 0.99; turned the other way 0.99. Margins of 0.05 / 0.12 / 0.25 of the character height
     * (turned, psm 13) gave 0.020 / 0.017 / 0.019 averaged over the three sizes, 0.5 gave 0.046 at
     * 10.5 pt. When the vertical model is missing or cannot be loaded, vertical regions are skipped,
     * with one warning per process. Boxes are mapped back to page px.
     *
     * @param page       8-bit gray page, px at scan resolution
     * @param dpi        scan resolution, dpi
     * @param regions    regions in reading order, boxes in px of {@code page}
     * @param textHeight largest character height the recogniser is given, px: taller type is scaled
     *                   down to it, smaller type is read as scanned; 0 reads everything as scanned
     * @param widthScale horizontal scale of lines on top of that (condensing), 0 &lt; widthScale ≤ 1
     * @return one block per region that gave text, in the order of {@code regions}, boxes in px of {@code page}
     * @throws OcrException if Tesseract fails on a region
     */
    @Override
    public OcrPage recognize(GrayImage page, int dpi, List<TextRegion> regions, int textHeight, double widthScale)
            throws OcrException {
        List<OcrBlock> blocks = new ArrayList<>();
        try {
            for (TextRegion r : regions) {
                int psm = switch (r.kind()) {
                    case LINE -> ITessAPI.TessPageSegMode.PSM_RAW_LINE;
                    case BLOCK -> ITessAPI.TessPageSegMode.PSM_SINGLE_BLOCK;
                    case VERTICAL -> ITessAPI.TessPageSegMode.PSM_RAW_LINE;
                    default -> -1;
                };
                if (psm < 0 || r.bbox().width() < 2 || r.bbox().height() < 2) {
                    continue;
                }
                TessBaseAPI reader = r.kind() == TextRegion.Kind.VERTICAL ? verticalHandle() : handle;
                if (reader == null) {
                    continue;
                }
                double scale = textHeight > 0 && r.textHeight() > textHeight ? (double) textHeight / r.textHeight() : 1.0;
                RegionImage crop = RegionImage.cut(page, r.bbox(), scale, r.kind() == TextRegion.Kind.LINE ? widthScale : 1.0,
                        Math.max(2, (int) (r.textHeight() * scale * MARGIN)));
                if (r.kind() == TextRegion.Kind.VERTICAL) {
                    crop = crop.turnedLeft();
                }
                api.TessBaseAPISetPageSegMode(reader, psm);
                String tsv = readTsv(reader, crop.image(), "the region " + r.bbox());
                if (tsv == null) {
                    continue;
                }
                for (OcrBlock b : TsvParser.parse(tsv, page.width(), page.height(), dpi).blocks()) {
                    blocks.add(b.withBoxes(crop::toPage));
                }
            }
        } finally {
            api.TessBaseAPIClear(handle);
            api.TessBaseAPISetPageSegMode(handle, settings.psm());
            if (vertical != null) {
                api.TessBaseAPIClear(vertical);
            }
        }
        return new OcrPage(page.width(), page.height(), dpi, blocks);
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
                api.TessBaseAPISetVariable(h, "debug_file", "/dev/null");
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
