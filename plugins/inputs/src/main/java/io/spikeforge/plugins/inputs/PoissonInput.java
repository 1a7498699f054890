package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * Poisson input with no stored synapses, Brian2's and BrainPy's {@code PoissonInput}: every target neuron has
 * its own num independent sources at rate freq, each spike worth weight; per step a target gets k ~
 * Binomial(num, freq * dt) spikes and its input current rises by weight * k for that step. The target is the
 * input current I of the population (Brian2's {@code PoissonInput(group, 'I', N, rate, weight)}).
 */
final class PoissonInput implements InputModel {

    @Override
    public String name() {
        return "PoissonInput";
    }

    @Override
    public String description() {
        return "num Poisson sources at freq per target neuron without synapses: weight * Binomial(num, freq*dt)"
                + " into I each step (Brian2/BrainPy PoissonInput)";
    }

    @Override
    public String integration() {
        return "one binomial count per neuron and step by inversion of a counter-based uniform keyed by (seed, step,"
                + " neuron); the normal approximation where (1 - freq*dt)^num underflows (num*freq*dt above ~700)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("num", 1, "1", "sources per target neuron").atLeast(0),
                ParamSpec.real("freq", 10, "Hz", "rate of each source").atLeast(0),
                ParamSpec.real("weight", 0.1, "nA", "current added per source spike, for the step of the spike"));
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        int n = p.integer("num");
        double prob = p.real("freq") * ctx.dt() / 1000.0;
        if (prob > 1) {
            throw new IllegalArgumentException("freq * dt = " + prob + " exceeds one spike per source and step; lower"
                    + " freq or dt, or raise num (num sources at freq give the same mean as 2 num at freq / 2)");
        }
        double pmf0;
        double odds;
        if (prob == 1) {
            // Every source spikes: pmf0 = 0 with the normal branch at mean n and sd 0 gives k = n exactly.
            pmf0 = 0;
            odds = 0;
        } else {
            pmf0 = Math.exp(n * Math.log1p(-prob));
            odds = prob / (1 - prob);
        }
        double mean = n * prob;
        double sd = Math.sqrt(n * prob * (1 - prob));
        return StepTask.of(ctx.owner() + ".PoissonInput", size, InputKernelsCalls.poissonInput(current, n, pmf0, odds,
                mean, sd, (float) p.real("weight"), ctx.seed(), ctx.clock()));
    }
}
