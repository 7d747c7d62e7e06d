package org.inkstone.ocr;

import java.util.Map;

/**
 * Who read the lines: enough to say how a page's text was made and to make it again.
 *
 * @param name        the recogniser, e.g. {@code tesseract}
 * @param version     its version, e.g. {@code 5.3.0}, or null when unknown
 * @param model       the model(s) it reads with, e.g. {@code chi_sim} (vertical lines: {@code chi_sim_vert})
 * @param modelFile   path of the main model file, or null
 * @param modelSha256 hex SHA-256 of the main model file, or null
 * @param settings    the settings lines are read with, name to value, in a fixed order
 */
public record RecognizerInfo(String name, String version, String model, String modelFile, String modelSha256,
                             Map<String, String> settings) {
}
