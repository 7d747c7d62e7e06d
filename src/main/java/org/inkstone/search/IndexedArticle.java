package org.inkstone.search;

import java.util.List;
import org.inkstone.article.Article;
import org.inkstone.model.Bbox;

/**
 * An article as stored in the search index: what a hit or the reading room shows of it.
 *
 * @param id        article id {@code DOCUMENT/aNNN}
 * @param document  export name of its document
 * @param title     headline, empty when none was found
 * @param text      cleaned body, paragraphs separated by {@code \n} (Chinese punctuation full-width)
 * @param newspaper newspaper title, or null when unknown
 * @param date      issue date {@code yyyy-MM-dd}, or null when unknown
 * @param fragments the article's pieces in reading order: page and box (px at scan resolution)
 * @param continued jumps from page to page, in order
 * @param map       page and line box of every character of title and text
 */
public record IndexedArticle(String id, String document, String title, String text, String newspaper, String date,
                             List<Fragment> fragments, List<Article.Jump> continued, TextMap map) {

    /**
     * A piece of the article on one page.
     *
     * @param page page number counted from 1
     * @param bbox box on the page image, px at scan resolution
     */
    public record Fragment(int page, Bbox bbox) {
    }

    /** @return the pages the article stands on, ascending, each once */
    public List<Integer> pages() {
        return fragments.stream().map(Fragment::page).distinct().sorted().toList();
    }
}
