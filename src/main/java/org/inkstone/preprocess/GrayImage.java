package org.inkstone.preprocess;

/**
 * An 8-bit grayscale image, row-major, one byte per pixel (0 black, 255 white), no row padding.
 *
 * @param width  width, px
 * @param height height, px
 * @param pixels {@code width * height} bytes
 */
public record GrayImage(int width, int height, byte[] pixels) {

    /** @throws IllegalArgumentException if the buffer size does not match the dimensions */
    public GrayImage {
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("pixel buffer of " + pixels.length + " bytes for " + width + "x" + height);
        }
    }
}
