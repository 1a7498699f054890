package io.spikeforge.core.equations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Integration methods, as Brian2 names and defines them, each written as the lines of a kernel that
 * compute the new value {@code n_x} of every variable {@code x} from its value {@code v_x} at the
 * start of the step.
 *
 * <ul>
 *   <li>{@code exact}: for linear equations. One equation {@code dx/dt = a x + b} gives
 *       {@code x' = x_inf + (x - x_inf) exp(a dt)}, {@code x_inf = -b/a}, the propagator computed once
 *       when the model is built where {@code a} is a parameter; a coupled system with constant
 *       coefficients gives {@code x' = P x + G b}, with {@code P = exp(A dt)} and
 *       {@code G = integral of exp(A s) ds over the step}, computed when the model is built (NEST's
 *       exact integration). Inputs ({@code b}) are held over the step.</li>
 *   <li>{@code exponential_euler}: for equations linear in their own variable,
 *       {@code dx/dt = A x + B} with A and B from the other variables at the start of the step
 *       (Hodgkin-Huxley gating): {@code x' = -B/A + (x + B/A) exp(A dt)}.</li>
 *   <li>{@code euler}, {@code rk2} (midpoint), {@code rk4}, and {@code heun} (Brian2's, for
 *       stochastic equations in Stratonovich's sense).</li>
 *   <li>White noise {@code xi} (dimension second^-0.5) enters the explicit methods as Brian2 has it:
 *       {@code x' = x + f dt + g sqrt(dt) n}, n standard normal, drawn from the counter-based
 *       generator; with {@code euler} this is Euler-Maruyama.</li>
 * </ul>
 */
final class Integration {

    /** The methods, in Brian2's names. */
    static final List<String> METHODS = List.of("exact", "exponential_euler", "euler", "rk2", "rk4", "heun");

    private final EquationModel model;
    private final KernelWriter out;
    private final Function<String, JavaText.Ref> names;
    private final Function<Expr.Call, String> calls;
    private final NoiseDraws noise;

    /** Gives each white-noise term of each variable its draw. */
    interface NoiseDraws {
        /** {@return Java text of a standard normal number for noise {@code xi} of variable {@code x}} */
        String normal(String x, String xi);
    }

    /**
     * @param names what every name other than the variables stands for in the kernel
     * @param calls Java text of calls the kernel handles itself ({@code rand()})
     */
    Integration(EquationModel model, KernelWriter out, Function<String, JavaText.Ref> names,
                Function<Expr.Call, String> calls, NoiseDraws noise) {
        this.model = model;
        this.out = out;
        this.names = names;
        this.calls = calls;
        this.noise = noise;
    }

    /** {@return the noise names an expression uses: {@code xi}, {@code xi_1}, ...} */
    static Set<String> noiseNames(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : Algebra.names(e)) {
            if (n.equals("xi") || n.startsWith("xi_")) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * {@return the method for these variables: {@code requested}, or Brian2's choice (exact where the
     * equations are linear, else euler, else heun for multiplicative noise); or null after saying, as
     * {@code problem}, why the requested one cannot integrate them}
     */
    String choose(String requested, List<String> vars, java.util.function.Consumer<String> problem) {
        if (requested != null && !requested.equals("auto")) {
            if (!METHODS.contains(requested)) {
                problem.accept("unknown method '" + requested + "'." + io.spikeforge.core.config.Suggestions.didYouMean(
                        requested, METHODS) + " Methods: auto, " + String.join(", ", METHODS));
                return null;
            }
            String why = refusal(requested, vars);
            if (why != null) {
                problem.accept("method " + requested + " cannot integrate these equations: " + why);
                return null;
            }
            return requested;
        }
        if (refusal("exact", vars) == null) {
            return "exact";
        }
        if (refusal("euler", vars) == null) {
            return "euler";
        }
        return "heun";
    }

    /** {@return why {@code method} cannot integrate {@code vars}, or null when it can} */
    String refusal(String method, List<String> vars) {
        Set<String> state = new LinkedHashSet<>(vars);
        for (String x : vars) {
            Expr f = model.derivatives.get(x);
            Set<String> xi = noiseNames(f);
            if (!xi.isEmpty()) {
                if (method.equals("exact") || method.equals("exponential_euler") || method.startsWith("rk")) {
                    return "d" + x + "/dt has white noise (" + String.join(", ", xi) + "); stochastic equations take"
                            + " euler (Euler-Maruyama, for additive noise) or heun";
                }
                Algebra.Linear l = Algebra.linear(f, xi);
                if (l == null) {
                    return "d" + x + "/dt is not linear in its noise " + String.join(", ", xi);
                }
                if (method.equals("euler")) {
                    for (Expr g : l.coefficients().values()) {
                        if (Algebra.mentions(g, state)) {
                            return "the noise of d" + x + "/dt is multiplicative (its factor depends on "
                                    + String.join(", ", Algebra.names(g).stream().filter(state::contains).toList())
                                    + "); use heun";
                        }
                    }
                }
            }
        }
        return switch (method) {
            case "exact" -> exactRefusal(vars, state);
            case "exponential_euler" -> {
                for (String x : vars) {
                    if (Algebra.linear(model.derivatives.get(x), Set.of(x)) == null) {
                        yield "d" + x + "/dt is not linear in " + x;
                    }
                }
                yield null;
            }
            default -> null;
        };
    }

    private String exactRefusal(List<String> vars, Set<String> state) {
        for (String x : vars) {
            Expr f = model.derivatives.get(x);
            if (Algebra.mentions(f, Set.of("t"))) {
                return "d" + x + "/dt depends on t";
            }
            if (Algebra.calls(f, Set.of("rand", "randn"))) {
                return "d" + x + "/dt draws random numbers";
            }
            Algebra.Linear l = Algebra.linear(f, state);
            if (l == null) {
                return "d" + x + "/dt is not linear in " + String.join(", ", vars) + "; use exponential_euler (if each"
                        + " equation is linear in its own variable), rk4 or euler";
            }
        }
        if (coupled(vars)) {
            for (String x : vars) {
                Algebra.Linear l = Algebra.linear(model.derivatives.get(x), state);
                for (Map.Entry<String, Expr> c : l.coefficients().entrySet()) {
                    if (!constant(c.getValue())) {
                        return "the equations are coupled and the coefficient of " + c.getKey() + " in d" + x
                                + "/dt is not constant; exact integration of a coupled system needs constant"
                                + " coefficients";
                    }
                }
            }
            Set<String> held = held(vars);
            for (String x : vars) {
                if (!held.contains(x) && !java.util.Collections.disjoint(reach(x, vars), held)) {
                    return x + " keeps integrating while refractory but depends on "
                            + String.join(", ", reach(x, vars).stream().filter(held::contains).toList())
                            + ", which is held (unless refractory)";
                }
            }
        }
        return null;
    }

    private Set<String> held(List<String> vars) {
        Set<String> out = new LinkedHashSet<>();
        for (String x : vars) {
            if (model.flagged(x, "unless refractory")) {
                out.add(x);
            }
        }
        return out;
    }

    /** {@return whether some variable's equation mentions another of the variables} */
    private boolean coupled(List<String> vars) {
        for (String x : vars) {
            Set<String> others = new LinkedHashSet<>(vars);
            others.remove(x);
            if (Algebra.mentions(model.derivatives.get(x), others)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the variables x's equation depends on, directly or through others, x left out} */
    private Set<String> reach(String x, List<String> vars) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(x));
        while (!todo.isEmpty()) {
            String y = todo.remove(todo.size() - 1);
            for (String z : Algebra.names(model.derivatives.get(y))) {
                if (vars.contains(z) && !z.equals(x) && seen.add(z)) {
                    todo.add(z);
                }
            }
        }
        return seen;
    }

    private boolean constant(Expr e) {
        return model.isConstant(e);
    }

    /** {@return "dt", making it a parameter of the kernel} */
    private String dt() {
        names.apply("dt");
        return "dt";
    }

    private JavaText text(Map<String, String> stage, String time) {
        return new JavaText(n -> {
            String local = stage.get(n);
            if (local != null) {
                return JavaText.Ref.code(local);
            }
            if (n.equals("t") && time != null) {
                names.apply("t");
                return JavaText.Ref.code(time);
            }
            return names.apply(n);
        }, calls);
    }

    private static Map<String, String> locals(List<String> vars, String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String x : vars) {
            m.put(x, prefix + x);
        }
        return m;
    }

    /** Writes the lines that compute {@code n_x} for each variable with {@code method}. */
    void write(String method, List<String> vars) {
        switch (method) {
            case "exact" -> exact(vars);
            case "exponential_euler" -> exponentialEuler(vars);
            case "euler" -> euler(vars);
            case "rk2" -> rk2(vars);
            case "rk4" -> rk4(vars);
            case "heun" -> heun(vars);
            default -> throw new IllegalArgumentException(method);
        }
    }

    /** The deterministic part of dx/dt, with the noise left out. */
    private Expr drift(String x) {
        Expr f = model.derivatives.get(x);
        Set<String> xi = noiseNames(f);
        return xi.isEmpty() ? f : Algebra.substitute(f, n -> xi.contains(n) ? Algebra.num(0) : null);
    }

    /** The noise terms of dx/dt: the factor of each xi. */
    private Map<String, Expr> diffusion(String x) {
        Expr f = model.derivatives.get(x);
        Set<String> xi = noiseNames(f);
        if (xi.isEmpty()) {
            return Map.of();
        }
        return Algebra.linear(f, xi).coefficients();
    }

    private String noiseTerm(String x, Map<String, String> stage, String time) {
        StringBuilder sb = new StringBuilder();
        JavaText j = text(stage, time);
        diffusion(x).forEach((xi, g) -> sb.append(" + ").append(j.of(g)).append(" * sqrtDt * ")
                .append(noise.normal(x, xi)));
        return sb.toString();
    }

    private boolean noisy(List<String> vars) {
        return vars.stream().anyMatch(x -> !diffusion(x).isEmpty());
    }

    private void sqrtDt(List<String> vars) {
        if (noisy(vars)) {
            out.line("float sqrtDt = (float) Math.sqrt(" + dt() + ");");
        }
    }

    private void euler(List<String> vars) {
        sqrtDt(vars);
        Map<String, String> v = locals(vars, "v_");
        JavaText j = text(v, null);
        for (String x : vars) {
            out.line("float n_" + x + " = v_" + x + " + " + dt() + " * " + j.of(drift(x)) + noiseTerm(x, v, null) + ";");
        }
    }

    private void rk2(List<String> vars) {
        Map<String, String> v = locals(vars, "v_");
        JavaText j = text(v, null);
        for (String x : vars) {
            out.line("float h_" + x + " = v_" + x + " + 0.5f * " + dt() + " * " + j.of(drift(x)) + ";");
        }
        JavaText h = text(locals(vars, "h_"), "(t + 0.5f * dt)");
        for (String x : vars) {
            out.line("float n_" + x + " = v_" + x + " + " + dt() + " * " + h.of(drift(x)) + ";");
        }
    }

    private void rk4(List<String> vars) {
        String[] times = {null, "(t + 0.5f * dt)", "(t + 0.5f * dt)", "(t + dt)"};
        Map<String, String> stage = locals(vars, "v_");
        for (int k = 1; k <= 4; k++) {
            JavaText j = text(stage, times[k - 1]);
            for (String x : vars) {
                out.line("float k" + k + "_" + x + " = " + dt() + " * " + j.of(drift(x)) + ";");
            }
            if (k < 4) {
                String frac = k == 3 ? "" : "0.5f * ";
                for (String x : vars) {
                    out.line("float s" + k + "_" + x + " = v_" + x + " + " + frac + "k" + k + "_" + x + ";");
                }
                stage = locals(vars, "s" + k + "_");
            }
        }
        for (String x : vars) {
            out.line("float n_" + x + " = v_" + x + " + (k1_" + x + " + 2f * k2_" + x + " + 2f * k3_" + x + " + k4_" + x
                    + ") / 6f;");
        }
    }

    private void heun(List<String> vars) {
        sqrtDt(vars);
        Map<String, String> v = locals(vars, "v_");
        JavaText j = text(v, null);
        for (String x : vars) {
            out.line("float f_" + x + " = " + j.of(drift(x)) + ";");
            out.line("float q_" + x + " = v_" + x + " + " + dt() + " * f_" + x + noiseTerm(x, v, null) + ";");
        }
        Map<String, String> p = new LinkedHashMap<>();
        vars.forEach(x -> p.put(x, "q_" + x));
        JavaText q = text(p, "(t + dt)");
        for (String x : vars) {
            StringBuilder noiseMean = new StringBuilder();
            Map<String, Expr> g = diffusion(x);
            g.forEach((xi, factor) -> noiseMean.append(" + 0.5f * (").append(j.of(factor)).append(" + ")
                    .append(q.of(factor)).append(") * sqrtDt * ").append(noise.normal(x, xi)));
            out.line("float n_" + x + " = v_" + x + " + 0.5f * " + dt() + " * (f_" + x + " + " + q.of(drift(x)) + ")"
                    + noiseMean + ";");
        }
    }

    private void exponentialEuler(List<String> vars) {
        Map<String, String> v = locals(vars, "v_");
        JavaText j = text(v, null);
        for (String x : vars) {
            Algebra.Linear l = Algebra.linear(model.derivatives.get(x), Set.of(x));
            Expr a = l.coefficient(x);
            if (a == null) {
                out.line("float n_" + x + " = v_" + x + " + " + dt() + " * " + j.of(model.derivatives.get(x)) + ";");
                continue;
            }
            dt();
            out.line("float A_" + x + " = " + j.of(a) + ";");
            if (l.rest() == null) {
                out.line("float n_" + x + " = v_" + x + " * (float) Math.exp(A_" + x + " * dt);");
            } else {
                out.line("float BA_" + x + " = " + j.of(l.rest()) + " / A_" + x + ";");
                out.line("float n_" + x + " = -BA_" + x + " + (v_" + x + " + BA_" + x + ") * (float) Math.exp(A_" + x
                        + " * dt);");
            }
        }
    }

    private void exact(List<String> vars) {
        if (coupled(vars)) {
            exactSystem(vars);
            return;
        }
        JavaText j = text(locals(vars, "v_"), null);
        for (String x : vars) {
            Expr f = model.derivatives.get(x);
            Expr num = f;
            Expr den = null;
            if (f instanceof Expr.Binary b && b.op().equals("/") && !Algebra.mentions(b.right(), Set.of(x))) {
                num = b.left();
                den = b.right();
            }
            Algebra.Linear l = Algebra.linear(num, Set.of(x));
            Expr a = l.coefficient(x);
            if (a == null) {
                out.line("float n_" + x + " = v_" + x + " + " + dt() + " * " + j.of(f) + ";");
                continue;
            }
            Expr exponent = Algebra.times(a, new Expr.Name("dt", 0));
            if (den != null) {
                exponent = new Expr.Binary("/", exponent, den, 0);
            }
            String decay = "d_" + x;
            if (constant(exponent)) {
                Expr e = exponent;
                out.scalar(decay, "float", values -> Math.exp(Evaluator.value(e, n -> model.constant(n, values))));
            } else if (model.isConstantPerElement(exponent)) {
                // A parameter given per element: each element's propagator, computed once as the scalar one is.
                Expr e = exponent;
                out.perElement("a_" + decay, lookup -> Math.exp(Evaluator.value(e, lookup::apply)));
                out.line("float " + decay + " = a_" + decay + "[i];");
            } else {
                out.line("float " + decay + " = (float) Math.exp(" + j.of(exponent) + ");");
            }
            if (l.rest() == null) {
                out.line("float n_" + x + " = v_" + x + " * " + decay + ";");
                continue;
            }
            Expr inf = Algebra.over(Algebra.neg(l.rest()), a);
            out.line("float inf_" + x + " = " + j.of(inf) + ";");
            out.line("float n_" + x + " = inf_" + x + " + (v_" + x + " - inf_" + x + ") * " + decay + ";");
        }
    }

    /** x' = P x + G b for a coupled linear system with constant coefficients. */
    private void exactSystem(List<String> vars) {
        int n = vars.size();
        Set<String> state = new LinkedHashSet<>(vars);
        Expr[][] coefficient = new Expr[n][n];
        Expr[] rest = new Expr[n];
        for (int r = 0; r < n; r++) {
            Algebra.Linear l = Algebra.linear(model.derivatives.get(vars.get(r)), state);
            for (int c = 0; c < n; c++) {
                coefficient[r][c] = l.coefficient(vars.get(c));
            }
            rest[r] = l.rest();
        }
        JavaText j = text(locals(vars, "v_"), null);
        for (int r = 0; r < n; r++) {
            if (rest[r] != null) {
                out.line("float b_" + vars.get(r) + " = " + j.of(rest[r]) + ";");
            }
        }
        PropagatorCache cache = new PropagatorCache(coefficient);
        for (int r = 0; r < n; r++) {
            String x = vars.get(r);
            Set<String> reach = reach(x, vars);
            StringBuilder sb = new StringBuilder("float n_" + x + " = ");
            boolean first = true;
            for (int c = 0; c < n; c++) {
                if (c != r && !reach.contains(vars.get(c))) {
                    continue;
                }
                String p = "P_" + r + "_" + c;
                int rr = r;
                int cc = c;
                out.scalar(p, "float", values -> cache.get(values, dt(values))[0][rr][cc]);
                sb.append(first ? "" : " + ").append(p).append(" * v_").append(vars.get(c));
                first = false;
            }
            for (int c = 0; c < n; c++) {
                if (rest[c] == null || c != r && !reach.contains(vars.get(c))) {
                    continue;
                }
                String g = "G_" + r + "_" + c;
                int rr = r;
                int cc = c;
                out.scalar(g, "float", values -> cache.get(values, dt(values))[1][rr][cc]);
                sb.append(" + ").append(g).append(" * b_").append(vars.get(c));
            }
            out.line(sb + ";");
        }
    }

    private static double dt(Map<String, Double> values) {
        return values.get("dt");
    }

    /** Computes P and G once per set of parameter values. */
    private final class PropagatorCache {
        private final Expr[][] coefficient;
        private Map<String, Double> key;
        private double[][][] value;

        PropagatorCache(Expr[][] coefficient) {
            this.coefficient = coefficient;
        }

        double[][][] get(Map<String, Double> values, double dt) {
            if (!values.equals(key)) {
                int n = coefficient.length;
                double[][] a = new double[n][n];
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        a[r][c] = coefficient[r][c] == null ? 0
                                : Evaluator.value(coefficient[r][c], x -> model.constant(x, values));
                    }
                }
                value = Propagator.of(a, dt);
                key = Map.copyOf(values);
            }
            return value;
        }
    }
}
