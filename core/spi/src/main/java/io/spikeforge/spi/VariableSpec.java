package io.spikeforge.spi;

/**
 * A state variable that a model allocates through {@link BuildContext#floats} or
 * {@link BuildContext#ints}.
 *
 * @param name the name monitors and initializers use, for example {@code V}
 * @param unit the unit, for example {@code mV}, {@code uS}, {@code 1} for dimensionless
 * @param description what the variable holds
 */
public record VariableSpec(String name, String unit, String description) {
}
