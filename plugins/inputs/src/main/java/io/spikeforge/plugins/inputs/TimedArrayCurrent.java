package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.ParamType;
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
        return List.of(new ParamSpec("values", ParamType.REAL_LIST, null, false, "nA",
                        "T rows of columns values, row-major; or file", Double.NEGATIVE_INFINITY, true,
                        Double.POSITIVE_INFINITY, true),
                ParamSpec.integer("columns", 1, "1", "values per row: 1 (all neurons alike) or the target's size")
                        .atLeast(1),
                ParamSpec.npy("file", "nA", "instead of values and columns: an .npy file of shape (T,) or (T, N)"),
                ParamSpec.real("values_dt", 0.1, "ms", "time each row holds (a multiple of dt)").positive());
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        if (p.has("values") == p.has("file")) {
            throw new IllegalArgumentException("give the series as values or as file, one of them");
        }
        double[] v = p.reals(p.has("file") ? "file" : "values");
        int columns = p.integer("columns");
        if (p.has("file")) {
            long[] shape = p.shape("file");
            if (shape.length != 1 && shape.length != 2) {
                throw new IllegalArgumentException("file holds an array of shape " + java.util.Arrays.toString(shape)
                        + "; a series has shape (T,) or (T, N)");
            }
            columns = shape.length == 1 ? 1 : (int) shape[1];
        }
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
