package org.inkstone.preprocess;

import java.util.List;

/**
 * Text-line detection: finds the lines of a straightened page (horizontal lines, blocks of lines
 * too close to separate, vertical lines), and its photos and rules, with each line's type size.
 * Chosen by the job setting {@code inkstone.ocr.detector} ({@link Kind}).
 */
public interface LineDetector {

    /** The line detectors Inkstone has, by setting value. */
    enum Kind {
        /** Recursive X-Y cut of the bilevel page's connected components ({@link XyCutDetector}). */
        XY_CUT;

        /** @return a new detector of this kind */
        public LineDetector create() {
            return switch (this) {
                case XY_CUT -> new XyCutDetector();
            };
        }
    }

    /**
     * What a detector found on a page.
     *
     * @param regions    text lines, vertical lines, images and rules, boxes in px of the straightened
     *                   page at scan resolution, text in reading order
     * @param bodyHeight height of the body characters, px
     * @param charAspect median width / height of the body characters (about 0.94 for square Han type)
     */
    record Detection(List<TextRegion> regions, int bodyHeight, double charAspect) {
    }

    /**
     * @param gray    the straightened 8-bit gray page, px at scan resolution
     * @param bilevel its background-normalised bilevel copy ({@link BinaryImage}, at its own scale)
     * @return the regions found
     */
    Detection detect(GrayImage gray, BinaryImage bilevel);

    /** @return the detector's name as recorded with each page, e.g. {@code xy-cut} */
    String name();
}
