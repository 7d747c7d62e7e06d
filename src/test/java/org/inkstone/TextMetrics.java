package org.inkstone;

import java.text.Normalizer;
import java.util.List;

/** Character error rate as the benchmark computes it: NFKC, white space removed, edit distance. */
public final class TextMetrics {

    private TextMetrics() {
    }

    /** @return NFKC-normalised text without white space */
    public static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** @return Levenshtein distance between two strings, by code unit */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * @param truth expected texts
     * @param got   recognised texts, paired by index
     * @return summed edit distance over summed truth length, after {@link #norm}
     */
    public static double cer(List<String> truth, List<String> got) {
        int errors = 0, total = 0;
        for (int i = 0; i < truth.size(); i++) {
            String t = norm(truth.get(i)), g = norm(got.get(i));
            errors += Math.min(t.length(), distance(t, g));
            total += t.length();
        }
        return total == 0 ? 0 : (double) errors / total;
    }
}
