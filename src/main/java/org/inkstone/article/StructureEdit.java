package org.inkstone.article;

/**
 * A reviewer's correction of article segmentation, kept beside the machine's layout and applied
 * each time a document's articles are assembled ({@link ArticleAssembler#assemble(String, java.util.List, java.util.List)}).
 * Fragments are named by {@link #key(int, int)}: their page and the sequence number on that page
 * of their first line, which stay the same however often the layout is analysed again.
 *
 * @param op       what is done
 * @param fragment the fragment it is done to
 * @param target   the fragment it is done relative to ({@link Op#LINK}, {@link Op#MOVE}); null for {@link Op#UNLINK}
 */
public record StructureEdit(Op op, String fragment, String target) {

    /** The edits. */
    public enum Op {
        /**
         * The article is cut before the fragment: it starts an article of its own with the
         * fragments after it (split an article, unlink a jump).
         */
        UNLINK,
        /**
         * The fragment, with the fragments after it in its article, continues the article of the
         * target after the target (merge two articles, link a jump); whatever followed the target
         * before becomes an article of its own.
         */
        LINK,
        /** The fragment alone leaves its article and follows the target in the target's article. */
        MOVE
    }

    /**
     * @param page    page number counted from 1
     * @param firstLine sequence number on the page of the fragment's first line (its lowest)
     * @return the fragment's name in edits, {@code PAGE:LINE}
     */
    public static String key(int page, int firstLine) {
        return page + ":" + firstLine;
    }

    /**
     * @param f a fragment of an assembled article
     * @return its name in edits
     */
    public static String key(Article.Fragment f) {
        return key(f.page(), f.headline(), f.body());
    }

    /**
     * @param page     page number counted from 1
     * @param headline sequence numbers on the page of a fragment's headline lines
     * @param body     sequence numbers on the page of its body lines
     * @return the fragment's name in edits: its page and its lowest line ({@code -1} without lines)
     */
    static String key(int page, java.util.List<Integer> headline, java.util.List<Integer> body) {
        int first = Integer.MAX_VALUE;
        for (int i : headline) {
            first = Math.min(first, i);
        }
        for (int i : body) {
            first = Math.min(first, i);
        }
        return key(page, first == Integer.MAX_VALUE ? -1 : first);
    }
}
