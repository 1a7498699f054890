package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Kinetic receptor synapses (BrainPy's AMPA, GABAa, NMDA, BioNMDA) and short-term plasticity (BrainPy's
 * STD and STP), each with its state per pre neuron. {@code input[i]} holds the number of spikes of pre
 * neuron i arriving this step; each kernel consumes it (sets it to 0).
 *
 * <p>Transmitter pulses are counted in whole steps: a spike arriving in step n releases transmitter of
 * concentration T in steps n .. n + onSteps - 1, onSteps = ceil(T_dur / dt), which is BrainPy's
 * {@code (t - t_arrival) < T_dur} on the step grid. {@code pulse[i]} counts the pulse's steps still to
 * come. Integration is BrainPy's {@code exp_auto}: exponential Euler, which is exact for an equation
 * linear in its own variable with the other variables held over the step.
 */
public final class ReceptorKernels {

    private ReceptorKernels() {
    }

    /**
     * AMPA and GABAa: dg/dt = alpha [T] (1 - g) - beta g. With the pulse on, g' = gInf + (g - gInf) decayOn,
     * gInf = alpha T / (alpha T + beta), decayOn = exp(-(alpha T + beta) dt); with it off, g' = g decayOff,
     * decayOff = exp(-beta dt). A spike (re)starts the pulse in the step it arrives.
     */
    @Kernel(elementwise = true)
    public static void transmitterGated(int from, int to, @Write float[] g, @Write int[] pulse, @Write float[] input,
                                        int onSteps, float gInf, float decayOn, float decayOff) {
        for (int i = from; i < to; i++) {
            transmitterGatedAt(i, g, pulse, input, onSteps, gInf, decayOn, decayOff);
        }
    }

    /**
     * BioNMDA, second-order kinetics: dx/dt = alpha2 [T] (1 - x) - beta2 x (as {@link #transmitterGated}),
     * dg/dt = alpha1 x (1 - g) - beta1 g, exponential Euler with x at the step's start:
     * g' = gInf + (g - gInf) exp(-(alpha1 x + beta1) dt), gInf = alpha1 x / (alpha1 x + beta1).
     */
    @Kernel(elementwise = true)
    public static void bioNmda(int from, int to, @Write float[] g, @Write float[] x, @Write int[] pulse,
                               @Write float[] input, int onSteps, float xInf, float xDecayOn, float xDecayOff,
                               float alpha1, float beta1, float dt) {
        for (int i = from; i < to; i++) {
            bioNmdaAt(i, g, x, pulse, input, onSteps, xInf, xDecayOn, xDecayOff, alpha1, beta1, dt);
        }
    }

    /**
     * NMDA (BrainPy's abstract model): dg/dt = -g/tau_decay + a x (1 - g), dx/dt = -x/tau_rise, each
     * arriving spike adds 1 to x after the step's integration. g by exponential Euler with x at the step's
     * start: g' = gInf + (g - gInf) exp(-(1/tau_decay + a x) dt), gInf = a x / (1/tau_decay + a x);
     * x' = x decayRise + spikes, decayRise = exp(-dt/tau_rise).
     */
    @Kernel(elementwise = true)
    public static void nmda(int from, int to, @Write float[] g, @Write float[] x, @Write float[] input,
                            float invTauDecay, float a, float decayRise, float dt) {
        for (int i = from; i < to; i++) {
            nmdaAt(i, g, x, input, invTauDecay, a, decayRise, dt);
        }
    }

    /**
     * STD (BrainPy): dx/dt = (1 - x)/tau, exact: x_new = 1 - (1 - x) decayX; on a spike x = x_new - U x
     * (BrainPy depletes by U times x before the step's recovery). Each spike then adds the x it leaves
     * (its efficacy, the value BrainPy's STD returns) to g, which decays as an Expon synapse:
     * g' = g decaySyn + spikes x.
     */
    @Kernel(elementwise = true)
    public static void std(int from, int to, @Write float[] g, @Write float[] x, @Write float[] input, float u,
                           float decayX, float decaySyn) {
        for (int i = from; i < to; i++) {
            stdAt(i, g, x, input, u, decayX, decaySyn);
        }
    }

    /**
     * STP (BrainPy, Tsodyks-Markram with facilitation): du/dt = -u/tau_f, dx/dt = (1 - x)/tau_d, exact over
     * the step; then on a spike u += U (1 - u) and x -= u x (the new u). Each spike adds its efficacy
     * u x (the values after the spike, what BrainPy's STP returns) to g, which decays as an Expon synapse:
     * g' = g decaySyn + spikes u x.
     */
    @Kernel(elementwise = true)
    public static void stp(int from, int to, @Write float[] g, @Write float[] u, @Write float[] x,
                           @Write float[] input, float bigU, float decayF, float decayD, float decaySyn) {
        for (int i = from; i < to; i++) {
            stpAt(i, g, u, x, input, bigU, decayF, decayD, decaySyn);
        }
    }

    /**
     * Tsodyks-Markram with state per synapse, delivering the arriving spikes through a CSR (in place of the
     * comm's propagation). For each spiking pre neuron i and each synapse k = (i, j) with j in [from, to),
     * with e = (step - last[k]) dt the time since that synapse's previous spike:
     * u = u exp(-e/tau_f), x = 1 - (1 - x) exp(-e/tau_d) (exact between spikes); u += U (1 - u);
     * r = u x (the released fraction); x -= r; target[j] += w[k] r; last[k] = step. Each synapse belongs to
     * the range of its column, so its state is written by one work-item only.
     */
    @Kernel
    public static void tsodyksMarkram(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Read float[] w,
                                      @Read int[] spikeList, @Read int[] spikeCount, @Write float[] u,
                                      @Write float[] x, @Write int[] last, @Read int[] clock, float bigU,
                                      float invTauF, float invTauD, float dt, @Write @Local float[] target) {
        tsodyksMarkramRows(TM_SCALAR, false, from, to, rowPtr, cols, w, rowPtr, spikeList, spikeCount, u, x, last,
                clock, bigU, invTauF, invTauD, w, w, w, dt, target);
    }

    // Per-slot variants: the kernels above with each factor read per slot (per pre neuron), through the same
    // element functions; chosen only when a parameter varies, so that the kernels above stay as they are.

    /** {@link #transmitterGated} with its pulse length and factors per slot. */
    @Kernel(elementwise = true)
    public static void transmitterGatedPerSlot(int from, int to, @Write float[] g, @Write int[] pulse,
                                               @Write float[] input, @Read int[] onSteps, @Read float[] gInf,
                                               @Read float[] decayOn, @Read float[] decayOff) {
        for (int i = from; i < to; i++) {
            transmitterGatedAt(i, g, pulse, input, onSteps[i], gInf[i], decayOn[i], decayOff[i]);
        }
    }

    /** {@link #bioNmda} with its pulse length, factors and rates per slot. */
    @Kernel(elementwise = true)
    public static void bioNmdaPerSlot(int from, int to, @Write float[] g, @Write float[] x, @Write int[] pulse,
                                      @Write float[] input, @Read int[] onSteps, @Read float[] xInf,
                                      @Read float[] xDecayOn, @Read float[] xDecayOff, @Read float[] alpha1,
                                      @Read float[] beta1, float dt) {
        for (int i = from; i < to; i++) {
            bioNmdaAt(i, g, x, pulse, input, onSteps[i], xInf[i], xDecayOn[i], xDecayOff[i], alpha1[i], beta1[i],
                    dt);
        }
    }

    /** {@link #nmda} with 1/tau_decay, a and exp(-dt/tau_rise) per slot. */
    @Kernel(elementwise = true)
    public static void nmdaPerSlot(int from, int to, @Write float[] g, @Write float[] x, @Write float[] input,
                                   @Read float[] invTauDecay, @Read float[] a, @Read float[] decayRise, float dt) {
        for (int i = from; i < to; i++) {
            nmdaAt(i, g, x, input, invTauDecay[i], a[i], decayRise[i], dt);
        }
    }

    /** {@link #std} with U, exp(-dt/tau) and exp(-dt/tau_syn) per slot. */
    @Kernel(elementwise = true)
    public static void stdPerSlot(int from, int to, @Write float[] g, @Write float[] x, @Write float[] input,
                                  @Read float[] u, @Read float[] decayX, @Read float[] decaySyn) {
        for (int i = from; i < to; i++) {
            stdAt(i, g, x, input, u[i], decayX[i], decaySyn[i]);
        }
    }

    /** {@link #stp} with U and the three decay factors per slot. */
    @Kernel(elementwise = true)
    public static void stpPerSlot(int from, int to, @Write float[] g, @Write float[] u, @Write float[] x,
                                  @Write float[] input, @Read float[] bigU, @Read float[] decayF,
                                  @Read float[] decayD, @Read float[] decaySyn) {
        for (int i = from; i < to; i++) {
            stpAt(i, g, u, x, input, bigU[i], decayF[i], decayD[i], decaySyn[i]);
        }
    }

    /**
     * {@link #tsodyksMarkram} with U, 1/tau_f and 1/tau_d per post neuron: synapse k = (i, j) takes post
     * neuron j's values (short-term plasticity depends on the target cell's type, Markram et al. 1998).
     */
    @Kernel
    public static void tsodyksMarkramPerPost(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Read float[] w,
                                             @Read int[] spikeList, @Read int[] spikeCount, @Write float[] u,
                                             @Write float[] x, @Write int[] last, @Read int[] clock,
                                             @Read float[] bigU, @Read float[] invTauF, @Read float[] invTauD,
                                             float dt, @Write @Local float[] target) {
        tsodyksMarkramRows(TM_PER_POST, false, from, to, rowPtr, cols, w, rowPtr, spikeList, spikeCount, u, x, last,
                clock, 0f, 0f, 0f, bigU, invTauF, invTauD, dt, target);
    }

    /**
     * {@link #tsodyksMarkram} with U, 1/tau_f and 1/tau_d per synapse k (connectivity order): each synapse has
     * its own dynamics, as its own u and x. {@code dynamics} holds synapse k's U, 1/tau_f and 1/tau_d at
     * 3k, 3k + 1 and 3k + 2 (one array, so that the delayed form stays within a TornadoVM task's arguments).
     */
    @Kernel
    public static void tsodyksMarkramPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] cols,
                                                @Read float[] w, @Read int[] spikeList, @Read int[] spikeCount,
                                                @Write float[] u, @Write float[] x, @Write int[] last,
                                                @Read int[] clock, @Read float[] dynamics, float dt,
                                                @Write @Local float[] target) {
        tsodyksMarkramRows(TM_PER_SYNAPSE, false, from, to, rowPtr, cols, w, rowPtr, spikeList, spikeCount, u, x,
                last, clock, 0f, 0f, 0f, dynamics, dynamics, dynamics, dt, target);
    }

    /**
     * {@link #tsodyksMarkram} over weights laid out apart from the synapses (Dense's matrix): synapse k's
     * weight is {@code w[cell[k]]}.
     */
    @Kernel
    public static void tsodyksMarkramCells(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Read float[] w,
                                           @Read int[] cell, @Read int[] spikeList, @Read int[] spikeCount,
                                           @Write float[] u, @Write float[] x, @Write int[] last, @Read int[] clock,
                                           float bigU, float invTauF, float invTauD, float dt,
                                           @Write @Local float[] target) {
        tsodyksMarkramRows(TM_SCALAR, true, from, to, rowPtr, cols, w, cell, spikeList, spikeCount, u, x, last, clock,
                bigU, invTauF, invTauD, w, w, w, dt, target);
    }

    /**
     * {@link #tsodyksMarkramCells} with U, 1/tau_f and 1/tau_d per synapse k (connectivity order), in
     * {@code dynamics} as {@link #tsodyksMarkramPerSynapse} has them.
     */
    @Kernel
    public static void tsodyksMarkramCellsPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] cols,
                                                     @Read float[] w, @Read int[] cell, @Read int[] spikeList,
                                                     @Read int[] spikeCount, @Write float[] u, @Write float[] x,
                                                     @Write int[] last, @Read int[] clock, @Read float[] dynamics,
                                                     float dt, @Write @Local float[] target) {
        tsodyksMarkramRows(TM_PER_SYNAPSE, true, from, to, rowPtr, cols, w, cell, spikeList, spikeCount, u, x, last,
                clock, 0f, 0f, 0f, dynamics, dynamics, dynamics, dt, target);
    }

    /**
     * The parameters of the Tsodyks-Markram walks: one value each, one per post neuron (three arrays), one per
     * synapse (three per synapse in one array).
     */
    private static final int TM_SCALAR = 0;
    private static final int TM_PER_POST = 1;
    private static final int TM_PER_SYNAPSE = 2;

    /**
     * The walk of the Tsodyks-Markram kernels without per-synapse delays, written once: U, 1/tau_f and
     * 1/tau_d as {@code params} says (a constant in each kernel), the weight of synapse k at {@code cell[k]}
     * when {@code cells}, else at k.
     */
    private static void tsodyksMarkramRows(int params, boolean cells, int from, int to, int[] rowPtr, int[] cols,
                                           float[] w, int[] cell, int[] spikeList, int[] spikeCount, float[] u,
                                           float[] x, int[] last, int[] clock, float bigU, float invTauF,
                                           float invTauD, float[] bigUs, float[] invTauFs, float[] invTauDs, float dt,
                                           float[] target) {
        int n = spikeCount[0];
        int step = clock[0];
        for (int s = 0; s < n; s++) {
            int row = spikeList[s];
            int end = rowPtr[row + 1];
            int k = from == 0 ? rowPtr[row] : CsrKernels.lowerBound(cols, rowPtr[row], end, from, target.length);
            for (; k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                float r = tsodyksMarkramParams(params, k, j, u, x, last, step, bigU, invTauF, invTauD, bigUs, invTauFs,
                        invTauDs, dt);
                target[j] += w[cells ? cell[k] : k] * r;
            }
        }
    }

    /**
     * {@return synapse k's release, its U, 1/tau_f and 1/tau_d the scalars, post neuron j's in three arrays, or
     * its own at 3k, 3k + 1, 3k + 2 of {@code bigUs}}
     */
    private static float tsodyksMarkramParams(int params, int k, int j, float[] u, float[] x, int[] last, int step,
                                              float bigU, float invTauF, float invTauD, float[] bigUs,
                                              float[] invTauFs, float[] invTauDs, float dt) {
        if (params == TM_SCALAR) {
            return tsodyksMarkramRelease(k, u, x, last, step, bigU, invTauF, invTauD, dt);
        }
        if (params == TM_PER_POST) {
            return tsodyksMarkramRelease(k, u, x, last, step, bigUs[j], invTauFs[j], invTauDs[j], dt);
        }
        return tsodyksMarkramRelease(k, u, x, last, step, bigUs[3 * k], bigUs[3 * k + 1], bigUs[3 * k + 2], dt);
    }

    /**
     * Tsodyks-Markram through synapses that each have their own axonal delay (see {@link DelayKernels}): in
     * step n = clock[0], for each delay d from the shortest and each pre neuron that spiked in step
     * n - 1 - d, its entries p of delay d with post j in [from, to): synapse k = segSynapse[p] releases r as
     * {@link #tsodyksMarkram}'s do, and target[j] += w[segCell[p]] r. A synapse has one delay, so it is
     * reached at most once a step, by the work-item of its post neuron's range.
     */
    @Kernel
    public static void tsodyksMarkramDelayed(int from, int to, @Read int[] rowPtr, @Read int[] segPtr,
                                             @Read short[] segDelay, @Read int[] segCols, @Read int[] segCell,
                                             @Read int[] segSynapse, @Read float[] w, @Read int[] ring,
                                             @Read int[] ringCount, int slots, int size, int minDelay, int maxDelay,
                                             @Read int[] clock, @Write float[] u, @Write float[] x, @Write int[] last,
                                             float bigU, float invTauF, float invTauD, float dt,
                                             @Write @Local float[] target) {
        tsodyksMarkramDelayedRows(TM_SCALAR, from, to, rowPtr, segPtr, segDelay, segCols, segCell, segSynapse, w, ring,
                ringCount, slots, size, minDelay, maxDelay, clock, u, x, last, bigU, invTauF, invTauD, w, w, w, dt,
                target);
    }

    /**
     * {@link #tsodyksMarkramDelayed} with U, 1/tau_f and 1/tau_d per synapse k (connectivity order), in
     * {@code dynamics} as {@link #tsodyksMarkramPerSynapse} has them.
     */
    @Kernel
    public static void tsodyksMarkramDelayedPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] segPtr,
                                                       @Read short[] segDelay, @Read int[] segCols,
                                                       @Read int[] segCell, @Read int[] segSynapse, @Read float[] w,
                                                       @Read int[] ring, @Read int[] ringCount, int slots, int size,
                                                       int minDelay, int maxDelay, @Read int[] clock,
                                                       @Write float[] u, @Write float[] x, @Write int[] last,
                                                       @Read float[] dynamics, float dt,
                                                       @Write @Local float[] target) {
        tsodyksMarkramDelayedRows(TM_PER_SYNAPSE, from, to, rowPtr, segPtr, segDelay, segCols, segCell, segSynapse, w,
                ring, ringCount, slots, size, minDelay, maxDelay, clock, u, x, last, 0f, 0f, 0f, dynamics, dynamics,
                dynamics, dt, target);
    }

    /** The walk of the delayed Tsodyks-Markram kernels, written once: {@link DelayKernels}' walk of the rows. */
    private static void tsodyksMarkramDelayedRows(int params, int from, int to, int[] rowPtr, int[] segPtr,
                                                  short[] segDelay, int[] segCols, int[] segCell, int[] segSynapse,
                                                  float[] w, int[] ring, int[] ringCount, int slots, int size,
                                                  int minDelay, int maxDelay, int[] clock, float[] u, float[] x,
                                                  int[] last, float bigU, float invTauF, float invTauD,
                                                  float[] bigUs, float[] invTauFs, float[] invTauDs, float dt,
                                                  float[] target) {
        int span = target.length;
        int step = clock[0];
        float perStep = 1f / (maxDelay - minDelay + 1);
        int first = step - 1 - minDelay;
        int slot = first < 0 ? 0 : first % slots;
        for (int d = minDelay; d <= maxDelay && first - (d - minDelay) >= 0; d++) {
            int n = ringCount[slot];
            int base = slot * size;
            for (int s = 0; s < n; s++) {
                int row = ring[base + s];
                int start = DelayKernels.segmentStart(row, d, rowPtr, segPtr, segDelay, minDelay, maxDelay, perStep);
                int end = DelayKernels.segmentEnd(row, d, start, rowPtr, segPtr, segDelay, minDelay, maxDelay);
                int p = from == 0 ? start : CsrKernels.lowerBound(segCols, start, end, from, span);
                for (; p < end; p++) {
                    int j = segCols[p];
                    if (j >= to) {
                        break;
                    }
                    float r = tsodyksMarkramParams(params, segSynapse[p], j, u, x, last, step, bigU, invTauF, invTauD,
                            bigUs, invTauFs, invTauDs, dt);
                    target[j] += w[segCell[p]] * r;
                }
            }
            // The step one earlier: the slot before, wrapping round.
            slot = slot == 0 ? slots - 1 : slot - 1;
        }
    }

    /**
     * {@return the fraction r that synapse k releases on a spike arriving in step {@code step}} Its element
     * function, written once: with e = (step - last[k]) dt, u = u exp(-e/tau_f), x = 1 - (1 - x) exp(-e/tau_d);
     * u += U (1 - u); r = u x; x -= r; last[k] = step.
     */
    public static float tsodyksMarkramRelease(int k, float[] u, float[] x, int[] last, int step, float bigU,
                                              float invTauF, float invTauD, float dt) {
        float elapsed = (step - last[k]) * dt;
        float uk = u[k] * (float) Math.exp(-elapsed * invTauF);
        float xk = 1f - (1f - x[k]) * (float) Math.exp(-elapsed * invTauD);
        uk = uk + bigU * (1f - uk);
        float r = uk * xk;
        u[k] = uk;
        x[k] = xk - r;
        last[k] = step;
        return r;
    }

    // Each model's step of slot i, written once for the kernel with one value per parameter and the one with
    // a value per slot (which passes slot i's values).

    /** Slot i's step of {@link #transmitterGated}. */
    public static void transmitterGatedAt(int i, float[] g, int[] pulse, float[] input, int onSteps, float gInf,
                                          float decayOn, float decayOff) {
        int left = input[i] > 0f ? onSteps : pulse[i];
        input[i] = 0f;
        float on = Math.min(left, 1);
        float gi = g[i];
        g[i] = on * (gInf + (gi - gInf) * decayOn) + (1f - on) * (gi * decayOff);
        pulse[i] = Math.max(left - 1, 0);
    }

    /** Slot i's step of {@link #bioNmda}. */
    public static void bioNmdaAt(int i, float[] g, float[] x, int[] pulse, float[] input, int onSteps, float xInf,
                                 float xDecayOn, float xDecayOff, float alpha1, float beta1, float dt) {
        int left = input[i] > 0f ? onSteps : pulse[i];
        input[i] = 0f;
        float on = Math.min(left, 1);
        float xi = x[i];
        float rate = alpha1 * xi + beta1;
        float gInf = alpha1 * xi / rate;
        g[i] = gInf + (g[i] - gInf) * (float) Math.exp(-rate * dt);
        x[i] = on * (xInf + (xi - xInf) * xDecayOn) + (1f - on) * (xi * xDecayOff);
        pulse[i] = Math.max(left - 1, 0);
    }

    /** Slot i's step of {@link #nmda}. */
    public static void nmdaAt(int i, float[] g, float[] x, float[] input, float invTauDecay, float a, float decayRise,
                              float dt) {
        float xi = x[i];
        float rate = invTauDecay + a * xi;
        float gInf = a * xi / rate;
        g[i] = gInf + (g[i] - gInf) * (float) Math.exp(-rate * dt);
        x[i] = xi * decayRise + input[i];
        input[i] = 0f;
    }

    /** Slot i's step of {@link #std}. */
    public static void stdAt(int i, float[] g, float[] x, float[] input, float u, float decayX, float decaySyn) {
        float s = input[i];
        input[i] = 0f;
        float xi = x[i];
        float xn = 1f - (1f - xi) * decayX - s * u * xi;
        x[i] = xn;
        g[i] = g[i] * decaySyn + s * xn;
    }

    /** Slot i's step of {@link #stp}. */
    public static void stpAt(int i, float[] g, float[] u, float[] x, float[] input, float bigU, float decayF,
                             float decayD, float decaySyn) {
        float s = input[i];
        input[i] = 0f;
        float ui = u[i] * decayF;
        float xi = 1f - (1f - x[i]) * decayD;
        ui = ui + s * bigU * (1f - ui);
        xi = xi - s * ui * xi;
        u[i] = ui;
        x[i] = xi;
        g[i] = g[i] * decaySyn + s * ui * xi;
    }
}
