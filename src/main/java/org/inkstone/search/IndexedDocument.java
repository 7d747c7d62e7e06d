package org.inkstone.search;

import java.util.List;

/**
 * A digitized document (one scanned PDF, usually one newspaper issue) as the search index
 * knows it: enough to list it and to cut its page images out of the PDF, without the database.
 *
 * @param name       export name ({@code issue-2025-03-14} for {@code issue-2025-03-14.pdf}), the
 *                   prefix of its article ids
 * @param source     file name of the PDF
 * @param sourcePath absolute path where the PDF was last seen
 * @param sha256     hex SHA-256 of the PDF: the document's identity
 * @param newspaper  newspaper title, or null when unknown
 * @param date       issue date {@code yyyy-MM-dd}, or null when unknown
 * @param pages      every page of the document in page order
 * @param articles   number of articles
 */
public record IndexedDocument(String name, String source, String sourcePath, String sha256, String newspaper,
                              String date, List<Page> pages, int articles) {

    /**
     * A page of the document.
     *
     * @param page   page number counted from 1
     * @param width  page image width, px at scan resolution (0 if the page was not read)
     * @param height page image height, px at scan resolution (0 if the page was not read)
     * @param dpi    scan resolution, dots per inch (0 if not read)
     * @param status {@code done} or {@code failed}
     * @param label  printed page label (the N of 第N版), or null
     * @param rotation quarter turn clockwise from the PDF's stored page image to the page as read,
     *               0, 90, 180 or 270: its {@code /Rotate} plus any turn found on the scan (0 in
     *               indexes written before it was recorded)
     */
    public record Page(int page, int width, int height, int dpi, String status, String label, int rotation) {
    }

    /**
     * @param pageNo page number counted from 1
     * @return that page, or null when the document has no such page
     */
    public Page page(int pageNo) {
        return pages.stream().filter(p -> p.page() == pageNo).findFirst().orElse(null);
    }
}
