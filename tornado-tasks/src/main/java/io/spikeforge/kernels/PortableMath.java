package io.spikeforge.kernels;

/**
 * The logarithm and cosine that normal variates need, computed from +, -, *, / and comparisons only, so
 * that the JVM and an OpenCL device give the same doubles bit for bit: OpenCL's {@code log} and
 * {@code cos} of a double are allowed a few ulp and need not round as {@code Math.log} and
 * {@code Math.cos} do (on PoCL they differ in the last bit for some arguments). Each operation here is
 * IEEE-754 double arithmetic, correctly rounded on both, in the same order on both; the device backend's
 * exact mode keeps the compiler from fusing a*b+c. Accurate to about 2 ulp (tested against the JDK's).
 */
public final class PortableMath {

    private static final double LN2 = 0.6931471805599453;
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double SQRT_TWO = 1.4142135623730951;
    private static final double TWO_PI = 6.283185307179586;

    private PortableMath() {
    }

    /**
     * {@return the natural logarithm of x, for finite x &gt; 0}: x = f * 2^e with f in [sqrt(1/2), sqrt(2)]
     * by exact halvings or doublings, then ln f = 2 atanh(s), s = (f - 1) / (f + 1), |s| &lt; 0.172, by its
     * series to s^21 (the first term left out, s^23 / 23, is below 1e-18 of the value)
     */
    public static double log(double x) {
        int e = 0;
        while (x < SQRT_HALF) {
            x *= 2;
            e--;
        }
        while (x > SQRT_TWO) {
            x *= 0.5;
            e++;
        }
        double s = (x - 1) / (x + 1);
        double s2 = s * s;
        double p = 1.0 / 21;
        p = p * s2 + 1.0 / 19;
        p = p * s2 + 1.0 / 17;
        p = p * s2 + 1.0 / 15;
        p = p * s2 + 1.0 / 13;
        p = p * s2 + 1.0 / 11;
        p = p * s2 + 1.0 / 9;
        p = p * s2 + 1.0 / 7;
        p = p * s2 + 1.0 / 5;
        p = p * s2 + 1.0 / 3;
        double lnF = 2 * s + 2 * s * (s2 * p);
        return e * LN2 + lnF;
    }

    /**
     * {@return cos(2 pi u) for u in [0, 1)}: folded by exact subtractions onto a in [0, 1/4] (cos(2 pi u) =
     * +-cos(2 pi a)), then the Taylor polynomial of cos(2 pi a) for a &lt;= 1/8 (to x^16) or of
     * sin(2 pi (1/4 - a)) above (to x^17), at arguments x up to pi/4 (the first terms left out below 3e-18
     * of the value)
     */
    public static double cos2pi(double u) {
        double a = u < 0.5 ? u : 1 - u;        // cos(2 pi u) = cos(2 pi (1 - u)); a in [0, 1/2]
        double sign = 1;
        if (a > 0.25) {                         // cos(2 pi a) = -cos(2 pi (1/2 - a))
            a = 0.5 - a;
            sign = -1;
        }
        if (a <= 0.125) {
            double x = TWO_PI * a;
            double x2 = x * x;
            double c = 1.0 / 20922789888000L;   // 16!
            c = c * x2 - 1.0 / 87178291200L;    // 14!
            c = c * x2 + 1.0 / 479001600;       // 12!
            c = c * x2 - 1.0 / 3628800;         // 10!
            c = c * x2 + 1.0 / 40320;
            c = c * x2 - 1.0 / 720;
            c = c * x2 + 1.0 / 24;
            c = c * x2 - 0.5;
            c = c * x2 + 1;
            return sign * c;
        }
        double x = TWO_PI * (0.25 - a);
        double x2 = x * x;
        double c = 1.0 / 355687428096000L;      // 17!
        c = c * x2 - 1.0 / 1307674368000L;      // 15!
        c = c * x2 + 1.0 / 6227020800L;         // 13!
        c = c * x2 - 1.0 / 39916800;            // 11!
        c = c * x2 + 1.0 / 362880;
        c = c * x2 - 1.0 / 5040;
        c = c * x2 + 1.0 / 120;
        c = c * x2 - 1.0 / 6;
        return sign * (x + x * (x2 * c));
    }

    /**
     * {@return a standard normal value from two uniforms by Box and Muller: sqrt(-2 ln u1) cos(2 pi u2)},
     * u1 in (0, 1], u2 in [0, 1); {@code Math.sqrt} is correctly rounded on both backends
     */
    public static double boxMuller(double u1, double u2) {
        return Math.sqrt(-2 * log(u1)) * cos2pi(u2);
    }
}
