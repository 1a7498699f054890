package io.spikeforge.kernels;

/**
 * Functions that code generated from a model's equations calls and {@code Math} lacks: Brian2's
 * {@code exprel}, and random numbers from the counter-based generator ({@link CounterRng}), drawn from
 * (seed, step, element, draw) alone, so that any split of the elements over threads or work-items
 * draws the same numbers. Static and allocation-free, for the JVM and a device alike.
 */
public final class EquationMath {

    /** Draws per element and step that a model may make: each call site of rand() or randn() is one. */
    public static final int DRAWS = 64;

    private EquationMath() {
    }

    /** {@return (exp(x) - 1) / x, and 1 at x = 0, accurate near 0 (Brian2's exprel)} */
    public static float exprel(float x) {
        double d = x;
        if (Math.abs(d) < 1e-6) {
            return (float) (1 + d / 2 + d * d / 6);
        }
        return (float) (expm1(d) / d);
    }

    /**
     * cosh(x) as (e^x + e^-x) / 2 in double, rounded to float: the JDK's {@code Math.cosh} is a table
     * routine (FdLibm) that TornadoVM's OpenCL backend cannot compile, and OpenCL's own is not offered;
     * written with exp, both backends compute the same float. Its relative error in double is far below
     * a float's, so it gives (float) Math.cosh(x) but for rare last-bit ties.
     */
    public static float cosh(float x) {
        double d = x;
        return (float) (0.5 * (Math.exp(d) + Math.exp(-d)));
    }

    /**
     * sinh(x) for an equation's {@code sinh}, written with exp for the reason {@link #cosh} is; near 0,
     * where e^x - e^-x cancels, its Taylor series (relative error below 1e-17 for |x| &lt; 1e-3).
     */
    public static float sinh(float x) {
        double d = x;
        if (Math.abs(d) < 1e-3) {
            return (float) (d + d * d * d / 6);
        }
        return (float) (0.5 * (Math.exp(d) - Math.exp(-d)));
    }

    /**
     * exp(x) - 1 for |x| &gt;= 1e-6: {@code Math.expm1} where it is accurate, written with exp so that a
     * device compiles it (the relative error near 1e-6 is below float's).
     */
    private static double expm1(double x) {
        if (Math.abs(x) < 1e-3) {
            return x * (1 + x * (0.5 + x * (1.0 / 6 + x / 24)));
        }
        return Math.exp(x) - 1;
    }

    /** {@return a uniform number in [0, 1) for (seed, step, element, draw)} */
    public static float rand(long seed, int step, int element, int draw) {
        return (float) CounterRng.uniform(seed, step, (long) element * DRAWS + draw);
    }

    /**
     * {@return a standard normal number for (seed, step, element, draw), by Box and Muller
     * ({@link PortableMath#boxMuller}, the same on the JVM and on a device)}
     */
    public static float randn(long seed, int step, int element, int draw) {
        double u1 = CounterRng.uniform(seed, step, (long) element * DRAWS + draw);
        double u2 = CounterRng.uniform(seed, ~(long) step, (long) element * DRAWS + draw);
        return (float) PortableMath.boxMuller(1 - u1, u2);
    }
}
