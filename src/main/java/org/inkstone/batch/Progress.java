package org.inkstone.batch;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.inkstone.store.PageTask;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Prints the job's progress as pages are stored: pages finished of the total, and the rate in
 * pages per minute over this run. One line per page on standard output, printed once the
 * page's transaction has committed, so a page reported is a page kept.
 */
public class Progress implements ItemWriteListener<PageResult> {

    private final PrintStream out;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int total;
    private volatile int alreadyDone;
    private volatile long startNanos;

    /** @param out where progress lines go */
    public Progress(PrintStream out) {
        this.out = out;
    }

    /**
     * Starts counting for a run.
     *
     * @param alreadyDone pages finished by earlier runs
     * @param pending     pages this run has to do
     */
    public void start(int alreadyDone, int pending) {
        this.alreadyDone = alreadyDone;
        this.total = alreadyDone + pending;
        this.finished.set(0);
        this.startNanos = System.nanoTime();
        if (alreadyDone > 0 && pending > 0) {
            out.printf("digitize: resuming, %d of %d pages already done%n", alreadyDone, total);
        }
        out.printf("digitize: %d pages to recognise%n", pending);
        out.flush();
    }

    @Override
    public void afterWrite(Chunk<? extends PageResult> items) {
        List<PageResult> written = List.copyOf(items.getItems());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    report(written);
                }
            });
        } else {
            report(written);
        }
    }

    private void report(List<PageResult> written) {
        for (PageResult r : written) {
            int n = finished.incrementAndGet();
            double minutes = (System.nanoTime() - startNanos) / 6e10;
            PageTask t = r.task();
            synchronized (out) {
                if (startNanos == 0) {
                    // a worker of remote partitioning: the job's total is the manager's
                    startNanos = System.nanoTime();
                    minutes = 0;
                }
                String done = total > 0 ? (alreadyDone + n) + "/" + total : Integer.toString(n);
                out.printf("digitize: %s pages, %.1f pages/min  %s p%d %s%n", done,
                        minutes > 0 ? n / minutes : 0.0, t.source().getFileName(), t.pageNo(),
                        r.ok() ? "ok" : "FAILED: " + r.error());
                out.flush();
            }
        }
    }
}
