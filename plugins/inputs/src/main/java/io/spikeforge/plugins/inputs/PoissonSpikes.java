package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.CounterRngCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/** Independent Poisson spike trains, like Brian2's {@code PoissonGroup} and BrainPy's {@code PoissonGroup}. */
final class PoissonSpikes implements InputModel {

    @Override
    public String name() {
        return "PoissonSpikes";
    }

    @Override
    public String description() {
        return "independent Poisson spike trains: each neuron spikes in a step with probability rate*dt, at most"
                + " once per step, so rate <= 1/dt (10 kHz at dt = 0.1 ms); PoissonInput draws counts";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("rate", 10, "Hz", "firing rate").atLeast(0));
    }

    @Override
    public String integration() {
        return "one Bernoulli draw per neuron and step from a counter-based generator keyed by (seed, step, index)";
    }

    @Override
    public boolean spikeSource() {
        return true;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        double prob = p.real("rate") * ctx.dt() / 1000.0;
        if (prob > 1) {
            throw new IllegalArgumentException(tooFast("rate", p.real("rate"), ctx.dt()));
        }
        long seed = ctx.seed();
        int[] clock = ctx.clock();
        return StepTask.of(ctx.owner() + ".PoissonSpikes", size, CounterRngCalls.bernoulli(spikes, seed, clock, prob));
    }

    /**
     * Why a rate is refused. Spikes are flags, one per neuron and step, and projections deliver each once, so a
     * count above one per step cannot be sent; PoissonInput, which needs no projection, draws counts.
     */
    static String tooFast(String name, double rate, double dt) {
        return name + " * dt = " + rate * dt / 1000.0 + " exceeds one spike per step: a spike source emits at most one"
                + " spike per neuron and step, so " + name + " <= 1/dt = " + 1000.0 / dt + " Hz at dt = " + dt
                + " ms; lower " + name + " or dt, or use PoissonInput, which draws binomial counts per step";
    }
}
