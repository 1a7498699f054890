package io.spikeforge.core.backend;

/**
 * What a command line starts for the JVM backend's fused loops ({@link LoopFusion}) before it reads its
 * configuration, as it starts {@code KernelWarmup} for the kernels.
 */
public final class FusedLoops {

    private FusedLoops() {
    }

    /**
     * Starts a daemon thread that loads the fused classes the class path's jar lists ({@link FusedLoopJar},
     * the launcher's), so that the JVM compiles them from its ahead-of-time cache's profiles while the
     * command line starts, when fusion is on, the machine has a core to spare and this is not the
     * launcher's ahead-of-time training (which writes the jar). It touches no network's arrays: results
     * are the same with or without it.
     */
    public static void preloadInBackground() {
        if ("false".equals(System.getProperty("spikeforge.fuseLoops")) || Boolean.getBoolean("spikeforge.aot.training")
                || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread.ofPlatform().daemon().name("spikeforge-fused-preload").start(FusedLoopJar::loadListed);
    }
}
