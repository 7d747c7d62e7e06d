package org.inkstone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.inkstone.batch.DigitizeRunner;
import org.inkstone.batch.OutputLock;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.SearchCommand;
import org.inkstone.search.SearchIndex;
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
 * inkstone serve [--port 8080] [--output DIR]
 * </pre>
 *
 * {@code run} digitizes every PDF in the scans folder (default {@code scans}) into the output
 * folder (default {@code output}): database under {@code OUTPUT/db/}, exports under
 * {@code OUTPUT/NAME/}, search index under {@code OUTPUT/index/}. Further {@code --key=value}
 * arguments override settings of {@code application.properties} and of the job definition.
 * Exit codes as in {@link DigitizeRunner}. {@code search} prints the articles matching a query
 * ({@link SearchCommand}); {@code serve} runs the reading room on localhost until stopped
 * ({@link ReadingRoom}). Usage errors exit with 64.
 *
 * <p>This application context is the digitize job; the reading room ({@code org.inkstone.web})
 * is a separate web application and is left out of its component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.inkstone\\.web\\..*"))
@EnableConfigurationProperties(InkstoneProperties.class)
public class InkstoneApplication {

    /**
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs a command.
     *
     * @param args the command and its options
     * @return the process exit code
     */
    public static int execute(String... args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        return switch (command) {
            case "run" -> digitize(args);
            case "search" -> SearchCommand.run(rest, System.out, System.err);
            case "serve" -> serve(rest);
            default -> {
                System.err.println("usage: inkstone run [--scans DIR] [--output DIR] [--workers N] [--retry-failed] [--inkstone.KEY=VALUE ...]");
                System.err.println("       " + SearchCommand.USAGE.substring("usage: ".length()));
                System.err.println("       inkstone serve [--port 8080] [--output DIR]");
                yield 64;
            }
        };
    }

    private static int digitize(String... args) {
        List<String> springArgs = new ArrayList<>();
        String scans = "scans";
        String output = "output";
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--scans" -> { scans = require(a, value); i++; }
                case "--output" -> { output = require(a, value); i++; }
                case "--workers" -> { springArgs.add("--inkstone.workers=" + require(a, value)); i++; }
                case "--retry-failed" -> springArgs.add("--inkstone.retry-failed=true");
                default -> {
                    if (!a.startsWith("--") || !a.contains("=")) {
                        System.err.println("inkstone: unknown option " + a);
                        return 64;
                    }
                    springArgs.add(a);
                }
            }
        }
        Path out = Path.of(output).toAbsolutePath().normalize();
        springArgs.add(0, "--inkstone.scans=" + Path.of(scans).toAbsolutePath().normalize());
        springArgs.add(1, "--inkstone.output=" + out);
        // Warnings and errors of the libraries, with their stack traces, go to a log file; the
        // terminal shows the job's own lines (progress, summary, one line per failure).
        springArgs.add(2, "--logging.file.name=" + out.resolve(LOG));
        springArgs.add(3, "--logging.threshold.console=OFF");
        // The lock is taken before the database is opened and released after it is closed.
        try (OutputLock lock = OutputLock.acquire(out);
             ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InkstoneApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            InkstoneProperties settings = ctx.getBean(InkstoneProperties.class);
            return ctx.getBean(DigitizeRunner.class).run(settings.scans());
        } catch (OutputLock.InUseException e) {
            System.err.println("inkstone: " + e.getMessage());
            return IN_USE;
        } catch (Exception e) {
            String root = rootMessage(e);
            if (root.contains("Database lock acquisition failure")) {
                // the database is held by a process that does not take the output lock
                System.err.println("inkstone: the database in " + out.resolve("db") + " is in use by another process");
                return IN_USE;
            }
            System.err.println("inkstone: " + root);
            return 2;
        }
    }

    /** The job's log file inside the output folder: warnings and errors with their stack traces. */
    public static final String LOG = "logs/inkstone.log";

    /** Exit status of {@code run} when another run holds the output folder (sysexits' EX_TEMPFAIL: try again later). */
    public static final int IN_USE = 75;

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }

    /**
     * Runs the reading room until the process is stopped.
     *
     * @param args {@code [--port N] [--output DIR]}
     * @return 64 on usage errors, 2 if it cannot start (no index, port taken), 0 when stopped
     */
    private static int serve(String... args) {
        String output = "output";
        int port = 8080;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--output" -> { output = require(args[i], value); i++; }
                    case "--port" -> { port = port(require(args[i], value)); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("inkstone: " + e.getMessage());
            System.err.println("usage: inkstone serve [--port 8080] [--output DIR]");
            return 64;
        }
        Path out = Path.of(output).toAbsolutePath().normalize();
        try (ArticleSearcher index = ArticleSearcher.open(SearchIndex.location(out))) {
            System.out.println("inkstone: " + index.articleCount() + " articles in " + SearchIndex.location(out));
        } catch (java.io.IOException e) {
            System.err.println("inkstone: no search index in " + SearchIndex.location(out)
                    + ": run ./inkstone run first (or give --output DIR)");
            return 2;
        }
        ConfigurableApplicationContext ctx;
        try {
            ctx = ReadingRoom.start(out, port);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("inkstone: cannot start the reading room: " + root.getMessage());
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        System.out.println("inkstone: reading room at http://localhost:"
                + ctx.getEnvironment().getProperty("local.server.port") + "/ serving " + out + " (Ctrl-C stops it)");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
