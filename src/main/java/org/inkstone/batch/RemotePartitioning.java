package org.inkstone.batch;

import jakarta.jms.ConnectionFactory;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.inkstone.InkstoneProperties;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageTask;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The OCR step spread over processes and machines with Spring Batch's remote partitioning
 * (spring-batch-integration) through a JMS queue on an ActiveMQ Artemis broker
 * ({@code inkstone.broker.url}); the job repository and the store are a database every process
 * reaches (PostgreSQL, {@code --db}).
 *
 * <ul>
 * <li>The <b>manager</b> ({@code inkstone run --broker URL --db URL}) runs the job. Its {@code ocr}
 * step cuts the pending pages into partitions of {@code inkstone.broker.partition-pages} page ids
 * ({@link PagePartitioner}), sends one request per partition to the queue {@value #QUEUE} (the
 * step execution's ids only) and polls the job repository until every partition is done, for at
 * most {@code inkstone.broker.timeout-minutes}. The {@code layout}, {@code export} and
 * {@code index} steps run in the manager: they write the output folder, which is on its machine.</li>
 * <li>A <b>worker</b> ({@code inkstone worker --broker URL --db URL}, any number, on any machine that
 * sees the scans at the paths the manager recorded) takes one partition per OCR thread
 * ({@code inkstone.workers}) and reads its pages ({@link PartitionPages}).</li>
 * </ul>
 *
 * <p>Faults: the queue's consumers take no messages ahead ({@code consumerWindowSize=0}), so an idle
 * worker is never short of work another one hoards; requests are consumed in a transacted session,
 * so the request of a worker that dies is delivered again to another worker, which re-runs the
 * partition; a partition re-run (or a request delivered twice) reads only the pages of its
 * partition still {@code PENDING}, and a page's write replaces whatever was stored for it, so no
 * page is stored twice; object messages are deserialised only for Spring Batch's
 * {@code StepExecutionRequest} and the JDK types it holds. When the manager's wait times out (no
 * worker left), the step fails, the partitions still marked running are marked failed, and a
 * restart of the job sends the unfinished partitions again.
 */
@Configuration
public class RemotePartitioning {

    /** The queue partition requests travel on. */
    public static final String QUEUE = "inkstone.ocr.partitions";
    /** The worker step's name, as the manager's requests name it. */
    public static final String WORKER_STEP = "ocrWorker";
    /** Key of a partition's page ids in its step execution context (comma-separated). */
    static final String PAGES = "pages";

    /**
     * @param url the broker, e.g. {@code tcp://broker:61616}
     * @return a connection factory whose consumers take no messages ahead and which deserialises
     *         only partition requests
     */
    public static ActiveMQConnectionFactory connectionFactory(String url) {
        String noPrefetch = url + (url.contains("?") ? "&" : "?") + "consumerWindowSize=0";
        ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(noPrefetch);
        cf.setDeserializationAllowList("org.springframework.batch.integration.partition.StepExecutionRequest,"
                + "java.lang.Long,java.lang.Number,java.lang.String");
        return cf;
    }

    /**
     * Cuts the pending pages of the scans folder into partitions of at most {@code size} pages,
     * in document and page order.
     */
    public static final class PagePartitioner implements Partitioner {
        private final DocumentStore store;
        private final int size;
        private List<PageTask> pending = List.of();

        PagePartitioner(DocumentStore store, int size) {
            this.store = store;
            this.size = size;
        }

        /**
         * Loads the pending pages of the documents last seen in a scans folder.
         *
         * @param scans the scans folder
         * @return how many pages are pending
         */
        int load(java.nio.file.Path scans) {
            pending = store.pendingPages(scans);
            return pending.size();
        }

        /**
         * @param gridSize not used: the number of partitions follows from the pending pages
         * @return one execution context per partition, {@code partitionN} → its page ids
         */
        @Override
        public Map<String, ExecutionContext> partition(int gridSize) {
            Map<String, ExecutionContext> out = new HashMap<>();
            for (int i = 0, n = 0; i < pending.size(); i += size, n++) {
                List<String> ids = pending.subList(i, Math.min(pending.size(), i + size)).stream()
                        .map(t -> Long.toString(t.pageId())).toList();
                ExecutionContext ctx = new ExecutionContext();
                ctx.putString(PAGES, String.join(",", ids));
                out.put("partition" + n, ctx);
            }
            return out;
        }
    }

    /**
     * The pages of one partition still {@code PENDING}, loaded when the worker step starts. One
     * instance serves every OCR thread of the worker; each step execution runs in one thread and
     * keeps its pages in that thread.
     */
    public static final class PartitionPages implements ItemReader<PageTask>, StepExecutionListener {
        private final DocumentStore store;
        private final ThreadLocal<Deque<PageTask>> pages = ThreadLocal.withInitial(ArrayDeque::new);

        PartitionPages(DocumentStore store) {
            this.store = store;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            String ids = stepExecution.getExecutionContext().getString(PAGES, "");
            List<Long> pageIds = ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::parseLong).toList();
            Deque<PageTask> queue = pages.get();
            queue.clear();
            queue.addAll(store.pendingPages(pageIds));
        }

        @Override
        public PageTask read() {
            return pages.get().pollFirst();
        }
    }

    /**
     * Marks a failed manager step's partitions that are still running as failed, so that a
     * restart sends them again (a partition whose worker died stays STARTED in the repository).
     */
    static StepExecutionListener failStalePartitions(JobRepository repository) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution managerStep) {
                if (managerStep.getStatus() != BatchStatus.FAILED) {
                    return null;
                }
                JobExecution job = repository.getJobExecution(managerStep.getJobExecutionId());
                for (StepExecution s : job.getStepExecutions()) {
                    if (s.getStepName().startsWith(WORKER_STEP + ":") && s.getStatus().isRunning()) {
                        s.setStatus(BatchStatus.FAILED);
                        s.setExitStatus(ExitStatus.FAILED.addExitDescription("no worker finished this partition in time"));
                        s.setEndTime(java.time.LocalDateTime.now());
                        repository.update(s);
                    }
                }
                return null;
            }
        };
    }

    /** The manager's side: partition requests go out to the queue. */
    @Configuration
    @EnableIntegration
    @ConditionalOnExpression("'${inkstone.broker.url:}' != '' && !${inkstone.worker:false}")
    static class Manager {
        @Bean
        DirectChannel partitionRequests() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow partitionsOut(DirectChannel partitionRequests, InkstoneProperties props) {
            CachingConnectionFactory cf = new CachingConnectionFactory(connectionFactory(props.broker().url()));
            return IntegrationFlow.from(partitionRequests).handle(Jms.outboundAdapter(cf).destination(QUEUE)).get();
        }
    }

    /** The worker's side: partition requests come in from the queue, one per OCR thread. */
    @Configuration
    @EnableIntegration
    @ConditionalOnExpression("${inkstone.worker:false}")
    static class Worker {
        @Bean
        DirectChannel workerRequests() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow partitionsIn(DirectChannel workerRequests, InkstoneProperties props) {
            ConnectionFactory cf = connectionFactory(props.broker().url());
            int threads = props.workerCount();
            return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(cf).destination(QUEUE)
                            .configureListenerContainer(c -> c.concurrentConsumers(threads).maxConcurrentConsumers(threads)
                                    .sessionTransacted(true)))
                    .channel(workerRequests).get();
        }

        /** The worker step, found by its name when a request names it. */
        @Bean(WORKER_STEP)
        org.springframework.batch.core.step.Step ocrWorker(JobRepository repo,
                org.springframework.transaction.PlatformTransactionManager tx, DirectChannel workerRequests,
                org.springframework.beans.factory.BeanFactory beanFactory, DocumentStore store,
                org.inkstone.ingest.ScanPdfReader pdf, org.inkstone.ocr.RecognizerPool recognizers, Progress progress,
                InkstoneProperties props) {
            PartitionPages pages = new PartitionPages(store);
            return new org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder(WORKER_STEP, repo)
                    .inputChannel(workerRequests).beanFactory(beanFactory)
                    .<PageTask, PageResult>chunk(1).transactionManager(tx)
                    .reader(pages)
                    .processor(DigitizeJobConfig.ocrProcessor(pdf, recognizers, props))
                    .writer(new PageResultWriter(store))
                    .listener((StepExecutionListener) pages)
                    .listener(progress)
                    .build();
        }
    }

}
