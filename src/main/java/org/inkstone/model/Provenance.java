package org.inkstone.model;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a page's lines were found and read, recorded with the page when it is stored, so that
 * exports describe the run that made the text, not the run that exports it.
 *
 * @param detector          the line detector, e.g. {@code xy-cut}; null when the recogniser found
 *                          the lines itself ({@code segmentation=page})
 * @param recognizer        the recogniser, e.g. {@code tesseract}
 * @param recognizerVersion its version, e.g. {@code 5.3.0}, or null
 * @param model             the model(s) it read with, e.g. {@code chi_sim}
 * @param modelFile         path of the main model file, or null
 * @param modelSha256       hex SHA-256 of that file, or null
 * @param settings          the settings actually used for the page, name to value, in a fixed order
 */
public record Provenance(String detector, String recognizer, String recognizerVersion, String model,
                         String modelFile, String modelSha256, Map<String, String> settings) {

    /** @return the settings as {@code name=value; name=value}, in their order */
    public String settingsText() {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /**
     * @param text settings as {@link #settingsText()} writes them, or null
     * @return the settings, name to value, in their order (empty for null)
     */
    public static Map<String, String> parseSettings(String text) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split("; ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    m.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return m;
    }
}
