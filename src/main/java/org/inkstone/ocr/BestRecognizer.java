package org.inkstone.ocr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.model.OcrBlock;
import org.inkstone.preprocess.TextRegion;

/**
 * Reads each line with Tesseract and, where the line calls for it, also with PP-OCRv4, keeping the
 * reading with the lower expected character error rate.
 *
 * <p>A block of lines ({@link TextRegion.Kind#BLOCK}) is Tesseract's alone: PP-OCRv4 reads one
 * line at a time. A horizontal line calls for the second reading when Tesseract read nothing or its line
 * confidence is under {@link Rule#threshold}; a vertical line (竖排) is always read by both. The
 * two engines' confidences are not on one scale (Tesseract's LSTM gives about 0.93 for a line
 * read right, PP-OCRv4 about 0.99), so each is first turned into the CER measured for lines of
 * that confidence ({@link Calibration}), measured on the dev corpus lines as Inkstone's line
 * detector cuts them, at 300 and 100 dpi (README "Recognisers"). The reading kept is the one
 * expected to have more characters right, its characters × (1 − its CER), Tesseract on a tie:
 * on poor scans each engine drops characters now and then, and a reading that dropped the
 * characters it was unsure of looks as sure as a whole one. Measured on the vertical lines of a
 * 1939 microfilm page (464 columns, characters read right, both sides folded to simplified):
 * PP-OCRv4 alone 2,496, Tesseract ({@code chi_tra_vert}) alone 2,221, the lower calibrated CER
 * 2,513, the more characters expected right 2,684.
 */
public final class BestRecognizer implements LineRecognizer {

    /**
     * Confidence → expected CER of one engine: piecewise linear between knots (confidences
     * ascending), constant beyond the ends.
     *
     * @param confidence knots, ascending
     * @param cer        measured CER at each knot
     */
    public record Calibration(double[] confidence, double[] cer) {

        /** @return the expected CER of a line read with confidence {@code c} */
        public double cer(double c) {
            if (c <= confidence[0]) {
                return cer[0];
            }
            for (int i = 1; i < confidence.length; i++) {
                if (c <= confidence[i]) {
                    double f = (c - confidence[i - 1]) / (confidence[i] - confidence[i - 1]);
                    return cer[i - 1] + f * (cer[i] - cer[i - 1]);
                }
            }
            return cer[cer.length - 1];
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < confidence.length; i++) {
                sb.append(i == 0 ? "" : " ").append(confidence[i]).append(':').append(cer[i]);
            }
            return sb.toString();
        }
    }

    /**
     * When the second engine reads a line and how the two readings are compared.
     *
     * @param threshold Tesseract line confidence under which PP-OCRv4 reads the line too
     * @param tesseract Tesseract's calibration
     * @param paddle    PP-OCRv4's calibration
     */
    public record Rule(double threshold, Calibration tesseract, Calibration paddle) {

        /**
         * The rule as measured on the dev corpus (README "Recognisers"), each calibration from a
         * confidence of 0 (a reading wrong throughout) up; under the lowest measured knot the CER
         * rises linearly to 1 at 0, so that a reading of almost no confidence does not count as
         * good as the lowest confidence measured.
         */
        public static final Rule MEASURED = new Rule(0.85,
                new Calibration(new double[] {0.0, 0.45, 0.55, 0.65, 0.75, 0.825, 0.875, 0.925},
                        new double[] {1.0, 0.39, 0.27, 0.16, 0.087, 0.05, 0.033, 0.011}),
                new Calibration(new double[] {0.0, 0.6, 0.875, 0.925, 0.965, 0.99},
                        new double[] {1.0, 0.5, 0.08, 0.069, 0.025, 0.011}));

        /**
         * @return whether the reading of PP-OCRv4 is kept over Tesseract's: it is expected to have
         *         more characters right (its characters × (1 − its calibrated CER)), so that of two
         *         readings equally sure the one that dropped characters loses
         */
        boolean paddleWins(List<OcrBlock> tesseract, List<OcrBlock> paddle) {
            if (paddle.isEmpty()) {
                return false;
            }
            if (tesseract.isEmpty()) {
                return true;
            }
            return expectedRight(paddle, this.paddle) > expectedRight(tesseract, this.tesseract);
        }

        /** @return the characters of a reading expected to be right by its engine's calibration */
        static double expectedRight(List<OcrBlock> blocks, Calibration calibration) {
            String text = blocks.stream().flatMap(b -> b.lines().stream()).map(l -> l.text().replaceAll("\\s+", ""))
                    .reduce("", String::concat);
            return text.codePointCount(0, text.length()) * (1 - calibration.cer(confidence(blocks)));
        }
    }

    private final TesseractRecognizer tesseract;
    private final PaddleRecognizer paddle;
    private final Rule rule;
    private RecognizerInfo info;
    private long lines;
    private long secondReadings;
    private long paddleKept;

    /**
     * @param tesseract reads every line
     * @param paddle    reads the lines that call for it
     */
    public BestRecognizer(TesseractRecognizer tesseract, PaddleRecognizer paddle) {
        this(tesseract, paddle, Rule.MEASURED);
    }

    /**
     * @param tesseract reads every line
     * @param paddle    reads the lines that call for it
     * @param rule      when it does and which reading is kept
     */
    public BestRecognizer(TesseractRecognizer tesseract, PaddleRecognizer paddle, Rule rule) {
        this.tesseract = tesseract;
        this.paddle = paddle;
        this.rule = rule;
    }

    /** @return the engine whose reading {@link #read} kept for the line, {@code tesseract} or {@code paddle} */
    public record Reading(String engine, List<OcrBlock> blocks) {
    }

    @Override
    public List<OcrBlock> read(PreparedLine line, int dpi) throws OcrException {
        return readBoth(line, dpi).blocks();
    }

    /**
     * Reads a line as {@link #read} does, saying which engine's reading was kept.
     *
     * @param line the prepared line
     * @param dpi  scan resolution of its page
     * @return the kept reading and its engine
     * @throws OcrException if an engine fails on the line
     */
    public Reading readBoth(PreparedLine line, int dpi) throws OcrException {
        lines++;
        List<OcrBlock> t = tesseract.read(line, dpi);
        if (line.kind() == TextRegion.Kind.BLOCK
                || line.kind() == TextRegion.Kind.LINE && !t.isEmpty() && confidence(t) >= rule.threshold()) {
            return new Reading("tesseract", t);
        }
        secondReadings++;
        List<OcrBlock> p = paddle.read(line, dpi);
        if (rule.paddleWins(t, p)) {
            paddleKept++;
            return new Reading("paddle", p);
        }
        return new Reading("tesseract", t);
    }

    /** @return lines read, lines read by both engines, lines whose PP-OCRv4 reading was kept */
    public long[] counts() {
        return new long[] {lines, secondReadings, paddleKept};
    }

    private static double confidence(List<OcrBlock> blocks) {
        return blocks.stream().flatMap(b -> b.lines().stream()).mapToDouble(l -> l.confidence()).average().orElse(0);
    }

    /**
     * @return its Tesseract: PP-OCRv4 reads a vertical line of a page stored sideways, turned
     *         upright for reading, as confidently as the page the right way up (the line is then a
     *         horizontal line lying on its side, and turning it upright restores it), so its
     *         confidence cannot tell a sideways page; Tesseract's vertical model reads it poorly
     */
    @Override
    public LineRecognizer orientationJudge() {
        return tesseract;
    }

    @Override
    public void finishPage() {
        tesseract.finishPage();
        paddle.finishPage();
    }

    @Override
    public RecognizerInfo info() {
        if (info == null) {
            RecognizerInfo t = tesseract.info(), p = paddle.info();
            Map<String, String> s = new LinkedHashMap<>();
            s.put("engines", "tesseract " + t.version() + ", paddle " + p.version());
            s.put("rule", "blocks: tesseract, vertical lines: tesseract and paddle, lines: tesseract, and"
                    + " paddle too when tesseract read nothing or its confidence is under " + rule.threshold()
                    + ", of two readings the one with more characters expected right (characters x (1 - calibrated CER))"
                    + " kept, tesseract on a tie");
            s.put("calibration-tesseract", rule.tesseract().toString());
            s.put("calibration-paddle", rule.paddle().toString());
            t.settings().forEach((k, v) -> s.put("tesseract-" + k, v));
            p.settings().forEach((k, v) -> s.put("paddle-" + k, v));
            s.put("paddle-model", p.modelFile() + " (SHA-256 " + p.modelSha256() + ")");
            info = new RecognizerInfo("best", t.version() + " + " + p.version(), t.model() + " + " + p.model(),
                    t.modelFile(), t.modelSha256(), s);
        }
        return info;
    }

    @Override
    public void close() {
        try {
            tesseract.close();
        } finally {
            paddle.close();
        }
    }
}
