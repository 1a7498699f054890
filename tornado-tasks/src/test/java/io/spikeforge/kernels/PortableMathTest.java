package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logarithm and cosine written with +, -, *, / against the JDK's: within 2 ulp of Math.log over the
 * uniforms' whole range (2^-53 to 1) and far beyond, and within 2 ulp of 1 (absolute) of cos(2 pi u); the
 * normal variates they make keep the standard normal's moments. That the device gives the same doubles
 * is TornadoBackendTest's inputs contract network (OUCurrent, WienerCurrent, PoissonInput's normal branch).
 */
class PortableMathTest {

    @Test
    void logIsWithinTwoUlpOfTheJdks() {
        SplittableRandom r = new SplittableRandom(11);
        double worst = 0;
        for (int k = 0; k < 1_000_000; k++) {
            double x = switch (k % 4) {
                case 0 -> 1.0 - CounterRng.uniform(3, 5, k);              // the values normal() takes the log of
                case 1 -> Math.scalb(1 + r.nextDouble(), r.nextInt(-1020, 1020));
                case 2 -> 1 + (r.nextDouble() - 0.5) * 1e-6;             // near 1, where the log is near 0
                default -> (r.nextLong(1, 1L << 53)) * 0x1.0p-53;        // k 2^-53, the smallest included
            };
            double ulps = Math.abs(PortableMath.log(x) - Math.log(x)) / Math.ulp(Math.log(x));
            worst = Math.max(worst, ulps);
            assertTrue(ulps <= 2, "log(" + x + ") = " + PortableMath.log(x) + ", Math.log: " + Math.log(x));
        }
        assertEquals(0.0, PortableMath.log(1.0));
        assertEquals(Math.log(0x1.0p-53), PortableMath.log(0x1.0p-53), 2 * Math.ulp(Math.log(0x1.0p-53)));
        assertTrue(worst > 0, "the comparison reaches the last bits: worst " + worst + " ulp");
    }

    @Test
    void cos2piIsWithinTwoUlpOfOneOfTheJdks() {
        SplittableRandom r = new SplittableRandom(13);
        double[] edges = {0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1 - 0x1.0p-53, 0x1.0p-53, 0.25 - 0x1.0p-54,
            0.25 + 0x1.0p-54};
        for (double u : edges) {
            assertEquals(Math.cos(2 * Math.PI * u), PortableMath.cos2pi(u), 4e-16, "cos(2 pi " + u + ")");
        }
        for (int k = 0; k < 1_000_000; k++) {
            double u = k % 2 == 0 ? CounterRng.uniform(3, 6, k) : r.nextDouble();
            // Math.cos(2 * Math.PI * u) itself carries the rounding of 2 pi u: up to 2^-51 * 2 pi in the argument
            double expected = Math.cos(2 * Math.PI * u);
            assertEquals(expected, PortableMath.cos2pi(u), 4e-16 + 2 * Math.ulp(1.0), "cos(2 pi " + u + ")");
        }
        assertEquals(1.0, PortableMath.cos2pi(0));
        assertEquals(-1.0, PortableMath.cos2pi(0.5));
    }

    @Test
    void normalsKeepTheStandardNormalsMomentsAndMatchTheJdkFormula() {
        int n = 1_000_000;
        double sum = 0;
        double sq = 0;
        double fourth = 0;
        for (int k = 0; k < n; k++) {
            double z = CounterRng.normal(42, 7, k);
            double u1 = 1.0 - CounterRng.uniform(42, 7, 2L * k);
            double u2 = CounterRng.uniform(42, 7, 2L * k + 1);
            double jdk = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            assertEquals(jdk, z, 1e-14 * Math.max(1, Math.abs(jdk)), "normal " + k);
            sum += z;
            sq += z * z;
            fourth += z * z * z * z;
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        assertEquals(0, mean, 5 * Math.sqrt(1.0 / n));                  // 5 standard errors
        assertEquals(1, var, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, fourth / n, 5 * Math.sqrt(96.0 / n));          // var(z^4) = 105 - 9
    }
}
