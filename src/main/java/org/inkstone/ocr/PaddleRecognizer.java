package org.inkstone.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.learned.ModelException;
import org.inkstone.learned.OnnxModel;
import org.inkstone.learned.PaddleModels;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrWord;
import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.PageOrientation;
import org.inkstone.preprocess.TextRegion;
import org.inkstone.text.ChineseText;
import org.inkstone.text.ScriptLanguage;
import org.inkstone.text.TraditionalScript;

/**
 * The PaddleOCR recogniser: PP-OCRv4 mobile recognition (SVTR-LCNet, trained with CTC; Apache-2.0,
 * PaddlePaddle/PaddleOCR) run by ONNX Runtime ({@link OnnxModel}). A line image is scaled to the
 * network's height of {@value #HEIGHT} px keeping its aspect ratio, normalised to
 * {@code (x/255 - 0.5)/0.5} in three equal channels and read in one run; the output, one
 * probability row per time step (one step per {@value #STRIDE} px of input width), is decoded
 * greedily as PaddleOCR's {@code CTCLabelDecode} (ppocr/postprocess/rec_postprocess.py) does, over
 * the classes {@code ['blank', ...keys, ' ']}: the most probable class per step, repeats merged,
 * blanks dropped. A character's confidence is its step's highest probability, the line's their
 * mean; each character is one word, its box the line image's ink under the time steps it was read
 * from, mapped back to the line image's px.
 *
 * <p>Lines wider than {@value #MAX_WIDTH} px at network height (over about 50 characters) are read
 * in overlapping chunks of at most that width, joined where the overlap's middle falls, so that
 * one run's memory stays bounded. Measured on rendered lines of 95, 190 and 285 characters (2,361,
 * 4,731 and 7,101 px at network height): read whole or in chunks of 1,920 px, all without error,
 * in about the same time; chunks of 960 px missed one character of 285.
 *
 * <p>A {@link TextRegion.Kind#VERTICAL} line comes turned left (its characters lying on their
 * side) and is read twice, the reading with the larger sum of character confidences kept (the
 * number of characters it is expected to have right: the mean alone favours a reading that
 * dropped its doubtful characters): as it comes (as
 * PaddleOCR's own pipeline turns tall crops), and with the column turned upright again, cut into
 * characters at its rows of ink and the characters laid side by side upright as a horizontal line
 * ({@link #relay}); the boxes go back onto the turned line. Measured on rendered, degraded columns
 * of Noto Serif CJK at 9, 10.5 and 14 pt, 300 and 150 dpi: traditional type (8 columns, 162
 * characters, 7 of them not in the model's list) CER 0.142–0.611 as it comes, 0.160–0.636 laid
 * upright, 0.136–0.617 both (the 0.6 where the line detector split 150 dpi 9 pt columns);
 * simplified (5 columns) 0–0.092, 0–0.034, 0–0.011: lying, the model reads 。 as °. A
 * {@link TextRegion.Kind#BLOCK} (lines too close to separate) is read as one line: the model reads
 * one line at a time, and reads such a block poorly.
 *
 * <p>The ONNX session is loaded once per process and model file and shared by every recogniser
 * (ONNX Runtime's {@code run} is thread-safe); it is released when the last recogniser using it is
 * closed. So one instance per worker thread costs no more memory than one.
 */
public final class PaddleRecognizer implements LineRecognizer {

    /** Input height of the network, px. */
    public static final int HEIGHT = 48;
    /** Input px per output time step. */
    static final int STRIDE = 8;
    /** Widest input read in one run, px; wider lines are read in overlapping chunks. */
    public static final int MAX_WIDTH = 1920;
    /** Overlap of neighbouring chunks, px at network height. */
    static final int OVERLAP = 192;
    /** Narrowest input, px: shorter lines are padded on the right with white. */
    static final int MIN_WIDTH = 64;

    /** Sessions shared by all recognisers of a process, by model file, with their users. */
    private static final Map<Path, Shared> SHARED = new HashMap<>();

    /** @return the sessions loaded now (one per model file in use) */
    static int sessions() {
        synchronized (SHARED) {
            return SHARED.size();
        }
    }

    private record Shared(OnnxModel model, String[] classes, int[] users) {
    }

    private final Path modelFile;
    private final String sha256;
    private final OnnxModel model;
    private final String[] classes;
    private final boolean traditional;
    private boolean closed;
    private RecognizerInfo info;

    /**
     * Loads (or shares) the recognition model; the characters come out as the model reads them.
     *
     * @param models the verified PP-OCRv4 files ({@link PaddleModels#in})
     * @throws OcrException if the model or its character list cannot be loaded
     */
    public PaddleRecognizer(PaddleModels models) throws OcrException {
        this(models, null);
    }

    /**
     * Loads (or shares) the recognition model for a collection in the script of {@code language}:
     * in traditional script ({@code chi_tra}, {@link ScriptLanguage#of} {@code zh-Hant}) the
     * simplified characters the model reads for traditional ones it lacks are given their
     * traditional forms ({@link TraditionalScript}); otherwise the characters are kept as read.
     *
     * @param models   the verified PP-OCRv4 files ({@link PaddleModels#in})
     * @param language the collection's Tesseract model name(s) ({@code inkstone.ocr.language}), or null
     * @throws OcrException if the model or its character list cannot be loaded
     */
    public PaddleRecognizer(PaddleModels models, String language) throws OcrException {
        this.traditional = "zh-Hant".equals(ScriptLanguage.of(language));
        this.modelFile = models.recognizer().toAbsolutePath().normalize();
        this.sha256 = models.recognizerSha256();
        Shared s = acquire(modelFile, models.keys());
        this.model = s.model();
        this.classes = s.classes();
    }

    private static Shared acquire(Path file, Path keys) throws OcrException {
        synchronized (SHARED) {
            Shared s = SHARED.get(file);
            if (s == null) {
                String[] classes = classes(keys);
                OnnxModel m;
                try {
                    m = new OnnxModel(file);
                } catch (ModelException e) {
                    throw new OcrException(e.getMessage(), e);
                }
                s = new Shared(m, classes, new int[1]);
                SHARED.put(file, s);
            }
            s.users()[0]++;
            return s;
        }
    }

    /** @return {@code ['blank', ...keys, ' ']}, as PaddleOCR's CTCLabelDecode with use_space_char */
    private static String[] classes(Path keys) throws OcrException {
        try {
            List<String> lines = Files.readAllLines(keys, StandardCharsets.UTF_8);
            String[] c = new String[lines.size() + 2];
            c[0] = "";
            for (int i = 0; i < lines.size(); i++) {
                c[i + 1] = lines.get(i).replace("\r", "");
            }
            c[c.length - 1] = " ";
            return c;
        } catch (IOException e) {
            throw new OcrException("cannot read the character list " + keys + ": " + e.getMessage(), e);
        }
    }

    /** One character read: its text, probability and the time steps it came from (input px). */
    record Glyph(String text, double confidence, int x0, int x1) {
    }

    @Override
    public List<OcrBlock> read(PreparedLine line, int dpi) throws OcrException {
        GrayImage image = line.image();
        if (image.width() < 2 || image.height() < 2) {
            return List.of();
        }
        return switch (line.kind()) {
            case LINE, BLOCK -> toBlocks(image, recognize(image));
            case VERTICAL -> readVertical(image);
            default -> List.of();
        };
    }

    /**
     * Reads a horizontal line image.
     *
     * @return the characters, x in px of {@code image}
     */
    List<Glyph> recognize(GrayImage image) throws OcrException {
        List<Glyph> glyphs = recognizeAsRead(image);
        return traditional ? inTraditionalScript(glyphs) : glyphs;
    }

    /** @return the glyphs with their characters in traditional script, boxes and confidences kept */
    static List<Glyph> inTraditionalScript(List<Glyph> glyphs) {
        StringBuilder all = new StringBuilder();
        glyphs.forEach(g -> all.append(g.text()));
        String text = all.toString(), converted = TraditionalScript.of(text);
        if (converted.equals(text)) {
            return glyphs;
        }
        List<Glyph> out = new ArrayList<>(glyphs.size());
        int at = 0;
        for (Glyph g : glyphs) {
            int n = g.text().codePointCount(0, g.text().length());
            int end = converted.offsetByCodePoints(at, n);
            out.add(new Glyph(converted.substring(at, end), g.confidence(), g.x0(), g.x1()));
            at = end;
        }
        return out;
    }

    private List<Glyph> recognizeAsRead(GrayImage image) throws OcrException {
        double scale = (double) HEIGHT / image.height();
        int width = Math.max(1, (int) Math.ceil(image.width() * scale));
        if (width <= maxWidth) {
            return scaled(run(resize(image, 0, image.width(), width)), 1 / scale, 0);
        }
        // overlapping chunks: chunk k covers [start, start + MAX_WIDTH) at network scale; a glyph is
        // kept by the chunk whose own part (up to the middle of the overlap) holds its centre
        List<Glyph> out = new ArrayList<>();
        int step = maxWidth - OVERLAP;
        for (int start = 0; start < width; start += step) {
            int end = Math.min(width, start + maxWidth);
            int sx0 = (int) Math.floor(start / scale), sx1 = Math.min(image.width(), (int) Math.ceil(end / scale));
            List<Glyph> part = scaled(run(resize(image, sx0, sx1, end - start)), (double) (sx1 - sx0) / (end - start), sx0);
            double keepFrom = start == 0 ? Double.NEGATIVE_INFINITY : (start + OVERLAP / 2.0) / scale;
            double keepTo = end >= width ? Double.POSITIVE_INFINITY : (end - OVERLAP / 2.0) / scale;
            for (Glyph g : part) {
                double c = (g.x0() + g.x1()) / 2.0;
                if (c >= keepFrom && c < keepTo) {
                    out.add(g);
                }
            }
            if (end >= width) {
                break;
            }
        }
        return out;
    }

    private static List<Glyph> scaled(List<Glyph> glyphs, double f, int dx) {
        return glyphs.stream().map(g -> new Glyph(g.text(), g.confidence(), dx + (int) Math.floor(g.x0() * f),
                dx + (int) Math.ceil(g.x1() * f))).toList();
    }

    /**
     * Scales columns {@code [x0, x1)} of an image to {@code width} × {@value #HEIGHT} (bilinear),
     * normalised to [-1, 1] in three channels, padded with white to {@value #MIN_WIDTH} px.
     */
    static float[][] resize(GrayImage image, int x0, int x1, int width) {
        int w = Math.max(width, MIN_WIDTH), h = HEIGHT;
        float[] plane = new float[w * h];
        java.util.Arrays.fill(plane, 1f);
        byte[] px = image.pixels();
        int iw = image.width(), ih = image.height();
        double sx = (double) (x1 - x0) / width, sy = (double) ih / h;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min(ih - 1, (int) fy), y1 = Math.min(ih - 1, y0 + 1);
            double wy = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, x0 + (x + 0.5) * sx - 0.5);
                int xa = Math.min(iw - 1, (int) fx), xb = Math.min(iw - 1, xa + 1);
                double wx = fx - xa;
                double v = (1 - wy) * ((1 - wx) * (px[y0 * iw + xa] & 0xff) + wx * (px[y0 * iw + xb] & 0xff))
                        + wy * ((1 - wx) * (px[y1 * iw + xa] & 0xff) + wx * (px[y1 * iw + xb] & 0xff));
                plane[y * w + x] = (float) ((v / 255.0 - 0.5) / 0.5);
            }
        }
        return new float[][] {plane, {w}};
    }

    /** Runs the network on one normalised plane and decodes it; x in px of the network's input. */
    private List<Glyph> run(float[][] input) throws OcrException {
        float[] plane = input[0];
        int w = (int) input[1][0];
        float[] data = new float[3 * plane.length];
        System.arraycopy(plane, 0, data, 0, plane.length);
        System.arraycopy(plane, 0, data, plane.length, plane.length);
        System.arraycopy(plane, 0, data, 2 * plane.length, plane.length);
        OnnxModel.Output out;
        try {
            out = model.run(data, new long[] {1, 3, HEIGHT, w});
        } catch (ModelException e) {
            throw new OcrException(e.getMessage(), e);
        }
        int steps = (int) out.shape()[1], n = (int) out.shape()[2];
        return decode(classes, out.data(), steps, n, (double) w / steps);
    }

    /**
     * Greedy CTC decoding as PaddleOCR's CTCLabelDecode: the best class per time step, repeats
     * merged, blanks dropped; a character's probability is that of the first step of its run.
     *
     * @param classes the class names, {@code ""} for the blank (class 0)
     * @param probs  {@code steps × n} probabilities, row-major
     * @param stepPx input px per time step
     */
    static List<Glyph> decode(String[] classes, float[] probs, int steps, int n, double stepPx) {
        List<Glyph> out = new ArrayList<>();
        int prev = 0;
        int first = -1;
        double best = 0;
        for (int t = 0; t <= steps; t++) {
            int arg = 0;
            float max = 0;
            if (t < steps) {
                for (int k = 0; k < n; k++) {
                    float p = probs[t * n + k];
                    if (p > max) {
                        max = p;
                        arg = k;
                    }
                }
            }
            if (t == steps || arg != prev) {
                if (prev != 0 && prev < classes.length) {
                    out.add(new Glyph(classes[prev], best, (int) Math.floor(first * stepPx),
                            (int) Math.ceil(t * stepPx)));
                }
                first = t;
                best = max;
            }
            prev = arg;
        }
        return out;
    }

    /** Makes one block of one line from the characters read on {@code image}, one word per character. */
    private static List<OcrBlock> toBlocks(GrayImage image, List<Glyph> glyphs) {
        List<OcrWord> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        double sum = 0;
        for (Glyph g : glyphs) {
            if (g.text().isBlank()) {
                texts.add(" ");
                continue;
            }
            words.add(new OcrWord(g.text(), ink(image, g.x0(), g.x1(), false), g.confidence()));
            texts.add(g.text());
            sum += g.confidence();
        }
        return line(words, texts, sum);
    }

    /** @return one block of one line of the words, its confidence their mean; none without words */
    private static List<OcrBlock> line(List<OcrWord> read, List<String> texts, double confidenceSum) {
        List<OcrWord> words = RuleMarks.strip(read);
        if (words.isEmpty()) {
            return List.of();
        }
        String joined = String.join("", texts).strip();
        if (words != read) {
            // bars at the ends (a rule beside the line) are not text
            joined = RuleMarks.trim(RuleMarks.trim(joined, true), false).strip();
        }
        String text = ChineseText.fixDigitConfusions(ChineseText.joinWords(List.of(joined.split(" +"))));
        if (text.isBlank()) {
            return List.of();
        }
        Bbox box = Bbox.union(words.stream().map(OcrWord::bbox).toList());
        return List.of(new OcrBlock(box, List.of(new OcrLine(text, box, confidenceSum / read.size(), words))));
    }

    /**
     * @param rows whether {@code [a, b)} are rows (else columns)
     * @return the ink's box in columns (or rows) {@code [a, b)} of an image; all of them when blank
     */
    static Bbox ink(GrayImage image, int a, int b, boolean rows) {
        int w = image.width(), h = image.height();
        int x0 = 0, x1 = w, y0 = 0, y1 = h;
        if (rows) {
            y0 = Math.max(0, Math.min(h - 1, a));
            y1 = Math.max(y0 + 1, Math.min(h, b));
        } else {
            x0 = Math.max(0, Math.min(w - 1, a));
            x1 = Math.max(x0 + 1, Math.min(w, b));
        }
        int bx0 = Integer.MAX_VALUE, by0 = Integer.MAX_VALUE, bx1 = -1, by1 = -1;
        byte[] px = image.pixels();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((px[y * w + x] & 0xff) < 128) {
                    bx0 = Math.min(bx0, x);
                    bx1 = Math.max(bx1, x);
                    by0 = Math.min(by0, y);
                    by1 = Math.max(by1, y);
                }
            }
        }
        return bx1 < 0 ? new Bbox(x0, y0, x1, y1) : new Bbox(bx0, by0, bx1 + 1, by1 + 1);
    }

    // ------------------------------------------------------------------------------------------
    // Vertical lines
    // ------------------------------------------------------------------------------------------

    /** How vertical lines are read: laid upright, as they come, or both (see the class comment). */
    enum Vertical { RELAID, TURNED, BOTH }

    /** Widest input read in one run, px: {@link #MAX_WIDTH}, other values to measure against. */
    int maxWidth = MAX_WIDTH;

    /** {@link Vertical#BOTH}, measured best; the others are there to measure against. */
    Vertical vertical = Vertical.BOTH;

    private List<OcrBlock> readVertical(GrayImage turned) throws OcrException {
        if (vertical == Vertical.TURNED) {
            return toBlocks(turned, recognize(turned));
        }
        List<OcrBlock> relaid = readRelaid(turned);
        if (vertical == Vertical.RELAID) {
            return relaid;
        }
        List<OcrBlock> asIs = toBlocks(turned, recognize(turned));
        return confidenceSum(relaid) >= confidenceSum(asIs) ? relaid : asIs;
    }

    /**
     * @return the sum of the character confidences of a reading: the number of characters it is
     *         expected to have right, so that a reading that drops characters does not win by the
     *         confidence of those it kept
     */
    static double confidenceSum(List<OcrBlock> blocks) {
        return blocks.stream().flatMap(b -> b.lines().stream()).mapToDouble(l -> l.confidence() * l.words().size()).sum();
    }

    /**
     * Reads a column turned left: turned upright again, cut into characters by its rows of ink,
     * the characters laid side by side upright, read as one horizontal line; boxes back onto the
     * turned line.
     */
    private List<OcrBlock> readRelaid(GrayImage turned) throws OcrException {
        // turned 90° clockwise, undoing RegionImage#turnedLeft()
        GrayImage column = PageOrientation.turn(turned, 90);
        Relaid relaid = relay(column);
        if (relaid == null) {
            return List.of();
        }
        List<Glyph> glyphs = recognize(relaid.image());
        int cw = column.width();
        // a character's cells on the strip → its rows of the column → the turned line
        // (column (x, y) is turned (y, cw - 1 - x))
        List<OcrWord> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        double sum = 0;
        for (Glyph g : glyphs) {
            if (g.text().isBlank()) {
                continue;
            }
            int[] rows = relaid.rows(g.x0(), g.x1());
            Bbox b = ink(column, rows[0], rows[1], true);
            words.add(new OcrWord(g.text(), new Bbox(b.y0(), cw - b.x1(), b.y1(), cw - b.x0()), g.confidence()));
            texts.add(g.text());
            sum += g.confidence();
        }
        return line(words, texts, sum);
    }

    /**
     * An upright column's characters laid side by side.
     *
     * @param image  the strip
     * @param starts strip x where each cell begins
     * @param widths strip px each cell takes (up to the next cell)
     * @param cells  column rows {@code [y0, y1)} of each cell
     */
    record Relaid(GrayImage image, int[] starts, int[] widths, int[][] cells) {

        /** @return the column rows of the cells under strip columns {@code [x0, x1)} (the nearest cell when none) */
        int[] rows(int x0, int x1) {
            int y0 = Integer.MAX_VALUE, y1 = -1;
            int nearest = 0;
            double dist = Double.MAX_VALUE;
            for (int i = 0; i < starts.length; i++) {
                int s = starts[i], e = s + widths[i];
                int overlap = Math.min(e, x1) - Math.max(s, x0);
                if (overlap * 2 >= Math.min(widths[i], x1 - x0)) {
                    y0 = Math.min(y0, cells[i][0]);
                    y1 = Math.max(y1, cells[i][1]);
                }
                double d = Math.abs((s + e) / 2.0 - (x0 + x1) / 2.0);
                if (d < dist) {
                    dist = d;
                    nearest = i;
                }
            }
            return y1 < 0 ? cells[nearest].clone() : new int[] {y0, y1};
        }
    }

    /**
     * Cuts an upright column into character cells at its gaps between rows of ink (runs of rows
     * joined while they stay within 1.1 em, cells over 1.5 em split evenly; the em is the column's
     * ink width) and lays them side by side upright, a fifth of an em apart, each centred on the
     * strip's middle; a small mark (under half an em both ways: 、，。) goes to its cell's bottom
     * left, where horizontal type has it.
     *
     * @return the strip, or null for a column without ink
     */
    static Relaid relay(GrayImage column) {
        int w = column.width(), h = column.height();
        byte[] px = column.pixels();
        int[] inkPerRow = new int[h];
        int cx0 = w, cx1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((px[y * w + x] & 0xff) < 128) {
                    inkPerRow[y]++;
                    cx0 = Math.min(cx0, x);
                    cx1 = Math.max(cx1, x);
                }
            }
        }
        if (cx1 < 0) {
            return null;
        }
        int em = Math.max(4, cx1 - cx0 + 1);
        List<int[]> cells = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            if (inkPerRow[y] == 0) {
                continue;
            }
            int s = y;
            while (y < h && inkPerRow[y] > 0) {
                y++;
            }
            int[] last = cells.isEmpty() ? null : cells.get(cells.size() - 1);
            if (last != null && y - last[0] <= 1.1 * em) {
                last[1] = y;
            } else {
                cells.add(new int[] {s, y});
            }
        }
        List<int[]> split = new ArrayList<>();
        for (int[] c : cells) {
            int n = (int) Math.round((c[1] - c[0]) / (double) em);
            if (n >= 2 && c[1] - c[0] > 1.5 * em) {
                for (int k = 0; k < n; k++) {
                    split.add(new int[] {c[0] + (c[1] - c[0]) * k / n, c[0] + (c[1] - c[0]) * (k + 1) / n});
                }
            } else {
                split.add(c);
            }
        }
        int gap = Math.max(2, em / 5), pad = Math.max(2, em / 6);
        int tallest = split.stream().mapToInt(c -> c[1] - c[0]).max().orElse(em);
        int sh = Math.max(em, tallest) + 2 * pad;
        int n = split.size();
        int[] starts = new int[n], widths = new int[n];
        int[][] inkX = new int[n][];
        boolean[] marks = new boolean[n];
        int total = pad;
        for (int i = 0; i < n; i++) {
            int[] c = split.get(i);
            int a = w, b = -1;
            for (int y = c[0]; y < c[1]; y++) {
                for (int x = 0; x < w; x++) {
                    if ((px[y * w + x] & 0xff) < 128) {
                        a = Math.min(a, x);
                        b = Math.max(b, x);
                    }
                }
            }
            marks[i] = b >= 0 && b - a + 1 < em / 2 && c[1] - c[0] < em / 2;
            inkX[i] = marks[i] ? new int[] {a, a + em} : new int[] {cx0, cx1 + 1};
            starts[i] = total;
            widths[i] = em + gap;
            total += em + gap;
        }
        int sw = total - gap + pad;
        byte[] out = new byte[sw * sh];
        java.util.Arrays.fill(out, (byte) 0xff);
        for (int i = 0; i < n; i++) {
            int[] c = split.get(i);
            int ch = c[1] - c[0];
            int top = pad + (marks[i] ? Math.max(em, tallest) - ch : (sh - 2 * pad - ch) / 2);
            for (int y = c[0]; y < c[1]; y++) {
                for (int x = inkX[i][0]; x < Math.min(w, inkX[i][1]); x++) {
                    int sx = starts[i] + x - inkX[i][0];
                    if (sx < sw) {
                        out[(top + y - c[0]) * sw + sx] = px[y * w + x];
                    }
                }
            }
        }
        return new Relaid(new GrayImage(sw, sh, out), starts, widths, split.toArray(new int[0][]));
    }

    // ------------------------------------------------------------------------------------------

    @Override
    public RecognizerInfo info() {
        if (info == null) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("input-height", String.valueOf(HEIGHT));
            s.put("max-width", MAX_WIDTH + " (wider lines in chunks overlapping by " + OVERLAP + ")");
            s.put("decoding", "greedy CTC");
            s.put("vertical", "read as turned and with the characters laid side by side upright, the reading with the larger sum of character confidences kept");
            s.put("script", traditional ? "simplified characters given their traditional forms (OpenCC s2t, opencc4j)" : "as read");
            info = new RecognizerInfo("paddle", "PP-OCRv4", "PP-OCRv4 mobile rec (ch, " + (classes.length - 2)
                    + " characters)", modelFile.toString(), sha256, s);
        }
        return info;
    }

    @Override
    public void close() {
        synchronized (SHARED) {
            if (closed) {
                return;
            }
            closed = true;
            Shared s = SHARED.get(modelFile);
            if (s != null && --s.users()[0] == 0) {
                SHARED.remove(modelFile);
                s.model().close();
            }
        }
    }
}
