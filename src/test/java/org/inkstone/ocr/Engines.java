package org.inkstone.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inkstone.learned.ModelException;
import org.inkstone.learned.PaddleModels;

/** What the machine running the tests has of the real components. */
public final class Engines {

    /** Debian's folder of Tesseract models. */
    public static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    private Engines() {
    }

    /**
     * @return whether libtesseract loads and the {@code chi_sim} model is installed; false also
     *         with the system property {@code inkstone.tests.tesseract=off}, which runs the tests as
     *         on a machine without Tesseract
     */
    public static boolean tesseract() {
        return !"off".equals(System.getProperty("inkstone.tests.tesseract")) && TesseractRecognizer.version() != null && Files.isRegularFile(Path.of(TESSDATA, "chi_sim.traineddata"));
    }

    /**
     * @return the verified PP-OCRv4 models of {@link PaddleModels#defaultFolder()}
     * @throws AssertionError if they are missing or differ from the published files
     */
    public static PaddleModels paddleModels() {
        try {
            return PaddleModels.in(PaddleModels.defaultFolder());
        } catch (ModelException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** @return whether Debian's headless chromium and its driver are installed */
    public static boolean browser() {
        return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
    }
}
