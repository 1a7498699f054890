package io.spikeforge.spi;

import java.util.List;

/**
 * A backend, registered as models are: a {@link SpikeForgePlugin} returns it from
 * {@link SpikeForgePlugin#backends()}. The engine's JVM backend registers this way, and so does the
 * TornadoVM backend. {@code --backend NAME} selects one by its name.
 */
public interface BackendProvider {

    /** {@return the name {@code --backend} and the config's {@code backend.name} select it by} */
    String name();

    /** {@return a one-line description, for {@code spikeforge plugins}} */
    default String description() {
        return "";
    }

    /**
     * {@return whether the backend's runtime is present here}; a TornadoVM backend jar without the SDK
     * on the module path is not available, and the engine leaves it out
     */
    default boolean available() {
        return true;
    }

    /**
     * {@return a backend ready to run {@code network}}
     *
     * @param network what the backend sees of the network
     * @param threads requested worker threads, 0 for the backend's own choice
     * @throws BackendUnavailableException when it cannot run here or cannot run this network, with what
     *                                     to do about it
     */
    Backend create(NetworkView network, int threads);

    /** {@return one line per device this backend can run on, for {@code spikeforge devices}} */
    default List<String> devices() {
        return List.of();
    }
}
