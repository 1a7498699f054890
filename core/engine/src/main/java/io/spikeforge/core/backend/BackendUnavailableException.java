package io.spikeforge.core.backend;

/** A backend cannot run here or cannot run this model; the message says why and what to do. */
public final class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String message) {
        super(message);
    }
}
