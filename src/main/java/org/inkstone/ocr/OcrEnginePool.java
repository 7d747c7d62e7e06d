package org.inkstone.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@link OcrEngine} per worker thread, created on the thread's first page and reused for
 * every later page on that thread, so a model is loaded once per worker. {@link #close()}
 * releases every engine the pool made.
 */
public final class OcrEnginePool implements AutoCloseable {

    /** Makes an engine; may fail when the model cannot be loaded. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @return a new engine
         * @throws OcrException if the engine cannot start
         */
        OcrEngine create() throws OcrException;
    }

    private final Factory factory;
    private final List<OcrEngine> created = new ArrayList<>();
    private final ThreadLocal<OcrEngine> perThread = new ThreadLocal<>();

    /** @param factory makes an engine for a thread that has none yet */
    public OcrEnginePool(Factory factory) {
        this.factory = factory;
    }

    /**
     * @return the calling thread's engine, created on first use
     * @throws OcrException if the engine cannot start
     */
    public OcrEngine engine() throws OcrException {
        OcrEngine engine = perThread.get();
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
            created.forEach(OcrEngine::close);
            created.clear();
        }
    }
}
