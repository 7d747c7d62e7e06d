package org.inkstone.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.inkstone.model.Bbox;
import org.inkstone.preprocess.GrayImage;
import org.junit.jupiter.api.Test;

/** Cut-outs and their way back to the page, upright and turned for vertical text. */
class RegionImageTest {

    @Test
    void everyPixelOfAnUprightOrTurnedCutOutMapsBackOntoItsPlace() {
        Bbox region = new Bbox(40, 60, 90, 260);
        for (boolean turn : new boolean[] {false, true}) {
            for (int[] p : new int[][] {{40, 60}, {89, 259}, {41, 200}, {88, 61}, {65, 160}}) {
                byte[] px = new byte[200 * 300];
                Arrays.fill(px, (byte) 0xff);
                px[p[1] * 200 + p[0]] = 0;
                RegionImage cut = RegionImage.cut(new GrayImage(200, 300, px), region, 1.0, 1.0, 5);
                if (turn) {
                    cut = cut.turnedLeft();
                    assertEquals(region.height() + 10, cut.image().width(), "a column turned left lies along x");
                    assertEquals(region.width() + 10, cut.image().height());
                }
                int at = indexOfInk(cut.image());
                int u = at % cut.image().width(), v = at / cut.image().width();
                if (turn) {
                    // the top of the column is at the left: a pixel's distance from the region's top is its x
                    assertEquals(p[1] - region.y0() + 5, u, "pixel " + Arrays.toString(p));
                }
                assertEquals(new Bbox(p[0], p[1], p[0] + 1, p[1] + 1), cut.toPage(new Bbox(u, v, u + 1, v + 1)),
                        (turn ? "turned" : "upright") + " pixel " + Arrays.toString(p));
            }
        }
    }

    private static int indexOfInk(GrayImage g) {
        for (int i = 0; i < g.pixels().length; i++) {
            if ((g.pixels()[i] & 0xff) < 128) {
                return i;
            }
        }
        throw new AssertionError("no ink");
    }
}
