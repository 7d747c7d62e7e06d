package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.inkstone.batch.JobTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inkstone.InkstoneApplication;
import org.inkstone.batch.JobTestSupport.StepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job process is killed with SIGKILL after its first page is stored; running the job again
 * restarts the interrupted Spring Batch execution and finishes the other pages, with no page
 * lost or stored twice.
 */
@RequiresTesseract
class RestartAfterKillTest {

    @TempDir
    Path work;

    @Test
    void resumesAfterKill9() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Path output = work.resolve("output");
        Files.copy(JobTestSupport.SAMPLE, scans.resolve(JobTestSupport.SAMPLE.getFileName()));

        Process job = JobTestSupport.start(scans, output, "--workers", "1");
        int storedBeforeKill = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern progress = Pattern.compile("digitize: (\\d+)/3 pages");
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[killed job] " + line);
                Matcher m = progress.matcher(line);
                if (m.find()) {
                    storedBeforeKill = Integer.parseInt(m.group(1));
                    job.destroyForcibly(); // SIGKILL: no shutdown hooks, no database checkpoint
                    break;
                }
            }
        }
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, storedBeforeKill, "killed after the first page was stored");

        JobTestSupport.Run resumed = JobTestSupport.run(scans, output, "--workers", "1");
        assertEquals(0, resumed.exitCode(), resumed.out());
        assertTrue(resumed.out().contains("was interrupted; recovering it"), resumed.out());
        assertTrue(resumed.out().contains("restarting run"), resumed.out());

        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(1, count(db, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE"), "same job instance, restarted");
            assertEquals(2, count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION"));
            List<Long> executions = JobTestSupport.executions(db);
            List<StepRun> killed = JobTestSupport.steps(db, executions.get(0));
            List<StepRun> restarted = JobTestSupport.steps(db, executions.get(1));
            assertEquals(List.of("catalog", "ocr"), JobTestSupport.stepNames(killed), "killed while recognising");
            assertEquals(List.of("catalog", "ocr", "layout", "export", "index"), JobTestSupport.stepNames(restarted));
            restarted.forEach(s -> assertEquals("COMPLETED", s.status(), s.toString()));
            StepRun catalog = JobTestSupport.step(restarted, "catalog");
            assertEquals(1, catalog.filter(), "the document is known: " + catalog);
            assertEquals(0, catalog.write(), catalog.toString());
            long recognisedAgain = JobTestSupport.step(restarted, "ocr").read();
            assertTrue(recognisedAgain >= 1 && recognisedAgain <= 2,
                    "the page stored before the kill is not recognised again: " + restarted);
            // every page is written by exactly one worker step over both executions: none is stored twice
            long written = 0;
            for (long id : executions) {
                written += JobTestSupport.workers(JobTestSupport.steps(db, id)).stream().mapToLong(StepRun::write).sum();
            }
            assertEquals(3, written);
            for (String name : List.of("layout", "export", "index")) {
                assertEquals(1, JobTestSupport.step(restarted, name).write(), name);
            }
            assertEquals(3, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"));
            assertEquals(3, count(db, "SELECT COUNT(DISTINCT page_id) FROM text_line"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line GROUP BY page_id, seq "
                    + "HAVING COUNT(*) > 1)"));
        }
        assertTrue(Files.exists(output.resolve("sample-issue-2025-06-03/articles.json")));
    }
}
