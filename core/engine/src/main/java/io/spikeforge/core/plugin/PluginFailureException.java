package io.spikeforge.core.plugin;

/**
 * A model failed in a way its contract does not allow (it threw something other than
 * IllegalArgumentException while building): a fault of its pack, not of the config. The message
 * names the config path, the model and its pack.
 */
public final class PluginFailureException extends RuntimeException {

    public PluginFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
