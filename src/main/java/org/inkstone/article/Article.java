package org.inkstone.article;

import java.util.List;
import org.inkstone.model.Bbox;

/**
 * An article of a document: its text in reading order and where it stands on the pages.
 *
 * @param id        stable id, {@code DOCUMENT/aNNN}
 * @param title     headline, empty when none was found
 * @param text      cleaned body: no spaces between Chinese characters, paragraphs separated by {@code \n}
 * @param fragments the article's pieces in reading order, one box per page piece
 * @param continued jumps from one page to another, in order
 */
public record Article(String id, String title, String text, List<Fragment> fragments, List<Jump> continued) {

    /**
     * A piece of an article on one page.
     *
     * @param page     page number counted from 1
     * @param bbox     box on the page image, px
     * @param headline sequence numbers on the page of the fragment's headline lines
     * @param body     sequence numbers on the page of its body lines, in reading order
     */
    public record Fragment(int page, Bbox bbox, List<Integer> headline, List<Integer> body) {
    }

    /**
     * A jump line joining two fragments.
     *
     * @param fromPage page of the fragment that ends with the marker
     * @param toPage   page where the article continues
     * @param marker   the jump marker as printed, e.g. {@code 下转4版①}
     */
    public record Jump(int fromPage, int toPage, String marker) {
    }
}
