package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.Params;

/** Times in ms to whole steps, as the inputs' windows and pulses need them. */
final class Steps {

    private Steps() {
    }

    /** No end: the input lasts the whole run. */
    static final int FOREVER = Integer.MAX_VALUE;

    /**
     * @return {@code ms / dt} as a whole number of steps
     * @throws IllegalArgumentException naming {@code name} when {@code ms} is not a multiple of dt
     */
    static int of(double ms, double dt, String name) {
        double s = Math.rint(ms / dt);
        if (Math.abs(s * dt - ms) > 1e-9 * Math.max(1, Math.abs(ms))) {
            throw new IllegalArgumentException(name + " = " + ms + " ms is not a multiple of dt = " + dt + " ms");
        }
        if (s > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + " = " + ms + " ms is more than 2^31 steps");
        }
        return (int) s;
    }

    /** @return the steps [t_start, t_end) of an input with optional {@code t_end} (none: {@link #FOREVER}) */
    static int[] window(Params p, double dt) {
        int start = of(p.real("t_start"), dt, "t_start");
        int end = p.has("t_end") ? of(p.real("t_end"), dt, "t_end") : FOREVER;
        if (end < start) {
            throw new IllegalArgumentException("t_end = " + p.real("t_end") + " ms is before t_start = "
                    + p.real("t_start") + " ms");
        }
        return new int[] {start, end};
    }
}
