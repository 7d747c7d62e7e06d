package org.inkstone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.inkstone.batch.DigitizeRunner;
import org.inkstone.batch.OutputLock;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.SearchCommand;
import org.inkstone.search.SearchIndex;
import org.inkstone.store.SharedDatabase;
import org.inkstone.web.ReadingRoom;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Inkstone's command line.
 *
 * <pre>
 * inkstone run [--scans DIR] [--output DIR] [--workers N] [--retry-failed] [--inkstone.KEY=VALUE ...]
 * inkstone search "QUERY" [--from DATE] [--to DATE] [--newspaper N] [--page P] [--limit N] [--output DIR]
 * inkstone serve [--port 8080] [--output DIR] [--jobs DIR] [--users FILE] [--db JDBC-URL]
 * inkstone user NAME operator|reviewer... [--users FILE]
 * inkstone worker --broker URL --db JDBC-URL [--workers N] [--KEY=VALUE ...]
 * inkstone help
 * </pre>
 *
 * {@code run} digitizes every PDF in the scans folder (default {@code scans}) into the output
 * folder (default {@code output}): database under {@code OUTPUT/db/}, exports under
 * {@code OUTPUT/NAME/}, search index under {@code OUTPUT/index/}. Further {@code --key=value}
 * arguments override settings of {@code application.properties} and of the job definition.
 * Exit codes as in {@link DigitizeRunner}. {@code search} prints the articles matching a query
 * ({@link SearchCommand}); {@code serve} runs the reading room on localhost until stopped
 * ({@link ReadingRoom}); {@code help} prints the usage. Usage errors exit with 64 (BSD
 * sysexits {@code EX_USAGE}); for {@code run} they are found before anything is created.
 *
 * <p>This application context is the digitize job; the reading room ({@code org.inkstone.web})
 * is a separate web application and is left out of its component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.inkstone\\.web\\..*"))
@EnableConfigurationProperties(InkstoneProperties.class)
public class InkstoneApplication {

    /**
     * Usage of {@code serve}: {@code --jobs} the job definitions the dashboard starts, {@code --users}
     * the users file, {@code --db} the PostgreSQL database the runs use (else the output folder's own).
     */
    static final String SERVE_USAGE = "inkstone serve [--port 8080] [--output DIR] [--jobs DIR] [--users FILE] [--db JDBC-URL]";

    /** Usage of {@code worker}. */
    static final String WORKER_USAGE = "inkstone worker --broker URL --db JDBC-URL [--workers N] [--KEY=VALUE ...]"
            + " (./inkstone worker --job NAME takes a collection's OCR settings)";

    /** The usage of every command, one line each. */
    public static final String USAGE = RunOptions.USAGE + "\n"
            + "       " + SearchCommand.USAGE.substring("usage: ".length()) + "\n"
            + "       " + SERVE_USAGE + "\n"
            + "       " + org.inkstone.web.Users.USAGE.substring("usage: ".length()) + "\n"
            + "       " + WORKER_USAGE + "\n"
            + "       inkstone help";

    /**
     * Runs a command and exits with its status.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs a command.
     *
     * @param args the command and its options
     * @return the process exit status: {@code run} 0, 1, 2 as in {@link DigitizeRunner} (2 also when an OCR
     *         model is missing); {@code search} and {@code serve} as documented there; {@code help},
     *         {@code --help}, {@code -h} 0; 64 for usage errors (no command, an unknown command, a bad option
     *         or setting), which print one line saying what is wrong and at most the usage
     */
    public static int execute(String... args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        return switch (command) {
            case "run" -> digitize(rest);
            case "search" -> SearchCommand.run(rest, System.out, System.err);
            case "serve" -> serve(rest);
            case "user" -> org.inkstone.web.Users.run(rest, System.in, System.out, System.err);
            case "worker" -> worker(rest);
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                yield 0;
            }
            case "" -> {
                System.err.println(USAGE);
                yield CommandLineException.USAGE;
            }
            default -> {
                System.err.println("inkstone: unknown command " + command);
                System.err.println("usage: inkstone run|search|serve|user|worker|help ...  (inkstone help shows the options)");
                yield CommandLineException.USAGE;
            }
        };
    }

    /**
     * {@code inkstone run}: checks the options ({@link RunOptions}) and the settings
     * ({@link SettingsCheck}) before anything is created, then runs or resumes the job and says
     * where its output went.
     *
     * @param args the arguments after {@code run}
     * @return the exit status
     */
    private static int digitize(String... args) {
        if (RunOptions.wantsHelp(args)) {
            System.out.println(RunOptions.USAGE);
            return 0;
        }
        try {
            return digitize(RunOptions.parse(args));
        } catch (CommandLineException e) {
            return e.report(System.err);
        }
    }

    private static int digitize(RunOptions options) {
        Path out = options.output();
        boolean created = !Files.exists(out);
        boolean refused = false;
        // The lock is taken before the database is opened and released after it is closed. The
        // embedded database is opened as its host, or through the process hosting it
        // (SharedDatabase); a database the settings name (PostgreSQL, --db) is used as it is.
        String[] springArgs = options.springArguments();
        boolean embedded = configuredDatabase(springArgs) == null;
        try (OutputLock lock = OutputLock.acquire(out);
             SharedDatabase db = embedded ? SharedDatabase.open(out) : null;
             ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InkstoneApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).listeners(new SettingsCheck())
                .run(embedded ? withDatabase(springArgs, db) : springArgs)) {
            InkstoneProperties settings = ctx.getBean(InkstoneProperties.class);
            int status = ctx.getBean(DigitizeRunner.class).run(settings.scans());
            System.out.println("digitize: output in " + settings.output());
            return status;
        } catch (CommandLineException e) {
            // a setting refused before the job started: the folder made for this run goes again
            refused = true;
            return e.report(System.err);
        } catch (OutputLock.InUseException e) {
            System.err.println("inkstone: " + e.getMessage());
            return IN_USE;
        } catch (Exception e) {
            String root = DigitizeRunner.rootMessage(e);
            if (root.contains("Database lock acquisition failure")) {
                // the database is held by a process that does not take the output lock
                System.err.println("inkstone: the database in " + out.resolve("db") + " is in use by another process");
                return IN_USE;
            }
            System.err.println("inkstone: " + root);
            return 2;
        } finally {
            if (created && refused) {
                // the database this run created before its settings were refused goes with the folder
                deleteTree(out.resolve("db"));
                OutputLock.removeUnused(out);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var tree = Files.walk(dir)) {
            for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            // a folder left behind is harmless
        }
    }

    /**
     * @param springArgs the run's Spring arguments
     * @return the database URL they set ({@code --spring.datasource.url}, or the job definition
     *         named by {@code --spring.config.additional-location}; the command line wins), or null
     *         for the embedded default
     */
    static String configuredDatabase(String[] springArgs) {
        String fromArgs = null, fromFile = null;
        for (String a : springArgs) {
            if (a.startsWith("--spring.datasource.url=")) {
                fromArgs = a.substring("--spring.datasource.url=".length());
            } else if (a.startsWith("--spring.config.additional-location=")) {
                for (Path file : RunOptions.definitionFiles(a.substring("--spring.config.additional-location=".length()))) {
                    java.util.Properties p = new java.util.Properties();
                    try (var in = Files.newInputStream(file)) {
                        p.load(in);
                        fromFile = p.getProperty("spring.datasource.url", fromFile);
                    } catch (java.io.IOException | RuntimeException e) {
                        // a definition that cannot be read is reported by Spring Boot itself
                    }
                }
            }
        }
        String url = fromArgs != null ? fromArgs : fromFile;
        return url == null || url.isBlank() ? null : url;
    }

    private static String[] withDatabase(String[] args, SharedDatabase db) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--spring.datasource.url=" + db.url() + (db.hosting() ? ";shutdown=true" : "");
        return all;
    }

    /**
     * {@code inkstone worker}: reads the OCR partitions a manager ({@code run --broker}) sends,
     * until the process is stopped ({@link org.inkstone.batch.RemotePartitioning}).
     *
     * @param args {@code --broker URL --db JDBC-URL [--workers N] [--KEY=VALUE ...]}
     * @return 64 on usage errors, 2 if it cannot start, 0 when stopped
     */
    private static int worker(String... args) {
        // a failed start is said in one line below, not as Spring Boot's stack trace
        java.util.List<String> spring = new java.util.ArrayList<>(java.util.List.of("--inkstone.worker=true",
                "--logging.level.org.springframework.boot.SpringApplication=OFF"));
        boolean broker = false, db = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--broker" -> { spring.add("--inkstone.broker.url=" + require(a, value)); broker = true; i++; }
                    case "--db" -> { spring.add("--spring.datasource.url=" + require(a, value)); db = true; i++; }
                    case "--workers" -> { spring.add("--inkstone.workers=" + require(a, value)); i++; }
                    default -> {
                        if (!a.startsWith("--") || !a.contains("=")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        spring.add(a);
                    }
                }
            }
            if (!broker || !db) {
                throw new IllegalArgumentException("a worker needs the broker and the shared database (--broker, --db)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("inkstone: " + e.getMessage());
            System.err.println("usage: " + WORKER_USAGE);
            return CommandLineException.USAGE;
        }
        ConfigurableApplicationContext ctx;
        try {
            ctx = new SpringApplicationBuilder(InkstoneApplication.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false).listeners(new SettingsCheck()).run(spring.toArray(String[]::new));
        } catch (CommandLineException e) {
            return e.report(System.err);
        } catch (RuntimeException e) {
            System.err.println("inkstone: the worker cannot start: " + DigitizeRunner.rootMessage(e));
            return 2;
        }
        System.out.println("inkstone: worker " + ProcessHandle.current().pid() + " reading OCR partitions from "
                + ctx.getEnvironment().getProperty("inkstone.broker.url"));
        awaitClose(ctx);
        return 0;
    }

    /** Waits until an application is closed (the process is stopped). */
    private static void awaitClose(ConfigurableApplicationContext ctx) {
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job's log file inside the output folder: warnings and errors with their stack traces. */
    public static final String LOG = "logs/inkstone.log";

    /** Exit status of {@code run} when another run holds the output folder (sysexits' EX_TEMPFAIL: try again later). */
    public static final int IN_USE = 75;

    /**
     * Runs the reading room until the process is stopped.
     *
     * @param args {@code [--port N] [--output DIR]}
     * @return 64 on usage errors, 2 if it cannot start (no index, port taken), 0 when stopped
     */
    private static int serve(String... args) {
        String output = "output";
        int port = 8080;
        java.util.List<String> extra = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--output" -> { output = require(args[i], value); i++; }
                    case "--port" -> { port = port(require(args[i], value)); i++; }
                    case "--jobs" -> { extra.add("--inkstone.serve.jobs=" + Path.of(require(args[i], value)).toAbsolutePath()); i++; }
                    case "--db" -> { extra.add("--inkstone.serve.db=" + require(args[i], value)); i++; }
                    case "--users" -> { extra.add("--inkstone.serve.users=" + Path.of(require(args[i], value)).toAbsolutePath()); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("inkstone: " + e.getMessage());
            System.err.println("usage: " + SERVE_USAGE);
            return 64;
        }
        Path out = Path.of(output).toAbsolutePath().normalize();
        if (!Files.isDirectory(out)) {
            System.err.println("inkstone: no output folder " + out + ": run ./inkstone run first, give --output DIR, "
                    + "or create the folder to start its first run from the dashboard");
            return 2;
        }
        try (ArticleSearcher index = ArticleSearcher.open(SearchIndex.location(out))) {
            System.out.println("inkstone: " + index.articleCount() + " articles in " + SearchIndex.location(out));
        } catch (java.io.IOException e) {
            System.out.println("inkstone: no articles yet in " + out + ": start a run from the dashboard (/operator/)"
                    + " or with ./inkstone run");
        }
        ConfigurableApplicationContext ctx;
        try {
            ctx = ReadingRoom.start(out, port, extra.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("inkstone: cannot start the reading room: " + root.getMessage());
            return 2;
        }
        System.out.println("inkstone: reading room at http://localhost:"
                + ctx.getEnvironment().getProperty("local.server.port") + "/ serving " + out + " (Ctrl-C stops it)");
        awaitClose(ctx);
        return 0;
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a port number 0-65535, not " + value);
        }
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
