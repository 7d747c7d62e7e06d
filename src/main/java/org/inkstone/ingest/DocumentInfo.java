package org.inkstone.ingest;

import java.nio.file.Path;

/**
 * What ingest learns about a PDF before its pages are read.
 *
 * @param path      the file
 * @param sha256    hex SHA-256 of the file's bytes: the document's identity
 * @param sizeBytes file size, bytes
 * @param pageCount number of pages, at least 1
 */
public record DocumentInfo(Path path, String sha256, long sizeBytes, int pageCount) {
}
