package org.inkstone.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.SearchAnalysis;
import org.inkstone.search.SearchIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The reading room: a Spring MVC web application on localhost serving the JSON API
 * ({@link ReadingRoomController}), IIIF-style page images ({@link IiifController}) and the
 * static reading room page ({@code classpath:/static/}).
 *
 * <p>The reading room's pages read the search index ({@code OUTPUT/index/}) and the scanned PDFs
 * it names, and pick up each document as a run indexes it (an output folder without an index gets
 * an empty one). The operator's dashboard and the review queue ({@link Operations},
 * {@link DashboardController}, {@link ReviewController}) also use the output folder's database,
 * shared with the runs that work on it ({@link org.inkstone.store.SharedDatabase}), behind a login
 * ({@link Access}). Spring Boot's own database auto-configuration (data source, Flyway, Spring
 * Batch) is left out: {@link Operations} sets these up over the shared database.
 *
 * <p>Only requests addressed to localhost (or a name in {@value #ALLOWED_HOSTS}) are answered
 * ({@link HostCheck}), every answer carries browser security headers ({@link SecurityHeaders}),
 * every error is answered in JSON ({@link ApiErrors}, {@link ErrorAnswers},
 * {@link JsonErrorValve}), and Tomcat's working folders are removed when the application closes
 * ({@link TomcatSetup}). ImageIO's disk cache is turned off for the whole JVM.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
        "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration"})
@ComponentScan(basePackageClasses = ReadingRoom.class)
public class ReadingRoom {

    /** Property naming the output folder whose index is served. */
    public static final String OUTPUT = "inkstone.output";
    /**
     * Property listing host names served besides the loopback names, comma-separated
     * ({@link HostCheck}); blank by default.
     */
    public static final String ALLOWED_HOSTS = "inkstone.serve.allowed-hosts";

    /**
     * Starts the reading room.
     *
     * @param output the job's output folder (its {@code index/} is served)
     * @param port   TCP port on 127.0.0.1; 0 picks a free one
     * @param extra  further {@code --key=value} Spring settings
     * @return the running application; its {@code local.server.port} property holds the port
     * @throws RuntimeException if the index cannot be opened or the port is taken
     */
    public static ConfigurableApplicationContext start(Path output, int port, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--" + OUTPUT + "=" + output.toAbsolutePath().normalize();
        args[1] = "--server.port=" + port;
        args[2] = "--server.address=127.0.0.1";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return new SpringApplicationBuilder(ReadingRoom.class).web(WebApplicationType.SERVLET)
                .logStartupInfo(false).run(args);
    }

    @Bean(destroyMethod = "close")
    ArticleSearcher articleSearcher(@Value("${" + OUTPUT + "}") Path output) throws IOException {
        Path index = SearchIndex.location(output);
        if (!Files.isDirectory(index)) {
            // an output folder no run has indexed yet: an empty index, which the first run fills
            try (SearchIndex.Writer w = SearchIndex.Writer.open(index, SearchAnalysis.DEFAULT)) {
                w.commit();
            }
        }
        return ArticleSearcher.open(index);
    }

    /** The dashboard's and the review queue's pages at their folder addresses. */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer staffPages() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addViewControllers(org.springframework.web.servlet.config.annotation.ViewControllerRegistry registry) {
                for (String page : java.util.List.of("operator", "review")) {
                    registry.addRedirectViewController("/" + page, "/" + page + "/");
                    registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
                }
            }
        };
    }

    @Bean
    PageImages pageImages(@Value("${inkstone.ingest.max-page-megapixels:250}") int maxMegapixels) {
        // JPEG scans are decoded from memory: without this ImageIO copies every stream it reads
        // into an imageio*.tmp file in java.io.tmpdir first
        ImageIO.setUseCache(false);
        return new PageImages(new ScanPdfReader(maxMegapixels * 1_000_000L), 4, 64L << 20);
    }
}
