package io.spikeforge.core.backend;

/**
 * What a command line starts for the JVM backend's fused loops ({@link LoopFusion}) before it reads its
 * configuration, as it starts {@code KernelWarmup} for the kernels.
 */
public final class FusedLoops {

    /** Entries preloaded: a command runs one network, the most recently used entry is most often its. */
    private static final int ENTRIES = 2;

    private FusedLoops() {
    }

    /**
     * Starts a daemon thread that defines the fused classes of the disk cache's most recently used
     * entries ({@link FusedLoopCache}) and has the JIT compile them, when fusion is on, the machine has a
     * core to spare and this is not the launcher's ahead-of-time training (which generates its own). It
     * touches no network's arrays: results are the same with or without it.
     */
    public static void preloadInBackground() {
        if (!Boolean.getBoolean("spikeforge.fuseLoops") || Boolean.getBoolean("spikeforge.aot.training")
                || "false".equals(System.getProperty("spikeforge.fuseLoops.preload"))
                || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread.ofPlatform().daemon().name("spikeforge-fused-preload")
                .start(() -> LoopFusion.preload(FusedLoopCache.standard(), ENTRIES));
    }
}
