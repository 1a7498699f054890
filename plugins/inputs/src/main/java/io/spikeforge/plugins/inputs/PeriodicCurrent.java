package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * Sinusoidal and square currents, BrainPy's {@code bp.inputs.sinusoidal_input} and {@code square_input}: with
 * t measured from t_start, amplitude * sin(2 pi f t) or amplitude * sign(sin(2 pi f t)) (sign(0) = 0), plus
 * amplitude when {@code bias} is true, in [t_start, t_end); 0 outside.
 */
final class PeriodicCurrent implements InputModel {

    private final boolean square;

    /** @param square the square wave; false: the sinusoid */
    PeriodicCurrent(boolean square) {
        this.square = square;
    }

    @Override
    public String name() {
        return square ? "SquareCurrent" : "SinusoidalCurrent";
    }

    @Override
    public String description() {
        return square ? "square wave amplitude * sign(sin(2 pi f t)) (+ amplitude with bias) (bp.inputs.square_input)"
                : "sinusoid amplitude * sin(2 pi f t) (+ amplitude with bias) (bp.inputs.sinusoidal_input)";
    }

    @Override
    public String equations() {
        return square ? "I = amplitude * sign(sin(2 pi frequency (t - t_start))) + (bias ? amplitude : 0)"
                : "I = amplitude * sin(2 pi frequency (t - t_start)) + (bias ? amplitude : 0)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("amplitude", 1, "nA", "amplitude"),
                ParamSpec.real("frequency", 10, "Hz", "frequency").atLeast(0),
                ParamSpec.bool("bias", false, "add amplitude, so the current swings between 0 and 2 amplitude"),
                ParamSpec.real("t_start", 0, "ms", "start (t = 0 of the wave)").atLeast(0),
                ParamSpec.optionalReal("t_end", "ms", "end (exclusive); unset: the whole run"));
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        int[] w = Steps.window(p, ctx.dt());
        float amplitude = (float) p.real("amplitude");
        double omega = 2 * Math.PI * p.real("frequency") * ctx.dt() / 1000.0;
        float bias = p.bool("bias") ? amplitude : 0f;
        KernelCall call = square ? InputKernelsCalls.addSquare(current, amplitude, omega, bias, w[0], w[1], ctx.clock())
                : InputKernelsCalls.addSine(current, amplitude, omega, bias, w[0], w[1], ctx.clock());
        return StepTask.of(ctx.owner() + "." + name(), size, call);
    }
}
