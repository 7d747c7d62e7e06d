package org.inkstone.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimated quality of a recognised page and, when it is low, why the page needs a person's review.
 *
 * @param skewDegrees skew measured on the scan, degrees (0 when not measured)
 * @param contrast    paper minus ink level after background normalisation, 0..255 (-1 when not measured)
 * @param confidence  mean line confidence, 0..1
 * @param review      reasons for review joined by {@code "; "}, or null when the page looks fine
 */
public record PageQuality(double skewDegrees, int contrast, double confidence, String review) {

    /**
     * Judges a page against the review thresholds.
     *
     * @param skewDegrees   measured skew, degrees
     * @param contrast      measured contrast, 0..255, or -1 when not measured
     * @param confidence    mean line confidence, 0..1
     * @param lines         number of recognised lines: a page without any is flagged as blank (and
     *                      not judged on confidence)
     * @param maxSkew       largest skew accepted, degrees
     * @param minContrast   smallest contrast accepted
     * @param minConfidence smallest mean confidence accepted
     * @return the quality with its review reasons
     */
    public static PageQuality judge(double skewDegrees, int contrast, double confidence, int lines,
                                    double maxSkew, int minContrast, double minConfidence) {
        List<String> why = new ArrayList<>();
        if (Math.abs(skewDegrees) > maxSkew) {
            why.add(String.format(Locale.ROOT, "skew %.2f° (over %.1f°)", skewDegrees, maxSkew));
        }
        if (contrast >= 0 && contrast < minContrast) {
            why.add("low contrast " + contrast + " (under " + minContrast + ")");
        }
        if (lines == 0) {
            why.add("no text found (blank page, or text the recogniser cannot see)");
        } else if (confidence < minConfidence) {
            why.add(String.format(Locale.ROOT, "low mean confidence %.2f (under %.2f)", confidence, minConfidence));
        }
        return new PageQuality(skewDegrees, contrast, confidence, why.isEmpty() ? null : String.join("; ", why));
    }
}
