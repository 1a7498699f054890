package io.spikeforge.core.run;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The first NaN or infinity found in a network's state. Steps are numbered as in the README: step n
 * advances the network from t = n dt to (n + 1) dt. A check after every step pins the step down; a
 * check every k steps knows only the span since the last clean check.
 *
 * @param ownerKind population, input or projection
 * @param owner     its name
 * @param variable  the state variable
 * @param index     the element: a neuron for per-neuron state, a synapse or slot otherwise
 * @param value     the bad value
 * @param firstStep the first step that may have made it (the step after the last clean check)
 * @param lastStep  the step after which it was found; -1 when the initial state holds it
 * @param dt        the time step in ms, to state times
 */
public record NumericalFault(String ownerKind, String owner, String variable, int index, float value, long firstStep,
                             long lastStep, double dt) {

    /** @return one line naming where and when, and what to do */
    public String message() {
        String element = ownerKind.equals("population") ? "neuron" : "element";
        String what = ownerKind + " '" + owner + "', variable '" + variable + "', " + element + " " + index + " is "
                + value;
        String when;
        if (lastStep < 0) {
            when = "in the initial state";
        } else if (firstStep == lastStep) {
            when = "in step " + lastStep + " (t = " + ms(lastStep) + " to " + ms(lastStep + 1) + " ms)";
        } else {
            when = "between steps " + firstStep + " and " + lastStep + " (t = " + ms(firstStep) + " to " + ms(lastStep + 1)
                    + " ms; --check-every 1 finds the step)";
        }
        return "numerical fault " + when + ": " + what + ". Lower dt or check the model's parameters";
    }

    /** @return the time at the start of {@code step} in ms, without float noise: 100 * 0.1 is "10" */
    private String ms(long step) {
        return new BigDecimal(step * dt).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
