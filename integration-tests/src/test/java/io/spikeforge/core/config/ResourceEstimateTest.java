package io.spikeforge.core.config;

import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The memory estimate ({@link ResourceCheck#bytes}) of a TsodyksMarkram projection against the bytes its build
 * actually allocates: between a projection whose U, tau_f and tau_d are numbers and the same one with them
 * varying, the estimate must grow by what the build allocates more, the arrays of values per synapse (U,
 * 1/tau_f, 1/tau_d spread from the post neurons on Dense and with per-synapse delays, or the synapse's own
 * with {@code per_synapse}). Allocation is read from the JVM's per-thread counter around a build on this
 * thread (the projection's arrays are made there).
 */
class ResourceEstimateTest {

    /** 1000 x 1000 synapses: 12 MB of values per synapse, far above what a build allocates besides. */
    private static final int N = 1000;

    private static String network(String comm, String delay, String syn) {
        return """
                dt: 0.1
                duration: 0.1
                inputs:
                  - {name: src, type: PoissonSpikes, size: %d, rate: 10}
                populations:
                  - {name: post, size: %d, neuron: LifRef}
                projections:
                  - name: tm
                    pre: src
                    post: post
                    delay: %s
                    comm: {type: %s, conn: {type: All2All}, weight: 0.01}
                    syn: {type: TsodyksMarkram, %s}
                    out: COBA
                """.formatted(N, N, delay, comm, syn);
    }

    private static long allocatedByBuild(NetworkSpec spec) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Sims.ENGINE.build(spec);           // classes loaded and code compiled before the measured build
        long before = mx.getCurrentThreadAllocatedBytes();
        Sims.ENGINE.build(spec);
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    /** Asserts the estimate grows by what the build allocates more, to 2 % of the synapse count's 12 MB. */
    private static void check(String comm, String delay, String varying, long perSynapse) {
        NetworkSpec scalar = Sims.ENGINE.parse(network(comm, delay, "U: 0.3, tau_f: 50, tau_d: 200"), "t", Overrides.NONE);
        NetworkSpec varies = Sims.ENGINE.parse(network(comm, delay, varying), "t", Overrides.NONE);
        long estimated = ResourceCheck.bytes(varies) - ResourceCheck.bytes(scalar);
        long allocated = allocatedByBuild(varies) - allocatedByBuild(scalar);
        String what = comm + ", delay " + delay + ", " + varying;
        // the arrays per synapse dominate; the per-post values and one build's noise are well under 2 %
        assertEquals(perSynapse * N * N, estimated, 0.02 * 12 * N * N, what + ": estimate " + estimated);
        assertEquals(allocated, estimated, 0.02 * 12 * N * N, what + ": allocated " + allocated + ", estimated "
                + estimated);
    }

    @Test
    void valuesPerPostNeuronSpreadToTheSynapsesOnDenseAreCounted() {
        check("Dense", "0.5", "U: '0.1 + 0.5*i/N', tau_f: 50, tau_d: 200", 12);
    }

    @Test
    void valuesPerPostNeuronSpreadToTheSynapsesWithPerSynapseDelaysAreCounted() {
        check("EventCSRLinear", "{type: Uniform, min_val: 0.1, max_val: 3}", "U: 0.3, tau_f: 50, tau_d: '100 + i'", 12);
    }

    @Test
    void valuesPerPostNeuronOnASparseCommWithOneDelayNeedNoArrayPerSynapse() {
        check("EventCSRLinear", "0.5", "U: '0.1 + 0.5*i/N', tau_f: 50, tau_d: 200", 0);
    }

    @Test
    void valuesPerSynapseAreCountedWithTheArrayTheKernelsRead() {
        // U's own values (4 bytes per synapse) and U, 1/tau_f, 1/tau_d interleaved (12)
        check("EventCSRLinear", "{type: Uniform, min_val: 0.1, max_val: 3}",
                "U: {type: Uniform, min_val: 0.1, max_val: 0.5}, tau_f: 50, tau_d: 200, per_synapse: true", 16);
        // (drawn, not an expression: evaluating one allocates as it goes, garbage that holds no memory)
        check("EventCSRLinear", "0.5", "U: 0.3, tau_f: 50, tau_d: {type: Uniform, min_val: 100, max_val: 300},"
                + " per_synapse: true", 16);
    }
}
