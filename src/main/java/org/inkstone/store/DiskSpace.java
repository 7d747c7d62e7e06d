package org.inkstone.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps room on the database's disk. HSQLDB does not report every failed write of its log: on a
 * full disk a commit can return normally and be gone when the database is opened again
 * (measured with HSQLDB 2.7.4 on a full filesystem: 343 rows committed one by one without an
 * error, 183 there after a restart). So the store refuses to write while the folder's file
 * system has less than a reserve free, with an error that says so, instead of committing what
 * might not reach the disk. The reserve must hold what the database writes between two checks:
 * one page (well under a megabyte) and a checkpoint of the log ({@code hsqldb.log_size}).
 *
 * @param folder       the database folder, {@code OUTPUT/db}
 * @param minFreeBytes the reserve, bytes; 0 turns the check off
 */
public record DiskSpace(Path folder, long minFreeBytes) {

    /** The disk holding the database has less than the reserve free. */
    public static final class NoSpaceException extends IllegalStateException {
        /** @param message how much is free and how much is kept, for the operator */
        public NoSpaceException(String message) {
            super(message);
        }
    }

    /**
     * @throws NoSpaceException if the folder's file system has less than {@link #minFreeBytes}
     *                          free for this process (a file system that cannot tell is not checked)
     */
    public void check() {
        if (minFreeBytes <= 0) {
            return;
        }
        long free;
        try {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            free = existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return;
        }
        if (free < minFreeBytes) {
            throw new NoSpaceException(String.format("no space left on device for %s: %s free, the database "
                    + "needs %s (inkstone.store.min-free-mb)", folder, mb(free), mb(minFreeBytes)));
        }
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
