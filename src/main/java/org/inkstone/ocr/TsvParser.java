package org.inkstone.ocr;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;
import org.inkstone.model.OcrWord;
import org.inkstone.text.ChineseText;

/**
 * Parses Tesseract's TSV output (the {@code tsv} renderer: columns {@code level page_num
 * block_num par_num line_num word_num left top width height conf text}; levels 1 page,
 * 2 block, 3 paragraph, 4 line, 5 word) into blocks, lines and words.
 * A bar read at either end of a Chinese line (a rule beside it) is dropped ({@link RuleMarks}).
 * Line text is the words joined by {@link ChineseText#joinWords}, with digits misread as letters
 * inside numbers corrected ({@link ChineseText#fixDigitConfusions}); line confidence is the
 * mean of its word confidences. Lines without any non-blank word are dropped.
 */
public final class TsvParser {

    private TsvParser() {
    }

    /**
     * @param tsv    TSV text as produced by {@code TessBaseAPIGetTsvText}
     * @param width  page image width, px
     * @param height page image height, px
     * @param dpi    scan resolution, dpi
     * @return the page's blocks in Tesseract's order, boxes in page px
     */
    public static OcrPage parse(String tsv, int width, int height, int dpi) {
        List<OcrBlock> blocks = new ArrayList<>();
        List<OcrLine> blockLines = new ArrayList<>();
        List<OcrWord> lineWords = new ArrayList<>();
        Bbox blockBox = null;
        Bbox lineBox = null;
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 11 || !Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            int level = Integer.parseInt(f[0]);
            int x = Integer.parseInt(f[6]), y = Integer.parseInt(f[7]);
            Bbox box = new Bbox(x, y, x + Integer.parseInt(f[8]), y + Integer.parseInt(f[9]));
            switch (level) {
                case 2 -> {
                    lineBox = closeLine(lineBox, lineWords, blockLines);
                    blockBox = closeBlock(blockBox, blockLines, blocks);
                    blockBox = box;
                }
                case 4 -> {
                    lineBox = closeLine(lineBox, lineWords, blockLines);
                    lineBox = box;
                }
                case 5 -> {
                    String text = f.length > 11 ? f[11].strip() : "";
                    if (!text.isEmpty()) {
                        double conf = Math.max(0, Math.min(100, Double.parseDouble(f[10]))) / 100.0;
                        lineWords.add(new OcrWord(text, box, conf));
                    }
                }
                default -> { }
            }
        }
        closeLine(lineBox, lineWords, blockLines);
        closeBlock(blockBox, blockLines, blocks);
        return new OcrPage(width, height, dpi, blocks);
    }

    private static Bbox closeLine(Bbox lineBox, List<OcrWord> read, List<OcrLine> into) {
        List<OcrWord> words = RuleMarks.strip(read);
        if (lineBox != null && !words.isEmpty()) {
            String text = ChineseText.fixDigitConfusions(ChineseText.joinWords(words.stream().map(OcrWord::text).toList()));
            double conf = words.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
            Bbox tight = Bbox.union(words.stream().map(OcrWord::bbox).toList());
            into.add(new OcrLine(text, tight, conf, List.copyOf(words)));
        }
        read.clear();
        return null;
    }

    private static Bbox closeBlock(Bbox blockBox, List<OcrLine> lines, List<OcrBlock> into) {
        if (blockBox != null && !lines.isEmpty()) {
            into.add(new OcrBlock(Bbox.union(lines.stream().map(OcrLine::bbox).toList()), List.copyOf(lines)));
        }
        lines.clear();
        return null;
    }
}
