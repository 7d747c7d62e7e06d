package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.inkstone.InkstoneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second run on an output folder that a running job holds is refused at once, in one line
 * naming the other run's process, with its own exit status; the running job is not disturbed.
 */
@RequiresTesseract
class OutputInUseTest {

    @TempDir
    Path work;

    @Test
    void secondRunOnTheSameOutputIsRefusedInOneLine() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Path output = work.resolve("output");
        Files.copy(JobTestSupport.SAMPLE, scans.resolve(JobTestSupport.SAMPLE.getFileName()));
        Process first = JobTestSupport.start(scans, output, "--workers", "1");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[first run] " + line);
                if (line.contains("pages to recognise")) {
                    break;
                }
            }
            JobTestSupport.Run second = JobTestSupport.run(scans, output, "--workers", "1");
            assertEquals(InkstoneApplication.IN_USE, second.exitCode(), second.out() + second.err());
            assertEquals("inkstone: the output folder " + output + " is in use by another run (pid " + first.pid()
                    + "); wait for it to finish or use another --output", second.err().strip());
            assertEquals("", second.out(), "nothing else is printed");
            assertTrue(first.isAlive(), "the running job goes on");
            // the first run finishes undisturbed
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[first run] " + line);
            }
        }
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        JobTestSupport.Run after = JobTestSupport.run(scans, output, "--workers", "1");
        assertEquals(0, after.exitCode(), "the folder is free again: " + after.out() + after.err());
    }
}
