package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * Current pulses at given times, BrainPy's {@code bp.inputs.spike_input}: pulse k adds sizes[k] nA in the
 * steps [times[k], times[k] + lengths[k]); {@code lengths} and {@code sizes} with one entry apply to every
 * pulse. Overlapping pulses add.
 */
final class SpikeCurrent implements InputModel {

    @Override
    public String name() {
        return "SpikeCurrent";
    }

    @Override
    public String description() {
        return "current pulses: sizes[k] nA for lengths[k] ms from times[k] (bp.inputs.spike_input)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.requiredList("times", "ms", "start of each pulse").atLeast(0),
                ParamSpec.requiredList("lengths", "ms", "duration of each pulse, or one for all").atLeast(0),
                ParamSpec.requiredList("sizes", "nA", "current of each pulse, or one for all"));
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        double[] times = p.reals("times");
        double[] lengths = perPulse(p.reals("lengths"), times.length, "lengths");
        double[] sizes = perPulse(p.reals("sizes"), times.length, "sizes");
        int[] start = new int[times.length];
        int[] len = new int[times.length];
        int end = 0;
        for (int k = 0; k < times.length; k++) {
            start[k] = Steps.of(times[k], ctx.dt(), "times[" + k + "]");
            len[k] = Steps.of(lengths[k], ctx.dt(), "the length of pulse " + k);
            end = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(end, (long) start[k] + len[k]));
        }
        float[] perStep = new float[end];
        for (int k = 0; k < times.length; k++) {
            for (int s = start[k]; s < start[k] + len[k]; s++) {
                perStep[s] += (float) sizes[k];
            }
        }
        return StepTask.of(ctx.owner() + ".SpikeCurrent", size, InputKernelsCalls.addSection(current, perStep,
                ctx.clock()));
    }

    private static double[] perPulse(double[] v, int pulses, String name) {
        if (v.length == 1) {
            double[] all = new double[pulses];
            java.util.Arrays.fill(all, v[0]);
            return all;
        }
        if (v.length != pulses) {
            throw new IllegalArgumentException(name + " has " + v.length + " entries but times has " + pulses
                    + "; give one per pulse or one for all");
        }
        return v;
    }
}
