package org.inkstone.ocr;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /** @return whether Debian's headless chromium and its driver are installed */
    public static boolean browser() {
        return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
    }
}
