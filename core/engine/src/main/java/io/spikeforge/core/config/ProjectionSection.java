package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.CouplingModel;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.PlasticityModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code projections} section: each projection's sides, delay and alignment, its comm layer with
 * connector and weights, and its synapse, output and plasticity models.
 */
final class ProjectionSection {

    private static final Set<String> KEYS = Set.of("name", "pre", "post", "delay", "align", "comm", "syn",
            "out", "plasticity", "on_pre");
    /** Keys of a comm block that are not the comm model's parameters. */
    private static final Set<String> COMM_RESERVED = Set.of("conn", "weight");
    private static final NumberField DELAY = NumberField.of(ParamSpec.real("delay", 0, "ms", "axonal delay")
            .atLeast(0));
    /** A delay must be this close to a whole number of steps, in ms. */
    static final double DELAY_TOLERANCE_MS = 1e-9;
    /** The longest delay, in steps: each step of it is a slot of spike history. */
    private static final long MAX_DELAY_STEPS = 1_000_000;

    /**
     * A projection's comm block; after a refusal the parts that depend on it are null.
     *
     * @param model     the comm model the block names, or null when it names none
     * @param layer     the comm model with its parameters, null when they were refused
     * @param connector its connector, given or the comm's default
     * @param weight    the weight initializer
     */
    private record Comm(CommModel model, ModelRef layer, ModelRef connector, ModelRef weight) {
    }

    private final SectionContext context;
    private final ProjectionSides sides;
    private final double dt;

    /** @param dt the time step in ms, NaN when it was refused (delays are then not checked against it) */
    ProjectionSection(SectionContext context, double dt) {
        this.context = context;
        this.sides = new ProjectionSides(context);
        this.dt = dt;
    }

    /**
     * Reads one projection and declares its name in the name table, whether it passes validation or not.
     *
     * @return the projection at {@code path}, or null when it is refused (reported)
     */
    NetworkSpec.Projection read(JsonNode node, String path) {
        if (!context.nodes().object(node, path)) {
            return null;
        }
        context.nodes().unknownKeys(node, path, KEYS);
        String name = context.names().declaredName(node, path);
        if (name != null) {
            context.table().declare(name, NameTable.Kind.PROJECTION, 0);
        }
        ProjectionSides.Side pre = sides.pre(node, path);
        ProjectionSides.Side post = sides.post(node, path);
        boolean perSynapse = node.has("delay") && node.get("delay").isObject();
        int delaySteps = perSynapse ? 0 : delaySteps(node, path);
        ModelRef delays = perSynapse ? context.models().initializer(node.get("delay"), path + ".delay") : null;
        boolean alignPre = alignPre(node, path);
        ConfigModels.Delta delta = node.has("on_pre") ? onPre(node, path, post) : null;
        Comm comm = comm(node.get("comm"), path + ".comm", delta, node.has("on_pre"));
        if (comm.connector() != null && pre != null && post != null) {
            sides.refuseSelfConnectionsItCannotLeaveOut(comm.connector(), pre, post);
        }
        // A rule that gives the post neurons their input itself (summed variables, ge_post += w): no synapse and
        // output model then.
        boolean delivered = !node.has("on_pre") && deliversItself(node, pre, post, path);
        boolean direct = node.has("on_pre") || delivered;
        ModelRef syn = direct ? null : context.models().read(node.get("syn"), path + ".syn", ModelKind.SYNAPSE, Set.of());
        boolean coupling = syn != null && syn.factory() instanceof CouplingModel;
        ModelRef out = direct || coupling ? null
                : context.models().read(node.get("out"), path + ".out", ModelKind.OUTPUT, Set.of());
        if (coupling) {
            refuseAroundCoupling(node, path, syn.name());
        } else if (syn != null && syn.factory() instanceof SynapseModel model && model.statePerPreNeuron()) {
            if (node.has("align") && !alignPre) {
                context.problems().add(path + ".align", syn.name() + " keeps its state per pre neuron (BrainPy's"
                        + " align-pre projections), so it cannot align post; leave align out or set it to pre");
            }
            alignPre = true;
        } else if (syn != null && syn.factory() instanceof SynapseModel model && model.statePerSynapse() && alignPre) {
            context.problems().add(path + ".align", syn.name() + " keeps its state per synapse and delivers the"
                    + " spikes itself, so it aligns post; leave align out or set it to post");
        }
        if (direct) {
            for (String key : List.of("syn", "out")) {
                if (node.has(key)) {
                    context.problems().add(path + "." + key, delivered ? "the plasticity rule " + ruleName(node.get("plasticity"))
                            + " gives the post neurons their input itself (its (summed) variables or on_pre"
                            + " statements), so the projection has no " + key + "; leave it out" : "a projection with on_pre adds its weights straight to a"
                            + " post variable, so it has no " + key + "; give either on_pre or syn and out");
                }
            }
            if (alignPre) {
                context.problems().add(path + ".align", delivered ? "the plasticity rule " + ruleName(node.get("plasticity"))
                        + " keeps its state per synapse: there is no synapse state to align"
                        : "a projection with on_pre has no synapse state to align");
            }
        }
        ModelRef plasticity = node.has("plasticity") ? plasticity(node.get("plasticity"), path, comm.model()) : null;
        if (plasticity != null) {
            plasticity = bound(plasticity, pre, post, path);
        }
        boolean delaysRefused = perSynapse && !synapseDelaysFit(path, comm.model(), plasticity, alignPre);
        if (name == null || pre == null || post == null || comm.layer() == null || comm.weight() == null
                || comm.connector() == null
                || !direct && (syn == null || out == null && !coupling) || node.has("on_pre") && delta == null
                || plasticity == null && node.has("plasticity") || perSynapse && (delays == null || delaysRefused)) {
            return null;
        }
        List<String> recordable = new ArrayList<>(List.of("weight"));
        if (syn != null) {
            recordable.addAll(syn.variableNames());
        }
        if (plasticity != null) {
            recordable.addAll(plasticity.variableNames());
        }
        context.table().validated(name, recordable);
        return new NetworkSpec.Projection(name, pre.group(), pre.range(), post.group(), post.range(), delaySteps,
                alignPre, comm.layer(), comm.connector(), comm.weight(), syn, out, plasticity,
                delta == null ? null : delta.target(), delays);
    }

    /**
     * @return whether the comm, the rule and the alignment can take per-synapse delays (an initializer
     *         in {@code delay}); each that cannot is reported
     */
    private boolean synapseDelaysFit(String path, CommModel comm, ModelRef plasticity, boolean alignPre) {
        boolean ok = true;
        if (comm != null && !comm.supportsSynapseDelays()) {
            List<String> able = context.registry().entries(ModelKind.COMM).stream()
                    .filter(e -> ((CommModel) e.factory()).supportsSynapseDelays())
                    .map(e -> e.factory().name()).sorted().toList();
            context.problems().add(path + ".delay", "per-synapse delays (an initializer) need a comm that delivers"
                    + " through each synapse's own delay; '" + comm.name() + "' does not. Use one of: "
                    + String.join(", ", able) + ", or give one delay in ms for the whole projection");
            ok = false;
        }
        if (plasticity != null && !((PlasticityModel) plasticity.factory()).supportsSynapseDelays()) {
            List<String> able = context.registry().entries(ModelKind.PLASTICITY).stream()
                    .filter(e -> ((PlasticityModel) e.factory()).supportsSynapseDelays())
                    .map(e -> e.factory().name()).sorted().toList();
            context.problems().add(path + ".plasticity", plasticity.name() + " cannot take per-synapse delays ("
                    + path + ".delay is an initializer); give one delay in ms for the whole projection, or use one"
                    + " of: " + String.join(", ", able));
            ok = false;
        }
        if (alignPre) {
            context.problems().add(path + ".align", "per-synapse delays need align: post (with align: pre the"
                    + " synapse state is kept per pre neuron, before any delay)");
            ok = false;
        }
        return ok;
    }

    /** {@return the model name a plasticity entry gives ({@code STDP} or {@code {type: STDP, ...}}), or ""} */
    private static String ruleName(JsonNode node) {
        return node == null ? "" : node.isTextual() ? node.textValue() : node.path("type").asText("");
    }

    /**
     * {@return whether the plasticity entry names a registered rule that gives the post neurons their input},
     * as this projection's neurons bind it; a rule they cannot bind (reported with the rule) is taken to
     * deliver when the projection gives neither syn nor out, so that no second message follows
     */
    private boolean deliversItself(JsonNode projection, ProjectionSides.Side pre, ProjectionSides.Side post,
                                   String path) {
        String name = ruleName(projection.get("plasticity"));
        ModelFactory rule = context.registry().entries(ModelKind.PLASTICITY).stream()
                .map(PluginRegistry.Entry::factory).filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (rule == null) {
            return false;
        }
        ModelFactory f = bind(rule, pre, post, path, new ArrayList<>());
        return f == null ? !projection.has("syn") && !projection.has("out")
                : f instanceof PlasticityModel m && m.delivers();
    }

    /** A coupling (Delta, GapJunction) acts on the potentials itself: no output, alignment or plasticity. */
    private void refuseAroundCoupling(JsonNode node, String path, String syn) {
        String why = syn + " acts on the neurons' potentials directly, with no synaptic state, so the projection"
                + " has no ";
        if (node.has("out")) {
            context.problems().add(path + ".out", why + "out; leave it out");
        }
        if (node.has("align")) {
            context.problems().add(path + ".align", why + "state to align; leave align out");
        }
        if (node.has("plasticity")) {
            context.problems().add(path + ".plasticity", syn + " takes no plasticity rule (its weights are fixed);"
                    + " use a synapse model with an output, such as Expon and CUBA");
        }
    }

    /** @return what the on_pre statement delivers, or null when it is wrong (reported) */
    private ConfigModels.Delta onPre(JsonNode node, String path, ProjectionSides.Side post) {
        String text = context.nodes().text(node.get("on_pre"), path + ".on_pre");
        ModelRef neuron = post == null ? null : context.table().neuron(post.group());
        if (text == null || neuron == null) {
            return null;
        }
        List<ConfigError> found = new ArrayList<>();
        ConfigModels.Delta d = context.equations().onPre(text, path + ".on_pre", neuron.factory().variables(), found);
        found.forEach(e -> context.problems().add(e.path(), e.message()));
        return d;
    }

    /**
     * @return the rule as this projection's neurons bind it (a rule written as equations may name their
     *         variables without a suffix, as Brian2's {@code on_pre='ge += w'}), or null when it cannot be
     *         (reported); the rule itself when a side is unknown (reported elsewhere)
     */
    private ModelRef bound(ModelRef rule, ProjectionSides.Side pre, ProjectionSides.Side post, String path) {
        if (pre == null || post == null) {
            return rule;
        }
        List<ConfigError> found = new ArrayList<>();
        ModelFactory f = bind(rule.factory(), pre, post, path, found);
        found.forEach(e -> context.problems().add(e.path(), e.message()));
        return f == null ? null : f == rule.factory() ? rule : new ModelRef(f, rule.params(), rule.path(), rule.pack());
    }

    /** {@return the rule as the sides' neurons bind it (an input has no variables), or null (in problems)} */
    private ModelFactory bind(ModelFactory rule, ProjectionSides.Side pre, ProjectionSides.Side post, String path,
                              List<ConfigError> problems) {
        ModelRef preNeuron = pre == null ? null : context.table().neuron(pre.group());
        ModelRef postNeuron = post == null ? null : context.table().neuron(post.group());
        return context.equations().bind(rule, preNeuron == null ? List.of() : preNeuron.factory().variables(),
                postNeuron == null ? List.of() : postNeuron.factory().variables(), path, problems);
    }

    /** @return the delay in whole steps of dt; 0 when it is left out or wrong (reported) */
    private int delaySteps(JsonNode node, String path) {
        Double delay = DELAY.read(node, "delay", path + ".delay", context.problems());
        if (delay == null || !(dt > 0)) {
            return 0;
        }
        long steps = Math.round(delay / dt);
        if (Math.abs(delay - steps * dt) > DELAY_TOLERANCE_MS) {
            context.problems().add(path + ".delay", ParamChecker.fmt(delay) + " ms is not a multiple of dt = "
                    + ParamChecker.fmt(dt) + " ms (within 1e-9 ms)");
            return 0;
        }
        if (steps > MAX_DELAY_STEPS) {
            context.problems().add(path + ".delay", "must be at most 1e6 steps, got " + steps);
            return 0;
        }
        return (int) steps;
    }

    /** @return whether synapse state is kept per pre neuron ({@code align: pre}); post unless told */
    private boolean alignPre(JsonNode node, String path) {
        if (!node.has("align")) {
            return false;
        }
        String align = context.nodes().text(node.get("align"), path + ".align");
        if (align != null && !align.equals("pre") && !align.equals("post")) {
            context.problems().add(path + ".align", "must be 'pre' or 'post', got '" + align + "'"
                    + Suggestions.didYouMean(align, List.of("pre", "post")));
        }
        return "pre".equals(align);
    }

    private Comm comm(JsonNode node, String path, ConfigModels.Delta delta, boolean direct) {
        ModelRef layer = context.models().read(node, path, ModelKind.COMM, COMM_RESERVED);
        // A comm whose own parameters are wrong still says which connector it defaults to: its conn and
        // weight are checked too, so that one mistake does not hide the others.
        CommModel model = (CommModel) (layer != null ? layer.factory() : context.models().named(node, ModelKind.COMM));
        if (model == null) {
            return new Comm(null, null, null, null);
        }
        JsonNode conn = node.isObject() ? node.get("conn") : null;
        String defaultConn = model.defaultConnector();
        if (conn == null && defaultConn != null) {
            conn = JsonNodeFactory.instance.textNode(defaultConn);
        }
        ModelRef connector = context.models().read(conn, path + ".conn", ModelKind.CONNECTOR, Set.of());
        JsonNode w = node.isObject() ? node.get("weight") : null;
        if (delta != null && delta.weight() != null) {
            if (w != null) {
                context.problems().add(path + ".weight", "the on_pre statement gives the weight already; leave this"
                        + " out, or write 'on_pre: VARIABLE += w' to use it");
                return new Comm(model, layer, connector, null);
            }
            w = JsonNodeFactory.instance.numberNode(delta.weight());
        }
        if (w == null && direct && delta == null) {
            // The on_pre statement, or the post group it needs, was refused (reported): no second message.
            return new Comm(model, layer, connector, null);
        }
        if (w == null) {
            context.problems().add(path + ".weight", "missing; give a number (uS or nA) or an initializer such"
                    + " as {type: Uniform, min: 0, max: 0.1}");
            return new Comm(model, layer, connector, null);
        }
        return new Comm(model, layer, connector, context.models().initializer(w, path + ".weight"));
    }

    /** @return the plasticity rule, or null when it is wrong or its comm cannot update weights (reported) */
    private ModelRef plasticity(JsonNode node, String path, CommModel comm) {
        ModelRef rule = context.models().read(node, path + ".plasticity", ModelKind.PLASTICITY, Set.of());
        if (rule == null || comm == null || comm.supportsPlasticity()) {
            return rule;
        }
        List<String> able = context.registry().entries(ModelKind.COMM).stream()
                .filter(e -> ((CommModel) e.factory()).supportsPlasticity())
                .map(e -> e.factory().name()).toList();
        context.problems().add(path + ".plasticity", rule.name() + " needs a comm that supports plasticity"
                + " (row and column weight updates); '" + comm.name() + "' does not. Use one of: "
                + String.join(", ", able));
        return null;
    }
}
