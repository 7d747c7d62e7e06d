package org.inkstone.web;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.inkstone.store.Corrections;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.SharedDatabase;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The reading room's operator and review side: the output folder's database, shared with the runs
 * that work on it ({@link SharedDatabase}: through the run that hosts it, or hosted here), or the
 * PostgreSQL database the runs use ({@value #DATABASE}, {@code serve --db URL}), with
 * Spring Batch's job repository and job operator over it, the document store and the review
 * queue's corrections. The database's schema is brought up to date when the reading room starts
 * (Flyway, the job's own migrations); when the database cannot be reached then (another program
 * holds its files), the reading room still serves what is indexed and the operator pages say why
 * they are empty.
 */
@Configuration
public class Operations {

    private static final org.apache.commons.logging.Log LOG = org.apache.commons.logging.LogFactory.getLog(Operations.class);

    /** Property naming a database the runs share instead of the output folder's embedded one ({@code serve --db}). */
    public static final String DATABASE = "inkstone.serve.db";

    @Bean
    DataSource database(@Value("${" + ReadingRoom.OUTPUT + "}") Path output, @Value("${" + DATABASE + ":}") String url) {
        DataSource source = url.isBlank() ? SharedDatabase.dataSource(output) : new DriverManagerDataSource(url);
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : "hsqldb";
        try {
            Flyway.configure().dataSource(source).locations("classpath:db/migration/" + vendor).load().migrate();
        } catch (RuntimeException e) {
            LOG.warn("the database of " + output + " cannot be opened now: " + e.getMessage());
        }
        return source;
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource database) {
        return new JdbcTemplate(database);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource database) {
        return new JdbcTransactionManager(database);
    }

    @Bean
    DocumentStore documentStore(JdbcTemplate jdbc) {
        return new DocumentStore(jdbc);
    }

    @Bean
    Corrections corrections(JdbcTemplate jdbc, JdbcTransactionManager transactions) {
        return new Corrections(jdbc, transactions);
    }

    @Bean
    JobRepository jobRepository(DataSource database, JdbcTransactionManager transactions) throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(database);
        factory.setTransactionManager(transactions);
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    @Bean
    RunProcesses runProcesses(@Value("${" + ReadingRoom.OUTPUT + "}") Path output, @Value("${" + DATABASE + ":}") String url) {
        return new RunProcesses(output, url);
    }

    @Bean(destroyMethod = "close")
    ReviewExports reviewExports(DocumentStore store, JobRepository repository,
                                org.springframework.core.env.Environment env,
                                @Value("${" + ReadingRoom.OUTPUT + "}") Path output) {
        return new ReviewExports(store, repository, env, output);
    }

    @Bean
    JobOperator jobOperator(JobRepository repository, JdbcTransactionManager transactions) throws Exception {
        JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
        factory.setJobRepository(repository);
        factory.setJobRegistry(new MapJobRegistry());
        factory.setTransactionManager(transactions);
        factory.afterPropertiesSet();
        return factory.getObject();
    }
}
