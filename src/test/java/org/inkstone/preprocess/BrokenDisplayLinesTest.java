package org.inkstone.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.inkstone.model.Bbox;
import org.junit.jupiter.api.Test;

/**
 * Pieces of one line of display type that the learned detector ended inside a character are
 * joined ({@link DbDetector#joinBrokenDisplayLines}); headlines apart across blank paper and
 * lines of body type are not.
 */
class BrokenDisplayLinesTest {

    static final int W = 1600, H = 400, BODY = 40;

    /** A bilevel page (scale 2) with ink over the given boxes, page px. */
    private static BinaryImage page(List<Bbox> inked) {
        int s = 2, w = W / s, h = H / s;
        byte[] ink = new byte[w * h];
        for (Bbox b : inked) {
            for (int y = b.y0() / s; y < b.y1() / s; y++) {
                for (int x = b.x0() / s; x < b.x1() / s; x++) {
                    ink[y * w + x] = 1;
                }
            }
        }
        return new BinaryImage(w, h, s, ink, 100);
    }

    private static TextRegion line(int x0, int y0, int x1, int y1) {
        return new TextRegion(new Bbox(x0, y0, x1, y1), TextRegion.Kind.LINE, y1 - y0);
    }

    @Test
    void aHeadlineEndedInsideACharacterIsJoined() {
        // 100 px type: the network's two boxes leave the strokes of one character between them
        List<TextRegion> pieces = List.of(line(100, 100, 700, 200), line(780, 96, 1300, 204));
        BinaryImage bin = page(List.of(new Bbox(710, 110, 720, 190), new Bbox(740, 110, 750, 190),
                new Bbox(764, 110, 774, 190)));
        List<TextRegion> out = DbDetector.joinBrokenDisplayLines(pieces, bin, BODY);
        assertEquals(new Bbox(100, 96, 1300, 204), out.get(0).bbox());
        assertEquals(1, out.size());
    }

    @Test
    void headlinesApartAcrossBlankPaperAndBodyLinesStayApart() {
        List<TextRegion> headlines = List.of(line(100, 100, 700, 200), line(780, 96, 1300, 204));
        assertEquals(2, DbDetector.joinBrokenDisplayLines(headlines, page(List.of()), BODY).size());
        List<TextRegion> body = List.of(line(100, 100, 500, 140), line(520, 100, 900, 140));
        assertEquals(2, DbDetector.joinBrokenDisplayLines(body, page(List.of(new Bbox(504, 104, 516, 136))), BODY).size());
    }
}
