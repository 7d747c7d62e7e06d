package org.inkstone.batch;

import java.nio.file.Path;
import org.inkstone.InkstoneProperties;
import org.inkstone.export.ArticlesJsonWriter;
import org.inkstone.export.LibraryExports;
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
 * The {@code digitize} job: {@code catalog} (register the scans folder's PDFs) →
 * {@code ocr} (pages in parallel: a local partitioned step with one worker step per core, each
 * worker with its own Tesseract engine, all taking pages from one {@link PageQueue}) →
 * {@code export} ({@code articles.json}, ALTO, searchable PDF and article text per document). Identifying job parameters: {@code scans}
 * (absolute path of the scans folder) and {@code run}; a failed or interrupted execution is
 * restarted with Spring Batch's restart, which skips the completed work.
 */
@Configuration
public class DigitizeJobConfig {

    /** Name of the main job. */
    public static final String JOB_NAME = "digitize";
    /** Job parameter holding the absolute path of the scans folder. */
    public static final String SCANS = "scans";

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
        return new RecognizerPool(o.recognizer().factory(new OcrSettings(o.tessdata(), o.language(), o.psm())));
    }

    @Bean
    DiskSpace databaseSpace(InkstoneProperties props) {
        return new DiskSpace(props.output().resolve("db"), props.store().minFreeMb() * 1048576L);
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
    LibraryExports libraryExports() {
        return new LibraryExports(new SearchablePdfWriter(), System.err);
    }

    @Bean
    CatalogTasklet catalog(ScanPdfReader pdf, DocumentStore store, InkstoneProperties props) {
        return new CatalogTasklet(pdf, store, props.retryFailed());
    }

    @Bean
    Step catalogStep(JobRepository repo, PlatformTransactionManager tx, CatalogTasklet catalog) {
        return new StepBuilder("catalog", repo).tasklet(catalog, tx).allowStartIfComplete(true).build();
    }

    @Bean
    Step ocrWorkerStep(JobRepository repo, PlatformTransactionManager tx, PageQueue queue, ScanPdfReader pdf,
                       RecognizerPool recognizers, DocumentStore store, Progress progress, InkstoneProperties props) {
        return new StepBuilder("ocrWorker", repo).<PageTask, PageResult>chunk(1).transactionManager(tx)
                .reader(queue)
                .processor(new PageOcrProcessor(pdf, new PagePreprocessor(props.ocr().detector().create()), recognizers,
                        props.ocr(), props.keepIntermediates() == null ? null
                                : new Intermediates(props.keepIntermediates())))
                .writer(new PageResultWriter(store))
                .listener(progress)
                .build();
    }

    @Bean
    Step ocrStep(JobRepository repo, Step ocrWorkerStep, ThreadPoolTaskExecutor ocrWorkers, InkstoneProperties props,
                 PageQueue queue, DocumentStore store, Progress progress) {
        StepExecutionListener loadQueue = new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                Path scans = scans(stepExecution);
                int pending = queue.load(scans);
                progress.start(store.finishedPageCount(scans), pending);
            }
        };
        return new StepBuilder("ocr", repo).partitioner("ocrWorker", new SimplePartitioner())
                .step(ocrWorkerStep).gridSize(props.workerCount()).taskExecutor(ocrWorkers)
                .listener(loadQueue).build();
    }

    @Bean
    Step exportStep(JobRepository repo, DocumentStore store, InkstoneProperties props, LibraryExports exports) {
        // No step transaction: DocumentStore commits each document's articles on its own (see ExportTasklet).
        return new StepBuilder("export", repo)
                .tasklet(new ExportTasklet(store, new ArticlesJsonWriter(), exports, props.output(), props.issue()),
                        new ResourcelessTransactionManager())
                .allowStartIfComplete(true).build();
    }

    @Bean
    Job digitizeJob(JobRepository repo, Step catalogStep, Step ocrStep, Step exportStep) {
        return new JobBuilder(JOB_NAME, repo).start(catalogStep).next(ocrStep).next(exportStep).build();
    }
}
