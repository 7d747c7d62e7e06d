package org.inkstone.layout;

/**
 * What a module is built around: the key under which the analysis collects a module's column
 * segments (horizontal text) or blocks (vertical text).
 */
sealed interface Anchor {

    /** A title: the headline group with this index in the page's list of groups. */
    record Title(int group) implements Anchor {
    }

    /** A continuation line ({@code 上接…}): the index of that line on the page. */
    record Continuation(int line) implements Anchor {
    }

    /** A column of briefs: the index of its label line ({@link Briefs}). */
    record BriefColumn(int line) implements Anchor {
    }

    /** A module without title or continuation line, numbered in the order found. */
    record Headless(int number) implements Anchor {
    }
}
