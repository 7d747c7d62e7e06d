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
 */
public record DocumentRecord(long id, String sha256, String sourceName, String sourcePath, int pageCount,
                             String status, String error) {

    /** @return the file name without its {@code .pdf} ending: the folder name of its exports */
    public String baseName() {
        return sourceName.replaceFirst("(?i)\\.pdf$", "");
    }
}
