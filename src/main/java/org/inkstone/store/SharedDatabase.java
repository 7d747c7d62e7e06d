package org.inkstone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;

/**
 * An output folder's HSQLDB database shared by the processes that work on it. HSQLDB's file
 * mode admits one process per database, so the first process that opens it (a {@code run} or
 * {@code serve}) becomes its <em>host</em>: it opens the files in process and also serves them
 * to other processes through an HSQLDB {@link Server} on the loopback interface, whose port and
 * process id it writes to {@code OUTPUT/db/}{@value #FILE}. A process that finds a live host there
 * connects through it ({@code jdbc:hsqldb:hsql://127.0.0.1:PORT/inkstone}); so the operator's
 * dashboard sees a run's job repository and pages while the run works, and a run started while the
 * dashboard is open stores through it. The host removes the file and closes the database
 * ({@code SHUTDOWN}) when it is closed.
 *
 * <p>The server listens only on 127.0.0.1; like the database files, it is meant for the machine's
 * own user. Machines that share the work use PostgreSQL instead.
 */
public final class SharedDatabase implements AutoCloseable {

    /** Name of the file in {@code OUTPUT/db/} naming the host: {@code pid} and {@code port}. */
    public static final String FILE = "server.properties";
    /** The database's name on the host's server. */
    static final String NAME = "inkstone";
    /**
     * Connection properties of the file database: MVCC so page writes of parallel workers do not
     * block each other; write_delay=false so every committed page survives a crash; a checkpoint
     * every 16 MB of log ({@code application.properties} gives the same for contexts built without
     * this class).
     */
    static final String OPTIONS = ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.default_table_type=cached"
            + ";hsqldb.log_size=16;hsqldb.reconfig_logging=false";
    /** User of the embedded database. */
    public static final String USER = "SA";

    /** The databases this process hosts, by their folder. */
    private static final java.util.Map<Path, SharedDatabase> HOSTED = new java.util.HashMap<>();

    private final String url;
    private final Server server;
    /** Holders in this process of a hosted database; it is closed when the last lets go. */
    private int holders = 1;
    private final Connection keeper;
    private final Path file;

    private SharedDatabase(String url, Server server, Connection keeper, Path file) {
        this.url = url;
        this.server = server;
        this.keeper = keeper;
        this.file = file;
    }

    /**
     * @param output an output folder
     * @return the in-process JDBC URL of its database files ({@code OUTPUT/db/inkstone})
     */
    public static String fileUrl(Path output) {
        return "jdbc:hsqldb:file:" + folder(output).resolve(NAME) + OPTIONS;
    }

    /** @return the database's folder, {@code OUTPUT/db}, absolute */
    private static Path folder(Path output) {
        return output.toAbsolutePath().normalize().resolve("db");
    }

    /**
     * Opens an output folder's database: through the live host named in {@code OUTPUT/db/}{@value #FILE},
     * or else as its host.
     *
     * @param output the output folder
     * @return the database; {@link #url()} is what this process connects to
     * @throws SQLException if no host is live and the files cannot be opened here (another process
     *                      holds them without serving them), or the server does not start
     */
    public static SharedDatabase open(Path output) throws SQLException {
        Path dir = folder(output);
        synchronized (HOSTED) {
            // hosted in this process already (the reading room and a run in one JVM): shared, counted
            SharedDatabase here = HOSTED.get(dir);
            if (here != null) {
                here.holders++;
                return here;
            }
        }
        SQLException last = null;
        // two processes starting together: one of them hosts, the other connects to it
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<String> remote = hostUrl(output);
            if (remote.isPresent()) {
                return new SharedDatabase(remote.get(), null, null, null);
            }
            try {
                return host(output);
            } catch (SQLException e) {
                last = e;
                if (!String.valueOf(e.getMessage()).contains("lock")) {
                    throw e;
                }
                sleep(250);
            }
        }
        throw last;
    }

    /** @return the JDBC URL this process uses: the files in process when it hosts, else the host's server */
    public String url() {
        return url;
    }

    /** @return true when this process hosts the database (holds its files and serves them) */
    public boolean hosting() {
        return server != null;
    }

    /**
     * @param output an output folder
     * @return the URL of a live host's server for it: the file names a process other than this
     *         one that is alive and whose port answers; empty otherwise
     */
    public static Optional<String> hostUrl(Path output) {
        Path f = folder(output).resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            long pid = Long.parseLong(p.getProperty("pid", "").trim());
            int port = Integer.parseInt(p.getProperty("port", "").trim());
            if (pid == ProcessHandle.current().pid() || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.empty();
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            }
            return Optional.of(serverUrl(port));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String serverUrl(int port) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/" + NAME;
    }

    private static SharedDatabase host(Path output) throws SQLException {
        Path dir = folder(output);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SQLException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        String fileUrl = fileUrl(output);
        // the files are opened in process first: a lock held by another process fails here
        Connection keeper = DriverManager.getConnection(fileUrl, USER, "");
        Server server = null;
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            server = new Server();
            // quiet before anything else: the server logs every setting to standard output by default
            server.setLogWriter(null);
            server.setErrWriter(null);
            server.setSilent(true);
            server.setAddress("127.0.0.1");
            server.setPort(port);
            server.setDatabaseName(0, NAME);
            server.setDatabasePath(0, "file:" + dir.resolve(NAME) + OPTIONS);
            server.setTrace(false);
            server.setNoSystemExit(true);
            server.start();
            for (int i = 0; i < 100 && server.getState() == ServerConstants.SERVER_STATE_OPENING; i++) {
                sleep(20);
            }
            if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
                Throwable cause = server.getServerError();
                throw new SQLException("the database server did not start on port " + port
                        + (cause == null ? "" : ": " + cause.getMessage()), cause);
            }
            Path f = dir.resolve(FILE);
            Path tmp = dir.resolve(FILE + ".tmp");
            Properties p = new Properties();
            p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            p.setProperty("port", Integer.toString(port));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "the process hosting this database and its server's port on 127.0.0.1");
            }
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
            SharedDatabase hosted = new SharedDatabase(fileUrl, server, keeper, f);
            synchronized (HOSTED) {
                HOSTED.put(dir, hosted);
            }
            return hosted;
        } catch (IOException | SQLException | RuntimeException e) {
            if (server != null) {
                server.stop();
            }
            keeper.close();
            throw e instanceof SQLException s ? s : new SQLException("the database server did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Closes this hold: when it is the last holder in a process that hosts the database, the
     * server stops, {@value #FILE} is removed and the database files are closed; a client has
     * nothing to close.
     *
     * @throws SQLException if the database cannot be shut down cleanly (its log is replayed at the next open)
     */
    @Override
    public void close() throws SQLException {
        if (server == null) {
            return;
        }
        synchronized (HOSTED) {
            if (--holders > 0) {
                return;
            }
            HOSTED.remove(file.getParent());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file names a dead process and is passed over
        }
        server.stop();
        try (Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        } finally {
            keeper.close();
        }
    }

    /**
     * A data source over an output folder's database for a long-lived process (the reading room's
     * operator and review pages): each connection goes to the live host, or opens the database as
     * its host when there is none, so it carries on when the run that hosted the database ends.
     * Connections are not pooled; {@link #close()} ends this process's hosting.
     *
     * @param output the output folder
     * @return the data source
     */
    public static Source dataSource(Path output) {
        return new Source(output);
    }

    /** See {@link #dataSource(Path)}. */
    public static final class Source extends org.springframework.jdbc.datasource.AbstractDataSource implements AutoCloseable {
        private final Path output;
        private SharedDatabase current;

        private Source(Path output) {
            this.output = output;
        }

        /**
         * @return a new connection to the host, or to the files when this process hosts them
         * @throws SQLException if no host is live and the files cannot be opened here
         */
        @Override
        public synchronized Connection getConnection() throws SQLException {
            if (current != null && !current.hosting()) {
                try {
                    return DriverManager.getConnection(current.url(), USER, "");
                } catch (SQLException e) {
                    current = null; // the host has gone: find the next one, or host
                }
            }
            if (current == null) {
                current = open(output);
            }
            return DriverManager.getConnection(current.url(), USER, "");
        }

        /** @throws UnsupportedOperationException always: the embedded database has one user */
        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException("the embedded database has one user");
        }

        /** @return true when this process hosts the database now */
        public synchronized boolean hosting() {
            return current != null && current.hosting();
        }

        /** Ends this process's hosting, if it hosts. @throws SQLException as {@link SharedDatabase#close()} */
        @Override
        public synchronized void close() throws SQLException {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
