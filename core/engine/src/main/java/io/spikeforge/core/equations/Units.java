package io.spikeforge.core.equations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units by name, as Brian2 and the literature write them: the SI units ({@code volt}, {@code amp},
 * {@code siemens}, {@code ohm}, {@code farad}, {@code second}, {@code hertz}, {@code metre},
 * {@code mole}, ...), each with the SI prefixes ({@code mV}, {@code nS}, {@code pF}, {@code Mohm},
 * {@code umetre}, ...), and Brian2's short forms ({@code ms}, {@code mV}, {@code nA}, {@code cm}, ...).
 * A unit expression combines them: {@code mV/ms}, {@code mS/cm**2}, {@code nA*Mohm}, {@code 1/ms}, {@code 1}.
 *
 * <p>The engine computes in its own units, BrainPy's: ms, mV, nA, uS, MOhm (and from them nF for a
 * capacitance, pC for a charge, 1/ms for a rate, um for a length). Every value is converted to them
 * once, when it is read, by {@link #internal(Unit)}: a quantity of a dimension is stored as a multiple
 * of the engine's unit of that dimension.
 */
public final class Units {

    /** A unit: how many SI units of its dimension one of it is. */
    public record Unit(double scale, Dimension dimension) {

        /** {@return this times {@code other}} */
        public Unit times(Unit other) {
            return new Unit(scale * other.scale, dimension.times(other.dimension));
        }

        /** {@return this divided by {@code other}} */
        public Unit over(Unit other) {
            return new Unit(scale / other.scale, dimension.over(other.dimension));
        }

        /** {@return this to a power, or null when the dimension has no such power} */
        public Unit power(double p) {
            Dimension d = dimension.power(p);
            return d == null ? null : new Unit(Math.pow(scale, p), d);
        }
    }

    /** The engine's base scales, per SI base unit: micrometre, microgram, ms, nA, K, mol, cd. */
    private static final double[] ENGINE = {1e-6, 1e-9, 1e-3, 1e-9, 1, 1, 1};

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();
    private static final Map<Dimension, String> NAMES = new LinkedHashMap<>();
    private static final Map<String, Double> PREFIXES = new LinkedHashMap<>();

    static {
        String[] p = {"y", "z", "a", "f", "p", "n", "u", "m", "c", "d", "", "da", "h", "k", "M", "G", "T", "P"};
        double[] v = {1e-24, 1e-21, 1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e6, 1e9, 1e12,
                1e15};
        for (int k = 0; k < p.length; k++) {
            PREFIXES.put(p[k], v[k]);
        }
        Dimension m = base(0);
        Dimension kg = base(1);
        Dimension s = base(2);
        Dimension a = base(3);
        Dimension volt = m.power(2).times(kg).times(s.power(-3)).times(a.power(-1));
        Dimension ohm = volt.over(a);
        Dimension siemens = ohm.power(-1);
        Dimension farad = a.times(s).over(volt);
        Dimension coulomb = a.times(s);
        prefixed("metre", m, "meter");
        prefixed("gram", kg, 1e-3);
        prefixed("second", s);
        prefixed("amp", a, "ampere");
        prefixed("kelvin", base(4));
        prefixed("mole", base(5), "mol");
        prefixed("molar", base(5).times(m.power(-3)), 1e3, "M");
        prefixed("candela", base(6));
        prefixed("volt", volt);
        prefixed("ohm", ohm);
        prefixed("siemens", siemens);
        prefixed("farad", farad);
        prefixed("coulomb", coulomb);
        prefixed("hertz", s.power(-1), "Hz");
        prefixed("joule", volt.times(coulomb));
        prefixed("watt", volt.times(a));
        prefixed("liter", m.power(3), 1e-3, "litre", "l");
        UNITS.put("radian", new Unit(1, Dimension.ONE));
        // Brian2's and the literature's short forms.
        for (String pre : List.of("", "m", "u", "n", "p", "k", "M", "G")) {
            alias(pre + "V", pre + "volt");
            alias(pre + "A", pre + "amp");
            alias(pre + "S", pre + "siemens");
            alias(pre + "F", pre + "farad");
            alias(pre + "s", pre + "second");
            alias(pre + "Ohm", pre + "ohm");
            alias(pre + "C", pre + "coulomb");
            alias(pre + "m", pre + "metre");
        }
        for (String pre : List.of("c", "u", "m", "n", "k")) {
            alias(pre + "m", pre + "metre");
        }
        alias("Mohm", "Mohm");
        alias("MOhm", "Mohm");
        alias("kohm", "kohm");
        alias("g", "gram");
        alias("kg", "kgram");
        alias("mM", "mmolar");
        alias("uM", "umolar");
        alias("nM", "nmolar");
        NAMES.put(volt, "voltage");
        NAMES.put(s, "time");
        NAMES.put(a, "current");
        NAMES.put(siemens, "conductance");
        NAMES.put(ohm, "resistance");
        NAMES.put(farad, "capacitance");
        NAMES.put(coulomb, "charge");
        NAMES.put(s.power(-1), "frequency");
        NAMES.put(m, "length");
        NAMES.put(m.power(2), "area");
        NAMES.put(volt.over(s), "voltage per time");
        NAMES.put(a.over(m.power(2)), "current density");
        NAMES.put(siemens.over(m.power(2)), "conductance density");
        NAMES.put(farad.over(m.power(2)), "capacitance density");
        NAMES.put(base(5).times(m.power(-3)), "concentration");
        NAMES.put(Dimension.ONE, "no dimension (1)");
    }

    private Units() {
    }

    private static Dimension base(int k) {
        int[] e = new int[7];
        e[k] = 1;
        return Dimension.of(e);
    }

    private static void prefixed(String name, Dimension d, String... aliases) {
        prefixed(name, d, 1, aliases);
    }

    private static void prefixed(String name, Dimension d, double scale, String... aliases) {
        for (Map.Entry<String, Double> p : PREFIXES.entrySet()) {
            Unit u = new Unit(p.getValue() * scale, d);
            UNITS.putIfAbsent(p.getKey() + name, u);
            for (String a : aliases) {
                UNITS.putIfAbsent(p.getKey() + a, u);
            }
        }
    }

    private static void alias(String alias, String of) {
        Unit u = UNITS.get(of);
        if (u != null) {
            UNITS.putIfAbsent(alias, u);
        }
    }

    /**
     * {@return the dimension of a unit as a model's variables list it ({@code mV}, {@code 1}, {@code mV/ms}),
     * or null when it is none}
     */
    static Dimension dimensionOf(String text) {
        if (text == null || text.isBlank() || text.strip().equals("1")) {
            return Dimension.ONE;
        }
        try {
            return new Checker(new ModelScope()).dimension(ExprParser.parse(text));
        } catch (EquationSyntaxException e) {
            return null;
        }
    }

    /** {@return the unit of that name, or null} */
    public static Unit named(String name) {
        return UNITS.get(name);
    }

    /** {@return every unit name, for suggestions} */
    public static java.util.Set<String> names() {
        return UNITS.keySet();
    }

    /** {@return the usual name of a dimension (voltage, time, ...), or null} */
    static String nameOf(Dimension d) {
        return NAMES.get(d);
    }

    /** {@return the engine's unit of this dimension: how many SI units one of them is} */
    public static double engineScale(Dimension d) {
        double s = 1;
        for (int k = 0; k < 7; k++) {
            s *= Math.pow(ENGINE[k], d.exponent(k));
        }
        return s;
    }

    /** {@return the factor that turns a value in {@code unit} into the engine's unit of its dimension} */
    public static double internal(Unit unit) {
        // Every scale is a power of ten (times 1e-3 for the gram), so the exact factor has a few digits; rounding
        // to 15 keeps 1 mV at exactly 1 rather than 1.0000000000000002 after the powers and the division.
        double raw = unit.scale() / engineScale(unit.dimension());
        return new java.math.BigDecimal(raw).round(new java.math.MathContext(15)).doubleValue();
    }

    /**
     * {@return the engine's unit of a dimension, as text: mV, ms, nA, uS, MOhm, nF, mV/ms, ...}
     */
    public static String engineUnitText(Dimension d) {
        for (String name : List.of("mV", "ms", "nA", "uS", "Mohm", "nF", "pC", "um", "mM", "1")) {
            Unit u = name.equals("1") ? new Unit(1, Dimension.ONE) : UNITS.get(name);
            if (u != null && u.dimension().equals(d) && Math.abs(internal(u) - 1) < 1e-12) {
                return name;
            }
        }
        return d.siText() + " (scaled by " + engineScale(d) + ")";
    }
}
