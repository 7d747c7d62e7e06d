package org.inkstone.batch;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageTask;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The pages still {@code PENDING} in the database, handed out one per {@link #read()} to the
 * OCR workers of every partition, so a worker that finishes early takes the next page instead
 * of idling. The page status column is the process indicator: a page stays pending until its
 * result is committed, so after a crash the restarted step reloads exactly the unfinished
 * pages. Thread-safe.
 */
public class PageQueue implements ItemReader<PageTask> {

    private final DocumentStore store;
    private final Deque<PageTask> pages = new ArrayDeque<>();

    /** @param store the document store */
    public PageQueue(DocumentStore store) {
        this.store = store;
    }

    /**
     * Loads the pending pages of the documents last seen in a scans folder, replacing what was queued.
     *
     * @param scans the scans folder
     * @return how many pages are queued
     */
    public synchronized int load(Path scans) {
        pages.clear();
        pages.addAll(store.pendingPages(scans));
        return pages.size();
    }

    /** @return the next page, or null when none is left */
    @Override
    public synchronized PageTask read() {
        return pages.pollFirst();
    }
}
