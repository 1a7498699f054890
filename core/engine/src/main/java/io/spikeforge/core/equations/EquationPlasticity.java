package io.spikeforge.core.equations;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.SynapseDelays;
import io.spikeforge.kernels.DelayKernelsCalls;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plasticity rule written as Brian2 writes a {@code Synapses} model: the weight {@code w : unit},
 * traces marked {@code (event-driven)} with linear equations ({@code dApre/dt = -Apre/taupre}), and
 * {@code on_pre}/{@code on_post} statements that bump traces ({@code Apre += dApre}) and change the
 * weight ({@code w = clip(w + Apost, 0, wmax)}).
 *
 * <p>A trace that only {@code on_pre} changes depends on the pre spikes alone, so it is kept once per
 * pre neuron rather than once per synapse (and one that only {@code on_post} changes, once per post
 * neuron): the same values with work per neuron, not per synapse. A weight change is a product of a
 * constant, a pre-side and a post-side quantity, so it runs as the comm's row or column update, with
 * work per spike times fan-out. The order within a step is the built-in rules' (and BrainPy's): pre
 * traces and the pre-side factors first, then the {@code on_pre} weight changes, then the
 * {@code on_post} ones (for the post spikes of the last post update), all before the current flows;
 * post traces after the post neurons updated. Within {@code on_pre} (and {@code on_post}) the
 * statements keep their order: a factor reads a trace as the statements before it left it.
 */
final class EquationPlasticity extends EquationFactory implements PlasticityModel {

    /** The side a quantity lives on. */
    enum Side { PRE, POST }

    /**
     * One weight change, {@code w = clip(w + factor * p * q, lo, hi)}.
     *
     * @param side   where the spikes that trigger it come from
     * @param factor the constant factor
     * @param own    the factor from the spiking side (null for none): a trace, or a scratch array
     * @param other  the factor from the other side (null for none)
     * @param lo     the lower bound, or null
     * @param hi     the upper bound, or null
     * @param text   the statement, for names and messages
     */
    record WeightChange(Side side, Expr factor, String own, String other, Expr lo, Expr hi, String text) {
    }

    private final String weight;
    private final Map<String, Side> traces;
    private final List<WeightChange> changes;
    private final Map<Side, KernelWriter> writers;
    /** Scratch arrays: a factor computed per neuron of a side, by name. */
    private final Map<String, Side> scratch;
    /** The expression of each scratch array. */
    private final Map<String, Expr> scratchValues;
    /**
     * The parameters that may take one value per synapse: those only the constant factors and the bounds of
     * the weight changes read (A1, A2, eta, W_min, W_max), each synapse's change then made with its own.
     */
    private final Set<String> perSynapse;
    /** Why each other parameter a rule reads takes one value for all synapses, by name. */
    private final Map<String, String> oneValue;
    /**
     * The other-side factors of the form {@code x - P} (a trace of that side less a parameter, as inhibitory
     * STDP's {@code x_post - alpha}) that only changes without a factor of the spiking side read: by scratch
     * array ({@code scratch:q0Factor}), the trace and the parameter. P may then vary per synapse: each synapse
     * subtracts its own from the trace ({@code CsrKernels.updateRowsOffsetPerSynapse}).
     */
    private final Map<String, String[]> offsets;

    private EquationPlasticity(EquationModel model, String weight, Map<String, Side> traces, List<WeightChange> changes,
                               Map<String, Side> scratch, Map<Side, List<Statements.Statement>> statements,
                               Map<String, Expr> scratchValues) {
        super(model);
        this.weight = weight;
        this.traces = traces;
        this.changes = changes;
        this.scratch = scratch;
        this.scratchValues = scratchValues;
        this.writers = new java.util.EnumMap<>(Side.class);
        this.offsets = offsets(model, traces, changes, scratchValues);
        this.oneValue = oneValueReasons(model, traces, changes, scratch, statements, scratchValues, offsets);
        Set<String> varying = new java.util.TreeSet<>();
        for (WeightChange c : changes) {
            if (c.own() == null) {
                for (Expr e : new Expr[] {c.factor(), c.lo(), c.hi()}) {
                    if (e != null) {
                        Algebra.names(e).stream().filter(model.parameters::containsKey)
                                .filter(n -> !oneValue.containsKey(n)).forEach(varying::add);
                    }
                }
            }
        }
        offsets.values().stream().map(o -> o[1]).filter(n -> !oneValue.containsKey(n)).forEach(varying::add);
        this.perSynapse = Set.copyOf(varying);
        List<String> methods = new ArrayList<>();
        Map<String, KernelWriter> kernels = new java.util.LinkedHashMap<>();
        for (Side side : Side.values()) {
            KernelWriter w = new KernelWriter();
            methods.add(traceKernel(side, w, statements.get(side), scratchValues));
            writers.put(side, w);
            kernels.put(kernelName(side), w);
        }
        generated(new GeneratedClass(model.def.name(), kernels, methods, "The kernels of the plasticity rule '"
                + model.def.name() + "', generated by SpikeForge from its equations (" + model.def.path()
                + "). Do not edit: edit the model."));
    }

    private static String kernelName(Side side) {
        return side == Side.PRE ? "preTraces" : "postTraces";
    }

    /** {@return the other-side factors {@code x - P} that P may vary per synapse in, see {@link #offsets}} */
    private static Map<String, String[]> offsets(EquationModel model, Map<String, Side> traces,
                                                 List<WeightChange> changes, Map<String, Expr> scratchValues) {
        Map<String, String[]> out = new java.util.LinkedHashMap<>();
        for (WeightChange c : changes) {
            String a = c.other();
            if (c.own() == null && a != null && a.startsWith("scratch:")
                    && scratchValues.get(a.substring("scratch:".length())) instanceof Expr.Binary b
                    && b.op().equals("-") && b.left() instanceof Expr.Name x && traces.containsKey(x.name())
                    && b.right() instanceof Expr.Name q && model.parameters.containsKey(q.name())
                    && !model.elements.contains(q.name())) {
                out.put(a, new String[] {"var:" + x.name(), q.name()});
            }
        }
        // A factor that a change with a factor of the spiking side also reads stays one per neuron.
        changes.stream().filter(c -> c.own() != null).forEach(c -> out.remove(c.other()));
        return out;
    }

    /**
     * {@return why each parameter that a trace, a trace's statement, a factor computed per neuron or a change
     * scaled by the spiking side's factor reads takes one value for all synapses}: each of those is computed
     * once per neuron (or, for a scaled change, by the comm with one constant) for all that neuron's synapses
     */
    private static Map<String, String> oneValueReasons(EquationModel model, Map<String, Side> traces,
                                                        List<WeightChange> changes, Map<String, Side> scratch,
                                                        Map<Side, List<Statements.Statement>> statements,
                                                        Map<String, Expr> scratchValues,
                                                        Map<String, String[]> offsets) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<Expr, String> blame = (e, why) -> Algebra.names(e).stream()
                .filter(model.parameters::containsKey).forEach(n -> out.putIfAbsent(n, why));
        traces.forEach((x, side) -> {
            String s = side.name().toLowerCase(java.util.Locale.ROOT);
            blame.accept(model.derivatives.get(x), "it is in the equation of the " + s + " trace " + x + ", one per "
                    + s + " neuron, which all that neuron's synapses read");
        });
        statements.forEach((side, list) -> list.stream().filter(st -> traces.containsKey(st.target())).forEach(st -> {
            String s = traces.get(st.target()).name().toLowerCase(java.util.Locale.ROOT);
            blame.accept(st.expr(), "it is in '" + st.text() + "', which changes the " + s + " trace " + st.target()
                    + ", one per " + s + " neuron, which all that neuron's synapses read");
        }));
        for (WeightChange c : changes) {
            for (String a : new String[] {c.own(), c.other()}) {
                if (a != null && a.startsWith("scratch:") && !offsets.containsKey(a)) {
                    String x = a.substring("scratch:".length());
                    String s = scratch.get(x).name().toLowerCase(java.util.Locale.ROOT);
                    blame.accept(scratchValues.get(x), "it is in the " + s + "-side factor of '" + c.text()
                            + "', computed once per " + s + " neuron for all that neuron's synapses");
                }
            }
        }
        for (WeightChange c : changes) {
            if (c.own() != null) {
                for (Expr e : new Expr[] {c.factor(), c.lo(), c.hi()}) {
                    if (e != null) {
                        blame.accept(e, "it is in '" + c.text() + "', whose change multiplies a factor of the spiking"
                                + " side by one of the other side, with one constant for all synapses");
                    }
                }
            }
        }
        return out;
    }

    /**
     * The kernel of one side: each trace decays exactly (in double, as the built-in traces do), then the
     * side's statements run in order for the spiking neurons: a trace statement bumps or sets the
     * trace; a weight change records the factor it needs from this side.
     */
    private String traceKernel(Side side, KernelWriter w, List<Statements.Statement> statements,
                               Map<String, Expr> scratchValues) {
        KernelNames names = new KernelNames(model, w);
        List<String> own = traces.entrySet().stream().filter(e -> e.getValue() == side).map(Map.Entry::getKey).toList();
        for (String x : own) {
            w.array("s_" + x, "float[]", true, true, "var:" + x);
            names.bind(x, "((float) x_" + x + ")");
        }
        w.array("flags", "int[]", false, true, "flags");
        for (Map.Entry<String, Side> s : scratch.entrySet()) {
            if (s.getValue() == side) {
                w.array(s.getKey(), "float[]", true, true, "scratch:" + s.getKey());
            }
        }
        JavaText j = names.text();
        w.open("for (int i = from; i < to; i++)");
        w.line("int f = flags[i];");
        Set<String> bumpedOnly = new LinkedHashSet<>();
        for (String x : own) {
            Expr num = model.derivatives.get(x);
            Expr den = Algebra.num(1);
            if (num instanceof Expr.Binary b && b.op().equals("/")) {
                num = b.left();
                den = b.right();
            }
            Algebra.Linear l = Algebra.linear(num, Set.of(x));
            Expr exponent = new Expr.Binary("/", Algebra.times(l.coefficient(x), new Expr.Name("dt", 0)), den, 0);
            w.scalar("d_" + x, "double", v -> Math.exp(Evaluator.value(exponent, n -> model.constant(n, v))));
            if (l.rest() == null) {
                w.line("double x_" + x + " = s_" + x + "[i] * d_" + x + ";");
            } else {
                Expr inf = Algebra.over(Algebra.neg(l.rest()), l.coefficient(x));
                w.scalar("inf_" + x, "double", v -> Evaluator.value(inf, n -> model.constant(n, v)));
                w.line("double x_" + x + " = inf_" + x + " + (s_" + x + "[i] - inf_" + x + ") * d_" + x + ";");
            }
        }
        int change = 0;
        for (int index = 0; index < statements.size(); index++) {
            Statements.Statement s = statements.get(index);
            if (traces.containsKey(s.target())) {
                String x = s.target();
                if (s.op().equals("+=") && model.isConstant(s.expr())) {
                    String c = "c" + change++ + "_" + x;
                    Expr e = s.expr();
                    w.scalar(c, "double", v -> Evaluator.value(e, n -> model.constant(n, v)));
                    w.line("x_" + x + " = x_" + x + " + f * " + c + ";");
                } else {
                    w.line("x_" + x + " = f != 0 ? (double) " + j.of(s.value()) + " : x_" + x + ";");
                }
                bumpedOnly.add(x);
            } else {
                for (Map.Entry<String, Expr> sv : scratchValues.entrySet()) {
                    if (scratch.get(sv.getKey()) == side && sv.getKey().equals(ownScratch(side, index))) {
                        w.line(sv.getKey() + "[i] = " + j.of(sv.getValue()) + ";");
                    }
                }
            }
        }
        for (Map.Entry<String, Expr> sv : scratchValues.entrySet()) {
            if (scratch.get(sv.getKey()) == side && sv.getKey().startsWith("q")) {
                w.line(sv.getKey() + "[i] = " + j.of(sv.getValue()) + ";");
            }
        }
        for (String x : own) {
            w.line("s_" + x + "[i] = (float) x_" + x + ";");
        }
        w.close();
        String doc = "The " + side.name().toLowerCase(java.util.Locale.ROOT) + " side of the plasticity rule '"
                + model.def.name() + "': its traces decay exactly, then its spiking neurons run\n<pre>\n"
                + NeuronSource.escape(model.def.field(side == Side.PRE ? "on_pre" : "on_post")) + "</pre>";
        return w.method(kernelName(side), names.usesClock() ? "@Kernel" : "@Kernel(elementwise = true)", doc);
    }

    /** {@return the scratch array of the spiking side's factor of statement {@code index} of {@code side}} */
    private static String ownScratch(Side side, int index) {
        return (side == Side.PRE ? "pre" : "post") + "Factor" + index;
    }

    /**
     * {@return the rule, or null after reporting its problems}: this class when its traces can live per
     * neuron and its weight changes are products of one side's and the other side's quantities, else a
     * {@link SynapseRule} with its state per synapse
     */
    static PlasticityModel of(EquationModel m) {
        String weight = m.def.field("weight") != null ? m.def.field("weight") : "w";
        if (!m.elements.contains(weight)) {
            m.problem("equations", "a plasticity rule declares its weight, '" + weight + " : siemens' (or amp, or 1)");
            return null;
        }
        Set<String> traceNames = m.derivatives.keySet();
        boolean perSynapse = m.elements.size() > 1 || !m.sides.isEmpty()
                || m.subexpressions.keySet().stream().anyMatch(x -> m.flagged(x, "summed"));
        for (String x : traceNames) {
            perSynapse |= !m.flagged(x, "event-driven");
        }
        Set<String> assignable = new LinkedHashSet<>(traceNames);
        m.elements.stream().filter(e -> !m.flagged(e, "constant")).forEach(assignable::add);
        assignable.addAll(m.sides.keySet());
        assignable.addAll(m.neuronNames);
        Map<Side, List<Statements.Statement>> statements = new java.util.EnumMap<>(Side.class);
        int before = m.problemCount();
        statements.put(Side.PRE, m.statements(m.def.field("on_pre"), "on_pre", assignable));
        statements.put(Side.POST, m.statements(m.def.field("on_post"), "on_post", assignable));
        if (m.problemCount() != before) {
            return null;
        }
        Map<String, Side> traces = new java.util.LinkedHashMap<>();
        for (String x : traceNames) {
            boolean pre = statements.get(Side.PRE).stream().anyMatch(s -> s.target().equals(x));
            boolean post = statements.get(Side.POST).stream().anyMatch(s -> s.target().equals(x));
            perSynapse |= pre && post;
            traces.put(x, pre ? Side.PRE : Side.POST);
        }
        if (perSynapse) {
            return SynapseRule.of(m, weight, statements);
        }
        List<WeightChange> changes = new ArrayList<>();
        Map<String, Side> scratch = new java.util.LinkedHashMap<>();
        Map<String, Expr> scratchValues = new java.util.LinkedHashMap<>();
        int tried = m.problemCount();
        boolean ok = true;
        for (Side side : Side.values()) {
            String key = side == Side.PRE ? "on_pre" : "on_post";
            List<Statements.Statement> list = statements.get(side);
            for (int index = 0; index < list.size(); index++) {
                Statements.Statement s = list.get(index);
                if (!s.target().equals(weight)) {
                    continue;
                }
                WeightChange c = change(m, side, index, s, weight, traces, key, scratch, scratchValues);
                if (c == null) {
                    ok = false;
                } else {
                    changes.add(c);
                }
            }
        }
        if (!ok) {
            // A change that depends on w, or mixes the sides in one term: each synapse computes it itself.
            m.withdrawProblems(tried);
            return SynapseRule.of(m, weight, statements);
        }
        for (String x : traceNames) {
            Algebra.Linear l = Algebra.linear(m.derivatives.get(x), Set.of(x));
            if (l == null || l.coefficient(x) == null || !m.isConstant(l.coefficient(x))
                    || l.rest() != null && !m.isConstant(l.rest())) {
                m.problem("equations", "d" + x + "/dt must be linear in " + x + " with constant coefficients, as"
                        + " dx/dt = -x/tau or (x_inf - x)/tau: traces are integrated exactly between spikes");
                ok = false;
            }
            boolean changed = statements.values().stream().flatMap(List::stream).anyMatch(s -> s.target().equals(x));
            if (!changed) {
                m.problem("equations", "'" + x + "' changes in neither on_pre nor on_post, so it stays 0");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return new EquationPlasticity(m, weight, traces, changes, scratch, statements, scratchValues);
    }

    /** Splits {@code w = clip(w + E, lo, hi)}, {@code w += E}, {@code w -= E} or {@code w = w + E} into its factors. */
    private static WeightChange change(EquationModel m, Side side, int index, Statements.Statement s, String weight,
                                       Map<String, Side> traces, String key, Map<String, Side> scratch,
                                       Map<String, Expr> scratchValues) {
        Expr value = s.value();
        Expr lo = null;
        Expr hi = null;
        if (value instanceof Expr.Call c && c.function().equals("clip")) {
            value = c.args().get(0);
            lo = c.args().get(1);
            hi = c.args().get(2);
            if (!m.isConstant(lo) || !m.isConstant(hi)) {
                m.problem(key, "the bounds of clip must be parameters or numbers in '" + s.text() + "'");
                return null;
            }
        }
        Expr delta = null;
        if (value instanceof Expr.Binary b && (b.op().equals("+") || b.op().equals("-"))
                && b.left() instanceof Expr.Name n && n.name().equals(weight)) {
            delta = b.op().equals("+") ? b.right() : Algebra.neg(b.right());
        }
        if (delta == null || Algebra.mentions(delta, Set.of(weight))) {
            m.problem(key, "a weight change is 'w += E', 'w -= E' or 'w = clip(w + E, lo, hi)' with E free of w; got '"
                    + s.text() + "'");
            return null;
        }
        List<Expr> factors = new ArrayList<>();
        boolean[] negative = {false};
        if (!factors(delta, factors, negative)) {
            m.problem(key, "a weight change E must be a product (of parameters, pre-side and post-side traces, or sums"
                    + " of one side's traces); got '" + s.text() + "'");
            return null;
        }
        Expr constant = Algebra.num(negative[0] ? -1 : 1);
        Expr ownSide = null;
        Expr otherSide = null;
        Side other = side == Side.PRE ? Side.POST : Side.PRE;
        for (Expr f : factors) {
            Set<Side> sides = new LinkedHashSet<>();
            for (String n : Algebra.names(f)) {
                if (traces.containsKey(n)) {
                    sides.add(traces.get(n));
                }
            }
            if (sides.isEmpty()) {
                constant = times(constant, f);
            } else if (sides.size() == 2) {
                m.problem(key, "the factor of '" + s.text() + "' mixes pre and post traces in one term; write it as a"
                        + " product of a pre-side and a post-side factor");
                return null;
            } else if (sides.contains(side)) {
                ownSide = times(ownSide, f);
            } else {
                otherSide = times(otherSide, f);
            }
        }
        String own = array(ownSide, side, ownScratch(side, index), scratch, scratchValues);
        String otherArray = array(otherSide, other, "q" + scratch.size() + "Factor", scratch, scratchValues);
        return new WeightChange(side, constant, own, otherArray, lo, hi, s.text());
    }

    private static Expr times(Expr a, Expr b) {
        return a == null ? b : Algebra.times(a, b);
    }

    /** A trace's own array when the factor is the trace, else a scratch array computed by that side's kernel. */
    private static String array(Expr factor, Side side, String name, Map<String, Side> scratch,
                                Map<String, Expr> scratchValues) {
        if (factor == null) {
            return null;
        }
        if (factor instanceof Expr.Name n) {
            return "var:" + n.name();
        }
        scratch.put(name, side);
        scratchValues.put(name, factor);
        return "scratch:" + name;
    }

    private static boolean factors(Expr e, List<Expr> out, boolean[] negative) {
        if (e instanceof Expr.Binary b && b.op().equals("*")) {
            return factors(b.left(), out, negative) && factors(b.right(), out, negative);
        }
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            negative[0] = !negative[0];
            return factors(u.operand(), out, negative);
        }
        out.add(e);
        return true;
    }




    @Override
    String kindWord() {
        return "plasticity rule";
    }

    /** {@return the parameters that may take one value per synapse} */
    Set<String> perSynapse() {
        return perSynapse;
    }

    @Override
    public String oneValueReason(String parameter) {
        return oneValue.get(parameter);
    }

    @Override
    public List<VariableSpec> variables() {
        List<VariableSpec> v = new ArrayList<>();
        traces.forEach((x, side) -> v.add(new VariableSpec(x, Units.engineUnitText(model.dimensions.get(x)),
                "trace per " + side.name().toLowerCase(java.util.Locale.ROOT) + " neuron (event-driven)")));
        return v;
    }

    @Override
    public String equations() {
        return ModelSpecs.ruleText(model);
    }

    @Override
    public String integration() {
        return "traces exact between steps, per pre or post neuron; per step: pre traces and on_pre, on_pre weight"
                + " changes, on_post weight changes (last post spikes), then the current flows; post traces after the"
                + " post update";
    }


    /**
     * {@return whether each weight change is a constant times the other side's factor}: a change on an
     * arriving pre spike then reads the post factor as it is now, and one on a post spike reads each
     * synapse's pre factor as its own delay ago (a history per pre neuron, as STDP_Song2000 keeps it), which
     * is the pre factor the synapse's delayed arrivals would have made: the pre traces count the spikes
     * before their delay and decay alike
     */
    @Override
    public boolean supportsSynapseDelays() {
        return changes.stream().allMatch(c -> c.own() == null);
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SynapseDelays arrival,
                             SpikeBuffer post) {
        if (!supportsSynapseDelays()) {
            throw new UnsupportedOperationException(name() + " does not support per-synapse delays");
        }
        return create(p, ctx, comm, arrival.spikes, post, arrival);
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        return create(p, ctx, comm, pre, post, null);
    }

    /** @param arrival the per-synapse delays, or null for one delay for the whole projection */
    private Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post,
                              SynapseDelays arrival) {
        Map<String, Double> values = ModelSpecs.values(model, parameters, p, ctx.dt());
        for (String[] o : offsets.values()) {
            // Given per synapse, P is subtracted by the comm's update; the side's kernel still computes x - P per
            // neuron for a factor that no update then reads: 0 keeps that array finite.
            if (p.varies(o[1])) {
                values.put(o[1], 0.0);
            }
        }
        Map<String, Object> arrays = new HashMap<>();
        // With per-synapse delays, each pre factor an on_post change reads is kept for the longest delay,
        // its history allocated after it (as STDP_Song2000 allocates A_pre_history).
        Set<String> kept = new LinkedHashSet<>();
        if (arrival != null) {
            changes.stream().filter(c -> c.side() == Side.POST && c.other() != null).forEach(c -> kept.add(c.other()));
        }
        Map<String, float[]> histories = new HashMap<>();
        java.util.function.BiConsumer<String, String> history = (key, x) -> {
            if (kept.contains(key)) {
                histories.put(key, ctx.floats(x + "_history", Math.multiplyExact(arrival.slots, pre.size()), 0f));
            }
        };
        traces.forEach((x, side) -> {
            arrays.put("var:" + x, ctx.floats(x, (side == Side.PRE ? pre : post).size(), 0f));
            history.accept("var:" + x, x);
        });
        scratch.forEach((x, side) -> {
            int size = (side == Side.PRE ? pre : post).size();
            if (x.startsWith("q")) {
                // The other side's factor, which its kernel computes after its spikes for the next steps: state,
                // so that a resumed run reads what the run left, and starting from the traces' initial 0, so that
                // the first step reads (x_post - alpha) at x_post = 0 rather than 0.
                double initial = Evaluator.value(scratchValues.get(x), n -> traces.containsKey(n) ? Double.valueOf(0)
                        : model.constant(n, values));
                arrays.put("scratch:" + x, ctx.floats(x, size, (float) initial));
                history.accept("scratch:" + x, x);
            } else {
                arrays.put("scratch:" + x, new float[size]);
            }
        });
        String n = ctx.owner() + "." + name();
        List<StepTask> before = new ArrayList<>();
        List<StepTask> after = new ArrayList<>();
        Map<String, Object> preArrays = new HashMap<>(arrays);
        preArrays.put("flags", pre.flags);
        preArrays.put("clock", ctx.clock());
        before.add(StepTask.of(n + ".pre_traces", pre.size(), generated().call("preTraces", preArrays, values, ctx.seed())));
        for (String key : kept) {
            before.add(StepTask.of(n + ".pre_trace_history" + (histories.size() == 1 ? "" : "_" + key), pre.size(),
                    DelayKernelsCalls.keep((float[]) arrays.get(key), histories.get(key), arrival.slots,
                            arrival.clock)));
        }
        double wMin = Double.NEGATIVE_INFINITY;
        double wMax = Double.POSITIVE_INFINITY;
        // The parameters given per synapse, each synapse's value in connectivity order.
        Map<String, float[]> perSynapseValues = new HashMap<>();
        perSynapse.stream().filter(p::varies).forEach(x -> perSynapseValues.put(x, p.values(x, comm.synapses())));
        PerSynapseBounds bounds = perSynapseValues.isEmpty() ? null : new PerSynapseBounds(comm.synapses());
        int k = 0;
        for (Side side : Side.values()) {
            for (WeightChange c : changes) {
                if (c.side() != side) {
                    continue;
                }
                // What names a parameter given per synapse has no one value (and is read per synapse below).
                Set<String> varying = perSynapseValues.keySet();
                float factor = Algebra.mentions(c.factor(), varying) ? Float.NaN
                        : (float) Evaluator.value(c.factor(), x -> model.constant(x, values));
                double loValue = c.lo() == null ? Double.NEGATIVE_INFINITY : Algebra.mentions(c.lo(), varying)
                        ? Double.NaN : Evaluator.value(c.lo(), x -> model.constant(x, values));
                double hiValue = c.hi() == null ? Double.POSITIVE_INFINITY : Algebra.mentions(c.hi(), varying)
                        ? Double.NaN : Evaluator.value(c.hi(), x -> model.constant(x, values));
                float lo = (float) loValue;
                float hi = (float) hiValue;
                wMin = Math.max(wMin, loValue);
                wMax = Math.min(wMax, hiValue);
                SpikeBuffer spikes = side == Side.PRE ? pre : post;
                int otherSize = (side == Side.PRE ? post : pre).size();
                float[] other = c.other() == null ? ones(otherSize) : (float[]) arrays.get(c.other());
                String task = n + (side == Side.PRE ? ".on_pre" : ".on_post") + (k++ == 0 ? "" : "_" + k);
                StepTask t;
                if (bounds != null && c.own() == null) {
                    // Some parameter varies: each synapse changes by its own factor within its own bounds, as
                    // STDP_Song2000 does with its own per synapse (equal values give the scalar floats).
                    float[] f = perSynapse(c.factor(), values, perSynapseValues, comm.synapses(), 0);
                    float[] l = perSynapse(c.lo(), values, perSynapseValues, comm.synapses(), Float.NEGATIVE_INFINITY);
                    float[] h = perSynapse(c.hi(), values, perSynapseValues, comm.synapses(), Float.POSITIVE_INFINITY);
                    bounds.narrow(l, h);
                    String[] offset = offsets.get(c.other());
                    if (offset != null && perSynapseValues.containsKey(offset[1])) {
                        // The factor x - P with P per synapse: each synapse subtracts its own P from the trace.
                        if (arrival != null) {
                            throw new IllegalArgumentException("takes " + offset[1] + " per synapse in '" + c.text()
                                    + "' with one delay for all synapses only; give " + offset[1] + " one value or"
                                    + " the projection one delay");
                        }
                        float[] trace = (float[]) arrays.get(offset[0]);
                        float[] o = perSynapse(new Expr.Name(offset[1], 0), values, perSynapseValues,
                                comm.synapses(), 0);
                        t = side == Side.PRE ? comm.updateRowsOffsetPerSynapse(task, spikes, trace, o, f, l, h)
                                : comm.updateColumnsOffsetPerSynapse(task, spikes, trace, o, f, l, h);
                    } else if (arrival != null) {
                        t = side == Side.PRE ? comm.updateRowsPerSynapse(task, arrival, other, f, l, h)
                                : comm.updateColumnsPerSynapse(task, spikes, arrival, c.other() == null
                                        ? ones(Math.multiplyExact(arrival.slots, otherSize)) : histories.get(c.other()),
                                        f, l, h);
                    } else {
                        t = side == Side.PRE ? comm.updateRowsPerSynapse(task, spikes, other, f, l, h)
                                : comm.updateColumnsPerSynapse(task, spikes, other, f, l, h);
                    }
                } else if (arrival != null) {
                    t = side == Side.PRE ? comm.updateRows(task, arrival, other, factor, lo, hi)
                            : comm.updateColumns(task, spikes, arrival, c.other() == null
                                    ? ones(Math.multiplyExact(arrival.slots, otherSize)) : histories.get(c.other()),
                                    factor, lo, hi);
                } else if (c.own() == null) {
                    t = side == Side.PRE ? comm.updateRows(task, spikes, other, factor, lo, hi)
                            : comm.updateColumns(task, spikes, other, factor, lo, hi);
                } else {
                    float[] own = (float[]) arrays.get(c.own());
                    t = side == Side.PRE ? comm.updateRows(task, spikes, own, other, factor, lo, hi)
                            : comm.updateColumns(task, spikes, other, own, factor, lo, hi);
                }
                before.add(t);
            }
        }
        Map<String, Object> postArrays = new HashMap<>(arrays);
        postArrays.put("flags", post.flags);
        postArrays.put("clock", ctx.clock());
        after.add(StepTask.of(n + ".post_traces", post.size(), generated().call("postTraces", postArrays, values,
                ctx.seed())));
        if (bounds != null && perSynapse.stream().anyMatch(x -> p.varies(x) && changes.stream().anyMatch(c ->
                c.lo() != null && Algebra.mentions(c.lo(), Set.of(x)) || c.hi() != null
                        && Algebra.mentions(c.hi(), Set.of(x))))) {
            // The bounds differ per synapse: checked here, against each synapse's, and none for the engine.
            bounds.check(comm);
            return Plasticity.of(before, after, Double.NaN, Double.NaN);
        }
        return Plasticity.of(before, after, Double.isInfinite(wMin) ? Double.NaN : wMin,
                Double.isInfinite(wMax) ? Double.NaN : wMax);
    }

    /**
     * {@return e for each synapse, with each varying parameter's value of that synapse, or {@code none} for
     * every synapse when e is null}; e is evaluated once when it names no varying parameter
     */
    private float[] perSynapse(Expr e, Map<String, Double> values, Map<String, float[]> perSynapseValues, int n,
                               float none) {
        float[] out = new float[n];
        if (e == null || !Algebra.mentions(e, perSynapseValues.keySet())) {
            java.util.Arrays.fill(out, e == null ? none : (float) Evaluator.value(e, x -> model.constant(x, values)));
            return out;
        }
        for (int k = 0; k < n; k++) {
            int synapse = k;
            out[k] = (float) Evaluator.value(e, x -> perSynapseValues.containsKey(x)
                    ? (double) perSynapseValues.get(x)[synapse] : model.constant(x, values));
        }
        return out;
    }

    /** Each synapse's tightest bounds over the rule's weight changes, for the check of the initial weights. */
    private static final class PerSynapseBounds {
        final float[] lo;
        final float[] hi;

        PerSynapseBounds(int n) {
            lo = new float[n];
            hi = new float[n];
            java.util.Arrays.fill(lo, Float.NEGATIVE_INFINITY);
            java.util.Arrays.fill(hi, Float.POSITIVE_INFINITY);
        }

        void narrow(float[] l, float[] h) {
            for (int k = 0; k < lo.length; k++) {
                lo[k] = Math.max(lo[k], l[k]);
                hi[k] = Math.min(hi[k], h[k]);
            }
        }

        /** Refuses an upper bound below its lower one, and initial weights outside their synapse's bounds. */
        void check(CommModel.Comm comm) {
            int outside = 0;
            int first = -1;
            for (int k = 0; k < lo.length; k++) {
                if (lo[k] > hi[k]) {
                    throw new IllegalArgumentException("the upper weight bound of synapse " + k + " is " + hi[k]
                            + ", below its lower bound " + lo[k] + "; every synapse's upper bound must be at least"
                            + " its lower bound");
                }
                float w = comm.weight(k);
                if (w < lo[k] || w > hi[k]) {
                    outside++;
                    first = first < 0 ? k : first;
                }
            }
            if (outside > 0) {
                throw new IllegalArgumentException(outside + " of " + lo.length + " initial weights lie outside their"
                        + " synapse's bounds (synapse " + first + ": " + comm.weight(first) + " outside [" + lo[first]
                        + ", " + hi[first] + "]); choose an initializer within the bounds");
            }
        }
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }
}
