package org.inkstone.article;

import java.util.List;
import org.inkstone.model.Bbox;

/**
 * An article of a document: its text in reading order and where it stands on the pages.
 *
 * @param id        stable id, {@code DOCUMENT/aNNN}
 * @param kind      what the item is
 * @param title     the whole title as printed, its parts (kicker, main headline, subtitle) and
 *                  lines separated by one space; empty when none was found
 * @param heading   the title's parts
 * @param byline    who wrote it as printed ({@code 记者/林晓雨 通讯员/陈立}, {@code 李庚清 报道}),
 *                  empty when none was found; the byline stays in {@code text} where it is printed
 * @param text      cleaned body: no spaces between Chinese characters, paragraphs separated by {@code \n}
 * @param fragments the article's pieces in reading order, one box per page piece
 * @param continued jumps from one page to another, in order
 */
public record Article(String id, Kind kind, String title, Heading heading, String byline, String text,
                      List<Fragment> fragments, List<Jump> continued) {

    /** What an item on the page is. */
    public enum Kind {
        /** A news story, feature or commentary. */
        ARTICLE,
        /** A notice: 启事, 声明, 公告, 通告, 讣告. */
        NOTICE,
        /** An advertisement labelled as such (广告). */
        ADVERT
    }

    /**
     * The parts of a title.
     *
     * @param kicker   引题, the line(s) in smaller type above the main headline; empty when none
     * @param headline 主题, the main headline; empty when the article has no title
     * @param subtitle 副题, the line(s) in smaller type below it; empty when none
     */
    public record Heading(String kicker, String headline, String subtitle) {

        /** No title. */
        public static final Heading NONE = new Heading("", "", "");
    }

    /**
     * A piece of an article on one page.
     *
     * @param page       page number counted from 1
     * @param bbox       box on the page image, px
     * @param headline   sequence numbers on the page of the fragment's headline lines
     * @param body       sequence numbers on the page of its body lines, in reading order
     * @param confidence mean recognition confidence of its lines, weighted by their characters, 0–1
     * @param layoutConfidence how sure the layout analysis is that the fragment's pieces belong
     *                   together, 0–1 ({@link org.inkstone.layout.PageLayout.Module#certainty()})
     */
    public record Fragment(int page, Bbox bbox, List<Integer> headline, List<Integer> body, double confidence,
                           double layoutConfidence) {
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
