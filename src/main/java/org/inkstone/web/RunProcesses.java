package org.inkstone.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.inkstone.InkstoneApplication;

/**
 * Runs of the digitize job that the operator starts from the dashboard: each is
 * {@code inkstone run} in a process of its own (this JVM's java and application, the run's JVM
 * settings of the launcher), so a run that fails in native code takes only itself down, and it
 * stores through this process's database server ({@link org.inkstone.store.SharedDatabase}) like a
 * run started from a terminal. Its output goes to {@code OUTPUT/logs/run-TIME.log}. What the run
 * does is read back from the job repository; this class only starts processes and lists those
 * still alive.
 */
public class RunProcesses {

    /**
     * A run started here.
     *
     * @param pid     its process id
     * @param args    its arguments after {@code run}
     * @param log     its output file
     * @param started when it was started
     * @param process the process
     */
    public record Launched(long pid, List<String> args, Path log, Instant started, Process process) {
        /** @return whether it is still running */
        public boolean alive() {
            return process.isAlive();
        }
    }

    /** The output folder is held by a run; the message names its process. */
    public static final class InUse extends RuntimeException {
        /** @param message what holds the folder */
        public InUse(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path output;
    private final String database;
    private final List<Launched> launched = new CopyOnWriteArrayList<>();

    /**
     * @param output   the output folder every run started here writes to
     * @param database the JDBC URL of the database the runs share ({@code run --db}), or blank for
     *                 the output folder's embedded one
     */
    public RunProcesses(Path output, String database) {
        this.output = output;
        this.database = database == null ? "" : database;
    }

    /**
     * Starts {@code inkstone run} with {@code --output} this reading room's output folder (and
     * {@code --db} its database, when the runs share one).
     *
     * @param definition the collection's job definition file, or null for the application's defaults
     * @param scans      the scans folder
     * @param extra      further options, e.g. {@code --retry-failed}
     * @return the started run
     * @throws InUse       if a run holds the output folder (it is stopping, or was started elsewhere)
     * @throws IOException if the process cannot be started or its log not created
     */
    public Launched start(Path definition, Path scans, String... extra) throws IOException {
        // a run still writing the folder (one stopping, or one started at a terminal) refuses a
        // second at once; say so here rather than in the second run's log
        try (org.inkstone.batch.OutputLock free = org.inkstone.batch.OutputLock.acquire(output)) {
            // free: the run started below takes it
        } catch (org.inkstone.batch.OutputLock.InUseException e) {
            throw new InUse(e.getMessage());
        }
        List<String> args = new ArrayList<>();
        if (definition != null) {
            args.add("--spring.config.additional-location=file:" + definition.toAbsolutePath().normalize());
        }
        args.addAll(List.of("--scans", scans.toString(), "--output", output.toString()));
        if (!database.isBlank()) {
            args.addAll(List.of("--db", database));
        }
        args.addAll(List.of(extra));
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.add("run");
        cmd.addAll(args);
        Path logs = Files.createDirectories(output.resolve("logs"));
        Path log = logs.resolve("run-" + STAMP.format(Instant.now()) + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // as the launcher runs the job: one OpenMP thread per Tesseract engine, large blocks unmapped when freed
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.environment().putIfAbsent("MALLOC_MMAP_THRESHOLD_", "1048576");
        Process p = pb.start();
        Launched run = new Launched(p.pid(), List.copyOf(args), log, Instant.now(), p);
        launched.add(run);
        return run;
    }

    /** @return the runs started here, newest first */
    public List<Launched> launched() {
        List<Launched> all = new ArrayList<>(launched);
        java.util.Collections.reverse(all);
        return all;
    }

    /** @return whether a jar starts this application (Spring Boot's {@code Start-Class}, or its {@code Main-Class}) */
    private static boolean isApplicationJar(Path jar) {
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest m = f.getManifest();
            String app = InkstoneApplication.class.getName();
            return m != null && (app.equals(m.getMainAttributes().getValue("Start-Class"))
                    || app.equals(m.getMainAttributes().getValue("Main-Class")));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return the command that starts this application: {@code java [JVM settings] -jar JAR} when
     *         it runs from its own jar, else {@code java -cp CLASSPATH org.inkstone.InkstoneApplication}
     */
    static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the class-data archive the launcher made, and the heap limit an operator set
            if (a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xshare:") || a.startsWith("-Xmx")) {
                cmd.add(a);
            }
        }
        String main = System.getProperty("sun.java.command", "").split(" ", 2)[0];
        if (main.endsWith(".jar") && isApplicationJar(Path.of(main))) {
            cmd.addAll(List.of("-jar", main));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), InkstoneApplication.class.getName()));
        }
        return cmd;
    }
}
