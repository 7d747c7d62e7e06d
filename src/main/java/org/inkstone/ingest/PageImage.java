package org.inkstone.ingest;

import java.awt.image.BufferedImage;

/**
 * A page image taken out of a PDF.
 *
 * @param image  the image, px at scan resolution
 * @param dpi    its resolution, dots per inch
 * @param nativeScan true when this is the page's embedded scan at native resolution, false when the
 *               page was rendered
 */
public record PageImage(BufferedImage image, int dpi, boolean nativeScan) {
}
