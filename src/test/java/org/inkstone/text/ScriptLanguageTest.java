package org.inkstone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The BCP 47 language tags the exports declare for the Tesseract models. */
class ScriptLanguageTest {

    @Test
    void chineseModelsGiveTheirScript() {
        assertEquals("zh-Hans", ScriptLanguage.of("chi_sim"));
        assertEquals("zh-Hans", ScriptLanguage.of("chi_sim_vert"));
        assertEquals("zh-Hant", ScriptLanguage.of("chi_tra"));
        assertEquals("zh-Hant", ScriptLanguage.of("chi_tra_vert"));
    }

    @Test
    void otherModelsGiveTheirTwoLetterCode() {
        assertEquals("en", ScriptLanguage.of("eng"));
        assertEquals("ja", ScriptLanguage.of("jpn_vert"));
        assertEquals("ko", ScriptLanguage.of("kor"));
        assertEquals("de", ScriptLanguage.of("deu"));
        assertEquals("de", ScriptLanguage.of("deu_latf"), "a variant: the language alone");
        assertEquals("zh", ScriptLanguage.of("chi_other"), "Chinese of no known script");
        assertEquals("fr", ScriptLanguage.of("fra"));
    }

    @Test
    void severalModelsGiveTheFirst() {
        assertEquals("zh-Hant", ScriptLanguage.of("chi_tra+eng"));
        assertEquals("en", ScriptLanguage.of("eng+chi_sim"));
    }

    @Test
    void unknownModelsAreUndetermined() {
        for (String model : new String[] {null, "", "  ", "osd", "equ", "xyz"}) {
            assertEquals("und", ScriptLanguage.of(model), String.valueOf(model));
        }
    }

    @Test
    void theRecordedModelWinsOverTheConfiguredOne() {
        assertEquals("zh-Hant", ScriptLanguage.of("chi_tra", "chi_sim"));
        assertEquals("zh-Hans", ScriptLanguage.of(null, "chi_sim"));
        assertEquals("zh-Hant", ScriptLanguage.of(" ", "chi_tra"));
        assertEquals("und", ScriptLanguage.of(null, null));
    }
}
