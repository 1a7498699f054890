// The seed's STDPNet (BrainPy's STDP_Song2000 example), built with SpikeForge's Java API instead of
// examples/stdp_net.yaml: one pre and one post LifRef neuron driven by section currents, joined by one
// plastic conductance synapse with a 1 ms axonal delay. It prints the spikes and every weight change.
//
// Run it as a single-file program, after building (mvn -DskipTests package):
//   java -cp "core/cli/target/spikeforge-cli.jar:core/cli/target/lib/*" examples/java/StdpNetExample.java [OUTDIR]
// With OUTDIR it also writes the .npy files and summary.json, for `spikeforge plot OUTDIR`.

import io.spikeforge.core.Engine;
import io.spikeforge.core.api.Model;
import io.spikeforge.core.api.Population;
import io.spikeforge.core.api.Projection;
import io.spikeforge.core.api.Recording;
import io.spikeforge.core.api.Simulation;
import io.spikeforge.core.api.SpikeTrain;
import io.spikeforge.core.api.SpikingNetwork;
import io.spikeforge.core.api.Trace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public class StdpNetExample {

    public static void main(String[] args) throws Exception {
        SpikingNetwork net = SpikingNetwork.named("stdp_net").dt(0.1).duration(300).seed(42);

        Population pre = net.population("pre", 1, Model.of("LifRef"));
        Population post = net.population("post", 1, Model.of("LifRef"));
        // bp.inputs.section_input(values, durations): 30 nA pulses of 15 ms, the post ones 5 ms later.
        net.current("I_pre", pre, Model.of("SectionCurrent")
                .with("values", 0, 30, 0, 30, 0, 30, 0, 30, 0, 30, 0, 30, 0)
                .with("durations", 5, 15, 15, 15, 15, 15, 100, 15, 15, 15, 15, 15, 45));
        net.current("I_post", post, Model.of("SectionCurrent")
                .with("values", 0, 30, 0, 30, 0, 30, 0, 30, 0, 30, 0, 30, 0)
                .with("durations", 10, 15, 15, 15, 15, 15, 90, 15, 15, 15, 15, 15, 50));

        Projection stdp = net.projection("stdp", pre, post)
                .delay(1.0)
                .comm(Model.of("EventCSRLinear"),
                        Model.of("FixedProb").with("prob", 1.0),
                        Model.of("Uniform").with("max_val", 0.1))
                .syn(Model.of("Expon").with("tau", 5.0))
                .out(Model.of("COBA").with("E", 0.0))
                .plasticity(Model.of("STDP_Song2000")
                        .with("tau_s", 16.8).with("tau_t", 33.7)     // the pre and post traces, ms
                        .with("A1", 0.96).with("A2", 0.53));

        Recording preSpikes = net.record(pre, "spike");
        Recording postSpikes = net.record(post, "spike");
        Recording g = net.record(stdp, "g");
        Recording aPre = net.record(stdp, "A_pre");
        Recording aPost = net.record(stdp, "A_post");
        Recording weight = net.record(stdp, "weight");
        net.record(post, "V");

        Simulation sim = net.build(Engine.create()).run();

        System.out.println("pre spikes (ms): " + times(sim.spikes(preSpikes)));
        System.out.println("post spikes (ms): " + times(sim.spikes(postSpikes)));
        Trace conductance = sim.trace(g);
        System.out.printf(Locale.ROOT, "peak g: %.4f %s; peak A_pre: %.3f; peak A_post: %.3f%n",
                max(conductance.column(0)), conductance.unit(), max(sim.trace(aPre).column(0)),
                max(sim.trace(aPost).column(0)));
        Trace w = sim.trace(weight);
        System.out.println("weight changes (" + w.unit() + "):");
        float before = sim.network().projection("stdp").initialWeights()[0];
        for (int r = 0; r < w.rows(); r++) {
            float now = w.value(r, 0);
            if (now != before) {
                System.out.printf(Locale.ROOT, "  t = %6.1f ms  %+.4f -> %+.4f (%s)%n", w.timesMs()[r], before, now,
                        now > before ? "up" : "down");
                before = now;
            }
        }
        System.out.printf(Locale.ROOT, "final weight: %+.4f %s%n", sim.weights(stdp)[0], w.unit());
        if (args.length > 0) {
            sim.write(Path.of(args[0]));
            System.out.println("wrote " + Path.of(args[0]).resolve("summary.json"));
        }
    }

    private static String times(SpikeTrain spikes) {
        return Arrays.stream(spikes.timesMs()).mapToObj(t -> String.format(Locale.ROOT, "%.1f", t))
                .collect(Collectors.joining(" "));
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
