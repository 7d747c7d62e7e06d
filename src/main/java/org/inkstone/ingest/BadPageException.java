package org.inkstone.ingest;

/** One page of an otherwise readable PDF that cannot be turned into a page image. */
public class BadPageException extends Exception {

    /** @param reason what is wrong with the page, for the operator */
    public BadPageException(String reason) {
        super(reason);
    }
}
