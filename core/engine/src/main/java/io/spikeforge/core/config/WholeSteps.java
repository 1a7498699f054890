package io.spikeforge.core.config;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A run takes whole steps: a duration that is not a multiple of dt would run a step more or less than
 * it says (10.05 ms at 0.1 ms ran 101 steps), and one shorter than dt would run none and succeed.
 * Both are refused, blamed on the command-line option when one set a value, else on {@code duration}.
 */
final class WholeSteps {

    private WholeSteps() {
    }

    /**
     * @param dt       the time step in ms, NaN when it was refused (nothing is checked then)
     * @param duration the simulated time in ms, NaN when it was refused
     * @param valid    the command line's values that replaced the config's
     */
    static void check(double dt, double duration, Overrides valid, Problems problems) {
        if (!(dt > 0) || !(duration > 0)) {
            return;
        }
        double steps = duration / dt;
        long whole = Math.round(steps);
        // The step counter's own limit is the resource check's to report, with its advice.
        if (whole > Integer.MAX_VALUE) {
            return;
        }
        String at = valid.duration() != null ? "--duration" : valid.dt() != null ? "--dt" : "duration";
        String of = "a duration of " + ms(duration) + " ms";
        String step = "dt = " + ms(dt) + " ms";
        double tolerance = Math.max(1e-9, 1e-12 * whole);
        if (steps < 1 - tolerance) {
            problems.add(at, of + " is shorter than one step of " + step + ", so the run would take no step; give"
                    + " at least " + ms(dt) + " ms");
        } else if (Math.abs(steps - whole) > tolerance) {
            long below = (long) Math.floor(steps);
            String lower = below == 0 ? "" : ms(below * dt) + " ms or ";
            problems.add(at, of + " is not a whole number of steps of " + step + ": " + lower + ms((below + 1) * dt)
                    + " ms would be");
        }
    }

    /** @return a time in ms without float noise: 3 * 0.1 is "0.3" */
    private static String ms(double v) {
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
