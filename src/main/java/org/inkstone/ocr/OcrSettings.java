package org.inkstone.ocr;

/**
 * Tesseract settings for the job.
 *
 * @param tessdata folder holding the {@code .traineddata} models (Debian:
 *                 {@code /usr/share/tesseract-ocr/5/tessdata})
 * @param language model name(s) in Tesseract's {@code -l} form, e.g. {@code chi_sim}
 * @param psm      Tesseract page segmentation mode (3 = fully automatic)
 */
public record OcrSettings(String tessdata, String language, int psm) {
}
