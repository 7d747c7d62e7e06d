package org.inkstone.learned;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * One ONNX model loaded into ONNX Runtime (Microsoft, MIT licence) for CPU inference on float
 * tensors. The session is created once and is safe to run from several threads at once; each run
 * uses one thread (intra- and inter-op threads 1), since Inkstone's parallelism is pages on
 * worker threads (several threads per run would only compete with the other workers). ONNX
 * Runtime's CPU memory arena is kept between runs; its size is that of the largest run, so callers
 * bound their inputs (the detector runs a page in tiles).
 */
public final class OnnxModel implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;
    private final Path file;

    /**
     * A float output tensor.
     *
     * @param data  the values, row-major
     * @param shape its dimensions
     */
    public record Output(float[] data, long[] shape) {
    }

    /**
     * Loads a model.
     *
     * @param file the {@code .onnx} file (verified beforehand, e.g. by {@link PaddleModels#in})
     * @throws ModelException if ONNX Runtime cannot load it
     */
    public OnnxModel(Path file) {
        this.file = file;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // The CPU arena keeps the memory of one run for the next. Without it every run maps
            // its tensors afresh and the kernel zeroes each page again (measured on a 2-page
            // microfilm fold with 2 workers: 17 million page faults and a third of the CPU time
            // spent in the kernel). The detector's input is bounded by its tiles and a line's by
            // the recogniser's width, so the arena stays near the size of the largest run.
            // Memory-pattern plans are kept per input shape, and every line has its own, so they
            // are not made.
            options.setCPUArenaAllocator(true);
            options.setMemoryPatternOptimization(false);
            session = env.createSession(file.toString(), options);
            input = session.getInputNames().iterator().next();
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new ModelException("ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on one float tensor and returns its first output.
     *
     * @param data  input values, row-major, {@code product(shape)} of them
     * @param shape input dimensions, e.g. {@code [1, 3, H, W]}
     * @return the first output
     * @throws ModelException if the run fails
     */
    public Output run(float[] data, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] outShape = out.getInfo().getShape();
            FloatBuffer fb = out.getFloatBuffer();
            float[] values = new float[fb.remaining()];
            fb.get(values);
            return new Output(values, outShape);
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed on " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** @return the model file */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelException("cannot close " + file, e);
        }
    }
}
