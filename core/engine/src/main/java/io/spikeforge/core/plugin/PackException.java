package io.spikeforge.core.plugin;

/**
 * A pack cannot be loaded: a missing directory, a jar built for another SPI version, a plugin that
 * throws while it is created, two models with one name. The message says which pack, which plugin
 * and what to do; the command line prints it and exits with code 2.
 */
public final class PackException extends RuntimeException {

    public PackException(String message) {
        super(message);
    }

    public PackException(String message, Throwable cause) {
        super(message, cause);
    }
}
