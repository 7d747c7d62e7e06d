package org.inkstone.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.inkstone.ingest.BadDocumentException;
import org.inkstone.ingest.DocumentInfo;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.store.DocumentStore;
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
 */
public class CatalogTasklet implements Tasklet {

    private final ScanPdfReader pdf;
    private final DocumentStore store;

    /**
     * @param pdf   validates PDFs
     * @param store the document store
     */
    public CatalogTasklet(ScanPdfReader pdf, DocumentStore store) {
        this.pdf = pdf;
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path scans = DigitizeJobConfig.scans(chunkContext.getStepContext().getStepExecution());
        int known = 0, added = 0, failed = 0;
        for (Path file : pdfFiles(scans)) {
            String sha = ScanPdfReader.sha256(file);
            var existing = store.findBySha256(sha);
            if (existing.isPresent()) {
                store.updateLocation(existing.get().id(), file);
                known++;
                continue;
            }
            try {
                DocumentInfo info = pdf.inspect(file, sha);
                store.registerDocument(info);
                added++;
            } catch (BadDocumentException e) {
                store.registerFailedDocument(file, sha, Files.size(file), e.getMessage());
                failed++;
            }
            contribution.incrementReadCount();
        }
        System.out.printf("digitize: %s: %d new documents, %d already known, %d rejected%n", scans, added, known, failed);
        return RepeatStatus.FINISHED;
    }

    /**
     * @param dir a folder
     * @return its regular files ending in {@code .pdf} (any case), sorted by name
     * @throws IOException if the folder cannot be listed
     */
    static List<Path> pdfFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".pdf"))
                    .sorted().toList();
        }
    }
}
