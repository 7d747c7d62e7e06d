package org.inkstone.ingest;

/** One page of an otherwise readable PDF that cannot be turned into a page image. */
public class BadPageException extends Exception {

    /** @param reason what is wrong with the page, for the operator */
    public BadPageException(String reason) {
        super(reason);
    }

    /**
     * @param reason what is wrong with the page, for the operator
     * @param cause  the error that made the page unreadable, kept so that the reason can be told
     *               apart from a fault of the machine (see {@code org.inkstone.store.FailureKind})
     */
    public BadPageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
