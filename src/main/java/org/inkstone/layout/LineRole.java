package org.inkstone.layout;

/** What a text line is on a newspaper page. */
public enum LineRole {
    /** The newspaper's title block on the front page. */
    MASTHEAD,
    /** Page furniture: running head, date line, page label, editor line, page number. */
    RUNNING_HEAD,
    /**
     * Page furniture set like a heading: a section label, page banner or column name
     * ({@code 焦点}, {@code 国际}, {@code 人民时评}, {@code 全国职工总会◆对话}); not an article.
     */
    SECTION_LABEL,
    /** Headline or sub-headline of an article (larger than body text). */
    HEADLINE,
    /** Body text of an article, bylines and in-text subheads included. */
    BODY,
    /** Photo caption ({@code …摄}, {@code …供图}, {@code 图为…}). */
    CAPTION,
    /** Jump line at the end of a fragment, e.g. {@code (下转4版①)}. */
    JUMP_FROM,
    /** Continuation line at the head of a fragment, e.g. {@code ◀◀上接1版①}. */
    JUMP_TO,
    /** Recognition debris (e.g. texture in a photo): kept on the page, left out of articles. */
    NOISE
}
