package io.spikeforge.core.equations;

import java.util.Arrays;

/**
 * A physical dimension as exponents of the SI base units (metre, kilogram, second, ampere, kelvin,
 * mole, candela), in halves, since white noise {@code xi} has the dimension {@code second^-0.5}: volt is
 * {@code m^2 kg s^-3 A^-1}. Equations are checked by comparing dimensions.
 */
public final class Dimension {

    /** The names of the base units, in exponent order. */
    static final String[] BASE = {"metre", "kilogram", "second", "amp", "kelvin", "mole", "candela"};

    /** No dimension: a pure number. */
    public static final Dimension ONE = new Dimension(new int[7]);

    /** Exponents times two. */
    private final int[] halves;

    private Dimension(int[] halves) {
        this.halves = halves;
    }

    /** {@return the dimension with these whole exponents} */
    public static Dimension of(int... exponents) {
        if (exponents.length != 7) {
            throw new IllegalArgumentException("a dimension has 7 exponents, got " + exponents.length);
        }
        int[] h = new int[7];
        for (int k = 0; k < 7; k++) {
            h[k] = 2 * exponents[k];
        }
        return new Dimension(h);
    }

    /** {@return this times {@code other}} */
    public Dimension times(Dimension other) {
        int[] e = new int[7];
        for (int k = 0; k < 7; k++) {
            e[k] = halves[k] + other.halves[k];
        }
        return new Dimension(e);
    }

    /** {@return this divided by {@code other}} */
    public Dimension over(Dimension other) {
        return times(other.power(-1));
    }

    /** {@return this to the power {@code p}, or null when an exponent would not be a multiple of one half} */
    public Dimension power(double p) {
        int[] e = new int[7];
        for (int k = 0; k < 7; k++) {
            double x = halves[k] * p;
            if (Math.abs(x - Math.rint(x)) > 1e-9) {
                return null;
            }
            e[k] = (int) Math.rint(x);
        }
        return new Dimension(e);
    }

    /** {@return whether this is no dimension} */
    public boolean dimensionless() {
        return equals(ONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d && Arrays.equals(halves, d.halves);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(halves);
    }

    /** {@return an exponent (of base unit {@code k}), possibly half-integral} */
    double exponent(int k) {
        return halves[k] / 2.0;
    }

    /** {@return the dimension by its usual name (voltage, time, ...) or as SI base units} */
    @Override
    public String toString() {
        String name = Units.nameOf(this);
        return name != null ? name + (dimensionless() ? "" : " (" + siText() + ")") : siText();
    }

    /** {@return the dimension as SI base units, {@code metre^2 kilogram second^-3 amp^-1}} */
    public String siText() {
        if (dimensionless()) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 7; k++) {
            if (halves[k] != 0) {
                String e = halves[k] % 2 == 0 ? String.valueOf(halves[k] / 2) : String.valueOf(halves[k] / 2.0);
                sb.append(sb.isEmpty() ? "" : " ").append(BASE[k]).append(halves[k] == 2 ? "" : "^" + e);
            }
        }
        return sb.toString();
    }
}
