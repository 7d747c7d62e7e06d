package org.inkstone.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.inkstone.model.OcrBlock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recogniser for tests that replays recorded readings, as OCRmyPDF's test cache engine does:
 * each prepared line is known by the SHA-256 of its layout, size and pixels, and what Tesseract
 * read in it is kept in {@value #FILE} (in the repository). A line not yet recorded is read by
 * the real {@link TesseractRecognizer} when Tesseract is installed and added to the recording
 * (written back when the JVM ends); without Tesseract it fails naming the fix. So the tests of
 * search, the reading room and exports run on the real job without Tesseract, with what
 * Tesseract read on the same lines, and a change to line preparation shows as new recordings.
 */
public final class RecordedRecognizer implements LineRecognizer {

    /** The recording, relative to the project root. */
    public static final String FILE = "src/test/resources/ocr/recorded-lines.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Map<String, List<OcrBlock>> recorded;
    private static boolean changed;

    private final OcrSettings settings;
    private TesseractRecognizer real;

    /** @param settings the settings of the real recogniser, for lines not yet recorded */
    public RecordedRecognizer(OcrSettings settings) {
        this.settings = settings;
        load();
    }

    private static synchronized void load() {
        if (recorded != null) {
            return;
        }
        Path file = Path.of(FILE);
        try {
            recorded = Files.exists(file) ? new TreeMap<>(JSON.readValue(file.toFile(),
                    new TypeReference<Map<String, List<OcrBlock>>>() { })) : new TreeMap<>();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the recorded readings " + file + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(RecordedRecognizer::save));
    }

    private static synchronized void save() {
        if (changed) {
            JSON.writeValue(Path.of(FILE).toFile(), recorded);
            changed = false;
        }
    }

    @Override
    public List<OcrBlock> read(PreparedLine line, int dpi) throws OcrException {
        String key = key(line);
        synchronized (RecordedRecognizer.class) {
            List<OcrBlock> blocks = recorded.get(key);
            if (blocks != null) {
                return blocks;
            }
        }
        if (real == null) {
            if (!Engines.tesseract()) {
                throw new OcrException("no recorded reading for a line (" + key + ") and no Tesseract to read it: "
                        + "run the tests once with Tesseract installed to record it in " + FILE);
            }
            real = new TesseractRecognizer(settings);
        }
        List<OcrBlock> blocks = real.read(line, dpi);
        synchronized (RecordedRecognizer.class) {
            recorded.put(key, blocks);
            changed = true;
        }
        return blocks;
    }

    /** @return the SHA-256 of a line's layout, width, height and pixels, hex */
    static String key(PreparedLine line) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(line.kind().name().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            md.update(ByteBuffer.allocate(8).putInt(line.image().width()).putInt(line.image().height()).array());
            md.update(line.image().pixels());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RecognizerInfo info() {
        return new RecognizerInfo("tesseract (recorded)", null, settings.language(), FILE, null,
                new java.util.LinkedHashMap<>(Map.of("psm", "13 (raw line) for lines, 6 (uniform block) for blocks")));
    }

    @Override
    public void finishPage() {
        if (real != null) {
            real.finishPage();
        }
    }

    @Override
    public void close() {
        if (real != null) {
            real.close();
        }
    }
}
