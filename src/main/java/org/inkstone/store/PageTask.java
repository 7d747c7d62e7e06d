package org.inkstone.store;

import java.nio.file.Path;

/**
 * One page waiting to be digitized.
 *
 * @param pageId     database id of the page row
 * @param documentId database id of its document
 * @param source     the PDF file
 * @param pageNo     page number counted from 1 in PDF order
 */
public record PageTask(long pageId, long documentId, Path source, int pageNo) {
}
