package org.inkstone.ocr;

import org.inkstone.preprocess.GrayImage;
import org.inkstone.preprocess.TextRegion;

/**
 * A line image as every recogniser is given it ({@link LineReader}): cut out of the straightened
 * page, its gray levels stretched (ink black, paper white), scaled and set on a white margin.
 *
 * @param image the line image, 8-bit gray
 * @param kind  its layout: {@link TextRegion.Kind#LINE} one horizontal line; {@link TextRegion.Kind#BLOCK}
 *              several horizontal lines too close to separate; {@link TextRegion.Kind#VERTICAL} one vertical
 *              line (竖排) turned a quarter turn counter-clockwise, its top at the left, so it reads left
 *              to right
 */
public record PreparedLine(GrayImage image, TextRegion.Kind kind) {
}
