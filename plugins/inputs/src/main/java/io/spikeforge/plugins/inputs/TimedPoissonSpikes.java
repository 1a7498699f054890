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
 * Poisson spike trains whose rate changes with time, like Brian2's {@code PoissonGroup(N, rates=TimedArray)}:
 * rates[k] holds for [k rate_dt, (k + 1) rate_dt), the last value from then on. At most one spike per neuron
 * and step, as PoissonSpikes.
 */
final class TimedPoissonSpikes implements InputModel {

    @Override
    public String name() {
        return "TimedPoissonSpikes";
    }

    @Override
    public String description() {
        return "Poisson spike trains at a time-varying rate: rates[k] for [k rate_dt, (k+1) rate_dt), the last"
                + " value after (Brian2 PoissonGroup with a TimedArray rate)";
    }

    @Override
    public String integration() {
        return "one Bernoulli draw per neuron and step with probability rate(t)*dt, counter-based (seed, step, index)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec("rates", ParamType.REAL_LIST, null, false, "Hz", "rate of each interval; or file",
                        0, true, Double.POSITIVE_INFINITY, true),
                ParamSpec.npy("file", "Hz", "instead of rates: an .npy file of shape (T,)"),
                ParamSpec.real("rate_dt", 1, "ms", "length of each interval (a multiple of dt)").positive());
    }

    @Override
    public boolean spikeSource() {
        return true;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        if (p.has("rates") == p.has("file")) {
            throw new IllegalArgumentException("give the rates as rates or as file, one of them");
        }
        if (p.has("file") && p.shape("file").length != 1) {
            throw new IllegalArgumentException("file holds an array of shape " + java.util.Arrays.toString(
                    p.shape("file")) + "; rates have shape (T,)");
        }
        String source = p.has("file") ? "file" : "rates";
        double[] rates = p.reals(source);
        if (rates.length == 0) {
            throw new IllegalArgumentException("rates is empty; give at least one rate");
        }
        int stride = Steps.of(p.real("rate_dt"), ctx.dt(), "rate_dt");
        float[] prob = new float[rates.length];
        for (int k = 0; k < rates.length; k++) {
            double pk = rates[k] * ctx.dt() / 1000.0;
            if (pk < 0) {
                throw new IllegalArgumentException(source + "[" + k + "] = " + rates[k] + " Hz is negative");
            }
            if (pk > 1) {
                throw new IllegalArgumentException(PoissonSpikes.tooFast(source + "[" + k + "]", rates[k], ctx.dt()));
            }
            prob[k] = (float) pk;
        }
        return StepTask.of(ctx.owner() + ".TimedPoissonSpikes", size, InputKernelsCalls.bernoulliSeries(spikes, prob,
                stride, ctx.seed(), ctx.clock()));
    }
}
