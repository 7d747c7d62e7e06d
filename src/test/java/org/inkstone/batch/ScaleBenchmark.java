package org.inkstone.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.inkstone.InkstoneApplication;
import org.inkstone.store.PostgresServer;

/**
 * Measures remote partitioning on this machine: a PostgreSQL server and an Artemis broker of its
 * own, the manager ({@code run --broker --db}) in this JVM and N worker JVMs of one OCR thread
 * each; prints the job's wall time, the {@code ocr} step's time and pages per minute, the
 * recognition time per page ({@code page.ocr_millis}) and what the pages added to the database
 * (its size over that of the empty schema), per page.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.inkstone.batch.ScaleBenchmark SCANS WORKERS [PARTITION-PAGES]
 * </pre>
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    /**
     * @param args the scans folder, the number of worker processes, optionally the pages per partition (default 2)
     * @throws Exception if a server does not start or the job fails
     */
    public static void main(String[] args) throws Exception {
        Path scans = Path.of(args[0]).toAbsolutePath();
        int workers = Integer.parseInt(args[1]);
        int partition = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = Files.createTempDirectory("inkstone-scale");
        TestBroker broker = new TestBroker();
        String url = broker.url();
        List<Process> started = new ArrayList<>();
        try (PostgresServer pg = PostgresServer.start()) {
            Path output = work.resolve("output");
            if (InkstoneApplication.execute("run", "--scans", Files.createDirectories(work.resolve("none")).toString(),
                    "--output", output.toString(), "--db", pg.url()) != 0) {
                throw new IllegalStateException("the schema could not be made");
            }
            long emptyBytes;
            try (Connection db = DriverManager.getConnection(pg.url())) {
                emptyBytes = single(db, "SELECT CAST(pg_database_size('inkstone') AS BIGINT)");
            }
            for (int i = 0; i < workers; i++) {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), InkstoneApplication.class.getName(),
                        "worker", "--broker", url, "--db", pg.url(), "--workers", "1")
                        .redirectErrorStream(true).redirectOutput(work.resolve("worker" + i + ".log").toFile());
                pb.environment().put("OMP_THREAD_LIMIT", "1");
                started.add(pb.start());
            }
            for (int i = 0; i < workers; i++) {
                Path log = work.resolve("worker" + i + ".log");
                while (!Files.readString(log).contains("reading OCR partitions")) {
                    Thread.sleep(200);
                }
            }
            long t0 = System.nanoTime();
            int status = InkstoneApplication.execute("run", "--scans", scans.toString(), "--output", output.toString(),
                    "--db", pg.url(), "--broker", url, "--inkstone.broker.partition-pages=" + partition);
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Connection db = DriverManager.getConnection(pg.url())) {
                int pages = single(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'");
                double ocrSeconds = single(db, "SELECT CAST(EXTRACT(EPOCH FROM (MAX(end_time) - MIN(start_time))) * 1000 AS BIGINT) "
                        + "FROM batch_step_execution WHERE step_name = 'ocr' "
                        + "AND job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)") / 1000.0;
                long ocrMillis = single(db, "SELECT CAST(SUM(ocr_millis) AS BIGINT) FROM page");
                long bytes = single(db, "SELECT CAST(pg_database_size('inkstone') AS BIGINT)");
                System.out.printf("workers=%d partition_pages=%d status=%d pages=%d job_s=%.1f ocr_step_s=%.1f "
                                + "pages_per_min=%.2f ocr_cpu_s_per_page=%.2f db_kb_per_page=%.0f%n",
                        workers, partition, status, pages, seconds, ocrSeconds, pages / (ocrSeconds / 60),
                        ocrMillis / 1000.0 / Math.max(1, pages), (bytes - emptyBytes) / 1024.0 / Math.max(1, pages));
            }
        } finally {
            for (Process p : started) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            broker.close();
        }
        System.exit(0);
    }

    private static int single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
        }
    }
}
