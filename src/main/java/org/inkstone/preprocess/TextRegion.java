package org.inkstone.preprocess;

import org.inkstone.model.Bbox;

/**
 * A region of a straightened page found by {@link PageSegmenter}.
 *
 * @param bbox       box on the straightened page, px at scan resolution
 * @param kind       what the region holds
 * @param textHeight height of its characters, px (0 for images and rules)
 */
public record TextRegion(Bbox bbox, Kind kind, int textHeight) {

    /** What a region holds. */
    public enum Kind {
        /** One horizontal text line (or a piece of one between wide gaps). */
        LINE,
        /** Horizontal lines too close to be separated by a blank row: read as a block. */
        BLOCK,
        /** One vertical text line (竖排), read top to bottom. */
        VERTICAL,
        /** A photo, drawing or other dense non-text area: not sent to the recogniser. */
        IMAGE,
        /** A horizontal or vertical rule. */
        RULE
    }
}
