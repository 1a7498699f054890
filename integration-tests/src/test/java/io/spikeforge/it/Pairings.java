package io.spikeforge.it;

import io.spikeforge.core.sim.Network;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Pre/post pairing protocols: a spike source plays the pre spikes through a plastic synapse, and a strong
 * kick one step earlier makes the post neuron fire at each post time. The plastic synapse starts at w = 0
 * and drives a current too small to move any spike.
 */
public final class Pairings {

    static final double DT = 0.1;

    private Pairings() {
    }

    /** @return the times in ms, joined for YAML */
    static String list(double[] times) {
        return Arrays.stream(times).mapToObj(t -> String.format(java.util.Locale.ROOT, "%.1f", t))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** @return {@code count} spike times from {@code start}, one every {@code period} ms */
    static double[] train(double start, double period, int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = start + k * period;
        }
        return t;
    }

    /** @return times shifted by {@code shift} ms */
    static double[] shift(double[] times, double shift) {
        return Arrays.stream(times).map(t -> t + shift).toArray();
    }

    /**
     * Runs the protocol with the given plasticity block (a YAML flow mapping) and returns the network
     * after checking that the post neuron fired exactly at the post times.
     */
    public static Network run(double[] pre, double[] post, String plasticity) {
        return run(pre, post, plasticity, Math.max(pre[pre.length - 1], post[post.length - 1]) + 50, "");
    }

    /**
     * Runs the protocol for {@code end} ms with extra monitor entries (YAML list lines) and returns the
     * network after checking that the post neuron fired exactly at the post times.
     */
    public static Network run(double[] pre, double[] post, String plasticity, double end, String monitors) {
        return run(pre, post, plasticity, end, monitors, 0);
    }

    /** As {@link #run(double[], double[], String, double, String)}, with an axonal delay in ms on the pre spikes. */
    public static Network run(double[] pre, double[] post, String plasticity, double end, String monitors,
                              double delay) {
        return run(pre, post, plasticity, end, monitors, delay, "{type: EventCSRLinear, conn: All2All, weight: 0}");
    }

    /** As {@link #run(double[], double[], String, double, String, double)}, with the plastic synapse's comm block. */
    public static Network run(double[] pre, double[] post, String plasticity, double end, String monitors,
                              double delay, String comm) {
        String yaml = """
                dt: 0.1
                duration: %s
                inputs:
                  - {name: pre_src, type: SpikeTimes, size: 1, times: %s}
                  - {name: kick, type: SpikeTimes, size: 1, times: %s}
                populations:
                  - {name: post, size: 1, neuron: {type: LifRef, tau_ref: 5}}
                projections:
                  - name: drive
                    pre: kick
                    post: post
                    comm: {type: EventCSRLinear, conn: All2All, weight: 3000}
                    syn: {type: Expon, tau: 0.1}
                    out: CUBA
                  - name: plastic
                    pre: pre_src
                    post: post
                    delay: %s
                    comm: %s
                    syn: {type: Expon, tau: 5}
                    out: CUBA
                    plasticity: %s
                monitors:
                  - {target: post, var: spike}
                %s""".formatted(wholeSteps(end), list(pre), list(shift(post, -DT)), delay, comm, plasticity, monitors);
        Network net = Packs.run(yaml, 1);
        int[] spikes = Sims.spikes(net, "post.spike");
        int[] steps = new int[spikes.length / 2];
        for (int s = 0; s < steps.length; s++) {
            steps[s] = spikes[2 * s];
        }
        assertArrayEquals(Arrays.stream(post).mapToInt(t -> (int) Math.round(t / DT)).toArray(), steps,
                "the post neuron fires exactly at the post times");
        return net;
    }

    /** @return {@code ms} rounded up to a whole number of steps, as a config must give its duration */
    private static String wholeSteps(double ms) {
        return java.math.BigDecimal.valueOf(Math.ceil(ms / DT - 1e-6)).multiply(java.math.BigDecimal.valueOf(DT))
                .stripTrailingZeros().toPlainString();
    }

    /** @return the plastic synapse's weight at the end */
    public static double deltaW(Network net) {
        return Sims.weights(net, "plastic")[0];
    }
}
