package io.spikeforge.kernels.jmh;

import io.spikeforge.kernels.CsrKernels;
import io.spikeforge.kernels.InputKernels;
import io.spikeforge.kernels.NeuronKernels;
import io.spikeforge.kernels.SpikeKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The hot kernels, one call per step as the engine makes it: the LIF update, event-driven CSR
 * propagation (with a weight array, and with one weight for all synapses), the two STDP passes, the
 * delay ring and an Ornstein-Uhlenbeck current (one normal variate per neuron). Sizes follow the
 * yardsticks: a 10k -> 1k projection at p = 0.1 with 15 input spikes and 4 post spikes per step (15 Hz
 * and about 40 Hz at dt = 0.1 ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {

    @Param({"4000", "100000"})
    int neurons;

    static final int PRE = 10_000;
    static final int POST = 1000;

    float[] v;
    int[] refractory;
    float[] current;
    int[] spikes;

    int[] rowPtr;
    int[] cols;
    float[] w;
    int[] colPtr;
    int[] perm;
    int[] colRows;
    int[] preList;
    int[] preCount;
    int[] postList;
    int[] postCount;
    float[] target;
    int[] sink = new int[1];
    float[] postTrace;
    float[] preTrace;

    int[] ring;
    int[] ringCount;
    int[] readFlags;
    int[] readList;
    int[] readCount;
    int step;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        v = new float[neurons];
        refractory = new int[neurons];
        current = new float[neurons];
        ouX = new float[neurons];
        spikes = new int[neurons];
        for (int i = 0; i < neurons; i++) {
            v[i] = (float) (-60 + 10 * r.nextDouble());
        }
        rowPtr = new int[PRE + 1];
        int[] tmp = new int[PRE * POST / 5];
        int n = 0;
        for (int i = 0; i < PRE; i++) {
            for (int j = 0; j < POST; j++) {
                if (r.nextDouble() < 0.1) {
                    tmp[n++] = j;
                }
            }
            rowPtr[i + 1] = n;
        }
        cols = java.util.Arrays.copyOf(tmp, n);
        w = new float[n];
        for (int k = 0; k < n; k++) {
            w[k] = (float) (0.01 * r.nextDouble());
        }
        colPtr = new int[POST + 1];
        for (int c : cols) {
            colPtr[c + 1]++;
        }
        for (int j = 0; j < POST; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] next = java.util.Arrays.copyOf(colPtr, POST);
        perm = new int[n];
        colRows = new int[n];
        for (int i = 0; i < PRE; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                colRows[next[cols[k]]] = i;
                perm[next[cols[k]]++] = k;
            }
        }
        preList = new int[PRE];
        preCount = new int[] {15};
        for (int s = 0; s < 15; s++) {
            preList[s] = s * 641;
        }
        postList = new int[POST];
        postCount = new int[] {4};
        for (int s = 0; s < 4; s++) {
            postList[s] = 100 + s * 211;
        }
        target = new float[POST];
        postTrace = new float[POST];
        preTrace = new float[PRE];
        java.util.Arrays.fill(postTrace, 0.3f);
        java.util.Arrays.fill(preTrace, 0.2f);
        ring = new int[11 * PRE];
        ringCount = new int[11];
        readFlags = new int[PRE];
        readList = new int[PRE];
        readCount = new int[1];
    }

    @Benchmark
    public float lifUpdate() {
        for (int i = 0; i < neurons; i++) {
            current[i] = 25f;
        }
        NeuronKernels.lif(0, neurons, v, refractory, current, spikes, -60f, -60f, -50f, 1f, 0.995f, 50);
        return v[0];
    }

    float[] ouX;
    int[] clock = new int[1];

    /** An Ornstein-Uhlenbeck current into every neuron: one normal variate per neuron and step. */
    @Benchmark
    public float ouCurrent() {
        clock[0]++;
        InputKernels.ouCurrent(0, neurons, current, ouX, 1.5f, 0.98f, 0.1f, 13L, clock);
        return current[3];
    }

    @Benchmark
    public float eventCsrPropagation() {
        CsrKernels.propagateSpikes(0, POST, rowPtr, cols, w, preList, preCount, target, sink);
        return target[7];
    }

    /** The same delivery for a static projection with one weight: no weight array to read. */
    @Benchmark
    public float eventCsrPropagationUniformWeight() {
        CsrKernels.propagateSpikesUniform(0, POST, rowPtr, cols, 0.005f, preList, preCount, target, sink);
        return target[7];
    }

    @Benchmark
    public float stdpDepressionRows() {
        CsrKernels.updateRows(0, POST, rowPtr, cols, w, preList, preCount, postTrace, -1e-6f, 0f, 0.01f);
        return w[3];
    }

    @Benchmark
    public float stdpPotentiationColumns() {
        CsrKernels.updateColumns(0, POST, colPtr, perm, colRows, w, postList, postCount, preTrace, 1e-6f, 0f, 0.01f);
        return w[3];
    }

    @Benchmark
    public int delayRingPushAndRead() {
        int slot = step++ % 11;
        SpikeKernels.pushRing(ring, ringCount, slot, PRE, preList, preCount);
        SpikeKernels.readRing(ring, ringCount, (slot + 1) % 11, PRE, readFlags, readList, readCount);
        return readCount[0];
    }
}
