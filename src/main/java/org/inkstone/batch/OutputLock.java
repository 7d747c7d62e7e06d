package org.inkstone.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;

/**
 * One run at a time per output folder. {@link #acquire} takes an exclusive lock on
 * {@code OUTPUT/.inkstone.lock} (an operating-system file lock, {@link FileChannel#tryLock()}),
 * held until {@link #close()} or the end of the process, also a killed one, and writes the
 * holder's process id into the file, so a second run on the same folder is refused at once
 * with the first run's pid instead of failing later on the database's own lock. The file stays
 * behind, holding the pid of the last run.
 */
public final class OutputLock implements AutoCloseable {

    /** Name of the lock file inside the output folder. */
    public static final String FILE = ".inkstone.lock";

    /** The output folder is being written by another run. */
    public static final class InUseException extends Exception {
        /** @param message what holds the folder, for the operator */
        public InUseException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of an output folder, creating the folder if needed.
     *
     * @param output the output folder
     * @return the held lock
     * @throws InUseException if another run (in this or another process) holds it; the message
     *                        names the folder and the other run's pid where the file gives it
     * @throws IOException    if the folder or the lock file cannot be created or written
     */
    public static OutputLock acquire(Path output) throws InUseException, IOException {
        Files.createDirectories(output);
        Path file = output.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String pid = holder(channel);
            channel.close();
            throw new InUseException("the output folder " + output + " is in use by another run"
                    + (pid.isEmpty() ? "" : " (pid " + pid + ")") + "; wait for it to finish or use another --output");
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new OutputLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            channel.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Removes an output folder that a refused run created and left unused: only when it holds
     * nothing but the lock file and an empty or log-only {@code logs} folder. Errors are ignored.
     *
     * @param output the output folder
     */
    public static void removeUnused(Path output) {
        try (var tree = Files.walk(output)) {
            List<Path> all = tree.sorted(Comparator.reverseOrder()).toList();
            Path logs = output.resolve("logs");
            boolean unused = all.stream().allMatch(p -> p.equals(output) || p.equals(logs)
                    || p.equals(output.resolve(FILE)) || (logs.equals(p.getParent()) && p.toString().endsWith(".log")));
            if (unused) {
                for (Path p : all) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            // a folder left behind is harmless
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
