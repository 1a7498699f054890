package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/** Couplings that act on the potentials directly: Delta synapses and gap junctions. */
public final class CouplingKernels {

    private CouplingKernels() {
    }

    /**
     * Delta synapse, after the neurons' update: v[i] += pending[i] (the weights that arrived this step,
     * mV), then pending[i] = 0. The potential jumps by exactly the arriving weights.
     */
    @Kernel(elementwise = true)
    public static void jump(int from, int to, @Write float[] pending, @Write float[] v) {
        for (int i = from; i < to; i++) {
            v[i] += pending[i];
            pending[i] = 0f;
        }
    }

    /**
     * Gap junction, a gather over neuron i's coupled neighbours (CSR {@code ptr}, {@code nbr}, conductances
     * {@code g} in uS): current[i] += sum_k g[k] (vOther[nbr[k]] - vSelf[i]) (nA, with V in mV). Each
     * neuron sums its own terms in a fixed order: the same floats on any number of threads or devices.
     */
    @Kernel
    public static void gapJunction(int from, int to, @Read int[] ptr, @Read int[] nbr, @Read float[] g,
                                   @Read float[] vSelf, @Read float[] vOther, @Write @Local float[] current) {
        for (int i = from; i < to; i++) {
            float vi = vSelf[i];
            float sum = 0f;
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                sum += g[k] * (vOther[nbr[k]] - vi);
            }
            current[i] += sum;
        }
    }
}
