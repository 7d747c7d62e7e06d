package org.inkstone.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PageQualityTest {

    @Test
    void flagsEachReasonAndNothingOnAGoodPage() {
        assertNull(PageQuality.judge(-0.6, 140, 0.93, 300, 2.0, 60, 0.8).review());
        assertEquals("skew -2.50° (over 2.0°)", PageQuality.judge(-2.5, 140, 0.93, 300, 2.0, 60, 0.8).review());
        assertEquals("low contrast 41 (under 60)", PageQuality.judge(0, 41, 0.93, 300, 2.0, 60, 0.8).review());
        assertEquals("low mean confidence 0.62 (under 0.80)", PageQuality.judge(0, 140, 0.62, 300, 2.0, 60, 0.8).review());
        // a blank page is flagged as such, not for its confidence of 0; contrast not measured is not judged
        assertEquals("no text found (blank page, or text the recogniser cannot see)",
                PageQuality.judge(0, -1, 0, 0, 2.0, 60, 0.8).review());
    }
}
