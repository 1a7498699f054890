package io.spikeforge.it.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A validation band from a peer's seed-to-seed spread: mean +- 3 sample standard deviations (see
 * integration-tests/REFERENCES.md for the figures and why 3).
 *
 * @param what  the statistic, for messages
 * @param mean  the peer's mean over seeds
 * @param std   the peer's sample standard deviation over seeds
 */
record Band(String what, double mean, double std) {

    double lo() {
        return mean - 3 * std;
    }

    double hi() {
        return mean + 3 * std;
    }

    void check(double value, String context) {
        System.out.printf("%s %s = %.4f, band [%.4f, %.4f]%n", context, what, value, lo(), hi());
        assertTrue(value >= lo() && value <= hi(), context + ": " + what + " = " + value + " outside the band ["
                + lo() + ", " + hi() + "] (peer mean " + mean + ", std " + std + ")");
    }
}
