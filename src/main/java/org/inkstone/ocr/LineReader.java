package org.inkstone.ocr;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.TextRegion;

/**
 * The engine-neutral step between line detection and recognition: prepares each text region of
 * a page as a line image ({@link PreparedLine}), has a {@link LineRecognizer} read it, and maps
 * what it read back onto the page. Images and rules are skipped.
 *
 * <p>Each region is cut out of the page, its contrast stretched (ink black, paper white), set on
 * a white margin of {@value #MARGIN} of its character height, scaled down when its characters
 * are taller than {@code textHeight} px (never up) and, for horizontal lines, condensed to
 * {@code widthScale} of their width: the LSTM's work grows with a line's width once its height
 * is set to the network's 48 px. Measured with Tesseract on 300 dpi newspaper scans: without the
 * margin, or with gray paper inside a white margin, the recogniser turns whole clean lines into
 * garbage; lines condensed to 80% read as well as at full width (line CER 0.0128 → 0.0132) with
 * 19% less time, at 72% worse (0.0185). Character height, measured on the same pages resampled
 * to 200 and 600 dpi: lines scaled to 40 px characters read better than as scanned at 600 dpi
 * (0.0145 against 0.0160, in 25% less time) and worse at 200 dpi (0.0242 against 0.0222, scaled
 * up); at 300 dpi body type (about 38 px) is below 40 px and only headlines are scaled down,
 * with the same CER (0.0131 against 0.0130).
 *
 * <p>A {@link TextRegion.Kind#VERTICAL} line (竖排) is cut out the same way, never condensed, and
 * turned 90° counter-clockwise ({@link RegionImage#turnedLeft()}: its top at the left), so one
 * column always gives one line, its words top to bottom. Measured with Tesseract on 132 rendered,
 * degraded columns of Song type at 300 dpi (3,285 characters; CER at 9 / 10.5 / 14 pt): turned
 * and read as a raw line, 0.013 / 0.020 / 0.017 (psm 7: 0.022 at 10.5 pt); the upright column
 * with psm 5 (single block of vertical text): 0.023 / 0.025 / 0.058, with 149–159 lines for the
 * 132 columns (pieces of columns); psm 3 0.13, psm 6 0.99; turned the other way 0.99. Margins of
 * 0.05 / 0.12 / 0.25 of the character height gave 0.020 / 0.017 / 0.019 averaged over the three
 * sizes, 0.5 gave 0.046 at 10.5 pt.
 */
public final class LineReader {

    /** White margin around a region, as a share of its character height (measured best of 0.05–0.25). */
    public static final double MARGIN = 0.12;

    private final LineRecognizer recognizer;

    /** @param recognizer reads the prepared lines */
    public LineReader(LineRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    /**
     * Reads regions of a page one by one.
     *
     * @param page       8-bit gray page, px at scan resolution
     * @param dpi        scan resolution, dpi
     * @param regions    regions in reading order, boxes in px of {@code page}
     * @param textHeight largest character height the recogniser is given, px: taller type is scaled
     *                   down to it, smaller type is read as scanned; 0 reads everything as scanned
     * @param widthScale horizontal scale of lines on top of that (condensing), 0 &lt; widthScale ≤ 1
     * @return one block per block the recogniser read, in the order of {@code regions}, boxes in px of {@code page}
     * @throws OcrException if the recogniser fails on a region
     */
    public OcrPage read(GrayImage page, int dpi, List<TextRegion> regions, int textHeight, double widthScale)
            throws OcrException {
        List<OcrBlock> blocks = new ArrayList<>();
        try {
            for (TextRegion r : regions) {
                boolean text = r.kind() == TextRegion.Kind.LINE || r.kind() == TextRegion.Kind.BLOCK
                        || r.kind() == TextRegion.Kind.VERTICAL;
                if (!text || r.bbox().width() < 2 || r.bbox().height() < 2) {
                    continue;
                }
                RegionImage crop = prepare(page, r, textHeight, widthScale);
                for (OcrBlock b : recognizer.read(new PreparedLine(crop.image(), r.kind()), dpi)) {
                    blocks.add(b.withBoxes(crop::toPage));
                }
            }
        } finally {
            recognizer.finishPage();
        }
        return new OcrPage(page.width(), page.height(), dpi, blocks);
    }

    /**
     * @return the region cut out, stretched, scaled, condensed (horizontal lines), on its margin,
     *         and turned left when vertical, with the mapping of its boxes back to the page
     */
    static RegionImage prepare(GrayImage page, TextRegion r, int textHeight, double widthScale) {
        double scale = textHeight > 0 && r.textHeight() > textHeight ? (double) textHeight / r.textHeight() : 1.0;
        RegionImage crop = RegionImage.cut(page, r.bbox(), scale, r.kind() == TextRegion.Kind.LINE ? widthScale : 1.0,
                Math.max(2, (int) (r.textHeight() * scale * MARGIN)));
        return r.kind() == TextRegion.Kind.VERTICAL ? crop.turnedLeft() : crop;
    }
}
