package org.inkstone.preprocess;

import java.nio.file.Path;
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
        XY_CUT,
        /** PaddleOCR's learned DB text detector ({@link DbDetector}). */
        DB,
        /** Per page the X-Y cut or DB, chosen from the page itself ({@link AutoDetector}). */
        AUTO;

        /**
         * @param models folder of the learned models ({@code inkstone.ocr.models}); the X-Y cut
         *               does not read it
         * @return a new detector of this kind
         * @throws org.inkstone.learned.ModelException if a model it needs is missing or differs
         */
        public LineDetector create(Path models) {
            return switch (this) {
                case XY_CUT -> new XyCutDetector();
                case DB -> DbDetector.in(models);
                case AUTO -> new AutoDetector(DbDetector.in(models));
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
     * @param detector   what found the regions, as recorded with the page (e.g. {@code xy-cut},
     *                   {@code auto:db})
     */
    record Detection(List<TextRegion> regions, int bodyHeight, double charAspect, String detector) {
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
