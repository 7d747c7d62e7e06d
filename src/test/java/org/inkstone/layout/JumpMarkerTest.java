package org.inkstone.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JumpMarkerTest {

    @ParameterizedTest
    @CsvSource({
            "(下转4版),          JUMP_FROM, 4, 0, 下转4版",
            "下转第4版,           JUMP_FROM, 4, 0, 下转4版",
            "(转4版),            JUMP_FROM, 4, 0, 下转4版",
            "▶▶下转04版①,        JUMP_FROM, 4, 1, 下转4版①",
            "（下转4版②）,        JUMP_FROM, 4, 2, 下转4版②",
            "◀◀上接1版①,         JUMP_TO,   1, 1, 上接1版①",
            "(上接第1版),         JUMP_TO,   1, 0, 上接1版",
            "（上接第12版③）,     JUMP_TO,  12, 3, 上接12版③",
            "十可上接]版四,        JUMP_TO,   1, 0, 上接1版",
            "(下转4版GD),         JUMP_FROM, 4, 0, 下转4版",
            "本可上接2版引,        JUMP_TO,   2, 0, 上接2版",
            "(下转第四版),         JUMP_FROM, 4, 0, 下转4版",
            "（上接第十二版②）,   JUMP_TO,  12, 2, 上接12版②",
            "（转二十版）,         JUMP_FROM, 20, 0, 下转20版",
            "上接一〇版,           JUMP_TO,  10, 0, 上接10版",
            "(下转第?版),          JUMP_FROM, 0, 0, 下转?版",
            "（下转第■版②）,      JUMP_FROM, 0, 2, 下转?版②"})
    void parsesTheUsualFormsAndCommonMisreadings(String text, LineRole kind, int page, int key, String canonical) {
        JumpMarker m = JumpMarker.parseLine(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
        assertEquals(kind, m.kind());
        assertEquals(page, m.page());
        assertEquals(key, m.key());
        assertEquals(canonical, m.marker());
    }

    @ParameterizedTest
    @ValueSource(strings = {"推动长沙研发成果在株洲转", "承接苏州产业转移,可谓", "据悉，该项目将于下转运中心4版块投用后", "接下来,市人社局将组织“", "接十十版", "上下转动版面", ""})
    void leavesBodyTextAlone(String text) {
        assertTrue(JumpMarker.parseLine(text).isEmpty(), text);
    }

    @org.junit.jupiter.api.Test
    void aContinuationMarkerOpeningABodyLineIsReadWithTheTextAfterIt() {
        JumpMarker.Leading l = JumpMarker.parseLeading("（上接第1版）水库管理处将在今冬").orElseThrow();
        assertEquals(LineRole.JUMP_TO, l.marker().kind());
        assertEquals(1, l.marker().page());
        assertEquals("水库管理处将在今冬", "（上接第1版）水库管理处将在今冬".substring(l.end()));
        assertEquals(2, JumpMarker.parseLeading("◀◀上接1版②本报讯").orElseThrow().marker().key());
        assertTrue(JumpMarker.parseLeading("接上级通知，本周起").isEmpty());
        assertTrue(JumpMarker.parseLeading("（上接第1版）").isEmpty(), "a line that is only the marker is a continuation line");
    }
}
