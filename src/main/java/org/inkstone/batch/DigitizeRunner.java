package org.inkstone.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.inkstone.export.LibraryExports;
import org.inkstone.store.DiskSpace;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Launches {@code digitize} on a scans folder the way an operator expects: a run that was
 * interrupted (crash, {@code kill -9}) or failed on the same folder is recovered and restarted
 * by Spring Batch, continuing where it stopped; otherwise a new run starts. Prints a summary
 * naming every document and page that failed and every export that could not be written, and
 * writes the run's report ({@link BatchReport}) into {@code OUTPUT/reports/}.
 *
 * <p>Exit codes: 0 everything digitized and exported; 1 the job finished but some documents or
 * pages failed or some exports could not be written; 2 the job itself failed (e.g. no OCR model) or the scans folder is missing.
 */
@Component
public class DigitizeRunner {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final DocumentStore store;
    private final LibraryExports exports;
    private final CatalogTasklet catalog;
    private final Path output;
    private final org.inkstone.InkstoneProperties settings;
    private final String definition;
    private final PrintStream out = System.out;

    /**
     * @param operator   starts and restarts executions
     * @param repository the job repository
     * @param digitizeJob the job
     * @param store      the document store, for the summary
     * @param exports    the library exports, for the summary of failed exports
     * @param catalog    the catalog step, for the summary of entries passed over
     * @param props      the settings, for the output folder the run's report goes into ({@link BatchReport})
     *                   and the collection settings a run records
     * @param env        the environment, for the job definition file the run was given
     *                   ({@code spring.config.additional-location})
     */
    public DigitizeRunner(JobOperator operator, JobRepository repository, Job digitizeJob, DocumentStore store,
                          LibraryExports exports, CatalogTasklet catalog, org.inkstone.InkstoneProperties props,
                          org.springframework.core.env.Environment env) {
        this.operator = operator;
        this.repository = repository;
        this.job = digitizeJob;
        this.store = store;
        this.exports = exports;
        this.catalog = catalog;
        this.output = props.output();
        this.settings = props;
        List<Path> definitions = org.inkstone.RunOptions.definitionFiles(env.getProperty("spring.config.additional-location", ""));
        this.definition = definitions.isEmpty() ? "" : definitions.get(definitions.size() - 1).toString();
    }

    /**
     * Runs or resumes the job on a folder and prints the summary.
     *
     * @param scansDir folder of scanned PDFs
     * @return the exit code (0, 1 or 2, see the class comment)
     * @throws Exception if Spring Batch refuses to launch
     */
    public int run(Path scansDir) throws Exception {
        Path scans = scansDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(scans)) {
            out.println("digitize: scans folder " + scans + " does not exist");
            return 2;
        }
        long t0 = System.nanoTime();
        JobExecution execution = launch(scans);
        out.printf("digitize: %s in %.1f s%n", execution.getStatus(), Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
        report(execution, scans);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // each partition reports the same cause: say it once
            Set<String> reasons = new LinkedHashSet<>();
            boolean noSpace = false;
            for (Throwable t : execution.getAllFailureExceptions()) {
                String reason = rootMessage(t);
                if (settings.broker().remote() && reason.startsWith("Timed out waiting for task")) {
                    // the remote partitioning manager's wait ran out (RemotePartitioning)
                    reason = "the workers did not finish every OCR partition within inkstone.broker.timeout-minutes ("
                            + settings.broker().timeoutMinutes() + "); start workers (./inkstone worker --broker "
                            + settings.broker().url().replaceFirst("\\?.*", "") + " --db ...)";
                }
                reasons.add(reason);
                noSpace |= rootCause(t) instanceof DiskSpace.NoSpaceException;
            }
            if (reasons.size() > 1) {
                // the partitioned step's own failure only says that a worker failed, whose reason is there
                reasons.remove(PARTITION_FAILED);
            }
            reasons.forEach(r -> out.println("digitize: job failed: " + r));
            out.println(noSpace ? "digitize: free space on that disk, then run the same command again to resume"
                    : "digitize: run the same command again to resume");
            return 2;
        }
        return summary(scans);
    }

    /** Writes the run's report and names it; a report that cannot be written is said, and the run goes on. */
    private void report(JobExecution execution, Path scans) {
        Long run = execution.getJobParameters().getLong("run");
        try {
            List<Path> files = BatchReport.write(output, run == null ? execution.getId() : run, execution.getId(),
                    execution.getStatus().toString(), scans, store.documentsIn(scans), store.pageStatuses(scans));
            out.println("digitize: report " + files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")));
        } catch (IOException | RuntimeException e) {
            out.println("digitize: the run's report could not be written: " + rootMessage(e));
        }
    }

    private JobExecution launch(Path scans) throws Exception {
        JobInstance last = repository.getLastJobInstance(DigitizeJobConfig.JOB_NAME);
        JobExecution lastExecution = last == null ? null : repository.getLastJobExecution(last);
        if (lastExecution != null && lastExecution.getStatus().isRunning()) {
            // The database is locked by this process, so a "running" execution is one that died.
            out.println("digitize: run " + lastExecution.getId() + " was interrupted; recovering it");
            lastExecution = operator.recover(lastExecution);
        }
        if (lastExecution != null && restartable(lastExecution.getStatus())
                && scans.toString().equals(lastExecution.getJobParameters().getString(DigitizeJobConfig.SCANS))) {
            out.println("digitize: restarting run " + lastExecution.getId());
            return operator.restart(lastExecution);
        }
        // Not identifying: the job definition and the collection settings the exports were
        // written with, for the dashboard's restart and for re-exports after a correction
        JobParametersBuilder params = new JobParametersBuilder()
                .addString(DigitizeJobConfig.SCANS, scans.toString())
                .addLong("run", nextRunNumber(lastExecution));
        if (!definition.isBlank()) {
            params.addString(DigitizeJobConfig.DEFINITION, definition, false);
        }
        params.addString(DigitizeJobConfig.LANGUAGE, settings.ocr().language(), false)
                .addString(DigitizeJobConfig.NEWSPAPER, nonNull(settings.issue().newspaper()), false)
                .addString(DigitizeJobConfig.FILE_PATTERN, nonNull(settings.issue().filePattern()), false)
                .addString(DigitizeJobConfig.BASE_URL, settings.publish().baseUrl(), false)
                .addString(DigitizeJobConfig.PDF_A, Boolean.toString(settings.publish().pdfA()), false);
        return operator.start(job, params.toJobParameters());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static long nextRunNumber(JobExecution last) {
        Long run = last == null ? null : last.getJobParameters().getLong("run");
        return run == null ? 1L : run + 1;
    }

    private static boolean restartable(BatchStatus s) {
        return s == BatchStatus.FAILED || s == BatchStatus.STOPPED || s == BatchStatus.UNKNOWN;
    }

    private int summary(Path scans) {
        List<DocumentRecord> docs = store.documentsIn(scans);
        List<DocumentStore.FailedPage> failedPages = store.failedPages(scans);
        long failedDocs = docs.stream().filter(d -> DocumentStore.FAILED.equals(d.status())).count();
        int pages = docs.stream().mapToInt(DocumentRecord::pageCount).sum();
        List<LibraryExports.Failure> failedExports = exports.failures();
        out.printf("digitize: %d documents (%d failed), %d pages (%d failed)%n", docs.size(), failedDocs, pages,
                failedPages.size());
        List<DocumentStore.FailedPage> review = store.pagesForReview(scans);
        if (!review.isEmpty()) {
            out.println("digitize: " + review.size() + " pages flagged for review (their text is stored):");
            review.forEach(p -> out.println("  " + p.sourceName() + " page " + p.pageNo() + ": " + p.error()));
        }
        if (!failedExports.isEmpty()) {
            out.printf("digitize: %d exports failed%n", failedExports.size());
        }
        List<CatalogTasklet.Skipped> skipped = catalog.skipped();
        if (!skipped.isEmpty()) {
            out.println("digitize: " + skipped.size() + " entries named *.pdf passed over:");
            skipped.forEach(s -> out.println("  " + s.file().getFileName() + ": " + s.reason()));
        }
        if (failedDocs == 0 && failedPages.isEmpty() && failedExports.isEmpty() && skipped.isEmpty()) {
            return 0;
        }
        out.println("digitize: failed:");
        docs.stream().filter(d -> DocumentStore.FAILED.equals(d.status()))
                .forEach(d -> out.println("  " + d.sourceName() + ": " + d.error()));
        failedPages.forEach(p -> out.println("  " + p.sourceName() + " page " + p.pageNo() + ": " + p.error()));
        failedExports.forEach(f -> out.println("  " + f.sourceName() + " " + f.export() + " export (" + f.path() + "): "
                + f.error()));
        return 1;
    }

    /** The message of Spring Batch's partitioned step when one of its workers failed. */
    private static final String PARTITION_FAILED = "Partition handler returned an unsuccessful step";

    /**
     * @param t a failure
     * @return the innermost cause of {@code t} ({@code t} itself when it has none)
     */
    public static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * @param t a failure
     * @return the message of its innermost cause, or that cause's class name when it has none
     */
    public static String rootMessage(Throwable t) {
        Throwable root = rootCause(t);
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }
}
