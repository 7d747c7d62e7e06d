package org.inkstone.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.InkstoneApplication;
import org.inkstone.fixture.SampleIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the real job in this JVM and reads what it left behind. */
final class JobTestSupport {

    /** The sample issue the project ships in {@code scans/}. */
    static final Path SAMPLE = Path.of("scans", SampleIssue.PDF_NAME);
    static final Path SAMPLE_TRUTH = Path.of("scans", SampleIssue.TRUTH_NAME);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private JobTestSupport() {
    }

    /** Exit code, standard output and standard error of one run. */
    record Run(int exitCode, String out, String err) {
    }

    /** Something that runs like a command and gives its exit code. */
    @FunctionalInterface
    interface Command {
        int run() throws Exception;
    }

    /** Runs {@code inkstone run} in-process, capturing standard output and standard error. */
    static Run run(Path scans, Path output, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--scans", scans.toString(), "--output", output.toString()));
        args.addAll(List.of(extra));
        return capture(() -> InkstoneApplication.execute(args.toArray(String[]::new)));
    }

    /** Runs a command in-process, capturing standard output and standard error (echoed afterwards). */
    static synchronized Run capture(Command command) {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = command.run();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.out.print(out.toString(StandardCharsets.UTF_8));
            System.err.print(err.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Starts {@code inkstone run} in a process of its own (this JVM's java and class path), its
     * standard error merged into its standard output.
     */
    static Process start(Path scans, Path output, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InkstoneApplication.class.getName(),
                "run", "--scans", scans.toString(), "--output", output.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Opens the job's HSQLDB file (only while no job runs: file mode takes a lock). */
    static Connection database(Path output) throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + output.resolve("db/inkstone") + ";shutdown=true", "SA", "");
    }

    /** @return the single integer a query returns */
    static int count(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }
}
