package org.inkstone.store;

/**
 * A stored document row.
 *
 * @param id         database id
 * @param sha256     hex SHA-256 of the file: the document's identity
 * @param sourceName file name, e.g. {@code issue-2025-03-14.pdf}
 * @param sourcePath absolute path where the file was last seen
 * @param pageCount  number of pages (0 when the file could not be opened)
 * @param status     {@code PENDING}, {@code DONE} or {@code FAILED}
 * @param error      why the document failed, or null
 * @param errorKind  whether the file or the machine was at fault when it failed, or null
 * @param exportName name of its export folder {@code OUTPUT/NAME/}, its searchable PDF and its
 *                   search index entries, prefix of its article ids ({@link ExportNames}); null for
 *                   a document that could not be read
 */
public record DocumentRecord(long id, String sha256, String sourceName, String sourcePath, int pageCount,
                             String status, String error, FailureKind errorKind,
                             String exportName) {
}
