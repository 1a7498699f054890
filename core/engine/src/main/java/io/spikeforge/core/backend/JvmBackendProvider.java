package io.spikeforge.core.backend;

import io.spikeforge.spi.Backend;
import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.NetworkView;

import java.util.List;

/**
 * The JVM backend, registered as every backend is ({@link JvmBackendPlugin}). With no thread count
 * given it uses one thread when no task is large enough to be split (the barriers would only cost
 * time), and otherwise measures one thread against every core at the start of the run
 * ({@link AutoThreadsBackend}).
 */
public final class JvmBackendProvider implements BackendProvider {

    /** The name {@code --backend} selects it by. */
    public static final String NAME = "jvm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the step's tasks on JVM threads, in lockstep stages; the same floats for any thread count";
    }

    @Override
    public List<String> devices() {
        Runtime rt = Runtime.getRuntime();
        return List.of(String.format("jvm          CPU          %d cores, %.1f GB heap max", rt.availableProcessors(),
                rt.maxMemory() / 1e9));
    }

    @Override
    public Backend create(NetworkView network, int threads) {
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
