package org.inkstone.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test: Debian's {@code postgresql} binaries
 * ({@code /usr/lib/postgresql/N/bin}), a cluster made by {@code initdb} in a temporary folder,
 * listening on a free port of 127.0.0.1 with trust authentication, stopped and removed by
 * {@link #close()}. {@code initdb} refuses to run as root, so as root the server runs as the
 * {@code postgres} user ({@code runuser}).
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin, dir;
    private final int port;
    private final boolean root;

    private PostgresServer(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
    }

    /** @return the newest installed PostgreSQL's binaries folder, if any */
    public static Optional<Path> binaries() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString(),
                            Comparator.comparingInt(s -> s.matches("\\d+") ? Integer.parseInt(s) : 0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes a cluster and starts it, with a database {@code inkstone}.
     *
     * @return the running server
     * @throws IOException if PostgreSQL is missing or does not start
     */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IOException("PostgreSQL is not installed (Debian's postgresql)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("inkstone-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresServer pg = new PostgresServer(bin, dir, port, root);
        if (root) {
            pg.exec(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        pg.exec(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "inkstone",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"), true);
        pg.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "start"), true);
        pg.exec(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                "inkstone", "inkstone"), true);
        return pg;
    }

    /** @return the JDBC URL of its database {@code inkstone} (user {@code inkstone}, no password) */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/inkstone?user=inkstone";
    }

    private void exec(List<String> cmd, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed: " + out);
        }
    }

    /** Stops the server and removes its cluster. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"), true);
        } finally {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
