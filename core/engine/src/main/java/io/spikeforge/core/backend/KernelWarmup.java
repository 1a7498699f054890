package io.spikeforge.core.backend;

import io.spikeforge.kernels.CsrKernels;
import io.spikeforge.kernels.InputKernels;
import io.spikeforge.kernels.NeuronKernels;
import io.spikeforge.kernels.OutputKernels;
import io.spikeforge.kernels.SpikeKernels;
import io.spikeforge.kernels.SynapseKernels;

/**
 * Gets HotSpot's optimizing compiler (C2) to compile the built-in kernels while the command line still
 * starts up: a daemon thread calls each kernel on small arrays of its own. Without it a short run spends
 * its first tens of milliseconds in slower code while C2 compiles the kernels one by one; on a two-core
 * machine that doubled the loop of a 1 s, 4000-neuron network (BENCHMARKS.md). It touches no network's
 * arrays, so results are the same with or without it.
 */
public final class KernelWarmup {

    private static final int N = 4096;
    /**
     * Enough calls for C2 to take each kernel (the launcher's ahead-of-time cache holds their profiles);
     * more only keep the second core from the start-up's own compilations: on two cores 3000 steps
     * made the COBA 4000 benchmark about 0.05 s slower from command to summary, 300 to 1000 did not.
     */
    private static final int STEPS = 500;
    private static final int FAN_OUT = 80;
    private static volatile boolean stop;

    private KernelWarmup() {
    }

    /** Starts the warm-up on a daemon thread, when the machine has a core to spare. */
    public static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread t = new Thread(KernelWarmup::run, "spikeforge-kernel-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Ends the warm-up, so that it does not take a core from the run. */
    public static void stop() {
        stop = true;
    }

    private static void run() {
        float[] v = new float[N];
        float[] g = new float[N];
        float[] input = new float[N];
        float[] current = new float[N];
        float[] trace = new float[N];
        int[] refractory = new int[N];
        int[] flags = new int[N];
        int[] runs = new int[N];
        int[] counts = new int[N];
        int[] runLength = new int[N];
        int[] runEnd = new int[N];
        int[] list = new int[N];
        int[] count = new int[1];
        long[] total = new long[1];
        int[] sink = new int[1];
        int[] rowPtr = new int[N + 1];
        int[] cols = new int[N * FAN_OUT];
        float[] w = new float[N * FAN_OUT];
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < N; i++) {
            rowPtr[i + 1] = rowPtr[i] + FAN_OUT;
            for (int k = 0; k < FAN_OUT; k++) {
                cols[rowPtr[i] + k] = (int) ((long) k * N / FAN_OUT + (i % (N / FAN_OUT)));
            }
            v[i] = -60f + (i % 13);
        }
        java.util.Arrays.fill(w, 0.01f);
        for (int step = 0; step < STEPS && !stop; step++) {
            // About 2 % of neurons spike in each step, as in a network firing at 20 Hz with dt = 0.1 ms.
            for (int i = 0; i < N; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                flags[i] = (seed >>> 58) == 0 ? 1 : 0;
            }
            SpikeKernels.scanRun(0, N, flags, runs, counts, runLength, runEnd);
            SpikeKernels.joinRuns(0, N, runs, runLength, runEnd, list, count, total);
            CsrKernels.propagateSpikes(0, N, rowPtr, cols, w, list, count, input, sink);
            CsrKernels.propagateSpikesUniform(0, N, rowPtr, cols, 0.01f, list, count, input, sink);
            SynapseKernels.expon(0, N, g, input, 0.98f);
            OutputKernels.coba(0, N, g, v, current, 0f);
            InputKernels.addConstant(0, N, current, 0.2f);
            NeuronKernels.lif(0, N, v, refractory, current, flags, -60f, -60f, -50f, 1f, 0.995f, 50);
            SynapseKernels.trace(0, N, trace, flags, 0.95);
        }
    }
}
