package org.inkstone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code inkstone run}, parsed and checked before Spring starts, so that a usage
 * error creates nothing (no output folder, no database).
 *
 * <pre>
 * inkstone run [--scans DIR] [--output DIR] [--workers N] [--KEY=VALUE ...]
 * </pre>
 *
 * Each option also takes the form {@code --scans=DIR}; {@code --inkstone.scans=DIR} and
 * {@code --inkstone.output=DIR} are the same as {@code --scans} and {@code --output}.
 * {@code --KEY=VALUE} passes a setting on to Spring Boot: {@code inkstone.*} (checked later
 * by {@link SettingsCheck}), {@code spring.*} and {@code logging.*}.
 *
 * @param scans    folder of scanned PDFs, absolute and normalised; an existing, readable folder
 * @param output   folder for the database and the exports, absolute and normalised; an existing
 *                 writable folder, or one that can be created (its nearest existing parent is a
 *                 writable folder); not created here
 * @param settings the {@code --KEY=VALUE} arguments for Spring Boot, in order, {@code --db URL} as
 *                 {@code --spring.datasource.url=URL}, {@code --broker URL} as
 *                 {@code --inkstone.broker.url=URL}, {@code --workers N}
 *                 as {@code --inkstone.workers=N}
 */
public record RunOptions(Path scans, Path output, List<String> settings) {

    /** The usage line of {@code run}. */
    public static final String USAGE = "usage: inkstone run [--scans DIR] [--output DIR] [--workers N] [--retry-failed] [--keep-intermediates DIR] [--db JDBC-URL] [--broker URL] [--KEY=VALUE ...]";

    /**
     * @param location the value of {@code spring.config.additional-location}, as the launcher gives
     *                 a job definition: {@code [optional:]file:PATH}, several separated by commas
     * @return the job definition files it names
     */
    public static List<Path> definitionFiles(String location) {
        List<Path> files = new ArrayList<>();
        for (String loc : location.split(",")) {
            String path = loc.strip().replaceFirst("^optional:", "").replaceFirst("^file:", "");
            if (!path.isEmpty()) {
                files.add(Path.of(path));
            }
        }
        return files;
    }

    /**
     * @param args the arguments after {@code run}
     * @return whether they ask for help ({@code --help} or {@code -h} anywhere)
     */
    public static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /**
     * Parses and checks the arguments of {@code run}.
     *
     * @param args the arguments after {@code run}
     * @return the options (defaults: {@code scans}, {@code output} in the working directory)
     * @throws CommandLineException status 64, naming the first bad argument: an unknown option or
     *                              argument, an option without its value, {@code --workers} not a whole number
     *                              from 0 to 256, a scans folder that does not exist or is not a folder, an output
     *                              folder that is a file or cannot be created
     */
    public static RunOptions parse(String... args) {
        String scans = "scans";
        String output = "output";
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            boolean takesValue = name.equals("--scans") || name.equals("--output") || name.equals("--workers")
                    || name.equals("--keep-intermediates") || name.equals("--db") || name.equals("--broker");
            String value = inline;
            if (takesValue && inline == null) {
                value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : null;
            }
            switch (name) {
                case "--scans", "--inkstone.scans" -> scans = require(name, value, "a folder");
                case "--output", "--inkstone.output" -> output = require(name, value, "a folder");
                case "--workers" -> {
                    String n = require(name, value, SettingsCheck.allowed("inkstone.workers"));
                    SettingsCheck.checkValue("inkstone.workers", name, n);
                    settings.add("--inkstone.workers=" + n.trim());
                }
                case "--db" -> {
                    String url = require(name, value, "a JDBC URL, e.g. jdbc:postgresql://host/inkstone?user=U&password=P");
                    if (!url.startsWith("jdbc:")) {
                        throw usage("--db needs a JDBC URL (jdbc:postgresql://host/inkstone), not " + url);
                    }
                    settings.add("--spring.datasource.url=" + url);
                }
                case "--broker" -> settings.add("--inkstone.broker.url=" + require(name, value, "a broker URL, e.g. tcp://broker:61616"));
                case "--keep-intermediates" -> settings.add("--inkstone.keep-intermediates="
                        + Path.of(require(name, value, "a folder")).toAbsolutePath().normalize());
                case "--retry-failed" -> {
                    if (inline != null) {
                        throw usage("--retry-failed takes no value");
                    }
                    settings.add("--inkstone.retry-failed=true");
                }
                default -> {
                    if (!a.startsWith("--")) {
                        throw usage("unexpected argument " + a);
                    }
                    if (inline == null || !(name.startsWith("--inkstone.") || name.startsWith("--spring.")
                            || name.startsWith("--logging."))) {
                        throw usage("unknown option " + a);
                    }
                    settings.add(a);
                }
            }
        }
        Path scansDir = Path.of(scans).toAbsolutePath().normalize();
        Path outputDir = Path.of(output).toAbsolutePath().normalize();
        checkScans(scansDir);
        checkOutput(outputDir);
        return new RunOptions(scansDir, outputDir, List.copyOf(settings));
    }

    /**
     * @return the arguments for Spring Boot: {@code --inkstone.scans} and {@code --inkstone.output}
     *         with the absolute folders, the log file {@code OUTPUT/logs/inkstone.log} in place of the
     *         terminal for library logs, then {@link #settings}
     */
    public String[] springArguments() {
        List<String> all = new ArrayList<>();
        all.add("--inkstone.scans=" + scans);
        all.add("--inkstone.output=" + output);
        // Warnings and errors of the libraries, with their stack traces, go to a log file; the
        // terminal shows the job's own lines (progress, summary, one line per failure).
        all.add("--logging.file.name=" + output.resolve(InkstoneApplication.LOG));
        all.add("--logging.threshold.console=OFF");
        all.addAll(settings);
        return all.toArray(String[]::new);
    }

    private static void checkScans(Path dir) {
        if (!Files.exists(dir)) {
            throw usage("scans folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw usage("scans folder " + dir + " is not a folder");
        }
        if (!Files.isReadable(dir)) {
            throw usage("scans folder " + dir + " cannot be read");
        }
    }

    private static void checkOutput(Path dir) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw usage("output folder " + dir + " is a file, not a folder");
            }
            if (!Files.isWritable(dir)) {
                throw usage("output folder " + dir + " is not writable");
            }
            return;
        }
        Path parent = dir.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw usage("output folder " + dir + " cannot be created: " + parent + " is not a folder");
        }
        if (!Files.isWritable(parent)) {
            throw usage("output folder " + dir + " cannot be created: " + parent + " is not writable");
        }
    }

    private static String require(String option, String value, String what) {
        if (value == null || value.isBlank()) {
            throw usage(option + " needs " + what);
        }
        return value;
    }

    private static CommandLineException usage(String problem) {
        return new CommandLineException(CommandLineException.USAGE, problem, USAGE);
    }
}
