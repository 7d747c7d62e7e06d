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
 */
@ConfigurationProperties("inkstone")
public record InkstoneProperties(Path scans, Path output, int workers, Ocr ocr, Ingest ingest, Issue issue) {

    /**
     * @param tessdata folder of Tesseract models
     * @param language Tesseract language, e.g. {@code chi_sim}
     * @param psm      Tesseract page segmentation mode
     */
    public record Ocr(String tessdata, String language, int psm) {
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
