package org.inkstone.batch;

import java.nio.file.Path;
import org.inkstone.InkstoneProperties;
import org.inkstone.export.ArticlesJsonWriter;
import org.inkstone.export.LibraryExports;
import org.inkstone.export.Publication;
import org.inkstone.export.SearchablePdfWriter;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.ocr.RecognizerPool;
import org.inkstone.ocr.OcrSettings;
import org.inkstone.preprocess.PagePreprocessor;
import org.inkstone.store.DiskSpace;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageTask;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.support.SimplePartitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code digitize} job, five steps run in this order:
 * <ol>
 * <li>{@code catalog} ({@link CatalogTasklet}): registers the scans folder's PDFs, one pending
 * row per page; runs again on restart, so files added meanwhile are taken in;</li>
 * <li>{@code ocr}: recognises the pending pages in parallel, a local partitioned step with one
 * worker step ({@code ocrWorker:partitionN}) per worker, each with its own Tesseract engine, all
 * taking pages from one {@link PageQueue}; each page is committed on its own;</li>
 * <li>{@code layout} ({@link LayoutTasklet}): marks documents without pending pages as done,
 * analyses their pages' layout, assembles the articles and stores them, committed per document;</li>
 * <li>{@code export} ({@link ExportTasklet}): {@code articles.json}, ALTO, searchable PDF and
 * article text per document, from the database; runs again on every restart, so a restart
 * retries the exports;</li>
 * <li>{@code index} ({@link IndexTasklet}): the Lucene search index of the stored articles.</li>
 * </ol>
 * Identifying job parameters: {@code scans} (absolute path of the scans folder) and {@code run};
 * a failed or interrupted execution is restarted with Spring Batch's restart, which skips the
 * completed {@code ocr} and {@code layout} steps and runs the others again. The {@code layout},
 * {@code export} and {@code index} steps run without a transaction of their own
 * ({@link ResourcelessTransactionManager}): the store commits each document's articles itself,
 * and the other two write only files.
 */
@Configuration
public class DigitizeJobConfig {

    /** Name of the main job. */
    public static final String JOB_NAME = "digitize";
    /** Job parameter holding the absolute path of the scans folder. */
    public static final String SCANS = "scans";
    /**
     * Non-identifying job parameters a run records: its job definition file, and the collection
     * settings its exports were written with ({@code inkstone.ocr.language},
     * {@code inkstone.issue.newspaper}, {@code inkstone.issue.file-pattern},
     * {@code inkstone.publish.base-url}, {@code inkstone.publish.pdf-a}).
     */
    public static final String DEFINITION = "definition", LANGUAGE = "inkstone.ocr.language",
            NEWSPAPER = "inkstone.issue.newspaper", FILE_PATTERN = "inkstone.issue.file-pattern",
            BASE_URL = "inkstone.publish.base-url", PDF_A = "inkstone.publish.pdf-a";

    /**
     * @param step a step execution of the job
     * @return the scans folder named by the job parameter {@value #SCANS}
     */
    public static Path scans(StepExecution step) {
        return Path.of(step.getJobExecution().getJobParameters().getString(SCANS));
    }

    @Bean
    ScanPdfReader scanPdfReader(InkstoneProperties props) {
        return new ScanPdfReader(props.ingest().maxPageMegapixels() * 1_000_000L);
    }

    @Bean(destroyMethod = "close")
    RecognizerPool recognizerPool(InkstoneProperties props) {
        var o = props.ocr();
        return new RecognizerPool(o.recognizer().factory(new OcrSettings(o.tessdata(), o.language(), o.psm()), o.models()));
    }

    @Bean
    DiskSpace databaseSpace(InkstoneProperties props,
                            @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String url) {
        // the reserve guards the embedded database's log; a database server keeps its own disk
        boolean embedded = url.isBlank() || url.startsWith("jdbc:hsqldb:");
        return new DiskSpace(props.output().resolve("db"), embedded ? props.store().minFreeMb() * 1048576L : 0);
    }

    @Bean
    PageQueue pageQueue(DocumentStore store) {
        return new PageQueue(store);
    }

    @Bean
    Progress progress() {
        return new Progress(System.out);
    }

    @Bean
    ThreadPoolTaskExecutor ocrWorkers(InkstoneProperties props) {
        ThreadPoolTaskExecutor ex = new ThreadPoolTaskExecutor();
        ex.setCorePoolSize(props.workerCount());
        ex.setMaxPoolSize(props.workerCount());
        ex.setThreadNamePrefix("ocr-");
        return ex;
    }

    @Bean(destroyMethod = "close")
    LibraryExports libraryExports(InkstoneProperties props) {
        return new LibraryExports(new SearchablePdfWriter().pdfa(props.publish().pdfA()), System.err, props.ocr().language(),
                new Publication(props.publish().baseUrl()));
    }

    @Bean
    CatalogTasklet catalog(ScanPdfReader pdf, DocumentStore store, InkstoneProperties props) {
        return new CatalogTasklet(pdf, store, props.retryFailed());
    }

    @Bean
    Step catalogStep(JobRepository repo, PlatformTransactionManager tx, CatalogTasklet catalog) {
        return new StepBuilder("catalog", repo).tasklet(catalog, tx).allowStartIfComplete(true).build();
    }

    /**
     * @return the OCR of one page as every worker step does it: preprocessing with the configured
     *         line detector, recognition with the worker's engine, intermediates where asked for
     */
    static PageOcrProcessor ocrProcessor(ScanPdfReader pdf, RecognizerPool recognizers, InkstoneProperties props) {
        return new PageOcrProcessor(pdf, new PagePreprocessor(props.ocr().detector().create(props.ocr().models())), recognizers,
                props.ocr(), props.keepIntermediates() == null ? null : new Intermediates(props.keepIntermediates()));
    }

    @Bean
    Step ocrWorkerStep(JobRepository repo, PlatformTransactionManager tx, PageQueue queue, ScanPdfReader pdf,
                       RecognizerPool recognizers, DocumentStore store, Progress progress, InkstoneProperties props) {
        return new StepBuilder(RemotePartitioning.WORKER_STEP, repo).<PageTask, PageResult>chunk(1).transactionManager(tx)
                .reader(queue)
                .processor(ocrProcessor(pdf, recognizers, props))
                .writer(new PageResultWriter(store))
                .listener(progress)
                .build();
    }

    @Bean
    Step ocrStep(JobRepository repo, Step ocrWorkerStep, ThreadPoolTaskExecutor ocrWorkers, InkstoneProperties props,
                 PageQueue queue, DocumentStore store, Progress progress,
                 org.springframework.beans.factory.ObjectProvider<org.springframework.integration.channel.DirectChannel> partitionRequests,
                 org.springframework.beans.factory.BeanFactory beanFactory) {
        if (props.broker().remote() && !props.worker()) {
            // the manager of remote partitioning: the pending pages go to the workers in partitions
            RemotePartitioning.PagePartitioner partitioner =
                    new RemotePartitioning.PagePartitioner(store, props.broker().partitionPages());
            return new org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder("ocr", repo)
                    .partitioner(RemotePartitioning.WORKER_STEP, partitioner)
                    .outputChannel(partitionRequests.getObject())
                    .pollInterval(1000)
                    .timeout(props.broker().timeoutMinutes() * 60_000L)
                    .beanFactory(beanFactory)
                    .listener(loadingPending(partitioner::load, store, progress))
                    .listener(RemotePartitioning.failStalePartitions(repo))
                    .build();
        }
        return new StepBuilder("ocr", repo).partitioner(RemotePartitioning.WORKER_STEP, new SimplePartitioner())
                .step(ocrWorkerStep).gridSize(props.workerCount()).taskExecutor(ocrWorkers)
                .listener(loadingPending(queue::load, store, progress)).build();
    }

    /**
     * @param load loads the pending pages of a scans folder (into the local queue, or into
     *             partitions for remote workers) and gives their number
     * @return a listener that, before the OCR step, loads the pending pages and starts the progress count
     */
    private static StepExecutionListener loadingPending(java.util.function.ToIntFunction<Path> load,
                                                        DocumentStore store, Progress progress) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                Path scans = scans(stepExecution);
                int pending = load.applyAsInt(scans);
                progress.start(store.finishedPageCount(scans), pending);
            }
        };
    }

    @Bean
    StoredDocuments storedDocuments(DocumentStore store, InkstoneProperties props) {
        return new StoredDocuments(store, props.issue());
    }

    @Bean
    Step layoutStep(JobRepository repo, DocumentStore store, StoredDocuments documents) {
        // No step transaction: DocumentStore commits each document's articles on its own (see LayoutTasklet).
        return new StepBuilder("layout", repo)
                .tasklet(new LayoutTasklet(store, documents), new ResourcelessTransactionManager()).build();
    }

    @Bean
    Step exportStep(JobRepository repo, DocumentStore store, StoredDocuments documents, InkstoneProperties props,
                    LibraryExports exports) {
        return new StepBuilder("export", repo)
                .tasklet(new ExportTasklet(store, documents, new ArticlesJsonWriter(), exports, props.output()),
                        new ResourcelessTransactionManager())
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step indexStep(JobRepository repo, DocumentStore store, StoredDocuments documents, InkstoneProperties props) {
        return new StepBuilder("index", repo)
                .tasklet(new IndexTasklet(store, documents, props.output()), new ResourcelessTransactionManager())
                .allowStartIfComplete(true).build();
    }

    @Bean
    Job digitizeJob(JobRepository repo, Step catalogStep, Step ocrStep, Step layoutStep, Step exportStep,
                    Step indexStep) {
        return new JobBuilder(JOB_NAME, repo).start(catalogStep).next(ocrStep).next(layoutStep).next(exportStep)
                .next(indexStep).build();
    }
}
