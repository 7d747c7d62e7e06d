package org.inkstone.preprocess;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Turns a page image into what the recogniser reads: an 8-bit grayscale buffer at scan
 * resolution. Geometry is unchanged, so OCR boxes are page boxes.
 */
public final class PagePreprocessor {

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
