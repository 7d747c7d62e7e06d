package org.inkstone.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.inkstone.InkstoneProperties;
import org.inkstone.batch.DigitizeJobConfig;
import org.inkstone.batch.DocumentRefresh;
import org.inkstone.batch.OutputLock;
import org.inkstone.export.LibraryExports;
import org.inkstone.export.Publication;
import org.inkstone.export.SearchablePdfWriter;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.env.Environment;

/**
 * Brings a corrected document's articles, exports (ALTO, METS, PAGE, IIIF manifest, searchable
 * PDF, {@code articles.json}, text) and search index entries up to date ({@link DocumentRefresh})
 * with the settings of the collection it was digitized in: those its last run recorded
 * ({@link DigitizeJobConfig#LANGUAGE} and the others), else this application's. It takes the output
 * folder's {@link OutputLock} first, so it never writes beside a run; while a run holds the folder,
 * the document waits in a queue tried again every few seconds, and its correction is already
 * stored meanwhile.
 */
public class ReviewExports implements AutoCloseable {

    private static final org.apache.commons.logging.Log LOG = org.apache.commons.logging.LogFactory.getLog(ReviewExports.class);

    private final DocumentStore store;
    private final JobRepository repository;
    private final Environment env;
    private final Path output;
    private final Set<Long> waiting = new LinkedHashSet<>();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "review-exports");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param store      the document store
     * @param repository the job repository, for the settings a document's run recorded
     * @param env        this application's settings, for what no run recorded
     * @param output     the output folder
     */
    public ReviewExports(DocumentStore store, JobRepository repository, Environment env, Path output) {
        this.store = store;
        this.repository = repository;
        this.env = env;
        this.output = output;
        retry.scheduleWithFixedDelay(this::retryWaiting, 5, 5, TimeUnit.SECONDS);
    }

    /**
     * Refreshes a document now, or queues it while a run holds the output folder.
     *
     * @param documentId database id of a digitized document
     * @return {@code written}, {@code written with failures: …} or {@code waiting for the run that holds the output folder}
     * @throws IOException if the exports or the index cannot be written
     */
    public synchronized String refresh(long documentId) throws IOException {
        OutputLock lock;
        try {
            lock = OutputLock.acquire(output);
        } catch (OutputLock.InUseException e) {
            waiting.add(documentId);
            return "waiting for the run that holds the output folder";
        }
        try (lock) {
            List<LibraryExports.Failure> failures = refreshHeld(documentId);
            waiting.remove(documentId);
            return failures.isEmpty() ? "written" : "written with failures: "
                    + failures.stream().map(f -> f.export() + " (" + f.error() + ")").toList();
        }
    }

    private List<LibraryExports.Failure> refreshHeld(long documentId) throws IOException {
        DocumentRecord doc = store.document(documentId).orElseThrow(() -> new ApiErrors.NotFound("no document " + documentId));
        JobParameters p = lastRunOf(Path.of(doc.sourcePath()).getParent());
        String language = setting(p, DigitizeJobConfig.LANGUAGE);
        String baseUrl = setting(p, DigitizeJobConfig.BASE_URL);
        boolean pdfA = Boolean.parseBoolean(setting(p, DigitizeJobConfig.PDF_A));
        InkstoneProperties.Issue issue = new InkstoneProperties.Issue(setting(p, DigitizeJobConfig.NEWSPAPER),
                setting(p, DigitizeJobConfig.FILE_PATTERN));
        try (LibraryExports exports = new LibraryExports(new SearchablePdfWriter().pdfa(pdfA), System.err, language,
                new Publication(baseUrl))) {
            return new DocumentRefresh(store, issue, exports, output).refresh(documentId);
        }
    }

    private String setting(JobParameters recorded, String key) {
        String v = recorded == null ? null : recorded.getString(key);
        return v != null ? v : env.getProperty(key, "");
    }

    /** @return the parameters of the newest execution on a scans folder, or null */
    private JobParameters lastRunOf(Path scans) {
        String dir = scans == null ? "" : scans.toString();
        for (JobInstance i : repository.getJobInstances(DigitizeJobConfig.JOB_NAME, 0, 1000)) {
            JobExecution e = repository.getLastJobExecution(i);
            if (e != null && dir.equals(e.getJobParameters().getString(DigitizeJobConfig.SCANS))) {
                return e.getJobParameters();
            }
        }
        return null;
    }

    private synchronized void retryWaiting() {
        for (Long id : List.copyOf(waiting)) {
            try {
                if (refresh(id).startsWith("waiting")) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("the exports of document " + id + " could not be written after its correction: " + e.getMessage());
                waiting.remove(id);
            }
        }
    }

    @Override
    public void close() {
        retry.shutdownNow();
    }
}
