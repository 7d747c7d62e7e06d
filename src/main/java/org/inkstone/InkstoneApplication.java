package org.inkstone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.batch.DigitizeRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Inkstone's command line.
 *
 * <pre>
 * inkstone run [--scans DIR] [--output DIR] [--workers N] [--inkstone.KEY=VALUE ...]
 * </pre>
 *
 * {@code run} digitizes every PDF in the scans folder (default {@code scans}) into the output
 * folder (default {@code output}): database under {@code OUTPUT/db/}, exports under
 * {@code OUTPUT/NAME/}. Further {@code --key=value} arguments override settings of
 * {@code application.properties} and of the job definition. Exit codes as in {@link DigitizeRunner}.
 */
@SpringBootApplication
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
        if (args.length == 0 || !"run".equals(args[0])) {
            System.err.println("usage: inkstone run [--scans DIR] [--output DIR] [--workers N] [--inkstone.KEY=VALUE ...]");
            return 64;
        }
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
                default -> {
                    if (!a.startsWith("--") || !a.contains("=")) {
                        System.err.println("inkstone: unknown option " + a);
                        return 64;
                    }
                    springArgs.add(a);
                }
            }
        }
        springArgs.add(0, "--inkstone.scans=" + Path.of(scans).toAbsolutePath().normalize());
        springArgs.add(1, "--inkstone.output=" + Path.of(output).toAbsolutePath().normalize());
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(InkstoneApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            InkstoneProperties settings = ctx.getBean(InkstoneProperties.class);
            return ctx.getBean(DigitizeRunner.class).run(settings.scans());
        } catch (Exception e) {
            System.err.println("inkstone: " + e.getMessage());
            return 2;
        }
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
