package io.spikeforge.core.run;

/**
 * The first NaN or infinity found in a network's state.
 *
 * @param ownerKind   population, input or projection
 * @param owner       its name
 * @param variable    the state variable
 * @param index       the element: a neuron for per-neuron state, a synapse or slot otherwise
 * @param value       the bad value
 * @param step        the step after which the check found it
 * @param lastFinite  the step of the previous check, when every value was finite (-1 for none)
 * @param dt          the time step in ms, to state times
 */
public record NumericalFault(String ownerKind, String owner, String variable, int index, float value, long step,
                             long lastFinite, double dt) {

    /** @return one line naming where and when, and what to do */
    public String message() {
        String element = ownerKind.equals("population") ? "neuron" : "element";
        String since = lastFinite < 0 ? "" : "; every value was finite after step " + lastFinite
                + (step - lastFinite > 1 ? " (use --check-every 1 to find the exact step)" : "");
        return "numerical fault after step " + step + " (t = " + fmt(step * dt) + " ms): " + ownerKind + " '" + owner
                + "', variable '" + variable + "', " + element + " " + index + " is " + value + since
                + ". Lower dt or check the model's parameters";
    }

    private static String fmt(double ms) {
        return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.format(java.util.Locale.ROOT, "%.4g", ms);
    }
}
