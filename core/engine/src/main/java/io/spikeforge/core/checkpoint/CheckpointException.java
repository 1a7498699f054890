package io.spikeforge.core.checkpoint;

/**
 * A checkpoint cannot be used: not a checkpoint, written by another format version, truncated,
 * corrupt, or not matching the network its config builds. The command line prints the message and
 * exits with code 2.
 */
public final class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
