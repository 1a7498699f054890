package io.spikeforge.core.equations;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a neuron model does besides integrating, checked: its threshold, reset statements,
 * refractoriness, integration method, and which variables take the engine's input current and give
 * the membrane potential.
 *
 * @param model      the checked equations
 * @param threshold  the spike condition, or null for a model that never spikes
 * @param reset      the statements run on a spike, in order
 * @param refractory how refractoriness is counted
 * @param method     the integration method
 * @param input      the variable that receives the input current each step (consumed), or null
 * @param potential  the variable conductance-based outputs read as the membrane potential, or null
 * @param lastspike  whether the model keeps each neuron's last spike time
 */
record NeuronPlan(EquationModel model, Expr threshold, List<Statements.Statement> reset, Refractory refractory,
                  String method, String input, String potential, boolean lastspike) {

    /** How refractoriness is counted. */
    enum RefractoryKind {
        /** Never refractory. */
        NONE,
        /** A whole number of steps after each spike, counted down. */
        COUNTER,
        /** Whenever a condition holds, evaluated at the start of each step. */
        CONDITION
    }

    /**
     * Refractoriness.
     *
     * @param kind      how it is counted
     * @param period    for a counter: the period, an expression of parameters (time)
     * @param inclusive for a counter: BrainPy's {@code t - lastspike <= period}, held floor(period/dt)
     *                  steps, rather than Brian2's {@code <}, one step fewer
     * @param condition for a condition: the expression
     */
    record Refractory(RefractoryKind kind, Expr period, boolean inclusive, Expr condition) {

        /** {@return the steps a counter holds a neuron after a spike} */
        int steps(EquationModel model, Map<String, Double> values, double dt) {
            return steps(Evaluator.value(period, n -> model.constant(n, values)), dt);
        }

        /** {@return whether a counter's period differs per element: it names a parameter given per element} */
        boolean perElement(EquationModel model) {
            return kind == RefractoryKind.COUNTER && !model.isConstant(period);
        }

        /** {@return the steps of each element of a period that names parameters given per element} */
        int[] steps(EquationModel model, Map<String, Double> values, Map<String, float[]> perElement, double dt,
                    int size) {
            int[] out = new int[size];
            for (int k = 0; k < size; k++) {
                int element = k;
                out[k] = steps(Evaluator.value(period, n -> perElement.containsKey(n) ? (double) perElement.get(n)[element]
                        : model.constant(n, values)), dt);
            }
            return out;
        }

        private int steps(double p, double dt) {
            if (inclusive) {
                return (int) Math.floor(p / dt + 1e-9);
            }
            // Brian2: refractory while timestep(t - lastspike) < timestep(period), timestep(x) = int((x + 1e-3 dt) / dt).
            return Math.max(0, (int) ((p + 1e-3 * dt) / dt) - 1);
        }
    }

    /** The names a Brian2 user gives the membrane potential. */
    private static final List<String> POTENTIALS = List.of("V", "v", "vm", "Vm", "V_m", "v_m", "u");

    /** {@return the plan, or null after reporting its problems} */
    static NeuronPlan of(EquationModel m) {
        ModelDefinition def = m.def;
        Set<String> assignable = new LinkedHashSet<>(m.derivatives.keySet());
        assignable.addAll(m.elements);
        String input = def.field("input");
        if (input == null && m.elements.contains("I") && m.dimensions.get("I").equals(EquationModel.CURRENT)) {
            input = "I";
        }
        boolean ok = true;
        if (input != null) {
            if (!m.elements.contains(input)) {
                m.problem("input", "'" + input + "' must be a variable the equations declare without an equation ('"
                        + input + " : amp'); the model declares " + String.join(", ", m.elements) + "."
                        + io.spikeforge.core.config.Suggestions.didYouMean(input, m.elements));
                ok = false;
            } else if (!m.dimensions.get(input).equals(EquationModel.CURRENT)) {
                m.problem("input", "'" + input + "' receives the input current, so it must be a current (amp), not "
                        + m.dimensions.get(input));
                ok = false;
            }
            assignable.remove(input);
        }
        String potential = def.field("potential");
        if (potential == null) {
            for (String p : POTENTIALS) {
                if (m.derivatives.containsKey(p) && m.dimensions.get(p).equals(EquationModel.VOLTAGE)) {
                    potential = p;
                    break;
                }
            }
        } else if (!m.derivatives.containsKey(potential) && !m.elements.contains(potential)) {
            m.problem("potential", "'" + potential + "' is no variable of the equations."
                    + io.spikeforge.core.config.Suggestions.didYouMean(potential, m.dimensions.keySet()));
            ok = false;
        }
        Expr threshold = null;
        if (def.field("threshold") != null) {
            threshold = m.expression(def.field("threshold"), "threshold", null);
            if (threshold != null && !condition(threshold)) {
                m.problem("threshold", "'" + def.field("threshold") + "' is no condition: write a comparison such as"
                        + " 'v > v_th'");
                threshold = null;
            }
            ok &= threshold != null;
        }
        List<Statements.Statement> reset = List.of();
        if (def.field("reset") != null) {
            if (threshold == null && ok) {
                m.problem("reset", "a reset needs a threshold");
                ok = false;
            }
            reset = m.statements(def.field("reset"), "reset", assignable);
        }
        Refractory refractory = refractory(m);
        if (refractory == null) {
            ok = false;
        }
        boolean lastspike = refractory != null && refractory.kind() == RefractoryKind.CONDITION
                && Algebra.mentions(refractory.condition(), Set.of("lastspike"));
        for (Expr f : m.derivatives.values()) {
            lastspike |= Algebra.mentions(f, Set.of("lastspike"));
        }
        List<String> states = List.copyOf(m.derivatives.keySet());
        Integration integration = new Integration(m, new KernelWriter(), n -> null, c -> null, (x, xi) -> "");
        String[] method = {null};
        if (!states.isEmpty()) {
            method[0] = integration.choose(def.field("method"), states, why -> m.problem("method", why));
            ok &= method[0] != null;
        }
        return ok ? new NeuronPlan(m, threshold, reset, refractory, method[0] == null ? "exact" : method[0], input,
                potential, lastspike) : null;
    }

    private static boolean condition(Expr e) {
        return switch (e) {
            case Expr.Binary b -> Set.of("<", "<=", ">", ">=", "==", "!=", "and", "or").contains(b.op());
            case Expr.Unary u -> u.op().equals("not");
            case Expr.Name n -> n.name().equals("not_refractory");
            default -> false;
        };
    }

    /**
     * {@return whether a refractory period may be counted in steps when the model is built: made of
     * parameters and units, or also of parameters given per element, each neuron then counting its own}
     */
    private static boolean countable(EquationModel m, Expr period) {
        return m.isConstant(period) || m.isConstantPerElement(period);
    }

    private static Refractory refractory(EquationModel m) {
        String text = m.def.field("refractory");
        if (text == null) {
            return new Refractory(RefractoryKind.NONE, null, false, null);
        }
        Expr e = m.expression(text, "refractory", null);
        if (e == null) {
            return null;
        }
        Checker c = new Checker(m.scope);
        Dimension d = c.dimension(e);
        if (EquationModel.TIME.equals(d)) {
            if (!countable(m, e)) {
                m.problem("refractory", "a refractory period is made of parameters and units, as '5*ms' or 'tau_ref';"
                        + " '" + text + "' is not");
                return null;
            }
            return new Refractory(RefractoryKind.COUNTER, e, false, null);
        }
        if (!condition(e)) {
            m.problem("refractory", "'" + text + "' is " + d + "; refractory is a time ('5*ms', 'tau_ref') or a"
                    + " condition ('t - lastspike <= tau_ref', 'v > v_th')");
            return null;
        }
        if (e instanceof Expr.Binary b && (b.op().equals("<=") || b.op().equals("<"))
                && b.left() instanceof Expr.Binary diff && diff.op().equals("-")
                && diff.left() instanceof Expr.Name t && t.name().equals("t")
                && diff.right() instanceof Expr.Name last && last.name().equals("lastspike") && countable(m, b.right())) {
            return new Refractory(RefractoryKind.COUNTER, b.right(), b.op().equals("<="), null);
        }
        return new Refractory(RefractoryKind.CONDITION, null, false, e);
    }
}
