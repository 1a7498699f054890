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
     * series to s^25 (the remainder below 1e-19 of the value)
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
        double p = 1.0 / 25;
        p = p * s2 + 1.0 / 23;
        p = p * s2 + 1.0 / 21;
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
     * +-cos(2 pi a)), then the Taylor series of cos(2 pi a) for a &lt;= 1/8 or of sin(2 pi (1/4 - a)) above,
     * at arguments up to pi/4, to the 20th power (the remainder below 1e-20)
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
            double c = 1 - x2 * (1.0 / 380);
            c = 1 - x2 * (1.0 / 306) * c;
            c = 1 - x2 * (1.0 / 240) * c;
            c = 1 - x2 * (1.0 / 182) * c;
            c = 1 - x2 * (1.0 / 132) * c;
            c = 1 - x2 * (1.0 / 90) * c;
            c = 1 - x2 * (1.0 / 56) * c;
            c = 1 - x2 * (1.0 / 30) * c;
            c = 1 - x2 * (1.0 / 12) * c;
            c = 1 - x2 * 0.5 * c;
            return sign * c;
        }
        double x = TWO_PI * (0.25 - a);
        double x2 = x * x;
        double c = 1 - x2 * (1.0 / 420);
        c = 1 - x2 * (1.0 / 342) * c;
        c = 1 - x2 * (1.0 / 272) * c;
        c = 1 - x2 * (1.0 / 210) * c;
        c = 1 - x2 * (1.0 / 156) * c;
        c = 1 - x2 * (1.0 / 110) * c;
        c = 1 - x2 * (1.0 / 72) * c;
        c = 1 - x2 * (1.0 / 42) * c;
        c = 1 - x2 * (1.0 / 20) * c;
        c = 1 - x2 * (1.0 / 6) * c;
        return sign * (x * c);
    }

    /**
     * {@return a standard normal value from two uniforms by Box and Muller: sqrt(-2 ln u1) cos(2 pi u2)},
     * u1 in (0, 1], u2 in [0, 1); {@code Math.sqrt} is correctly rounded on both backends
     */
    public static double boxMuller(double u1, double u2) {
        return Math.sqrt(-2 * log(u1)) * cos2pi(u2);
    }
}
