package io.spikeforge.core.backend;

import io.spikeforge.core.sim.Network;

/**
 * Creates the JVM backend. With no thread count given it uses one thread when no task is large enough to
 * be split (the barriers would only cost time), and otherwise measures one thread against every core at
 * the start of the run ({@link AutoThreadsBackend}).
 */
public final class JvmBackendFactory implements BackendFactory {

    @Override
    public Backend create(Network network, int threads) {
        if (threads > 0) {
            return new JvmBackend(threads);
        }
        int largest = network.tasks().stream().filter(t -> !t.serial()).mapToInt(t -> t.size()).max().orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores == 1 || largest < 2 * JvmBackend.MIN_ITEMS_PER_WORKER) {
            return new JvmBackend(1);
        }
        return new AutoThreadsBackend(cores);
    }
}
