package io.spikeforge.core.backend;

import io.spikeforge.core.sim.Network;

/** Creates a backend by name; bound in Guice by that name. */
public interface BackendFactory {

    /**
     * @param network the network the backend will run
     * @param threads requested worker threads, 0 for the default
     * @return a backend ready to run the network
     * @throws BackendUnavailableException when it cannot run here, with what to do about it
     */
    Backend create(Network network, int threads);
}
