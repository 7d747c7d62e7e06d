package org.inkstone;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every Inkstone setting in one typed place, bound from {@code inkstone.*} (application
 * defaults, then the job definition in {@code jobs/}, then the command line).
 *
 * @param scans   folder of scanned PDFs to digitize
 * @param output  folder for the database and the exports
 * @param workers pages recognised in parallel (0 = one per core)
 * @param ocr     recogniser settings
 * @param ingest  limits on input
 * @param issue   where issue metadata comes from when the pages do not show it
 * @param store   limits of the database
 * @param retryFailed whether a run tries every failed document and page of the scans folder
 *                    again, not only those that failed for a reason of the machine's
 *                    ({@code --retry-failed})
 */
@ConfigurationProperties("inkstone")
public record InkstoneProperties(Path scans, Path output, int workers, Ocr ocr, Ingest ingest, Issue issue,
                                 Store store, boolean retryFailed) {

    /**
     * @param tessdata folder of Tesseract models
     * @param language Tesseract language, e.g. {@code chi_sim}
     * @param psm          Tesseract page segmentation mode when Tesseract segments the whole page
     * @param segmentation {@code regions}: Inkstone straightens the page, cuts it into lines and reads
     *                     them one by one (default); {@code page}: Tesseract reads the whole page with {@code psm}
     * @param textHeight   largest character height lines are read at, px: taller type is scaled down to it; 0 keeps the scan's size
     * @param lineWidth    share of their width lines of square type are condensed to before recognition
     *                     (1 = none); pages whose type is already condensed are left as they are
     * @param review       thresholds below which a page is flagged for review
     */
    public record Ocr(String tessdata, String language, int psm, String segmentation, int textHeight,
                      double lineWidth, Review review) {
    }

    /**
     * When a page's estimated quality is low enough to flag it for review.
     *
     * @param maxSkew       largest skew accepted without review, degrees
     * @param minContrast   smallest contrast accepted (paper minus ink level after background normalisation, 0..255)
     * @param minConfidence smallest mean line confidence accepted, 0..1
     */
    public record Review(double maxSkew, int minContrast, double minConfidence) {
    }

    /**
     * @param minFreeMb space kept free on the database's disk, MB (2^20 bytes): the job stops with
     *                  "no space left" rather than write with less (see {@code org.inkstone.store.DiskSpace})
     */
    public record Store(int minFreeMb) {
    }

    /** @param maxPageMegapixels largest page image accepted, megapixels (width × height / 10^6) */
    public record Ingest(int maxPageMegapixels) {
    }

    /**
     * @param newspaper   newspaper title for issues whose masthead is not read (blank: none)
     * @param filePattern regular expression over file names with named groups {@code newspaper} and
     *                    {@code date} (yyyy-MM-dd)
     */
    public record Issue(String newspaper, String filePattern) {
    }

    /** @return the number of worker threads: {@link #workers} or the number of cores */
    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
