package org.inkstone.model;

/**
 * A part of a page that is not text: a photo (or drawing) or a rule, as line detection found it.
 *
 * @param kind what it is
 * @param bbox its box on the page as read, px at scan resolution
 */
public record PageGraphic(Kind kind, Bbox bbox) {

    /** What a graphic is. */
    public enum Kind {
        /** A photo, drawing or other dense area that is not text (ALTO {@code Illustration}). */
        PHOTO,
        /** A horizontal or vertical rule (ALTO {@code GraphicalElement}). */
        RULE
    }
}
