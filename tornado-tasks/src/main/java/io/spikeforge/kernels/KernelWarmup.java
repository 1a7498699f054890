package io.spikeforge.kernels;

import io.spikeforge.spi.KernelCall;

import java.util.concurrent.locks.LockSupport;

/**
 * Gets HotSpot's optimizing compiler (C2) to compile the built-in kernels while the command line still
 * starts up: a daemon thread runs each kernel on small arrays of its own, through the same typed calls
 * ({@code NeuronKernelsCalls.lif}, ...) that the models' tasks run, so that the code compiled is the
 * code the tasks call. Without it a short run spends
 * its first tens of milliseconds in slower code while C2 compiles the kernels one by one; on a two-core
 * machine that doubled the loop of a 1 s, 4000-neuron network (BENCHMARKS.md). It touches no network's
 * arrays, so results are the same with or without it.
 *
 * <p>The network's task bodies call each kernel's own compiled code, so that is the code to get ready,
 * and C2 compiles a method on its own only when its call count says so. Two things kept that from
 * happening before the loop (seen with {@code -XX:+PrintCompilation}): a warm-up loop that C2 compiles
 * inlines the kernels, and the kernels' own calls then stop counting; and the count is looked at only
 * once per two thousand or so calls, while C2's queue, long during start-up, can put the decision off.
 * So the calls are many and cheap (a step's kernels run once per chunk of the arrays), the loop that
 * makes them has no inner loop of its own (the set-up loops are methods of their own) and so is not
 * compiled, and after the first steps the thread goes on calling the kernels on a few elements every
 * {@link #TRICKLE_PAUSE_NANOS} until the run starts. Before, three or four of the seven kernels that
 * COBA uses were still in the first compiler's code when the loop started, in most starts; in one start
 * of ten that was the LIF update, and the first 250 steps took ten times as long as later ones.
 */
public final class KernelWarmup {

    private static final int N = 4096;
    /**
     * Steps over the whole arrays (the launcher's ahead-of-time cache holds the kernels' profiles); more
     * only keep the second core from the start-up's own compilations: on two cores 3000 steps made the
     * COBA 4000 benchmark about 0.05 s slower from command to summary, 300 to 1000 did not.
     */
    private static final int STEPS = 500;
    /** Calls per kernel per step: 4000 calls over the steps, for the same work as 500 calls. */
    private static final int CHUNKS = 8;
    /** Elements per call once the steps are done: the calls keep the counts going, not the work. */
    private static final int TRICKLE_CHUNK = 16;
    /** A round of trickle calls every 0.2 ms costs a few percent of one core. */
    private static final long TRICKLE_PAUSE_NANOS = 200_000;
    /** A command that never runs a network (or a long build) need not have it go on for ever. */
    private static final long TRICKLE_LIMIT_NANOS = 3_000_000_000L;
    private static final int FAN_OUT = 80;
    private static volatile boolean stop;

    private KernelWarmup() {
    }

    /**
     * Starts the warm-up on a daemon thread, when the machine has a core to spare and
     * {@code -Dspikeforge.warmup=false} (for measuring what the warm-up gives) is not set.
     */
    public static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2 || "false".equals(System.getProperty("spikeforge.warmup"))) {
            return;
        }
        Thread t = new Thread(KernelWarmup::run, "spikeforge-kernel-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** {@return whether a run has begun (or a backend is being chosen), so that warm-ups end} */
    public static boolean stopped() {
        return stop;
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
        connect(rowPtr, cols, w, v);
        long[] seed = {0x9E3779B97F4A7C15L};
        // A COBA step's kernels, in the order a step runs them.
        KernelCall[] calls = {
            SpikeKernelsCalls.scanRun(flags, runs, counts, runLength, runEnd),
            SpikeKernelsCalls.joinRuns(runs, runLength, runEnd, list, count, total),
            CsrKernelsCalls.propagateSpikes(rowPtr, cols, w, list, count, input, sink),
            CsrKernelsCalls.propagateSpikesUniform(rowPtr, cols, 0.01f, list, count, input, sink),
            SynapseKernelsCalls.expon(g, input, 0.98f),
            OutputKernelsCalls.coba(g, v, current, 0f),
            OutputKernelsCalls.exponCoba(g, input, v, current, 0.98f, 0f),
            InputKernelsCalls.addConstant(current, 0.2f),
            NeuronKernelsCalls.lif(v, refractory, current, flags, -60f, -60f, -50f, 1f, 0.995f, 50),
            PlasticityKernelsCalls.trace(trace, flags, 0.95),
        };
        schedule(calls, () -> drawSpikes(flags, seed));
    }

    /**
     * Gets C2 to compile more kernels, as it does the built-in ones: those of a model generated at run
     * time (a model written as equations), on a daemon thread, over arrays of their own of
     * {@value #N} elements that the caller made for them. The schedule is the built-in kernels' (many
     * cheap calls, then a trickle until the run starts); it does nothing once a run has started, or
     * without a core to spare.
     *
     * @param name  names the thread
     * @param calls the kernels, bound to scratch arrays of at least {@value #N} elements
     */
    public static void warm(String name, KernelCall... calls) {
        if (stop || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread t = new Thread(() -> schedule(calls, () -> { }), "spikeforge-warmup-" + name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Runs {@link #warm}'s schedule in the calling thread, returning when a run starts (or at once without a spare core). */
    public static void warmHere(KernelCall... calls) {
        if (!stop && Runtime.getRuntime().availableProcessors() >= 2) {
            schedule(calls, () -> { });
        }
    }

    /** The elements of the arrays a warm-up's calls are bound to. */
    public static int elements() {
        return N;
    }

    private static void schedule(KernelCall[] calls, Runnable everyStep) {
        int trickleFrom = STEPS * CHUNKS;
        long trickleEnd = 0;
        for (int call = 0; !stop; call++) {
            if (call < trickleFrom) {
                if (call % CHUNKS == 0) {
                    everyStep.run();
                }
            } else if (call == trickleFrom) {
                trickleEnd = System.nanoTime() + TRICKLE_LIMIT_NANOS;
            } else if (call % CHUNKS == 0) {
                if (System.nanoTime() > trickleEnd) {
                    return;
                }
                LockSupport.parkNanos(TRICKLE_PAUSE_NANOS);
            }
            int lo = (call % CHUNKS) * (N / CHUNKS);
            int hi = lo + (call < trickleFrom ? N / CHUNKS : TRICKLE_CHUNK);
            runAll(calls, lo, hi);
        }
    }

    /** One round of calls; a method of its own, with no loop of the kernels' own inside the warm-up loop. */
    private static void runAll(KernelCall[] calls, int lo, int hi) {
        for (KernelCall c : calls) {
            c.run(lo, hi);
        }
    }

    /** Rows of FAN_OUT synapses spread over the columns, and resting potentials spread below threshold. */
    private static void connect(int[] rowPtr, int[] cols, float[] w, float[] v) {
        for (int i = 0; i < N; i++) {
            rowPtr[i + 1] = rowPtr[i] + FAN_OUT;
            for (int k = 0; k < FAN_OUT; k++) {
                cols[rowPtr[i] + k] = (int) ((long) k * N / FAN_OUT + (i % (N / FAN_OUT)));
            }
            v[i] = -60f + (i % 13);
        }
        java.util.Arrays.fill(w, 0.01f);
    }

    /** About 2 % of neurons spike, as in a network firing at 20 Hz with dt = 0.1 ms. */
    private static void drawSpikes(int[] flags, long[] seed) {
        long x = seed[0];
        for (int i = 0; i < N; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            flags[i] = (x >>> 58) == 0 ? 1 : 0;
        }
        seed[0] = x;
    }
}
