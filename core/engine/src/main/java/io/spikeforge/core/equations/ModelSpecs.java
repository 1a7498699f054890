package io.spikeforge.core.equations;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.VariableSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every kind of equation-defined model shows the engine: its parameters as {@link ParamSpec}s in
 * the engine's units (so that a population overrides {@code tau: 20} as it does for a built-in model),
 * its variables as {@link VariableSpec}s (so that monitors and initializers name them), and, when
 * built, its arrays and parameter values.
 */
final class ModelSpecs {

    private ModelSpecs() {
    }

    /** {@return a ParamSpec per parameter (shared, or the default of a per-element variable), in order} */
    static List<ParamSpec> parameters(EquationModel m) {
        List<ParamSpec> out = new ArrayList<>();
        for (ModelParameters.Parameter p : m.parameters.values()) {
            String what = m.elements.contains(p.name()) ? "default of the per-element variable, from '" + p.text() + "'"
                    : "from '" + p.text() + "'";
            out.add(ParamSpec.real(p.name(), p.value(), Units.engineUnitText(p.dimension()), what));
        }
        return out;
    }

    /** {@return the variables an instance allocates: states and per-element variables, the input left out} */
    static List<VariableSpec> variables(EquationModel m, String input) {
        List<VariableSpec> out = new ArrayList<>();
        for (String x : m.derivatives.keySet()) {
            out.add(new VariableSpec(x, Units.engineUnitText(m.dimensions.get(x)), "d" + x + "/dt = ..."));
        }
        for (String e : m.elements) {
            if (!e.equals(input)) {
                out.add(new VariableSpec(e, Units.engineUnitText(m.dimensions.get(e)), "per element, no equation"));
            }
        }
        return out;
    }

    /** {@return the equations, for the docs} */
    static String equationsText(EquationModel m) {
        return m.def.field("equations").strip();
    }

    /** {@return a synapse rule's equations and its on_pre and on_post statements, as documentation shows them} */
    static String ruleText(EquationModel m) {
        return equationsText(m) + "; on_pre: " + m.def.field("on_pre") + "; on_post: " + m.def.field("on_post");
    }

    /** {@return the value of every parameter as the instance sets it (engine units), and dt (ms)} */
    static Map<String, Double> values(EquationModel m, List<ParamSpec> specs, Params p, double dt) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            // One given per element is a per-element variable's array (see allocate), not a value.
            if (!p.varies(s.name())) {
                v.put(s.name(), p.real(s.name()));
            }
        }
        v.put("dt", dt);
        return v;
    }

    /**
     * Allocates the state and per-element arrays, each filled with its initial value: the
     * {@code initial} expression, else the per-element variable's parameter, else 0.
     *
     * @return the arrays by source name, {@code var:V}
     */
    static Map<String, Object> allocate(EquationModel m, BuildContext ctx, int size, Map<String, Double> values,
                                        String input) {
        return allocate(m, ctx, size, values, input, Map.of());
    }

    /**
     * As {@link #allocate(EquationModel, BuildContext, int, Map, String)}, with the per-element variables
     * in {@code perElement} starting at those values, and an initial expression that names one of them
     * ({@code V: V_rest}) taking each element's value.
     */
    static Map<String, Object> allocate(EquationModel m, BuildContext ctx, int size, Map<String, Double> values,
                                        String input, Map<String, float[]> perElement) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(m.derivatives.keySet());
        for (String e : m.elements) {
            if (!e.equals(input)) {
                names.add(e);
            }
        }
        for (String x : names) {
            double init = 0;
            Expr e = m.initial.get(x);
            boolean varying = e != null && (Algebra.calls(e, java.util.Set.of("rand", "randn"))
                    || Algebra.mentions(e, java.util.Set.of("i")) || Algebra.mentions(e, perElement.keySet()));
            if (e != null && !varying) {
                init = Evaluator.value(e, n -> m.constant(n, values));
            } else if (values.containsKey(x)) {
                init = values.get(x);
            }
            float[] a = ctx.floats(x, size, (float) init);
            if (perElement.containsKey(x)) {
                System.arraycopy(perElement.get(x), 0, a, 0, size);
            } else if (varying) {
                fill(m, e, a, values, perElement, ctx.seed() ^ x.hashCode());
            }
            out.put("var:" + x, a);
        }
        return out;
    }

    /**
     * Fills an array with an initial value that differs per element ({@code Vr + rand() * (Vt - Vr)},
     * {@code i * mV}): each element's draws come from the counter-based generator, so the values do
     * not depend on how the engine splits its work.
     */
    private static void fill(EquationModel m, Expr e, float[] a, Map<String, Double> values,
                             Map<String, float[]> perElement, long seed) {
        for (int k = 0; k < a.length; k++) {
            int element = k;
            int[] draw = {0};
            a[k] = (float) Evaluator.value(e, n -> n.equals("i") ? (double) element : perElement.containsKey(n)
                    ? (double) perElement.get(n)[element] : m.constant(n, values), c -> {
                if (!c.function().equals("rand") && !c.function().equals("randn")) {
                    return null;
                }
                long index = (long) element * io.spikeforge.kernels.EquationMath.DRAWS + draw[0]++;
                double u = io.spikeforge.kernels.CounterRng.uniform(seed, -1, index);
                if (c.function().equals("rand")) {
                    return u;
                }
                double u2 = io.spikeforge.kernels.CounterRng.uniform(seed, -2, index);
                return io.spikeforge.kernels.PortableMath.boxMuller(1 - u, u2);
            });
        }
    }
}
