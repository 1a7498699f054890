package io.spikeforge.core.config;

import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.SynapseModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a network that cannot be built before anything is allocated: a run longer than the step
 * counter, an array longer than the largest Java array, or more memory than the JVM may use. The
 * memory figure is an estimate from the sizes, the connectors' expected synapse counts and the comms'
 * own estimates; it counts the large arrays and leaves out small ones.
 */
final class ResourceCheck {

    /** The largest array the JVM allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final NetworkSpec spec;
    private final long maxBytes;
    private final Problems problems;
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, Long> synapses = new HashMap<>();
    private final List<Part> parts = new ArrayList<>();

    private record Part(String path, long bytes) {
    }

    private ResourceCheck(NetworkSpec spec, long maxBytes, Problems problems) {
        this.spec = spec;
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    /** Checks a valid spec against {@code maxBytes} of memory; reports into {@code problems}. */
    static void check(NetworkSpec spec, long maxBytes, Problems problems) {
        new ResourceCheck(spec, maxBytes, problems).run();
    }

    /** {@return the memory a valid spec is estimated to need, bytes} (what {@link #check} compares) */
    static long bytes(NetworkSpec spec) {
        ResourceCheck c = new ResourceCheck(spec, Long.MAX_VALUE, new Problems());
        c.run();
        return c.parts.stream().mapToLong(Part::bytes).sum();
    }

    private void run() {
        if (spec.steps() > Integer.MAX_VALUE) {
            problems.add("duration", ParamChecker.fmt(spec.duration()) + " ms at dt = " + ParamChecker.fmt(spec.dt())
                    + " ms is " + spec.steps() + " steps, more than the " + Integer.MAX_VALUE
                    + " one run can take; shorten the duration or raise dt");
            return;
        }
        for (int i = 0; i < spec.populations().size(); i++) {
            NetworkSpec.Population p = spec.populations().get(i);
            sizes.put(p.name(), p.size());
            // current, spike flags, list and counts, the spike scan's three run arrays, and one array per
            // declared variable
            parts.add(new Part("populations[" + i + "]", 4L * p.size() * (7 + p.neuron().factory().variables().size())));
        }
        for (int i = 0; i < spec.inputs().size(); i++) {
            NetworkSpec.Input in = spec.inputs().get(i);
            if (in.target() == null) {
                sizes.put(in.name(), in.size());
                // spike flags, list and counts, and the spike scan's three run arrays
                parts.add(new Part("inputs[" + i + "]", 24L * in.size()));
            }
        }
        delayRings();
        for (int i = 0; i < spec.projections().size(); i++) {
            projection(i, spec.projections().get(i));
        }
        for (int i = 0; i < spec.monitors().size(); i++) {
            monitor(i, spec.monitors().get(i));
        }
        long total = parts.stream().mapToLong(Part::bytes).sum();
        if (problems.isEmpty() && total > maxBytes) {
            Part largest = parts.stream().max((a, b) -> Long.compare(a.bytes(), b.bytes())).orElseThrow();
            problems.add(largest.path(), "the network needs about " + HeapLimit.describe(total) + " of memory (this part "
                    + HeapLimit.describe(largest.bytes()) + "), more than the " + HeapLimit.describe(maxBytes)
                    + " this JVM may use; shrink the"
                    + " network or give the JVM more memory (SPIKEFORGE_JAVA_OPTS=-Xmx...)");
        }
    }

    private void delayRings() {
        Map<String, Integer> maxDelay = new HashMap<>();
        Map<String, Integer> where = new HashMap<>();
        for (int i = 0; i < spec.projections().size(); i++) {
            NetworkSpec.Projection p = spec.projections().get(i);
            if (p.delaySteps() > maxDelay.getOrDefault(p.pre(), 0)) {
                maxDelay.put(p.pre(), p.delaySteps());
                where.put(p.pre(), i);
            }
        }
        maxDelay.forEach((group, delay) -> {
            long entries = (delay + 1L) * sizes.get(group);
            String path = "projections[" + where.get(group) + "].delay";
            if (entries > MAX_ARRAY) {
                problems.add(path, "a delay of " + delay + " steps keeps the spikes of '" + group + "' ("
                        + sizes.get(group) + " neurons) for " + (delay + 1) + " steps: " + entries
                        + " entries, more than the " + MAX_ARRAY + " of the largest Java array; shorten the delay or"
                        + " raise dt");
            } else {
                parts.add(new Part(path, 4 * entries));
            }
        });
    }

    private void projection(int i, NetworkSpec.Projection p) {
        int pre = sizes.get(p.pre());
        int post = sizes.get(p.post());
        long n;
        try {
            n = p.connector().call("while estimating its size", () -> ((ConnectorModel) p.connector().factory())
                    .estimateSynapses(p.connector().params(), p.preRange().size(), p.postRange().size(),
                            p.sameNeurons()));
        } catch (IllegalArgumentException e) {
            problems.add(p.connector().path(), p.connector().name() + ": " + e.getMessage());
            return;
        }
        // Above one block's int indices the builder splits the projection into blocks of rows, each with
        // its own row offsets and comm; the comm holds rows for the whole pre group, empty outside a slice.
        int blocks = RowBlocks.count(n, p.preRange().size(), RowBlocks.MAX_SYNAPSES);
        long commBytes = 0;
        try {
            // The comm first: a dense matrix that cannot exist is the clearer message than its synapse count.
            for (int b = 0; b < blocks; b++) {
                commBytes += p.comm().call("while estimating its size", () -> ((CommModel) p.comm().factory())
                        .estimateBytes(p.comm().params(), pre, post, (n + blocks - 1) / blocks));
            }
        } catch (IllegalArgumentException e) {
            problems.add(p.comm().path(), p.comm().name() + ": " + e.getMessage());
            return;
        }
        synapses.put(p.name(), n);
        int synSize = p.alignPre() ? pre : post;
        long synBytes = p.syn() == null ? 0 : 4L * synSize * (1 + p.syn().factory().variables().size());
        // Row offsets, post indices and weights; a plastic projection also keeps its initial weights and a
        // column index (synapse id and pre index per synapse) for the post-spike pass.
        long perSynapse = p.plasticity() != null ? 8 + 4 + 8 : 8;
        if (p.syn() != null && p.syn().factory() instanceof SynapseModel m && m.statePerSynapse()) {
            perSynapse += 4L * (m.variables().size() - 1);    // all but g are per synapse (TsodyksMarkram's u, x, last)
            // its parameters made per synapse, and with per-synapse delays each row entry's synapse index
            perSynapse += 4L * m.perSynapse(p.syn().params()).stream().filter(p.syn().params()::varies).count()
                    + (p.delays() != null ? 4 : 0);
            // and the values its kernels read per synapse: its own, or its post neuron's spread to the synapses
            // (TsodyksMarkram's U, 1/tau_f, 1/tau_d on Dense and with per-synapse delays)
            boolean spread = p.delays() != null || ((CommModel) p.comm().factory()).weightsInCells();
            perSynapse += m.deliveryBytesPerSynapse(p.syn().params(), spread);
        }
        if (p.delays() != null) {
            // Delays drawn per synapse: the drawn floats and their steps, the rows indexed by delay (a delay,
            // a post index and a weight index per synapse) and, for plasticity, the columns with theirs.
            perSynapse += 4 + 2 + 10 + (p.plasticity() != null ? 14 : 0);
        }
        parts.add(new Part("projections[" + i + "]", 4L * (pre + 1) * blocks + perSynapse * n + commBytes + synBytes));
    }

    private void monitor(int i, NetworkSpec.Monitor m) {
        long width;
        if (m.indices() != null) {
            width = m.indices().length;
        } else if (sizes.containsKey(m.target())) {
            width = sizes.get(m.target());
        } else if ("weight".equals(m.var())) {
            width = synapses.getOrDefault(m.target(), 0L);
        } else {
            NetworkSpec.Projection p = spec.projections().stream().filter(x -> x.name().equals(m.target()))
                    .findFirst().orElse(null);
            width = p == null ? 0 : Math.max(sizes.getOrDefault(p.pre(), 0), sizes.getOrDefault(p.post(), 0));
            if (p != null && p.syn() != null && p.syn().factory() instanceof SynapseModel sm && sm.statePerSynapse()
                    && !"g".equals(m.var())) {
                width = synapses.getOrDefault(m.target(), 0L);      // TsodyksMarkram's u, x: one per synapse
            }
        }
        if ("spike".equals(m.var())) {
            return;
        }
        long rows = (spec.steps() + m.every() - 1) / m.every();
        long cells = rows * width;
        if (cells > MAX_ARRAY) {
            problems.add("monitors[" + i + "]", "recording " + width + " values of '" + m.target() + "." + m.var()
                    + "' every " + (m.every() == 1 ? "step" : m.every() + " steps") + " for " + spec.steps()
                    + " steps makes " + cells
                    + " values, more than the " + MAX_ARRAY + " of the largest Java array; record fewer indices or"
                    + " raise 'every'");
        } else {
            parts.add(new Part("monitors[" + i + "]", 4 * cells));
        }
    }
}
