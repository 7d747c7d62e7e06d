package org.inkstone.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@link LineRecognizer} per worker thread, created on the thread's first page and reused
 * for every later page on that thread, so a model is loaded once per worker. {@link #close()}
 * releases every recogniser the pool made.
 */
public final class RecognizerPool implements AutoCloseable {

    /** Makes a recogniser; may fail when its model cannot be loaded. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @return a new recogniser
         * @throws OcrException if the recogniser cannot start
         */
        LineRecognizer create() throws OcrException;
    }

    private final Factory factory;
    private final List<LineRecognizer> created = new ArrayList<>();
    private final ThreadLocal<LineRecognizer> perThread = new ThreadLocal<>();

    /** @param factory makes a recogniser for a thread that has none yet */
    public RecognizerPool(Factory factory) {
        this.factory = factory;
    }

    /**
     * @return the calling thread's recogniser, created on first use
     * @throws OcrException if the recogniser cannot start
     */
    public LineRecognizer recognizer() throws OcrException {
        LineRecognizer engine = perThread.get();
        if (engine == null) {
            engine = factory.create();
            perThread.set(engine);
            synchronized (created) {
                created.add(engine);
            }
        }
        return engine;
    }

    @Override
    public void close() {
        synchronized (created) {
            created.forEach(LineRecognizer::close);
            created.clear();
        }
    }
}
