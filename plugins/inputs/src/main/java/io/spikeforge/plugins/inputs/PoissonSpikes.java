package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.CounterRngCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * Independent Poisson spike trains, like Brian2's {@code PoissonGroup} and BrainPy's {@code PoissonGroup}.
 *
 * <p>Both peers emit at most one spike per neuron and step, as this does: Brian2's threshold is
 * {@code rand() < rates * dt}, BrainPy's {@code rand <= freqs * dt}, and neither counts spikes within a step,
 * so above 1/dt they silently give 1/dt. A spike source's output is one flag per neuron and step (projections
 * deliver each once), so this refuses {@code rate * dt > 1} rather than change the rate; PoissonInput, which
 * needs no projection, draws binomial counts per step. A rate that changes with time: TimedPoissonSpikes, or
 * Brian2's {@code rates='...'} string as an equation-defined neuron (README, "A Poisson rate as an
 * expression of t").
 */
final class PoissonSpikes implements InputModel {

    @Override
    public String name() {
        return "PoissonSpikes";
    }

    @Override
    public String description() {
        return "independent Poisson spike trains: each neuron spikes in a step with probability rate*dt, at most"
                + " once per step as Brian2's and BrainPy's PoissonGroup (which saturate silently above 1/dt), so"
                + " rate <= 1/dt (10 kHz at dt = 0.1 ms) and more is refused; PoissonInput draws counts";
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
