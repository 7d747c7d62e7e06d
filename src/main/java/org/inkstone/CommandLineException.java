package org.inkstone;

import java.io.PrintStream;
import org.springframework.boot.SpringApplication;

/**
 * {@code inkstone run} refuses to start: a usage error (a bad option or setting, exit status 64)
 * or something missing on the machine (an OCR model, exit status 2). Found before anything is
 * created on disk.
 *
 * <p>It extends Spring Boot's {@link SpringApplication.AbandonedRunException}, so when it is
 * thrown while Spring Boot prepares the application (by {@link SettingsCheck}) Spring passes it
 * on without logging a failure report; the operator sees only {@link #report(PrintStream)}.
 */
public final class CommandLineException extends SpringApplication.AbandonedRunException {

    /** Exit status of usage errors (BSD sysexits {@code EX_USAGE}). */
    public static final int USAGE = 64;
    /** Exit status when the job cannot run on this machine as configured (e.g. no OCR model). */
    public static final int CANNOT_RUN = 2;

    private final int status;
    private final String problem;
    private final String usage;

    /**
     * @param status  the exit status, {@link #USAGE} or {@link #CANNOT_RUN}
     * @param problem what is wrong, one line per problem, without the {@code inkstone: } prefix
     * @param usage   the usage line to print after it, or null for none
     */
    public CommandLineException(int status, String problem, String usage) {
        this.status = status;
        this.problem = problem;
        this.usage = usage;
    }

    /** @return the exit status */
    public int status() {
        return status;
    }

    /** @return what is wrong, one line per problem */
    @Override
    public String getMessage() {
        return problem;
    }

    /**
     * Prints the problem ({@code inkstone: } before each line) and the usage line if any.
     *
     * @param err where to print (standard error)
     * @return the exit status
     */
    public int report(PrintStream err) {
        problem.lines().forEach(line -> err.println("inkstone: " + line));
        if (usage != null) {
            err.println(usage);
        }
        return status;
    }
}
