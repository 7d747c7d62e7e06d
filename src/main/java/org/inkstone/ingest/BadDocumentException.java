package org.inkstone.ingest;

/** A file that cannot be digitized as a whole: empty, not a PDF, corrupt, encrypted or without pages. */
public class BadDocumentException extends Exception {

    /** @param reason what is wrong with the file, for the operator */
    public BadDocumentException(String reason) {
        super(reason);
    }
}
