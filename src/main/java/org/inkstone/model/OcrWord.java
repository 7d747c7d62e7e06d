package org.inkstone.model;

/**
 * One recognised word as Tesseract reports it. For Chinese this is an arbitrary run of one or
 * two Han characters, not a linguistic word.
 *
 * @param text       UTF-8 text of the word, never empty
 * @param bbox       box on the page image, px
 * @param confidence recognition confidence in [0, 1]
 */
public record OcrWord(String text, Bbox bbox, double confidence) {
}
