package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.CouplingKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.CouplingModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.List;

/**
 * Electrical synapses: a diffusive coupling between the potentials of each connected pair, symmetric
 * (BrainPy's {@code DiffusiveCoupling} over potentials, NEST's {@code gap_junction}).
 */
final class GapJunction implements CouplingModel {

    @Override
    public String name() {
        return "GapJunction";
    }

    @Override
    public String description() {
        return "gap junctions: a symmetric current g (V_j - V_i) between the potentials of each connected pair"
                + " (the comm's weights are the conductances g in uS); no state, no output";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public String equations() {
        return "I_i += sum_j g_ij (V_j - V_i) and I_j += g_ij (V_i - V_j) for each connected pair (i, j): the"
                + " conductance matrix is G + G^T, so a pair listed both ways couples twice";
    }

    @Override
    public String integration() {
        return "the currents are computed from the potentials before the neurons' update of the step (as COBA's)"
                + " and added to both sides' input; each neuron gathers its own terms in a fixed order";
    }

    @Override
    public Coupling couple(Params params, BuildContext ctx, Sides sides) {
        if (sides.vPre() == null) {
            throw new IllegalArgumentException("a gap junction couples two potentials, and the pre side is a spike"
                    + " source, which has none; use a population");
        }
        if (sides.delaySteps() > 0) {
            throw new IllegalArgumentException("a gap junction is electrical and acts at once: it takes no axonal"
                    + " delay; leave delay out");
        }
        Connectivity conn = sides.comm().connectivity();
        float[] w = new float[sides.comm().synapses()];
        sides.comm().copyWeights(w);
        String n = ctx.owner() + ".GapJunction";
        List<StepTask> tasks = new ArrayList<>();
        if (sides.sameGroup()) {
            Adjacency both = Adjacency.of(conn, w, conn.preSize(), true, true);
            tasks.add(both.task(n, sides.vPost(), sides.vPost(), sides.currentPost()));
        } else {
            Adjacency post = Adjacency.of(conn, w, conn.postSize(), false, true);
            Adjacency pre = Adjacency.of(conn, w, conn.preSize(), true, false);
            tasks.add(post.task(n + ".post", sides.vPost(), sides.vPre(), sides.currentPost()));
            tasks.add(pre.task(n + ".pre", sides.vPre(), sides.vPost(), sides.currentPre()));
        }
        return new Coupling(List.of(), tasks, List.of());
    }

    /** Each neuron's coupled neighbours in CSR form, for the gather. */
    private record Adjacency(int[] ptr, int[] nbr, float[] g) {

        /**
         * @param rows      whether each pre neuron i lists its post neighbours j
         * @param columns   whether each post neuron j lists its pre neighbours i
         */
        static Adjacency of(Connectivity conn, float[] w, int size, boolean rows, boolean columns) {
            int[] rowPtr = conn.rowPtr();
            int[] cols = conn.cols();
            int[] ptr = new int[size + 1];
            for (int i = 0; i < conn.preSize(); i++) {
                for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                    if (rows) {
                        ptr[i + 1]++;
                    }
                    if (columns) {
                        ptr[cols[k] + 1]++;
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                ptr[i + 1] += ptr[i];
            }
            int[] fill = ptr.clone();
            int[] nbr = new int[ptr[size]];
            float[] g = new float[ptr[size]];
            for (int i = 0; i < conn.preSize(); i++) {
                for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                    int j = cols[k];
                    if (rows) {
                        nbr[fill[i]] = j;
                        g[fill[i]++] = w[k];
                    }
                    if (columns) {
                        nbr[fill[j]] = i;
                        g[fill[j]++] = w[k];
                    }
                }
            }
            return new Adjacency(ptr, nbr, g);
        }

        StepTask task(String name, float[] vSelf, float[] vOther, float[] current) {
            return StepTask.of(name, current.length, CouplingKernelsCalls.gapJunction(ptr, nbr, g, vSelf, vOther,
                    current));
        }
    }
}
