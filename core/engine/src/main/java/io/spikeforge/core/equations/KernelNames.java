package io.spikeforge.core.equations;

import io.spikeforge.kernels.EquationMath;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the names of a model stand for in one generated kernel, adding the kernel's parameters as
 * they are first used: a shared parameter {@code tau} is the float argument {@code p_tau}; a unit is a
 * literal; {@code t} is the step's time, from the clock; {@code dt} and {@code N} are arguments;
 * {@code i} is the item. Element variables and the like are added by the kind's generator with
 * {@link #bind}. Random numbers ({@code rand()}, {@code randn()}, {@code xi}) get one draw of the
 * counter-based generator each, numbered in the order they appear.
 */
final class KernelNames {

    private final EquationModel model;
    private final KernelWriter out;
    private final Map<String, String> bound = new LinkedHashMap<>();
    private int draws;

    KernelNames(EquationModel model, KernelWriter out) {
        this.model = model;
        this.out = out;
    }

    /** Makes {@code name} stand for {@code java} in this kernel. */
    void bind(String name, String java) {
        bound.put(name, java);
    }

    /** {@return what {@code name} stands for} */
    JavaText.Ref ref(String name) {
        String b = bound.get(name);
        if (b != null) {
            return JavaText.Ref.code(b);
        }
        switch (name) {
            case "t" -> {
                clock();
                return JavaText.Ref.code("t");
            }
            case "dt" -> {
                dt();
                return JavaText.Ref.code("dt");
            }
            case "i" -> {
                return JavaText.Ref.code("((float) i)");
            }
            case "N" -> {
                out.scalar("n", "float", v -> v.get("N"));
                return JavaText.Ref.code("n");
            }
            default -> {
            }
        }
        Symbol s = model.scope.find(name);
        if (s == null) {
            return null;
        }
        return switch (s.kind()) {
            case CONSTANT -> JavaText.Ref.number(s.value());
            case SHARED -> {
                out.scalar("p_" + name, "float", v -> v.get(name));
                yield JavaText.Ref.code("p_" + name);
            }
            default -> null;
        };
    }

    void dt() {
        out.scalar("dt", "float", v -> v.get("dt"));
    }

    /** Declares the step and its time at the start of the kernel. */
    void clock() {
        dt();
        out.array("clock", "int[]", false, false, "clock");
        out.prologue("int step = clock[0];");
        out.prologue("float t = (float) (step * (double) dt);");
    }

    /**
     * Numbers this kernel's draws from {@code first} on, after those of another kernel that draws for the
     * same elements in the same step (a rule's on_pre before its on_post), so that the two never share one.
     */
    void drawFrom(int first) {
        draws = first;
    }

    /** {@return the number the next draw takes} */
    int nextDraw() {
        return draws;
    }

    /** {@return Java text of the next draw of a standard normal ({@code normal}) or uniform number} */
    String draw(boolean normal) {
        if (draws >= EquationMath.DRAWS) {
            throw new IllegalStateException("a model may draw " + EquationMath.DRAWS
                    + " random numbers per element and step");
        }
        clock();
        out.scalar("seed", "long", v -> v.get("seed"));
        return "EquationMath." + (normal ? "randn" : "rand") + "(seed, step, i, " + draws++ + ")";
    }

    /** {@return the Java text of a call the kernel handles itself (rand, randn), or null} */
    String call(Expr.Call c) {
        return switch (c.function()) {
            case "rand" -> draw(false);
            case "randn" -> draw(true);
            default -> null;
        };
    }

    /** {@return a writer of Java text with these names} */
    JavaText text() {
        return new JavaText(this::ref, this::call);
    }

    /** {@return an integrator that writes into this kernel} */
    Integration integration() {
        return new Integration(model, out, this::ref, this::call, (x, xi) -> draw(true));
    }

    /** {@return whether the kernel reads the clock} */
    boolean usesClock() {
        return out.arrays().stream().anyMatch(a -> a.java().equals("clock"));
    }
}
