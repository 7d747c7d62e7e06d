package org.inkstone.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.inkstone.model.Bbox;
import org.inkstone.model.OcrPage;
import org.junit.jupiter.api.Test;

class TsvParserTest {

    /** Rows in the layout of Tesseract 5's TSV renderer (tab-separated, header row first). */
    private static final String TSV = String.join("\n",
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "1\t1\t0\t0\t0\t0\t0\t0\t1000\t800\t-1\t",
            "2\t1\t1\t0\t0\t0\t100\t100\t500\t120\t-1\t",
            "3\t1\t1\t1\t0\t0\t100\t100\t500\t120\t-1\t",
            "4\t1\t1\t1\t1\t0\t100\t100\t400\t50\t-1\t",
            "5\t1\t1\t1\t1\t1\t100\t102\t90\t46\t96.5\t春风",
            "5\t1\t1\t1\t1\t2\t195\t100\t90\t48\t90.5\t温暖",
            "4\t1\t1\t1\t2\t0\t100\t160\t300\t50\t-1\t",
            "5\t1\t1\t1\t2\t1\t100\t160\t300\t50\t95\t ",
            "2\t1\t2\t0\t0\t0\t600\t100\t300\t60\t-1\t",
            "3\t1\t2\t1\t0\t0\t600\t100\t300\t60\t-1\t",
            "4\t1\t2\t1\t1\t0\t600\t100\t300\t60\t-1\t",
            "5\t1\t2\t1\t1\t1\t600\t100\t140\t60\t80\tCOVID",
            "5\t1\t2\t1\t1\t2\t760\t100\t140\t60\t70\t19",
            "");

    @Test
    void buildsBlocksLinesAndWordsWithPageBoxes() {
        OcrPage page = TsvParser.parse(TSV, 1000, 800, 300);
        assertEquals(2, page.blocks().size());
        var first = page.blocks().get(0);
        assertEquals(1, first.lines().size(), "a line of blank words is dropped");
        var line = first.lines().get(0);
        assertEquals("春风温暖", line.text());
        assertEquals(new Bbox(100, 100, 285, 148), line.bbox());
        assertEquals(0.935, line.confidence(), 1e-9);
        assertEquals(new Bbox(195, 100, 285, 148), line.words().get(1).bbox());
        assertEquals("COVID 19", page.blocks().get(1).lines().get(0).text());
        assertEquals(new Bbox(600, 100, 900, 160), page.blocks().get(1).bbox());
    }

    @Test
    void aBarReadAtEitherEndOfAChineseLineIsARuleNotText() {
        String tsv = String.join("\n",
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                "2\t1\t1\t0\t0\t0\t80\t100\t520\t120\t-1\t",
                "4\t1\t1\t1\t1\t0\t80\t100\t520\t50\t-1\t",
                "5\t1\t1\t1\t1\t1\t80\t100\t6\t50\t60\t|",
                "5\t1\t1\t1\t1\t2\t100\t102\t90\t46\t96\t春风",
                "5\t1\t1\t1\t1\t3\t195\t100\t110\t48\t90\t温暖｜",
                "4\t1\t1\t1\t2\t0\t80\t160\t300\t50\t-1\t",
                "5\t1\t1\t1\t2\t1\t80\t160\t300\t50\t95\tA|B",
                "");
        OcrPage page = TsvParser.parse(tsv, 1000, 800, 300);
        var lines = page.blocks().get(0).lines();
        assertEquals("春风温暖", lines.get(0).text());
        assertEquals(2, lines.get(0).words().size());
        assertEquals(new Bbox(100, 100, 305, 148), lines.get(0).bbox(), "the bar's box is not the line's");
        assertEquals("A|B", lines.get(1).text(), "a line without Han characters keeps its bars");
    }
}
