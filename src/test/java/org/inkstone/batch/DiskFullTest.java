package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.inkstone.batch.JobTestSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.inkstone.InkstoneApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while the job runs: the job stops with one clear line, nothing is
 * reported as done that is not on disk, what was committed is there when the database is
 * opened again, and the next run finishes the rest.
 *
 * <p>The tests that fill a real disk mount a small tmpfs file system and fill it with a ballast
 * file at a chosen moment of a job running in its own process; they need root (CI runs as root)
 * and are skipped where {@code mount} is refused. {@link #refusesToWriteWithoutTheReserve} needs
 * no mount: a reserve larger than the disk's free space is a full disk to the job.
 */
@RequiresTesseract
class DiskFullTest {

    private static final long MB = 1048576L;

    @TempDir
    Path work;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", "-l", mounted.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void diskFullDuringRecognitionStopsCleanlyAndLosesNothing() throws Exception {
        Path disk = tmpfs(96);
        Path scans = sampleScans();
        Path output = disk.resolve("out");
        List<String> lines = new ArrayList<>();
        int code = runInProcess(scans, output, lines, line -> line.contains(" p1 ok"), disk, MB / 4);
        String all = String.join("\n", lines);
        assertEquals(2, code, all);
        assertTrue(all.contains("digitize: job failed: no space left on device for " + output.resolve("db")), all);
        assertTrue(all.contains("free space on that disk, then run the same command again to resume"), all);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("digitize: job failed:")).count(), "one reason: " + all);
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no stack trace on the terminal: " + all);
        assertTrue(lines.size() < 15, "a few clear lines: " + all);
        assertTrue(Files.readString(output.resolve(InkstoneApplication.LOG)).contains("NoSpaceException"),
                "the details, with the stack trace, are in the log");
        long reportedOk = lines.stream().filter(l -> l.matches("digitize: \\d+/3 pages.* ok")).count();
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(reportedOk, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"),
                    "every page reported done is stored, no other: " + all);
            assertEquals(0, count(db, "SELECT COUNT(*) FROM page WHERE status = 'FAILED'"), "no page is blamed");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'"));
        }

        Files.delete(disk.resolve("ballast"));
        JobTestSupport.Run again = JobTestSupport.run(scans, output, "--workers", "1");
        assertEquals(0, again.exitCode(), again.out());
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(3, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line GROUP BY page_id, seq "
                    + "HAVING COUNT(*) > 1)"));
        }
    }

    @Test
    void diskFullDuringExportKeepsTheStoredArticles() throws Exception {
        Path disk = tmpfs(96);
        Path scans = sampleScans();
        Path output = disk.resolve("out");
        List<String> lines = new ArrayList<>();
        // after the last page, leave 1 MB over the database's reserve: the exports take more than that
        int code = runInProcess(scans, output, lines, line -> line.contains(" p3 ok"), disk, 65 * MB);
        String all = String.join("\n", lines);
        assertEquals(2, code, "the run says the database could not be written: " + all);
        assertTrue(all.contains("digitize: job failed: no space left on device for " + output.resolve("db")), all);
        assertFalse(all.contains("COMPLETED"), all);
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(7, count(db, "SELECT COUNT(*) FROM article"), "the articles reached the disk: " + all);
            assertEquals(3, count(db, "SELECT COUNT(*) FROM page WHERE status = 'DONE'"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'"),
                    "the job is recorded as failed, not left running");
            List<JobTestSupport.StepRun> steps = JobTestSupport.steps(db, JobTestSupport.executions(db).get(0));
            assertEquals(List.of("catalog", "ocr", "layout", "export"), JobTestSupport.stepNames(steps));
            assertEquals("COMPLETED", JobTestSupport.step(steps, "layout").status());
            assertEquals(1, JobTestSupport.step(steps, "layout").write(), "the articles were stored first");
            assertEquals("FAILED", JobTestSupport.step(steps, "export").status());
        }

        Files.delete(disk.resolve("ballast"));
        JobTestSupport.Run again = JobTestSupport.run(scans, output, "--workers", "1");
        assertEquals(0, again.exitCode(), again.out());
        assertFalse(again.out().contains(" ok"), "no page is recognised again: " + again.out());
        assertTrue(Files.exists(output.resolve("sample-issue-2025-06-03/sample-issue-2025-06-03.pdf")));
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(7, count(db, "SELECT COUNT(*) FROM article"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE"), "the failed run was restarted");
            // the restart skips the completed ocr and layout steps and writes the exports and the index
            List<JobTestSupport.StepRun> steps = JobTestSupport.steps(db, JobTestSupport.executions(db).get(1));
            assertEquals(List.of("catalog", "export", "index"), JobTestSupport.stepNames(steps));
            assertEquals(1, JobTestSupport.step(steps, "export").write());
            assertEquals(1, JobTestSupport.step(steps, "index").write());
        }
    }

    @Test
    void refusesToWriteWithoutTheReserve() throws Exception {
        Path scans = sampleScans();
        Path output = work.resolve("out");
        long free = Files.getFileStore(work).getUsableSpace();
        JobTestSupport.Run run = JobTestSupport.run(scans, output,
                "--inkstone.store.min-free-mb=" + (free / MB + 1024));
        String all = run.out() + run.err();
        assertEquals(2, run.exitCode(), all);
        assertTrue(run.out().contains("no space left on device for " + output.resolve("db")), all);
        assertFalse(all.contains("\tat "), "no stack trace on the terminal: " + all);
        assertFalse(run.out().contains(" ok"), all);
    }

    private Path sampleScans() throws IOException {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Files.copy(JobTestSupport.SAMPLE, scans.resolve(JobTestSupport.SAMPLE.getFileName()));
        return scans;
    }

    /** Mounts a tmpfs of {@code mb} megabytes, or skips the test where that is refused. */
    private Path tmpfs(int mb) throws Exception {
        Path dir = Files.createDirectories(work.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + mb + "m", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(ok, "cannot mount a tmpfs here (needs root): " + new String(p.getInputStream().readAllBytes()));
        mounted = dir;
        return dir;
    }

    /**
     * Runs the job in its own process with one worker; when a line of its output matches
     * {@code fillWhen}, writes a ballast file on {@code disk} that leaves {@code leaveFree} bytes free.
     *
     * @return the exit code; {@code lines} gets every line the job printed
     */
    private static int runInProcess(Path scans, Path output, List<String> lines, Predicate<String> fillWhen, Path disk,
                                    long leaveFree) throws Exception {
        Process job = JobTestSupport.start(scans, output, "--workers", "1");
        boolean filled = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[job] " + line);
                lines.add(line);
                if (!filled && fillWhen.test(line)) {
                    fill(disk.resolve("ballast"), Files.getFileStore(disk).getUsableSpace() - leaveFree);
                    filled = true;
                }
            }
        }
        assertTrue(job.waitFor(120, TimeUnit.SECONDS));
        assertTrue(filled, "the disk was filled");
        return job.exitValue();
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[(int) MB];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= block.length) {
                o.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }
}
