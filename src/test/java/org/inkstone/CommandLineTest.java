package org.inkstone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code inkstone} on the command line, run in-process through {@link InkstoneApplication#execute}:
 * usage errors give one line and at most the usage line, exit status 64 and create nothing;
 * help exits 0; a missing model is one line with exit status 2; a run says where its output went.
 */
@RequiresTesseract
class CommandLineTest {

    @TempDir
    Path tmp;
    Path scans;
    Path output;

    /** What one command printed and returned. */
    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeEach
    void folders() throws IOException {
        scans = Files.createDirectories(tmp.resolve("scans"));
        output = tmp.resolve("out");
    }

    static synchronized Result execute(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = InkstoneApplication.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Result r = new Result(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        System.out.print(r.out());
        System.err.print(r.err());
        return r;
    }

    private Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--scans", scans.toString(), "--output", output.toString()));
        args.addAll(List.of(extra));
        return execute(args.toArray(String[]::new));
    }

    /** Asserts a usage error: status 64, one line naming each given word, at most the usage after it. */
    private void assertUsageError(Result r, String... named) {
        assertEquals(64, r.status(), r.err());
        List<String> lines = r.errLines();
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("usage: inkstone run"),
                "one line and at most the usage line: " + r.err());
        assertTrue(lines.get(0).startsWith("inkstone: "), r.err());
        for (String word : named) {
            assertTrue(lines.get(0).contains(word), "'" + word + "' named in: " + lines.get(0));
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out(), "nothing on standard output");
        assertFalse(Files.exists(output), "output folder created: " + output);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("--inkstone.workers=abc", "inkstone.workers", "abc", "0 to 256"),
                Arguments.of("--inkstone.workers=257", "inkstone.workers", "257", "0 to 256"),
                Arguments.of("--inkstone.ocr.psm=14", "inkstone.ocr.psm", "14", "0 to 13"),
                Arguments.of("--inkstone.ocr.segmentation=words", "inkstone.ocr.segmentation", "words", "regions, page"),
                Arguments.of("--inkstone.ocr.text-height=5", "inkstone.ocr.text-height", "5", "0 or a whole number from 8 to 400"),
                Arguments.of("--inkstone.ocr.text-height=401", "inkstone.ocr.text-height", "401", "8 to 400"),
                Arguments.of("--inkstone.ocr.line-width=0", "inkstone.ocr.line-width", "0", "over 0 and at most 1"),
                Arguments.of("--inkstone.ocr.line-width=1.5", "inkstone.ocr.line-width", "1.5", "over 0 and at most 1"),
                Arguments.of("--inkstone.ocr.review.max-skew=-1", "inkstone.ocr.review.max-skew", "-1", "from 0"),
                Arguments.of("--inkstone.ocr.review.min-contrast=300", "inkstone.ocr.review.min-contrast", "300", "0 to 255"),
                Arguments.of("--inkstone.ocr.review.min-confidence=2", "inkstone.ocr.review.min-confidence", "2", "0 to 1"),
                Arguments.of("--inkstone.ingest.max-page-megapixels=0", "inkstone.ingest.max-page-megapixels", "0", "over 0"),
                Arguments.of("--inkstone.issue.file-pattern=(?<date>", "inkstone.issue.file-pattern", "(?<date>", "regular expression"),
                Arguments.of("--inkstone.ocr.language=../chi_sim", "inkstone.ocr.language", "../chi_sim", "chi_sim"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aSettingOutOfItsRangeIsAUsageErrorNamingKeyValueAndWhatIsAllowed(String arg, String key, String value,
                                                                          String allowed) {
        assertUsageError(run(arg), key, value, allowed);
    }

    @Test
    void anUnknownSettingIsAUsageError() {
        assertUsageError(run("--inkstone.xyz=3"), "unknown setting", "inkstone.xyz");
        assertUsageError(run("--inkstone.ocr.psn=3"), "unknown setting", "inkstone.ocr.psn");
    }

    @Test
    void everyCollectionsJobDefinitionIsAccepted() throws IOException {
        List<Path> jobs;
        try (var files = Files.list(Path.of("jobs"))) {
            jobs = files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
        }
        assertTrue(jobs.size() >= 2, "the shipped collection and a second one: " + jobs);
        for (Path job : jobs) {
            // the folders on the command line: an empty scans folder, so the job only checks its settings
            Result r = run("--spring.config.additional-location=file:" + job.toAbsolutePath());
            assertEquals(0, r.status(), job + ": " + r.err() + r.out());
        }
    }

    @Test
    void aBadSettingInAFileNamesTheFileAndLine() throws IOException {
        Path job = Files.writeString(tmp.resolve("job.properties"), "# job\ninkstone.ocr.psm=99\n");
        assertUsageError(run("--spring.config.additional-location=file:" + job), "inkstone.ocr.psm", "99",
                job.toString(), "line 2");
    }

    @Test
    void badWorkersAreAUsageError() {
        assertUsageError(run("--workers", "abc"), "--workers needs a whole number from 0 to 256, not abc");
        assertUsageError(run("--workers", "-3"), "--workers", "-3");
        assertUsageError(run("--workers=300"), "--workers", "300");
        assertUsageError(run("--workers"), "--workers needs");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertUsageError(execute("run", "--output", output.toString(), "--scans"), "--scans needs a folder");
        assertUsageError(execute("run", "--scans", scans.toString(), "--output", output.toString(), "--frob"),
                "unknown option --frob");
        assertUsageError(execute("run", "--scans", scans.toString(), "--output", output.toString(), "stray"),
                "unexpected argument stray");
    }

    @Test
    void aScansFolderThatIsMissingOrAFileIsAUsageError() throws IOException {
        Path missing = tmp.resolve("nonexistent");
        assertUsageError(execute("run", "--scans", missing.toString(), "--output", output.toString()),
                missing.toString(), "does not exist");
        Path file = Files.writeString(tmp.resolve("a.pdf"), "x");
        assertUsageError(execute("run", "--scans", file.toString(), "--output", output.toString()),
                file.toString(), "not a folder");
    }

    @Test
    void anOutputThatIsAFileOrCannotBeCreatedIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        output = file;
        Result r = execute("run", "--scans", scans.toString(), "--output", file.toString());
        assertEquals(64, r.status());
        assertTrue(r.errLines().get(0).contains(file + " is a file"), r.err());
        assertTrue(r.errLines().size() <= 2, r.err());
        assertEquals("x", Files.readString(file));
        output = file.resolve("out");
        assertUsageError(execute("run", "--scans", scans.toString(), "--output", output.toString()),
                output.toString(), "cannot be created", file + " is not a folder");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
            Result r = execute(args);
            assertEquals(0, r.status(), String.join(" ", args));
            assertTrue(r.out().startsWith("usage: inkstone run"), r.out());
            assertTrue(r.out().contains("inkstone search") && r.out().contains("inkstone serve"), r.out());
            assertEquals("", r.err());
        }
        Result r = execute("run", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("usage: inkstone run"), r.out());
    }

    @Test
    void anUnknownCommandIsNamed() {
        Result r = execute("frobnicate");
        assertEquals(64, r.status());
        assertEquals("inkstone: unknown command frobnicate", r.errLines().get(0));
        assertTrue(r.errLines().size() <= 2, r.err());
        Result none = execute();
        assertEquals(64, none.status());
        assertTrue(none.err().startsWith("usage: "), none.err());
    }

    @Test
    void aMissingModelIsOneLineNamingTheFileAndPackageWithStatusTwo() throws IOException {
        Path tessdata = Files.createDirectories(tmp.resolve("tessdata"));
        Result r = run("--inkstone.ocr.tessdata=" + tessdata);
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("inkstone: Tesseract model " + tessdata.resolve("chi_sim.traineddata")
                + " not found (Debian: apt-get install tesseract-ocr-chi-sim)"), r.errLines());
        assertFalse(Files.exists(output));
        Result xyz = run("--inkstone.ocr.language=xyz");
        assertEquals(2, xyz.status(), xyz.err());
        assertEquals(1, xyz.errLines().size(), xyz.err());
        assertTrue(xyz.err().contains("xyz.traineddata") && xyz.err().contains("tesseract-ocr-xyz"), xyz.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void aModelThatFailsToLoadStopsTheJobWithoutAStackTrace() throws IOException {
        Path tessdata = Files.createDirectories(tmp.resolve("tessdata"));
        Files.write(tessdata.resolve("broken.traineddata"), new byte[] {1, 2, 3, 4});
        Files.copy(Path.of("scans").resolve(org.inkstone.fixture.SampleIssue.PDF_NAME),
                scans.resolve(org.inkstone.fixture.SampleIssue.PDF_NAME));
        Result r = run("--workers", "1", "--inkstone.ocr.tessdata=" + tessdata, "--inkstone.ocr.language=broken");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("could not load broken"), r.out());
        assertFalse((r.out() + r.err()).contains("\tat "), "stack trace on the terminal: " + r.out() + r.err());
        assertFalse((r.out() + r.err()).contains("ERROR"), "error log on the terminal: " + r.out() + r.err());
    }

    @Test
    void aRunSaysWhereItsOutputWent() {
        Result r = run();
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("digitize: output in " + output.toAbsolutePath().normalize())),
                r.out());
    }
}
