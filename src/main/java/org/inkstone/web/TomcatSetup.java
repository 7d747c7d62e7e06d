package org.inkstone.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Sets up the reading room's embedded Tomcat:
 *
 * <ul>
 * <li>its base directory ({@code work/} for compiled pages and uploads) and document root, which
 *     Spring Boot would otherwise create as {@code tomcat.PORT.N} and {@code tomcat-docbase.PORT.N}
 *     in {@code java.io.tmpdir} and leave behind, live in one folder {@code inkstone-serve-N}
 *     made in {@code java.io.tmpdir} when the application starts and removed with all its
 *     content when it closes (after the web server has stopped);</li>
 * <li>Tomcat's HTML error report is replaced by {@link JsonErrorValve}, so that requests Tomcat
 *     refuses itself are answered in the API's JSON form.</li>
 * </ul>
 *
 * Runs after Spring Boot's own customizers, whose error report valve it takes away.
 */
@Component
public class TomcatSetup implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TomcatSetup.class);

    private final Path folder;

    /**
     * Creates the server's folder.
     *
     * @throws UncheckedIOException if it cannot be created
     */
    public TomcatSetup() {
        try {
            folder = Files.createTempDirectory("inkstone-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the web server's folder", e);
        }
    }

    /** @return the folder holding Tomcat's base directory and document root while the server runs */
    public Path folder() {
        return folder;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * @param factory the factory of the embedded Tomcat
     * @throws UncheckedIOException if the document root cannot be created
     */
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setBaseDirectory(folder.resolve("tomcat").toFile());
        try {
            factory.setDocumentRoot(Files.createDirectories(folder.resolve("docroot")).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the web server's document root", e);
        }
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve && !(v instanceof JsonErrorValve)) {
                        host.getPipeline().removeValve(v);
                    }
                }
                host.getPipeline().addValve(new JsonErrorValve());
                // the host adds a valve of this class when it starts, unless it already has one
                host.setErrorReportValveClass(JsonErrorValve.class.getName());
            }
        });
    }

    /**
     * Removes the server's folder and everything in it. Tomcat also records its first base
     * directory in the system properties {@code catalina.home} and {@code catalina.base}, and
     * every later Tomcat in the same JVM creates the folder named there again; those that name
     * this folder are cleared.
     */
    @Override
    public void destroy() {
        for (String property : new String[] {"catalina.home", "catalina.base"}) {
            String value = System.getProperty(property);
            if (value != null && Path.of(value).toAbsolutePath().startsWith(folder.toAbsolutePath())) {
                System.clearProperty(property);
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the web server's folder {}: {}", folder, e.getMessage());
        }
    }
}
