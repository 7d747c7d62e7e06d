package org.inkstone.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The language of recognised text as a BCP 47 tag (RFC 5646), from the Tesseract model it was
 * read with: what the exports declare (ALTO {@code LANG}, the searchable PDF's {@code /Lang}).
 *
 * <p>The Chinese models name a script, not a variety of Chinese, so they give {@code zh} with the
 * ISO 15924 script subtag: {@code chi_sim} and {@code chi_sim_vert} → {@code zh-Hans},
 * {@code chi_tra} and {@code chi_tra_vert} → {@code zh-Hant} (not {@code zh-CN}/{@code zh-TW}:
 * a newspaper in traditional characters may come from Hong Kong, Taiwan, Macau, Southeast Asia or
 * from before 1956). Other models are ISO 639-2 codes, as Tesseract names them: those with a
 * two-letter ISO 639-1 code give it ({@code eng} → {@code en}, {@code jpn_vert} → {@code ja},
 * {@code kor} → {@code ko}, {@code deu} → {@code de}), any suffix after {@code _} dropped. Several
 * models joined by {@code +} ({@code chi_tra+eng}) give the language of the first, the main one.
 * Anything else (a model Inkstone does not know, {@code osd}, {@code equ}, a missing or blank
 * name) gives {@code und}, BCP 47's "undetermined".
 */
public final class ScriptLanguage {

    /** BCP 47's tag for an undetermined language. */
    public static final String UNDETERMINED = "und";

    private static final Map<String, String> ISO_639_2_TO_1 = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            if (two.length() == 2) {
                ISO_639_2_TO_1.putIfAbsent(Locale.forLanguageTag(two).getISO3Language(), two);
            }
        }
        // bibliographic ISO 639-2 codes Tesseract uses where the JDK knows the terminology code
        ISO_639_2_TO_1.put("chi", "zh");
    }

    private ScriptLanguage() {
    }

    /**
     * @param model Tesseract model name(s) as given to {@code -l} or {@code inkstone.ocr.language},
     *              e.g. {@code chi_tra}, {@code chi_sim_vert}, {@code chi_tra+eng}; may be null
     * @return its BCP 47 language tag, e.g. {@code zh-Hant}; {@value #UNDETERMINED} when unknown
     */
    public static String of(String model) {
        if (model == null || model.isBlank()) {
            return UNDETERMINED;
        }
        String first = model.strip().split("\\+")[0].strip().toLowerCase(Locale.ROOT);
        if (first.endsWith("_vert")) {
            first = first.substring(0, first.length() - "_vert".length());
        }
        if (first.equals("chi_sim")) {
            return "zh-Hans";
        }
        if (first.equals("chi_tra")) {
            return "zh-Hant";
        }
        int underscore = first.indexOf('_');
        String code = underscore < 0 ? first : first.substring(0, underscore);
        return ISO_639_2_TO_1.getOrDefault(code, UNDETERMINED);
    }

    /**
     * The language of a page's text: from the model it was read with when that was recorded,
     * else from the collection's configured model.
     *
     * @param recordedModel the model stored with the page (its provenance), or null
     * @param configured    the collection's {@code inkstone.ocr.language}, or null
     * @return the BCP 47 tag, see {@link #of(String)}
     */
    public static String of(String recordedModel, String configured) {
        return of(recordedModel == null || recordedModel.isBlank() ? configured : recordedModel);
    }
}
