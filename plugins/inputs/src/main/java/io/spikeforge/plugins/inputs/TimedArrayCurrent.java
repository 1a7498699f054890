package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * A current given as a time series, Brian2's {@code TimedArray}: row k of {@code values} (T rows of
 * {@code columns} values, row-major) holds for [k values_dt, (k + 1) values_dt), the last row from then on, as
 * Brian2's does. With one column every neuron gets the same value; with as many columns as the target has
 * neurons, neuron i gets column i (Brian2's {@code TimedArray} of shape (T, N) read as {@code ta(t, i)}).
 */
final class TimedArrayCurrent implements InputModel {

    @Override
    public String name() {
        return "TimedArrayCurrent";
    }

    @Override
    public String description() {
        return "a current time series, shape (T,) or (T, N) row-major, each row for values_dt ms, the last row"
                + " after (Brian2 TimedArray)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.requiredList("values", "nA", "T rows of columns values, row-major"),
                ParamSpec.integer("columns", 1, "1", "values per row: 1 (all neurons alike) or the target's size")
                        .atLeast(1),
                ParamSpec.real("values_dt", 0.1, "ms", "time each row holds (a multiple of dt)").positive());
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        double[] v = p.reals("values");
        int columns = p.integer("columns");
        if (columns != 1 && columns != size) {
            throw new IllegalArgumentException("columns = " + columns + ", but the target has " + size
                    + " neurons; give 1 column (every neuron alike) or " + size);
        }
        if (v.length == 0 || v.length % columns != 0) {
            throw new IllegalArgumentException("values has " + v.length + " entries, not a whole number (at least"
                    + " one) of rows of " + columns);
        }
        int stride = Steps.of(p.real("values_dt"), ctx.dt(), "values_dt");
        float[] values = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            values[k] = (float) v[k];
        }
        return StepTask.of(ctx.owner() + ".TimedArrayCurrent", size, InputKernelsCalls.addSeries(current, values,
                columns, stride, ctx.clock()));
    }
}
