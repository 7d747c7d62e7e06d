package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.inkstone.ingest.BadDocumentException;
import org.inkstone.ingest.DocumentInfo;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.FailureKind;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of {@code digitize}: finds every {@code *.pdf} in the scans folder (job parameter
 * {@code scans}), identifies it by the SHA-256 of its bytes and registers new documents with
 * one pending row per page. A file already stored under the same hash is not done again (its
 * location is updated); a file that is empty, not a PDF, corrupt or encrypted is recorded as a
 * failed document with the reason. Runs again on restart, so files added meanwhile are taken in.
 *
 * <p>What failed for a reason of the machine's ({@link FailureKind#ENVIRONMENT}: a full disk, a
 * file that could not be read) is tried again: such documents are inspected again and such
 * pages put back in the queue. With {@code retryAll} (the {@code --retry-failed} option) every
 * failed document and page of the folder is. Entries named {@code *.pdf} that are not regular
 * files (folders, dangling links, pipes) and files that cannot be read to identify them are
 * listed in {@link #skipped()} for the run's summary.
 *
 * <p>Counts: one read per entry named {@code *.pdf}, one write per document registered or
 * inspected again (readable or rejected), one filtered per document already known; the entries
 * passed over are the rest.
 */
public class CatalogTasklet implements Tasklet {

    /**
     * An entry of the scans folder that was not taken in, and why.
     *
     * @param file   the entry
     * @param reason why it was passed over, for the operator
     */
    public record Skipped(Path file, String reason) {
    }

    private final ScanPdfReader pdf;
    private final DocumentStore store;
    private final boolean retryAll;
    private volatile List<Skipped> skipped = List.of();

    /**
     * @param pdf      validates PDFs
     * @param store    the document store
     * @param retryAll whether every failed document and page is tried again, not only those that
     *                 failed for a reason of the machine's
     */
    public CatalogTasklet(ScanPdfReader pdf, DocumentStore store, boolean retryAll) {
        this.pdf = pdf;
        this.store = store;
        this.retryAll = retryAll;
    }

    /** @return the entries the last catalog pass did not take in, by name */
    public List<Skipped> skipped() {
        return skipped;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path scans = DigitizeJobConfig.scans(chunkContext.getStepContext().getStepExecution());
        store.assignMissingExportNames();
        int known = 0, added = 0, failed = 0, retried = 0;
        List<Skipped> passedOver = new ArrayList<>();
        for (Path entry : pdfEntries(scans)) {
            contribution.incrementReadCount();
            if (!Files.isRegularFile(entry)) {
                passedOver.add(new Skipped(entry, notRegular(entry)));
                continue;
            }
            String sha;
            try {
                sha = ScanPdfReader.sha256(entry);
            } catch (IOException e) {
                passedOver.add(new Skipped(entry, "cannot be read: " + describe(e)));
                continue;
            }
            var existing = store.findBySha256(sha);
            if (existing.isPresent()) {
                DocumentRecord doc = existing.get();
                store.updateLocation(doc.id(), entry);
                if (DocumentStore.FAILED.equals(doc.status()) && (retryAll
                        || doc.errorKind() == FailureKind.ENVIRONMENT)) {
                    retried++;
                    if (!register(entry, sha, doc.id())) {
                        failed++;
                    }
                    contribution.incrementWriteCount(1);
                } else {
                    known++;
                    contribution.incrementFilterCount();
                }
                continue;
            }
            if (register(entry, sha, null)) {
                added++;
            } else {
                failed++;
            }
            contribution.incrementWriteCount(1);
        }
        skipped = List.copyOf(passedOver);
        int pagesAgain = store.retryFailedPages(scans, retryAll);
        System.out.printf("digitize: %s: %d new documents, %d already known, %d tried again, %d rejected%s%n", scans,
                added, known, retried, failed, passedOver.isEmpty() ? "" : ", " + passedOver.size() + " passed over");
        if (pagesAgain > 0) {
            System.out.printf("digitize: %d failed pages tried again%n", pagesAgain);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Inspects a file and registers it, or records why it cannot be digitized.
     *
     * @param file       the file
     * @param sha        its SHA-256
     * @param documentId the stored document when it failed before, else null
     * @return whether the file can be digitized
     */
    private boolean register(Path file, String sha, Long documentId) throws IOException {
        FailureKind kind;
        String reason;
        try {
            DocumentInfo info = pdf.inspect(file, sha);
            if (documentId == null) {
                store.registerDocument(info);
            } else {
                store.registerPages(documentId, info);
            }
            return true;
        } catch (BadDocumentException e) {
            kind = FailureKind.of(e);
            reason = e.getMessage();
        } catch (IOException e) {
            kind = FailureKind.ENVIRONMENT;
            reason = "cannot be read: " + describe(e);
        }
        if (documentId == null) {
            store.registerFailedDocument(file, sha, Files.size(file), reason, kind);
        } else {
            store.failDocument(documentId, reason, kind);
        }
        return false;
    }

    private static String notRegular(Path entry) {
        if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
            return "a link to nothing (" + readLink(entry) + ")";
        }
        if (Files.isDirectory(entry)) {
            return "a folder, not a file";
        }
        return "not a regular file (a pipe, socket or device)";
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * @param dir a folder
     * @return its entries whose names end in {@code .pdf} (any case), sorted by name, whatever their kind
     * @throws IOException if the folder cannot be listed
     */
    static List<Path> pdfEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".pdf"))
                    .sorted().toList();
        }
    }
}
