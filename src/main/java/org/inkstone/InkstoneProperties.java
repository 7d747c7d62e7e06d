package org.inkstone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import org.inkstone.ocr.RecognizerKind;
import org.inkstone.preprocess.LineDetector;
import org.inkstone.SettingConstraints.RegularExpression;
import org.inkstone.SettingConstraints.ZeroOrRange;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every Inkstone setting in one typed place, bound from {@code inkstone.*} (application
 * defaults, then the job definition in {@code jobs/}, then the command line).
 *
 * <p>Each setting carries its allowed values as Jakarta Bean Validation constraints (checked by
 * Hibernate Validator). {@code inkstone run} checks them, and rejects unknown {@code inkstone.*}
 * keys, before the job starts ({@link SettingsCheck}); the constraints are also what its error
 * messages describe, so a range is stated once, here.
 *
 * @param scans   folder of scanned PDFs to digitize
 * @param output  folder for the database and the exports
 * @param workers pages recognised in parallel, 0..256 (0 = one per core)
 * @param ocr     recogniser settings
 * @param ingest  limits on input
 * @param issue   where issue metadata comes from when the pages do not show it
 * @param store   limits of the database
 * @param publish where the reading room is published, for the URLs of the library exports
 * @param keepIntermediates folder where each page's straightened image, regions and recognised
 *                          lines are written ({@code --keep-intermediates}), or null for none
 * @param broker  remote partitioning of the OCR step over a JMS broker (blank URL: none)
 * @param worker  whether this process is a worker of remote partitioning ({@code inkstone worker}),
 *                which reads the partitions the broker hands it and runs no job of its own
 * @param retryFailed whether a run tries every failed document and page of the scans folder
 *                    again, not only those that failed for a reason of the machine's
 *                    ({@code --retry-failed})
 */
@Validated
@ConfigurationProperties("inkstone")
public record InkstoneProperties(@NotNull Path scans, @NotNull Path output,
                                 @Min(0) @Max(256) int workers,
                                 @NotNull @Valid Ocr ocr, @NotNull @Valid Ingest ingest, @NotNull @Valid Issue issue,
                                 @NotNull @Valid Store store, @NotNull @Valid Publish publish, boolean retryFailed,
                                 Path keepIntermediates, @NotNull @Valid Broker broker, boolean worker) {

    /** How pages are cut for recognition ({@code inkstone.ocr.segmentation}). */
    public enum Segmentation {
        /** Inkstone straightens the page, cuts it into lines and reads them one by one. */
        REGIONS,
        /** Tesseract reads the whole page with its own layout analysis and {@code psm}. */
        PAGE
    }

    /**
     * @param tessdata     folder of Tesseract models (not blank)
     * @param language     Tesseract language, e.g. {@code chi_sim}, or several joined by {@code +}
     * @param psm          Tesseract page segmentation mode when Tesseract segments the whole page, 0..13
     * @param segmentation {@link Segmentation#REGIONS}: Inkstone straightens the page, cuts it into lines and
     *                     reads them one by one (default); {@link Segmentation#PAGE}: Tesseract reads the whole
     *                     page with {@code psm}
     * @param textHeight   largest character height lines are read at, px, 0 or 8..400: taller type is scaled
     *                     down to it; 0 keeps the scan's size
     * @param lineWidth    share of their width lines of square type are condensed to before recognition,
     *                     over 0 and at most 1 (1 = none); pages whose type is already condensed are left as
     *                     they are
     * @param review       thresholds below which a page is flagged for review
     * @param detector     how text lines are found with {@code segmentation=regions}: {@code xy-cut},
     *                     {@code db} or {@code auto} ({@link LineDetector.Kind})
     * @param recognizer   what reads the lines: {@code tesseract}, {@code paddle} or {@code best} ({@link RecognizerKind})
     * @param models       folder of the learned models ({@link org.inkstone.learned.PaddleModels}), a leading
     *                     {@code ~} being the user's home; read only when the detector or recogniser uses them
     */
    public record Ocr(@NotBlank String tessdata,
                      @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]+(\\+[A-Za-z0-9_.-]+)*",
                              message = "Tesseract model names joined by +, e.g. chi_sim or chi_sim+eng")
                      String language,
                      @Min(0) @Max(13) int psm,
                      @NotNull Segmentation segmentation,
                      @ZeroOrRange(min = 8, max = 400) int textHeight,
                      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double lineWidth,
                      @NotNull @Valid Review review,
                      @NotNull LineDetector.Kind detector,
                      @NotNull RecognizerKind recognizer,
                      @NotNull Path models) {
    }

    /**
     * When a page's estimated quality is low enough to flag it for review.
     *
     * @param maxSkew       largest skew accepted without review, degrees, 0..45
     * @param minContrast   smallest contrast accepted (paper minus ink level after background normalisation), 0..255
     * @param minConfidence smallest mean line confidence accepted, 0..1
     */
    public record Review(@DecimalMin("0") @DecimalMax("45") double maxSkew,
                         @Min(0) @Max(255) int minContrast,
                         @DecimalMin("0") @DecimalMax("1") double minConfidence) {
    }

    /**
     * @param minFreeMb space kept free on the database's disk, MB (2^20 bytes), 0..1048576 (0 turns
     *                  the check off): the job stops with "no space left" rather than write with less
     *                  (see {@code org.inkstone.store.DiskSpace})
     */
    public record Store(@Min(0) @Max(1048576) int minFreeMb) {
    }

    /** @param maxPageMegapixels largest page image accepted, megapixels (width × height / 10^6), over 0 */
    public record Ingest(@Positive int maxPageMegapixels) {
    }

    /**
     * @param newspaper   newspaper title for issues whose masthead is not read (blank: none)
     * @param filePattern regular expression ({@link java.util.regex.Pattern} syntax) over file names with named
     *                    groups {@code newspaper} and {@code date} (yyyy-MM-dd)
     */
    public record Issue(String newspaper, @RegularExpression String filePattern) {
    }

    /**
     * @param baseUrl the reading room's address as readers reach it, an absolute http or https URL
     *                ({@link org.inkstone.export.Publication}): the IIIF image URLs in METS and the ids
     *                in the IIIF manifests start with it
     * @param pdfA    whether the searchable PDF is written as PDF/A-2B where the scan allows
     *                ({@link org.inkstone.export.PdfA}); false writes plain PDF
     */
    public record Publish(@NotBlank @Pattern(regexp = "https?://[^\\s/?#]+[^\\s?#]*",
            message = "must be an absolute http or https URL, e.g. https://papers.example.org/inkstone") String baseUrl,
                          boolean pdfA) {
    }

    /**
     * Remote partitioning of the OCR step ({@code org.inkstone.batch.RemotePartitioning}).
     *
     * @param url            the JMS broker (ActiveMQ Artemis) the OCR partitions go through, e.g.
     *                       {@code tcp://broker:61616}; blank: the pages are read in this process
     * @param partitionPages pages of one partition, 1..10000: a worker takes one partition at a time
     * @param timeoutMinutes how long the manager waits for all partitions before it fails the step,
     *                       minutes, 1..100000
     */
    public record Broker(String url, @Min(1) @Max(10000) int partitionPages, @Min(1) @Max(100000) int timeoutMinutes) {
        /** @return whether the OCR step is partitioned over the broker */
        public boolean remote() {
            return url != null && !url.isBlank();
        }
    }

    /** @return the number of worker threads: {@link #workers} or the number of cores */
    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
