package org.inkstone.search;

import com.github.houbb.opencc4j.support.datamap.impl.DataMaps;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds traditional Chinese characters in each token to their simplified form, character by
 * character, so that text printed in either script is indexed and searched alike: {@code 地鐵}
 * and {@code 地铁} both become {@code 地铁}. Only the term is changed, never the token's offsets,
 * so match offsets, snippets and highlights point at the characters as printed.
 *
 * <p>The table is OpenCC's {@code TSCharacters} (traditional → simplified, one character to
 * one), as the {@code opencc4j} library ships it. Where OpenCC gives several simplified forms
 * it lists the usual one first, and that one is taken ({@code 乾} stays {@code 乾}, not
 * {@code 干}; {@code 儘} → {@code 尽}); a mapping that leads to a character that folds further
 * ({@code 薴} → {@code 苧} → {@code 苎}) is followed to its end, so folding twice changes
 * nothing. Characters that are already simplified, or not Chinese, stay as they are. The fold is
 * by character, not by phrase: OpenCC's phrase tables (e.g. {@code 乾燥} → {@code 干燥}) are not
 * used, so a simplified query whose characters have several traditional forms finds only
 * the traditional text whose characters fold to it.
 *
 * <p>Put it after the tokenizer (one token per Han character) and before bigrams are made.
 */
public final class SimplifiedFoldFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    /** @param input the tokens to fold */
    public SimplifiedFoldFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String folded = foldOrNull(term);
        if (folded != null) {
            term.setEmpty().append(folded);
        }
        return true;
    }

    /**
     * @param text any text
     * @return the text with every traditional character replaced by its simplified form
     */
    public static String fold(CharSequence text) {
        String folded = foldOrNull(text);
        return folded == null ? text.toString() : folded;
    }

    /** @return the folded text, or null when nothing changes (the common case, no copy) */
    private static String foldOrNull(CharSequence text) {
        Map<Integer, Integer> table = Table.TS;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            int n = Character.charCount(cp);
            Integer to = table.get(cp);
            if (to != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(to != null ? to : cp);
            }
            i += n;
        }
        return out == null ? null : out.toString();
    }

    /** The traditional → simplified table, code point to code point, loaded on first use. */
    private static final class Table {
        static final Map<Integer, Integer> TS = load();

        private static Map<Integer, Integer> load() {
            Map<Integer, Integer> first = new HashMap<>();
            for (Map.Entry<String, List<String>> e : DataMaps.defaults().tsChar().entrySet()) {
                String from = e.getKey();
                List<String> to = e.getValue();
                if (to == null || to.isEmpty() || from.codePointCount(0, from.length()) != 1) {
                    continue;
                }
                String simple = to.get(0);
                if (simple.codePointCount(0, simple.length()) == 1 && !simple.equals(from)) {
                    first.put(from.codePointAt(0), simple.codePointAt(0));
                }
            }
            Map<Integer, Integer> table = new HashMap<>(first.size() * 2);
            for (Map.Entry<Integer, Integer> e : first.entrySet()) {
                int to = e.getValue();
                for (int hops = 0; hops < 8 && first.containsKey(to) && first.get(to) != to; hops++) {
                    to = first.get(to);
                }
                table.put(e.getKey(), to);
            }
            return Map.copyOf(table);
        }
    }
}
