package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * Piecewise-constant current, like {@code bp.inputs.section_input(values, durations)}: section k
 * lasts durations[k] ms (a whole number of steps) at values[k] nA; after the last section the current is 0.
 */
final class SectionCurrent implements InputModel {

    @Override
    public String name() {
        return "SectionCurrent";
    }

    @Override
    public String description() {
        return "piecewise-constant current: values[k] nA for durations[k] ms, in turn (bp.inputs.section_input)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.requiredList("values", "nA", "current of each section"),
                ParamSpec.requiredList("durations", "ms", "duration of each section").atLeast(0));
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        float[] perStep = perStep(p.reals("values"), p.reals("durations"), ctx.dt());
        int[] clock = ctx.clock();
        return StepTask.of(ctx.owner() + ".SectionCurrent", size, InputKernelsCalls.addSection(current, perStep,
                clock));
    }

    /** @return the current of every step covered by the sections */
    static float[] perStep(double[] values, double[] durations, double dt) {
        if (values.length != durations.length) {
            throw new IllegalArgumentException("values has " + values.length + " entries but durations has "
                    + durations.length + "; give one duration per value");
        }
        int[] steps = new int[durations.length];
        long total = 0;
        for (int k = 0; k < durations.length; k++) {
            long s = Math.round(durations[k] / dt);
            if (Math.abs(s * dt - durations[k]) > 1e-9) {
                throw new IllegalArgumentException("durations[" + k + "] = " + durations[k]
                        + " ms is not a multiple of dt = " + dt + " ms");
            }
            steps[k] = (int) s;
            total += s;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the sections last more than 2^31 steps");
        }
        float[] out = new float[(int) total];
        int pos = 0;
        for (int k = 0; k < steps.length; k++) {
            java.util.Arrays.fill(out, pos, pos + steps[k], (float) values[k]);
            pos += steps[k];
        }
        return out;
    }
}
