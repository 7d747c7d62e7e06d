package org.inkstone.model;

import java.util.Collection;

/**
 * An axis-aligned box {@code [x0, y0, x1, y1]} in pixels of the page image as scanned
 * (its native resolution), origin at the top-left corner, {@code x1}/{@code y1} exclusive.
 *
 * @param x0 left edge, px
 * @param y0 top edge, px
 * @param x1 right edge, px (exclusive)
 * @param y1 bottom edge, px (exclusive)
 */
public record Bbox(int x0, int y0, int x1, int y1) {

    /** @return width in px, never negative */
    public int width() {
        return Math.max(0, x1 - x0);
    }

    /** @return height in px, never negative */
    public int height() {
        return Math.max(0, y1 - y0);
    }

    /** @return the box as the JSON array form {@code [x0, y0, x1, y1]} */
    public int[] toArray() {
        return new int[] {x0, y0, x1, y1};
    }

    /** @return this box moved by {@code (dx, dy)} px */
    public Bbox translate(int dx, int dy) {
        return new Bbox(x0 + dx, y0 + dy, x1 + dx, y1 + dy);
    }

    /**
     * @param boxes boxes to cover, not empty
     * @return the smallest box holding every box
     * @throws IllegalArgumentException if {@code boxes} is empty
     */
    public static Bbox union(Collection<Bbox> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("union of no boxes");
        }
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (Bbox b : boxes) {
            x0 = Math.min(x0, b.x0);
            y0 = Math.min(y0, b.y0);
            x1 = Math.max(x1, b.x1);
            y1 = Math.max(y1, b.y1);
        }
        return new Bbox(x0, y0, x1, y1);
    }
}
