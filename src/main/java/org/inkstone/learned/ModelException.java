package org.inkstone.learned;

/**
 * A learned model cannot be used: its file is missing, is not the file Inkstone was built for
 * (size or SHA-256 differ), or ONNX Runtime cannot load or run it. The message names the file
 * and how to install it.
 */
public class ModelException extends RuntimeException {

    /** @param message what is wrong, naming the file */
    public ModelException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file
     * @param cause   the underlying failure
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
