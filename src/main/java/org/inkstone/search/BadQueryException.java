package org.inkstone.search;

/**
 * A query or filter that cannot be searched: empty, too long, not valid Lucene query syntax,
 * with no searchable characters, or a malformed date or page. The message says what is wrong
 * in words a researcher can act on.
 */
public class BadQueryException extends IllegalArgumentException {

    /** @param message what is wrong with the query */
    public BadQueryException(String message) {
        super(message);
    }
}
