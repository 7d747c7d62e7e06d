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

    /**
     * One row of Spring Batch's {@code BATCH_STEP_EXECUTION}.
     *
     * @param name      step name ({@code catalog}, {@code ocr}, {@code ocrWorker:partitionN}, {@code layout}, …)
     * @param status    its batch status, e.g. {@code COMPLETED}
     * @param read      {@code READ_COUNT}
     * @param write     {@code WRITE_COUNT}
     * @param filter    {@code FILTER_COUNT}
     * @param writeSkip {@code WRITE_SKIP_COUNT}
     */
    record StepRun(String name, String status, long read, long write, long filter, long writeSkip) {
    }

    /** @return the ids of the job's executions, oldest first */
    static List<Long> executions(Connection db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var rs = db.createStatement().executeQuery("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION "
                + "ORDER BY JOB_EXECUTION_ID")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** @return the step executions of one job execution, in the order they were created */
    static List<StepRun> steps(Connection db, long jobExecutionId) throws SQLException {
        List<StepRun> steps = new ArrayList<>();
        try (var ps = db.prepareStatement("SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT, "
                + "WRITE_SKIP_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID")) {
            ps.setLong(1, jobExecutionId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new StepRun(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
        }
        return steps;
    }

    /** @return the names of the steps other than the OCR workers, in order */
    static List<String> stepNames(List<StepRun> steps) {
        return steps.stream().map(StepRun::name).filter(n -> !n.startsWith(OCR_WORKER)).toList();
    }

    /** @return the step of that name, which must be there once */
    static StepRun step(List<StepRun> steps, String name) {
        List<StepRun> named = steps.stream().filter(s -> s.name().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError("step " + name + " ran " + named.size() + " times: " + steps);
        }
        return named.get(0);
    }

    /** @return the OCR worker steps ({@code ocrWorker:partitionN}) */
    static List<StepRun> workers(List<StepRun> steps) {
        return steps.stream().filter(s -> s.name().startsWith(OCR_WORKER)).toList();
    }

    private static final String OCR_WORKER = "ocrWorker:";

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }
}
