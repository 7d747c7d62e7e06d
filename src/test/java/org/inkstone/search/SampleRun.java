package org.inkstone.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.inkstone.InkstoneApplication;
import org.inkstone.InkstoneProperties;
import org.inkstone.batch.DigitizeRunner;
import org.inkstone.ocr.OcrSettings;
import org.inkstone.ocr.RecognizerPool;
import org.inkstone.ocr.RecordedRecognizer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.inkstone.fixture.SampleIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real digitize job run once per test JVM on the shipped sample issue, in a temporary
 * folder, with Tesseract's recorded readings of its lines ({@link RecordedRecognizer}, so no
 * Tesseract is needed): its output (database, {@code articles.json}, search index) is shared by
 * the search and reading room tests. The folder is removed when the JVM exits.
 */
public final class SampleRun {

    /** The sample issue's PDF and truth as shipped in {@code scans/}. */
    public static final Path PDF = Path.of("scans", SampleIssue.PDF_NAME), TRUTH = Path.of("scans", SampleIssue.TRUTH_NAME);
    /** Export name of the sample issue. */
    public static final String NAME = SampleIssue.PDF_NAME.replaceFirst("\\.pdf$", "");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path work, scans, output;

    private SampleRun() {
    }

    /** @return the output folder of the job run on the sample issue (run now if not yet) */
    public static synchronized Path output() {
        if (output == null) {
            try {
                work = Files.createTempDirectory("inkstone-search-sample");
                scans = Files.createDirectories(work.resolve("scans"));
                Files.copy(PDF, scans.resolve(PDF.getFileName()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(work)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path out = work.resolve("output");
            int code = runJob(out);
            if (code != 0) {
                throw new IllegalStateException("the job on the sample issue ended with " + code);
            }
            output = out;
        }
        return output;
    }

    /** @return the scans folder the job read */
    public static synchronized Path scans() {
        output();
        return scans;
    }

    /**
     * Runs the job again on the same scans and output (nothing new to recognise; export and
     * indexing run again).
     *
     * @return the job's exit code
     */
    public static synchronized int runAgain() {
        return runJob(output());
    }

    /** Runs the real job with the recorded readings of Tesseract ({@link RecordedRecognizer}). */
    private static int runJob(Path out) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InkstoneApplication.class, Recorded.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--inkstone.scans=" + scans, "--inkstone.output=" + out, "--inkstone.workers=2",
                        "--spring.main.allow-bean-definition-overriding=true")) {
            return ctx.getBean(DigitizeRunner.class).run(scans);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the recorded readings in place of the job's recogniser (a source, not found by component scan). */
    static class Recorded {
        @Bean(destroyMethod = "close")
        RecognizerPool recognizerPool(InkstoneProperties props) {
            var o = props.ocr();
            OcrSettings settings = new OcrSettings(o.tessdata(), o.language(), o.psm());
            return new RecognizerPool(() -> new RecordedRecognizer(settings));
        }
    }

    private static JsonNode truth;

    /** @return the truth of the sample issue */
    public static synchronized JsonNode truth() throws IOException {
        if (truth == null) {
            truth = JSON.readTree(Files.readString(TRUTH));
        }
        return truth;
    }

    /** @return the job's {@code articles.json} of the sample issue */
    public static JsonNode export() throws IOException {
        return JSON.readTree(Files.readString(output().resolve(NAME).resolve("articles.json")));
    }

    /** A line of the truth. */
    public record TruthLine(int page, String text, int[] bbox, String region) {
    }

    /**
     * @param page page number counted from 1
     * @return the median height of the truth's body line boxes on that page, px
     * @throws IOException if the truth cannot be read
     */
    public static double truthBodyLineHeight(int page) throws IOException {
        double[] h = truthBodyLines().stream().filter(l -> l.page() == page).mapToDouble(l -> l.bbox()[3] - l.bbox()[1])
                .sorted().toArray();
        return h[h.length / 2];
    }

    /** @return every article body line of the truth, page by page */
    public static List<TruthLine> truthBodyLines() throws IOException {
        List<TruthLine> out = new ArrayList<>();
        for (JsonNode p : truth().get("pages")) {
            for (JsonNode l : p.get("lines")) {
                String region = l.get("region").asString();
                if (region.endsWith(":body")) {
                    JsonNode b = l.get("bbox");
                    out.add(new TruthLine(p.get("page").asInt(), l.get("text").asString(),
                            new int[] {b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt()}, region));
                }
            }
        }
        return out;
    }

    /**
     * Whether a found box marks a truth line (boxes {@code [x0, y0, x1, y1]}, any common unit):
     * their vertical overlap is at least 60% of the lower of the two heights (so it is this
     * line, not the one above or below: body lines are further apart than that) and the box
     * covers at least 60% of the line's width. OCR line boxes are often a little larger than
     * the printed line, which this allows.
     */
    public static boolean sitsOn(double[] box, double[] line) {
        double iy = Math.min(box[3], line[3]) - Math.max(box[1], line[1]);
        double ix = Math.min(box[2], line[2]) - Math.max(box[0], line[0]);
        double h = Math.min(box[3] - box[1], line[3] - line[1]);
        return iy >= 0.6 * h && ix >= 0.6 * (line[2] - line[0]);
    }

    /** {@link #sitsOn(double[], double[])} for pixel boxes. */
    public static boolean sitsOn(int[] box, int[] line) {
        return sitsOn(java.util.Arrays.stream(box).asDoubleStream().toArray(), java.util.Arrays.stream(line).asDoubleStream().toArray());
    }

    /**
     * Phrases a researcher could copy from the truth: from each article body line with at least
     * {@code length + 2} Han characters in a row, the {@code length} characters after the first
     * two, kept when the phrase occurs in exactly one line of the truth (headlines included) and
     * literally in the OCR title or text of exactly one exported article (so the expected
     * article and line are known).
     *
     * @param length phrase length, characters
     * @return phrases with the truth line each comes from, in truth order
     */
    public static List<Phrase> phrases(int length) throws IOException {
        List<TruthLine> lines = truthBodyLines();
        JsonNode export = export();
        List<Phrase> out = new ArrayList<>();
        for (TruthLine l : lines) {
            var m = java.util.regex.Pattern.compile("\\p{IsHan}{" + (length + 2) + ",}").matcher(l.text());
            if (!m.find()) {
                continue;
            }
            String phrase = m.group().substring(2, 2 + length);
            long inTruth = 0;
            for (JsonNode p : truth().get("pages")) {
                for (JsonNode o : p.get("lines")) {
                    inTruth += o.get("text").asString().contains(phrase) ? 1 : 0;
                }
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode a : export.get("articles")) {
                if (a.get("text").asString().contains(phrase) || a.get("title").asString().contains(phrase)) {
                    ids.add(a.get("id").asString());
                }
            }
            if (inTruth == 1 && ids.size() == 1) {
                out.add(new Phrase(phrase, ids.get(0), l));
            }
        }
        return out;
    }

    /**
     * @param text    the phrase
     * @param article id of the exported article whose text holds it
     * @param line    the truth line it comes from
     */
    public record Phrase(String text, String article, TruthLine line) {
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
