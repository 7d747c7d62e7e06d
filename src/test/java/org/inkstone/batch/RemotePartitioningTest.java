package org.inkstone.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.inkstone.InkstoneApplication;
import org.inkstone.RequiresTesseract;
import org.inkstone.store.PostgresServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job spread over processes: a real PostgreSQL server as store and job repository, a real
 * ActiveMQ Artemis broker (embedded in this JVM, on a TCP port), the manager ({@code run --broker
 * --db}, in this JVM) and two worker JVMs ({@code inkstone worker}). Seven pages in partitions of
 * two: every page is stored once; one worker is killed ({@code kill -9}) while it reads, and the
 * job still completes with no page lost or stored twice, the dead worker's partition read again by
 * the other. A manager killed mid-run and run again recovers and restarts the job, which finishes
 * with every page stored once. Partitions no worker took fail when the manager's wait runs out,
 * and the next run sends them again.
 */
@RequiresTesseract
class RemotePartitioningTest {

    @TempDir
    Path work;

    /** @return a scans folder with the sample issue and the named issues of the style corpus */
    private Path scans(String... styleIssues) throws IOException {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Files.copy(JobTestSupport.SAMPLE, scans.resolve(JobTestSupport.SAMPLE.getFileName()));
        for (String issue : styleIssues) {
            Files.copy(Path.of("src/test/resources/corpus/styles", issue, "scan.pdf"), scans.resolve(issue + ".pdf"));
        }
        return scans;
    }

    private static Process worker(String broker, String db, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InkstoneApplication.class.getName(),
                "worker", "--broker", broker, "--db", db, "--workers", "1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return pb.start();
    }

    @Test
    void twoWorkersReadEveryPageOnceAndAKilledWorkersPartitionIsReadAgain() throws Exception {
        Assumptions.assumeTrue(PostgresServer.binaries().isPresent(), "needs Debian's postgresql (./inkstone setup installs it)");
        Path scans = scans("issue-2025-09-16", "issue-2025-10-08");
        Path output = work.resolve("output");
        TestBroker broker = new TestBroker();
        String brokerUrl = broker.url();
        List<Process> workers = new ArrayList<>();
        try (PostgresServer pg = PostgresServer.start()) {
            // the schema first, so that the workers find it
            JobTestSupport.Run empty = JobTestSupport.run(Files.createDirectories(work.resolve("none")), output,
                    "--db", pg.url());
            assertEquals(0, empty.exitCode(), empty.out() + empty.err());
            Path w1 = work.resolve("worker1.log"), w2 = work.resolve("worker2.log");
            workers.add(worker(brokerUrl, pg.url(), w1));
            workers.add(worker(brokerUrl, pg.url(), w2));
            for (Path log : List.of(w1, w2)) {
                long until = System.currentTimeMillis() + 120_000;
                while (!Files.readString(log).contains("reading OCR partitions") && System.currentTimeMillis() < until) {
                    assertTrue(workers.stream().allMatch(Process::isAlive), "a worker died: " + Files.readString(log));
                    Thread.sleep(200);
                }
            }
            // kill the first worker once it has stored a page and is reading the next
            Thread killer = new Thread(() -> {
                try (Connection db = DriverManager.getConnection(pg.url())) {
                    long until = System.currentTimeMillis() + 300_000;
                    while (System.currentTimeMillis() < until) {
                        if (Files.readString(w1).contains("pages/min")) {
                            workers.get(0).destroyForcibly();
                            return;
                        }
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            JobTestSupport.Run run = JobTestSupport.run(scans, output, "--workers", "1", "--db", pg.url(),
                    "--broker", brokerUrl, "--inkstone.broker.partition-pages=2");
            killer.join();
            String logs = "\n--- worker 1\n" + Files.readString(w1) + "\n--- worker 2\n" + Files.readString(w2);
            assertEquals(0, run.exitCode(), run.out() + run.err() + logs);
            assertTrue(!workers.get(0).isAlive(), "the first worker was killed" + logs);
            try (Connection db = DriverManager.getConnection(pg.url())) {
                assertEquals(7, JobTestSupport.count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"), logs);
                assertEquals(0, JobTestSupport.count(db, "SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line "
                        + "GROUP BY page_id, seq HAVING COUNT(*) > 1) t"), "no line stored twice");
                assertEquals(0, JobTestSupport.count(db, "SELECT COUNT(*) FROM page p WHERE NOT EXISTS "
                        + "(SELECT 1 FROM text_line l WHERE l.page_id = p.id)"), "every page has its text");
                assertEquals(4, JobTestSupport.count(db, "SELECT COUNT(*) FROM batch_step_execution "
                        + "WHERE step_name LIKE 'ocrWorker:%' AND status = 'COMPLETED' "
                        + "AND job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)"),
                        "four partitions of two pages");
            }
            System.out.println(logs);
            // the first worker stored at most its pages before the kill; the second read the rest
            long first = Files.readString(w1).lines().filter(l -> l.contains(" ok")).count();
            long second = Files.readString(w2).lines().filter(l -> l.contains(" ok")).count();
            assertTrue(first >= 1 && first < 7 && first + second >= 7, first + " + " + second + " pages" + logs);
        } finally {
            for (Process p : workers) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            broker.close();
        }
    }

    private static Process manager(Path scans, Path output, String broker, String db, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InkstoneApplication.class.getName(),
                "run", "--scans", scans.toString(), "--output", output.toString(), "--db", db, "--broker", broker,
                "--inkstone.broker.partition-pages=1"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void aKilledManagerRunAgainResumesTheJob() throws Exception {
        Assumptions.assumeTrue(PostgresServer.binaries().isPresent(), "needs Debian's postgresql (./inkstone setup installs it)");
        Path scans = scans("issue-2025-09-16");
        Path output = work.resolve("output");
        TestBroker broker = new TestBroker();
        String brokerUrl = broker.url();
        Process worker = null;
        try (PostgresServer pg = PostgresServer.start()) {
            JobTestSupport.Run empty = JobTestSupport.run(Files.createDirectories(work.resolve("none")), output,
                    "--db", pg.url());
            assertEquals(0, empty.exitCode(), empty.out() + empty.err());
            Path wlog = work.resolve("worker.log"), mlog = work.resolve("manager.log");
            worker = worker(brokerUrl, pg.url(), wlog);
            // the manager is killed once the worker has stored a page
            Process first = manager(scans, output, brokerUrl, pg.url(), mlog);
            long until = System.currentTimeMillis() + 300_000;
            while (!Files.readString(wlog).contains(" ok") && System.currentTimeMillis() < until) {
                assertTrue(first.isAlive(), "the manager ended early: " + Files.readString(mlog));
                Thread.sleep(100);
            }
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            int before;
            try (Connection db = DriverManager.getConnection(pg.url())) {
                before = JobTestSupport.count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'");
            }
            assertTrue(before >= 1 && before < 5, before + " pages done when the manager was killed");
            // run again: the interrupted run is recovered and restarted, and finishes
            JobTestSupport.Run again = JobTestSupport.run(scans, output, "--workers", "1", "--db", pg.url(),
                    "--broker", brokerUrl, "--inkstone.broker.partition-pages=1");
            String logs = "\n--- manager\n" + Files.readString(mlog) + "\n--- worker\n" + Files.readString(wlog);
            assertEquals(0, again.exitCode(), again.out() + again.err() + logs);
            assertTrue(again.out().contains("was interrupted; recovering it"), again.out());
            try (Connection db = DriverManager.getConnection(pg.url())) {
                assertEquals(5, JobTestSupport.count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"), logs);
                assertEquals(0, JobTestSupport.count(db, "SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line "
                        + "GROUP BY page_id, seq HAVING COUNT(*) > 1) t"), "no line stored twice" + logs);
            }
        } finally {
            if (worker != null) {
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
            broker.close();
        }
    }

    @Test
    void partitionsNoWorkerTookFailAtTheTimeoutAndARestartSendsThemAgain() throws Exception {
        Assumptions.assumeTrue(PostgresServer.binaries().isPresent(), "needs Debian's postgresql (./inkstone setup installs it)");
        Path scans = scans();
        Path output = work.resolve("output");
        TestBroker broker = new TestBroker();
        Process worker = null;
        try (PostgresServer pg = PostgresServer.start()) {
            // no worker: the manager waits a minute, then fails the step and its partitions
            JobTestSupport.Run alone = JobTestSupport.run(scans, output, "--db", pg.url(), "--broker", broker.url(),
                    "--inkstone.broker.partition-pages=1", "--inkstone.broker.timeout-minutes=1");
            assertEquals(2, alone.exitCode(), alone.out() + alone.err());
            assertTrue(alone.out().contains("the workers did not finish every OCR partition"), alone.out());
            try (Connection db = DriverManager.getConnection(pg.url())) {
                assertEquals(0, JobTestSupport.count(db, "SELECT COUNT(*) FROM batch_step_execution "
                        + "WHERE step_name LIKE 'ocrWorker:%' AND status IN ('STARTING', 'STARTED')"), "no partition left running");
                assertEquals(3, JobTestSupport.count(db, "SELECT COUNT(*) FROM batch_step_execution "
                        + "WHERE step_name LIKE 'ocrWorker:%' AND status = 'FAILED'"));
            }
            // with a worker, the same command restarts the run and finishes it
            Path wlog = work.resolve("worker.log");
            worker = worker(broker.url(), pg.url(), wlog);
            JobTestSupport.Run again = JobTestSupport.run(scans, output, "--db", pg.url(), "--broker", broker.url(),
                    "--inkstone.broker.partition-pages=1");
            assertEquals(0, again.exitCode(), again.out() + again.err() + "\n--- worker\n" + Files.readString(wlog));
            assertTrue(again.out().contains("restarting run"), again.out());
            try (Connection db = DriverManager.getConnection(pg.url())) {
                assertEquals(3, JobTestSupport.count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"));
                assertEquals(0, JobTestSupport.count(db, "SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line "
                        + "GROUP BY page_id, seq HAVING COUNT(*) > 1) t"), "no line stored twice");
            }
        } finally {
            if (worker != null) {
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
            broker.close();
        }
    }
}
