package org.inkstone.layout;

import java.util.Arrays;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;

/** Small measures shared by the layout analysis. */
final class Measure {

    private Measure() {
    }

    /** Characters of a line, white space not counted. */
    static int chars(OcrLine l) {
        return chars(l.text());
    }

    /** Characters of a text, white space not counted. */
    static int chars(String text) {
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** Median of {@code v}, or {@code fallback} when it is empty. */
    static double median(double[] v, double fallback) {
        return v.length == 0 ? fallback : percentile(v, 0.5);
    }

    /** The {@code p} percentile (0–1) of a non-empty {@code v}, nearest rank below. */
    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
    }

    /** Box of some of the page's lines, px. */
    static Bbox box(List<OcrLine> lines, List<Integer> set) {
        return Bbox.union(set.stream().map(i -> lines.get(i).bbox()).toList());
    }

    /** Root of {@code k} in a union-find forest, halving the path. */
    static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }
}
