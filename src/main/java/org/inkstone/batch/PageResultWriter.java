package org.inkstone.batch;

import org.inkstone.store.DocumentStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores each page result in the chunk's transaction: the page's text and status {@code DONE},
 * or status {@code FAILED} with the reason.
 */
public class PageResultWriter implements ItemWriter<PageResult> {

    private final DocumentStore store;

    /** @param store the document store */
    public PageResultWriter(DocumentStore store) {
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends PageResult> chunk) {
        for (PageResult r : chunk) {
            if (r.ok()) {
                store.storePage(r.task().pageId(), r.ocr(), r.nativeScan(), r.millis(), r.quality(), r.rotationDeg(),
                        r.provenance(), r.graphics());
            } else {
                store.failPage(r.task().pageId(), r.error(), r.errorKind());
            }
        }
    }
}
