package org.inkstone.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One output folder's HSQLDB file database shared by two processes: the first hosts it and serves
 * it on the loopback interface, a process started meanwhile connects through it and sees the
 * same rows, and after the host closes, the next opener hosts it itself.
 */
class SharedDatabaseTest {

    @TempDir
    Path output;

    private static int count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aSecondProcessWorksThroughTheHostAndTakesOverWhenItEnds() throws Exception {
        SharedDatabase host = SharedDatabase.open(output);
        assertTrue(host.hosting());
        try (Connection c = DriverManager.getConnection(host.url(), SharedDatabase.USER, "")) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
            c.createStatement().execute("INSERT INTO t VALUES (1)");
        }
        assertTrue(Files.isRegularFile(output.resolve("db").resolve(SharedDatabase.FILE)));
        // another process: a JVM of its own opening the same folder, inserting a row through the host
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Client.class.getName(), output.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), said);
        assertEquals("client 1", said.strip(), "the other process connected through the host and saw its row");
        try (Connection c = DriverManager.getConnection(host.url(), SharedDatabase.USER, "")) {
            assertEquals(2, count(c), "the other process's row is in the host's database");
        }
        host.close();
        assertFalse(Files.exists(output.resolve("db").resolve(SharedDatabase.FILE)));
        try (SharedDatabase.Source next = SharedDatabase.dataSource(output); Connection c = next.getConnection()) {
            assertTrue(next.hosting(), "with no host left, the next opener hosts the files itself");
            assertEquals(2, count(c), "nothing stored through the host was lost");
        }
    }

    /** The other process: opens the folder, which finds the host, and inserts a row. */
    public static final class Client {
        public static void main(String[] args) throws Exception {
            try (SharedDatabase db = SharedDatabase.open(Path.of(args[0]));
                 Connection c = DriverManager.getConnection(db.url(), SharedDatabase.USER, "")) {
                if (db.hosting()) {
                    throw new IllegalStateException("the client hosts the database: it did not find the host");
                }
                System.out.println("client " + count(c));
                c.createStatement().execute("INSERT INTO t VALUES (2)");
            }
        }
    }
}
