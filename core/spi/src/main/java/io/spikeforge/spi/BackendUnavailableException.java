package io.spikeforge.spi;

/**
 * A backend cannot run here, or cannot run this network; the message says why and what to do. The
 * user sees it as one line, with exit code 2.
 */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why, and what to do about it
     */
    public BackendUnavailableException(String message) {
        super(message);
    }
}
