package org.inkstone.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.inkstone.RequiresTesseract;
import org.inkstone.store.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole job on the sample issue with a real PostgreSQL server as its database and job
 * repository ({@code run --db URL}): the same Flyway migrations make the schema, the job
 * completes with its articles, a second run reads nothing again and stores nothing twice, no
 * embedded database is made in the output folder, and the reading room's dashboard and review
 * queue read the runs from it ({@code serve --db URL}).
 */
@RequiresTesseract
class PostgresJobTest {

    @TempDir
    Path work;

    @Test
    void theJobStoresInPostgreSql() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PostgresServer.binaries().isPresent(),
                "needs Debian's postgresql (./inkstone setup installs it)");
        Path scans = Files.createDirectories(work.resolve("scans"));
        Path output = work.resolve("output");
        Files.copy(JobTestSupport.SAMPLE, scans.resolve(JobTestSupport.SAMPLE.getFileName()));
        try (PostgresServer pg = PostgresServer.start()) {
            JobTestSupport.Run first = JobTestSupport.run(scans, output, "--workers", "1", "--db", pg.url());
            assertEquals(0, first.exitCode(), first.out() + first.err());
            assertFalse(Files.exists(output.resolve("db")), "no embedded database beside PostgreSQL");
            JsonNode articles = JobTestSupport.JSON.readTree(output.resolve("sample-issue-2025-06-03").resolve("articles.json").toFile());
            boolean jumped = false;
            for (JsonNode a : articles.get("articles")) {
                jumped |= a.get("fragments").size() == 2;
            }
            assertTrue(jumped, "the jumped article is whole");
            JobTestSupport.Run second = JobTestSupport.run(scans, output, "--workers", "1", "--db", pg.url());
            assertEquals(0, second.exitCode(), second.out() + second.err());
            try (Connection db = DriverManager.getConnection(pg.url())) {
                assertEquals(3, JobTestSupport.count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"));
                assertEquals(1, JobTestSupport.count(db, "SELECT COUNT(*) FROM document"));
                assertEquals(0, JobTestSupport.count(db, "SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line "
                        + "GROUP BY page_id, seq HAVING COUNT(*) > 1) t"), "no line stored twice");
                assertEquals(3, JobTestSupport.count(db, "SELECT SUM(write_count) FROM batch_step_execution "
                        + "WHERE step_name LIKE 'ocrWorker%'"), "every page read once over both runs");
                assertEquals(2, JobTestSupport.count(db, "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'"));
                assertTrue(JobTestSupport.count(db, "SELECT COUNT(*) FROM article") > 3);
            }
            // the reading room's dashboard and review queue over the same database
            try (var app = org.inkstone.web.ReadingRoom.start(output, 0, "--inkstone.serve.db=" + pg.url())) {
                var repository = app.getBean(org.springframework.batch.core.repository.JobRepository.class);
                assertEquals(2, repository.getJobInstances(DigitizeJobConfig.JOB_NAME, 0, 10).size(), "both runs");
                assertEquals(3, app.getBean(org.inkstone.store.Corrections.class).queue(true, 10).size());
            }
        }
    }
}
