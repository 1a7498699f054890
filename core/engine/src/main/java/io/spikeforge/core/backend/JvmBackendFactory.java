package io.spikeforge.core.backend;

import io.spikeforge.core.sim.Network;

/**
 * Creates the JVM backend. With no thread count given it uses one thread per core, or one thread
 * when no task is large enough to be split (then the barriers would only cost time).
 */
public final class JvmBackendFactory implements BackendFactory {

    @Override
    public Backend create(Network network, int threads) {
        if (threads > 0) {
            return new JvmBackend(threads);
        }
        int largest = network.tasks().stream().filter(t -> !t.serial()).mapToInt(t -> t.size()).max().orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();
        return new JvmBackend(largest < 2 * JvmBackend.MIN_ITEMS_PER_WORKER ? 1 : cores);
    }
}
