package org.inkstone.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;

/**
 * Why a document or page failed, as far as trying it again goes (column {@code error_kind}).
 */
public enum FailureKind {

    /**
     * The input itself cannot be digitized (empty, not a PDF, corrupt, encrypted, an unreadable
     * or oversized page): trying again gives the same answer, so a run does so only when asked
     * ({@code --retry-failed}).
     */
    INPUT,

    /**
     * The machine was at fault (no space left on a device, a file that could not be read, too
     * many open files, memory, the recogniser failing): the next run tries it again.
     */
    ENVIRONMENT;

    /** Messages of operating-system errors, as the JDK and libraries word them (lower case). */
    private static final List<String> SYSTEM_ERRORS = List.of("no space left on device", "disk quota exceeded",
            "read-only file system", "too many open files", "input/output error", "file size limit",
            "data file size limit", "cannot allocate memory", "stale file handle");

    /**
     * Classifies a failure by its cause: an error of the file system or of the virtual machine
     * anywhere in the chain of causes (a missing or unreadable file, a full disk, no memory), or
     * a message the operating system gives for one, is {@link #ENVIRONMENT}; anything else is
     * {@link #INPUT}.
     *
     * @param failure what was thrown
     * @return its kind
     */
    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError || t instanceof NoSuchFileException
                    || t instanceof AccessDeniedException) {
                return ENVIRONMENT;
            }
            if (systemMessage(t.getMessage())) {
                return ENVIRONMENT;
            }
        }
        return INPUT;
    }

    /**
     * @param message an error message, or null
     * @return whether it is the operating system's word for a fault of the machine (full disk, I/O error, …)
     */
    public static boolean systemMessage(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return SYSTEM_ERRORS.stream().anyMatch(m::contains);
    }
}
