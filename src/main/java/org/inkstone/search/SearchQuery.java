package org.inkstone.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A search as a researcher asks it.
 *
 * @param text      the query in Lucene's classic syntax: words are searched as phrases (Chinese
 *                  text as typed, without word breaks), several words must all occur, with
 *                  {@code OR}, {@code NOT}, {@code "quotes"}, {@code title:} and {@code text:}
 *                  available
 * @param from      first issue date, inclusive, as {@code yyyy-MM-dd} (or {@code yyyy-MM},
 *                  {@code yyyy}: from the first day), or null
 * @param to        last issue date, inclusive, as {@code yyyy-MM-dd} (or {@code yyyy-MM},
 *                  {@code yyyy}: to the last day), or null
 * @param newspaper newspaper title exactly as indexed, or null for any
 * @param page      only articles with a fragment on this page (counted from 1), or null
 * @param offset    hits to skip, 0 ≤ offset ≤ {@value #MAX_OFFSET}
 * @param limit     hits to return, 1 ≤ limit ≤ {@value #MAX_LIMIT}
 */
public record SearchQuery(String text, String from, String to, String newspaper, Integer page, int offset, int limit) {

    /** Longest query accepted, characters. */
    public static final int MAX_LENGTH = 200;
    /** Most hits per request. */
    public static final int MAX_LIMIT = 100;
    /** Deepest offset a request may page to. */
    public static final int MAX_OFFSET = 10_000;

    /**
     * @param text the query
     * @return a query for the first 10 hits without filters
     */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, 0, 10);
    }

    /**
     * Checks the query and its filters.
     *
     * @return this query
     * @throws BadQueryException naming the first problem found
     */
    public SearchQuery validate() {
        if (text == null || text.isBlank()) {
            throw new BadQueryException("empty query: type a word or phrase to search for");
        }
        if (text.length() > MAX_LENGTH) {
            throw new BadQueryException("query too long: " + text.length() + " characters, at most " + MAX_LENGTH);
        }
        if (page != null && page < 1) {
            throw new BadQueryException("page must be 1 or more, not " + page);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new BadQueryException("offset must be between 0 and " + MAX_OFFSET + ", not " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadQueryException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        Integer f = fromNumber(), t = toNumber();
        if (f != null && t != null && f > t) {
            throw new BadQueryException("date range is empty: " + from + " is after " + to);
        }
        return this;
    }

    /** @return the first date as the number yyyyMMdd, or null when open */
    Integer fromNumber() {
        return date(from, false);
    }

    /** @return the last date as the number yyyyMMdd, or null when open */
    Integer toNumber() {
        return date(to, true);
    }

    private static Integer date(String s, boolean end) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String d = s.strip();
        try {
            LocalDate day;
            if (d.matches("\\d{4}")) {
                day = end ? LocalDate.of(Integer.parseInt(d), 12, 31) : LocalDate.of(Integer.parseInt(d), 1, 1);
            } else if (d.matches("\\d{4}-\\d{1,2}")) {
                YearMonth m = YearMonth.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(5)));
                day = end ? m.atEndOfMonth() : m.atDay(1);
            } else if (d.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = d.split("-");
                day = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            } else {
                throw new BadQueryException("bad date '" + s + "': use yyyy-MM-dd, yyyy-MM or yyyy");
            }
            return day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
        } catch (DateTimeException e) {
            throw new BadQueryException("bad date '" + s + "': " + e.getMessage());
        }
    }
}
