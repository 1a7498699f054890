package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/** Outputs: add the current (nA) that synaptic state drives into the post neurons' input. */
public final class OutputKernels {

    private OutputKernels() {
    }

    /** CUBA: I += g, with g already a current. */
    @Kernel(elementwise = true)
    public static void cuba(int from, int to, @Read float[] g, @Write float[] current) {
        for (int i = from; i < to; i++) {
            current[i] += g[i];
        }
    }

    /** COBA: I += g (E - V). */
    @Kernel(elementwise = true)
    public static void coba(int from, int to, @Read float[] g, @Read float[] v, @Write float[] current, float e) {
        for (int i = from; i < to; i++) {
            current[i] += cobaDrive(g[i], e, v[i]);
        }
    }

    /** {@return the current (nA) of {@link #coba} for one neuron: g (E - V)} Written once for the kernels that use it. */
    public static float cobaDrive(float g, float e, float v) {
        return g * (e - v);
    }

    /**
     * {@link SynapseKernels#expon} and then {@link #coba} on the g it wrote, in one pass over the post
     * neurons: the projection's synapse update and output, which run one after the other on the same
     * items, read g once instead of twice and cost one loop instead of two (COBA 4000: 1.3 against 1.7
     * us a step for its two projections, see BENCHMARKS.md). The same operations in the same order, so
     * the same floats as the two kernels.
     */
    @Kernel(elementwise = true)
    public static void exponCoba(int from, int to, @Write float[] g, @Write float[] input, @Read float[] v,
                                 @Write float[] current, float decay, float e) {
        for (int i = from; i < to; i++) {
            float gn = SynapseKernels.exponStep(g[i], decay, input[i]);
            g[i] = gn;
            input[i] = 0f;
            current[i] += cobaDrive(gn, e, v[i]);
        }
    }

    /** MgBlock (NMDA, Jahr and Stevens 1990): I += g (E - V) / (1 + [Mg]/beta exp(-alpha V)). */
    @Kernel(elementwise = true)
    public static void mgBlock(int from, int to, @Read float[] g, @Read float[] v, @Write float[] current, float e,
                               float ccMg, float alpha, float beta) {
        for (int i = from; i < to; i++) {
            current[i] += mgBlockDrive(g[i], e, v[i], ccMg, alpha, beta);
        }
    }

    /** {@return the current (nA) of {@link #mgBlock} for one neuron} Written once for it and {@link #mgBlockPerNeuron}. */
    public static float mgBlockDrive(float g, float e, float v, float ccMg, float alpha, float beta) {
        return g * (e - v) / (1f + ccMg / beta * (float) Math.exp(-alpha * v));
    }

    // Per-post-neuron variants, chosen only when a parameter varies.

    /** {@link #coba} with the reversal potential per post neuron. */
    @Kernel(elementwise = true)
    public static void cobaPerNeuron(int from, int to, @Read float[] g, @Read float[] v, @Write float[] current,
                                     @Read float[] e) {
        for (int i = from; i < to; i++) {
            current[i] += cobaDrive(g[i], e[i], v[i]);
        }
    }

    /** {@link #mgBlock} with its parameters per post neuron. */
    @Kernel(elementwise = true)
    public static void mgBlockPerNeuron(int from, int to, @Read float[] g, @Read float[] v, @Write float[] current,
                                        @Read float[] e, @Read float[] ccMg, @Read float[] alpha, @Read float[] beta) {
        for (int i = from; i < to; i++) {
            current[i] += mgBlockDrive(g[i], e[i], v[i], ccMg[i], alpha[i], beta[i]);
        }
    }
}
