package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.Arrays;
import java.util.List;

/**
 * Given spike times, like Brian2's {@code SpikeGeneratorGroup}: neuron indices[k] spikes in step
 * round(times[k] / dt), so at time step * dt.
 */
final class SpikeTimes implements InputModel {

    @Override
    public String name() {
        return "SpikeTimes";
    }

    @Override
    public String description() {
        return "spikes at given times: neuron indices[k] spikes at times[k] (rounded to the step)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.requiredList("times", "ms", "spike times").atLeast(0),
                new ParamSpec("indices", io.spikeforge.spi.ParamType.REAL_LIST, null, false, "1",
                        "neuron of each spike; unset: every neuron spikes at every time", 0, true,
                        Double.POSITIVE_INFINITY, true));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("cursor", "1", "index of the next spike event to emit"));
    }

    @Override
    public boolean spikeSource() {
        return true;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        double[] times = p.reals("times");
        int n = p.has("indices") ? p.reals("indices").length : times.length * size;
        long[] events = new long[n];
        if (p.has("indices")) {
            double[] idx = p.reals("indices");
            if (idx.length != times.length) {
                throw new IllegalArgumentException("indices has " + idx.length + " entries but times has "
                        + times.length);
            }
            for (int k = 0; k < idx.length; k++) {
                if (idx[k] != Math.rint(idx[k]) || idx[k] >= size) {
                    throw new IllegalArgumentException("indices[" + k + "] = " + idx[k] + " is not a neuron index in [0, "
                            + size + ")");
                }
                events[k] = event(times[k], (int) idx[k], ctx.dt());
            }
        } else {
            for (int k = 0; k < times.length; k++) {
                for (int i = 0; i < size; i++) {
                    events[k * size + i] = event(times[k], i, ctx.dt());
                }
            }
        }
        Arrays.sort(events);
        for (int k = 1; k < n; k++) {
            if (events[k] == events[k - 1]) {
                throw new IllegalArgumentException("neuron " + (int) events[k] + " is given two spikes in step "
                        + (events[k] >>> 32));
            }
        }
        int[] clock = ctx.clock();
        int[] cursor = ctx.ints("cursor", 1, 0);
        return StepTask.of(ctx.owner() + ".SpikeTimes", size, InputKernelsCalls.spikeTimes(spikes, events, cursor,
                clock));
    }

    /** Packs (step, index) so that sorting orders by step, then index. */
    private static long event(double time, int index, double dt) {
        return Math.round(time / dt) << 32 | index;
    }
}
