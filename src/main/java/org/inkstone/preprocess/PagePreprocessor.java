package org.inkstone.preprocess;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Turns a page image into what the recogniser reads: an 8-bit grayscale page at scan
 * resolution, straightened when skewed ({@link Deskew}), its reversed type (white on dark
 * panels) turned into dark type on paper ({@link ReversedPanels}), its tinted panels binarised
 * against their own tone ({@link TintedPanels}), its text lines, photos and rules found by
 * a {@link LineDetector} (by default the X-Y cut of {@link PageSegmenter}) with a
 * background-normalised bilevel copy ({@link BinaryImage}).
 */
public final class PagePreprocessor {

    /** Skew below this is left alone, degrees: under 1 px of drift across a 1,000 px line. */
    public static final double MIN_SKEW = 0.05;

    private final LineDetector detector;

    /** A preprocessor finding lines by the X-Y cut ({@link XyCutDetector}). */
    public PagePreprocessor() {
        this(new XyCutDetector());
    }

    /** @param detector finds the lines of the straightened page */
    public PagePreprocessor(LineDetector detector) {
        this.detector = detector;
    }

    /** @return the line detector this preprocessor uses */
    public LineDetector detector() {
        return detector;
    }

    /**
     * Prepares a page for region-wise recognition.
     *
     * @param image page image of any colour model, px at scan resolution
     * @return the straightened gray page, its skew, regions, body text height and contrast
     */
    public PreparedPage prepare(BufferedImage image) {
        return prepare(toGray(image));
    }

    /**
     * Prepares a gray page for region-wise recognition.
     *
     * @param gray 8-bit gray page, px at scan resolution (not modified)
     * @return the straightened gray page (its reversed panels turned), its skew, regions, body
     *         text height and contrast
     */
    public PreparedPage prepare(GrayImage gray) {
        BinaryImage bin = BinaryImage.of(gray, PageSegmenter.SCALE);
        double skew = Deskew.measure(bin);
        if (Math.abs(skew) < MIN_SKEW) {
            skew = 0;
        } else {
            gray = Deskew.rotate(gray, skew);
            bin = bin.rotate(skew);
        }
        ReversedPanels.Result reversed = ReversedPanels.turn(gray, bin);
        TintedPanels.Result tinted = TintedPanels.remake(reversed.gray(), reversed.bin(), reversed.body());
        gray = tinted.gray();
        bin = tinted.bin();
        LineDetector.Detection seg = detector.detect(gray, bin);
        return new PreparedPage(gray, skew, seg.regions(), seg.bodyHeight(), bin.contrast(), seg.charAspect(),
                seg.detector());
    }

    /**
     * @param image page image of any colour model, px at scan resolution
     * @return the page as 8-bit gray, same width and height
     */
    public GrayImage toGray(BufferedImage image) {
        BufferedImage gray = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY
                || image.getRaster().getDataBuffer().getSize() != image.getWidth() * image.getHeight()) {
            gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = gray.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        return new GrayImage(gray.getWidth(), gray.getHeight(), data);
    }
}
