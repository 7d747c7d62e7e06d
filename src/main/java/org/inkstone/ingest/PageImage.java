package org.inkstone.ingest;

import java.awt.image.BufferedImage;

/**
 * A page image taken out of a PDF, as the page is displayed: already turned by the page's
 * {@code /Rotate}.
 *
 * @param image       the image as displayed (upright when the PDF displays the page upright), px at
 *                    scan resolution
 * @param dpi         its resolution, dots per inch
 * @param nativeScan  true when this is the page's embedded scan at native resolution, false when the
 *                    page was rendered
 * @param rotationDeg the page's {@code /Rotate} normalised to 0, 90, 180 or 270 degrees clockwise:
 *                    the quarter turn already applied to the embedded scan (or by the renderer) to
 *                    give {@code image}
 */
public record PageImage(BufferedImage image, int dpi, boolean nativeScan, int rotationDeg) {
}
