package io.spikeforge.tornado;

import io.spikeforge.kernels.CounterRng;
import io.spikeforge.kernels.CsrKernels;
import io.spikeforge.kernels.DenseKernels;
import io.spikeforge.kernels.InputKernels;
import io.spikeforge.kernels.MonitorKernels;
import io.spikeforge.kernels.NeuronKernels;
import io.spikeforge.kernels.OutputKernels;
import io.spikeforge.kernels.SpikeKernels;
import io.spikeforge.kernels.SynapseKernels;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * Thin TornadoVM wrappers: each runs one kernel of {@code io.spikeforge.kernels} either as a
 * data-parallel loop over its n items, item i as {@code kernel(i, i + 1, ...)}, or, for serial
 * kernels, as {@code kernel(0, n, ...)} on one work-item. The math stays in the kernels, which
 * TornadoVM inlines, so the JVM backend and the device run the same code.
 */
public final class DeviceKernels {

    private DeviceKernels() {
    }

    public static void lif(int n, float[] v, int[] ref, float[] cur, int[] sp, float vRest, float vReset, float vTh,
                           float r, float decay, int refSteps) {
        for (@Parallel int i = 0; i < n; i++) {
            NeuronKernels.lif(i, i + 1, v, ref, cur, sp, vRest, vReset, vTh, r, decay, refSteps);
        }
    }

    public static void expIf(int n, float[] v, int[] ref, float[] cur, int[] sp, float vRest, float vReset, float vTh,
                             float vT, float deltaT, float r, float dtOverTau, int refSteps) {
        for (@Parallel int i = 0; i < n; i++) {
            NeuronKernels.expIf(i, i + 1, v, ref, cur, sp, vRest, vReset, vTh, vT, deltaT, r, dtOverTau, refSteps);
        }
    }

    public static void adExIf(int n, float[] v, float[] w, int[] ref, float[] cur, int[] sp, float vRest, float vReset,
                              float vTh, float vT, float deltaT, float r, float a, float b, float dtOverTau,
                              float dtOverTauW, int refSteps) {
        for (@Parallel int i = 0; i < n; i++) {
            NeuronKernels.adExIf(i, i + 1, v, w, ref, cur, sp, vRest, vReset, vTh, vT, deltaT, r, a, b, dtOverTau,
                    dtOverTauW, refSteps);
        }
    }

    public static void izhikevich(int n, float[] v, float[] u, int[] ref, float[] cur, int[] sp, float a, float b,
                                  float c, float d, float vTh, float r, float dt, int refSteps) {
        for (@Parallel int i = 0; i < n; i++) {
            NeuronKernels.izhikevich(i, i + 1, v, u, ref, cur, sp, a, b, c, d, vTh, r, dt, refSteps);
        }
    }

    public static void expon(int n, float[] g, float[] input, float decay) {
        for (@Parallel int i = 0; i < n; i++) {
            SynapseKernels.expon(i, i + 1, g, input, decay);
        }
    }

    public static void dualExpon(int n, float[] g, float[] rise, float[] fall, float[] input, float riseDecay,
                                 float fallDecay, float a) {
        for (@Parallel int i = 0; i < n; i++) {
            SynapseKernels.dualExpon(i, i + 1, g, rise, fall, input, riseDecay, fallDecay, a);
        }
    }

    public static void alpha(int n, float[] g, float[] h, float[] input, float decay, float dt) {
        for (@Parallel int i = 0; i < n; i++) {
            SynapseKernels.alpha(i, i + 1, g, h, input, decay, dt);
        }
    }

    public static void trace(int n, float[] x, int[] flags, double decay) {
        for (@Parallel int i = 0; i < n; i++) {
            SynapseKernels.trace(i, i + 1, x, flags, decay);
        }
    }

    public static void cuba(int n, float[] g, float[] current) {
        for (@Parallel int i = 0; i < n; i++) {
            OutputKernels.cuba(i, i + 1, g, current);
        }
    }

    public static void coba(int n, float[] g, float[] v, float[] current, float e) {
        for (@Parallel int i = 0; i < n; i++) {
            OutputKernels.coba(i, i + 1, g, v, current, e);
        }
    }

    public static void mgBlock(int n, float[] g, float[] v, float[] current, float e, float ccMg, float alpha,
                               float beta) {
        for (@Parallel int i = 0; i < n; i++) {
            OutputKernels.mgBlock(i, i + 1, g, v, current, e, ccMg, alpha, beta);
        }
    }

    public static void gatherSpikes(int n, int[] colPtr, int[] perm, int[] colRows, float[] w, int[] flags,
                                    float[] target) {
        for (@Parallel int j = 0; j < n; j++) {
            CsrKernels.gatherSpikes(j, j + 1, colPtr, perm, colRows, w, flags, target);
        }
    }

    public static void propagateValues(int n, int[] rowPtr, int[] cols, float[] w, float[] values, int preSize,
                                       float[] target) {
        for (@Parallel int j = 0; j < n; j++) {
            CsrKernels.propagateValues(j, j + 1, rowPtr, cols, w, values, preSize, target);
        }
    }

    public static void updateRows(int n, int[] rowPtr, int[] cols, float[] w, int[] list, int[] count,
                                  float[] postValues, float factor, float wMin, float wMax) {
        for (@Parallel int j = 0; j < n; j++) {
            CsrKernels.updateRows(j, j + 1, rowPtr, cols, w, list, count, postValues, factor, wMin, wMax);
        }
    }

    public static void updateColumns(int n, int[] colPtr, int[] perm, int[] colRows, float[] w, int[] list, int[] count,
                                     float[] preValues, float factor, float wMin, float wMax) {
        for (@Parallel int j = 0; j < n; j++) {
            CsrKernels.updateColumns(j, j + 1, colPtr, perm, colRows, w, list, count, preValues, factor, wMin, wMax);
        }
    }

    public static void denseSpikes(int n, float[] w, int postSize, int[] list, int[] count, float[] target) {
        for (@Parallel int j = 0; j < n; j++) {
            DenseKernels.propagateSpikes(j, j + 1, w, postSize, list, count, target);
        }
    }

    public static void denseValues(int n, float[] w, int postSize, float[] values, int preSize, float[] target) {
        for (@Parallel int j = 0; j < n; j++) {
            DenseKernels.propagateValues(j, j + 1, w, postSize, values, preSize, target);
        }
    }

    public static void oneToOne(int n, float[] w, int[] list, int[] count, float[] target) {
        for (@Parallel int j = 0; j < n; j++) {
            DenseKernels.oneToOne(j, j + 1, w, list, count, target);
        }
    }

    public static void oneToOneValues(int n, float[] w, float[] values, float[] target) {
        for (@Parallel int j = 0; j < n; j++) {
            DenseKernels.oneToOneValues(j, j + 1, w, values, target);
        }
    }

    public static void bernoulli(int n, int[] flags, long seed, int[] clock, double p) {
        for (@Parallel int i = 0; i < n; i++) {
            CounterRng.bernoulli(i, i + 1, flags, seed, clock, p);
        }
    }

    public static void addConstant(int n, float[] current, float value) {
        for (@Parallel int i = 0; i < n; i++) {
            InputKernels.addConstant(i, i + 1, current, value);
        }
    }

    public static void addSection(int n, float[] current, float[] perStep, int[] clock) {
        for (@Parallel int i = 0; i < n; i++) {
            InputKernels.addSection(i, i + 1, current, perStep, clock);
        }
    }

    public static void flagsToInput(int n, int[] flags, float[] input) {
        for (@Parallel int i = 0; i < n; i++) {
            SpikeKernels.flagsToInput(i, i + 1, flags, input);
        }
    }

    /** Each item its own run, which {@link #joinRuns} then gathers. */
    public static void scanRun(int n, int[] flags, int[] runs, int[] counts, int[] runLength, int[] runEnd) {
        for (@Parallel int i = 0; i < n; i++) {
            SpikeKernels.scanRunLoop(i, i + 1, flags, runs, counts, runLength, runEnd);
        }
    }

    public static void clear(int n, float[] array) {
        for (@Parallel int i = 0; i < n; i++) {
            SpikeKernels.clear(i, i + 1, array);
        }
    }

    // Serial kernels: one work-item walks the whole range.

    public static void spikeTimes(int n, int[] spikes, long[] events, int[] cursor, int[] clock) {
        InputKernels.spikeTimes(0, n, spikes, events, cursor, clock);
    }

    public static void joinRuns(int n, int[] runs, int[] runLength, int[] runEnd, int[] list, int[] count,
                                long[] total) {
        SpikeKernels.joinRuns(0, n, runs, runLength, runEnd, list, count, total);
    }

    public static void pushRingAt(int n, int[] ring, int[] ringCount, int slots, int size, int[] list, int[] count,
                                  int[] clock) {
        SpikeKernels.pushRingAt(0, n, ring, ringCount, slots, size, list, count, clock);
    }

    public static void readRingAt(int n, int[] ring, int[] ringCount, int slots, int size, int delay, int[] flags,
                                  int[] list, int[] count, int[] clock) {
        SpikeKernels.readRingAt(0, n, ring, ringCount, slots, size, delay, flags, list, count, clock);
    }

    public static void tick(int n, int[] clock) {
        SpikeKernels.tick(0, n, clock);
    }

    public static void appendSpikes(int n, int[] list, int[] count, int[] selected, int[] clock, int[] buf, int[] fill) {
        MonitorKernels.appendSpikes(0, n, list, count, selected, clock, buf, fill);
    }

    public static void appendFloats(int n, float[] src, int[] indices, int[] clock, int every, float[] buf, int[] fill) {
        MonitorKernels.appendFloats(0, n, src, indices, clock, every, buf, fill);
    }

    public static void appendInts(int n, int[] src, int[] indices, int[] clock, int every, float[] buf, int[] fill) {
        MonitorKernels.appendInts(0, n, src, indices, clock, every, buf, fill);
    }
}
