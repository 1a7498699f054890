package io.spikeforge.core.sim;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.PlasticityModel;

/**
 * A built projection.
 *
 * @param spec           its config
 * @param comm           the comm holding the weights
 * @param plasticity     the rule, or null
 * @param initialWeights weights at the start of the run, in connectivity order
 */
public record ProjectionRuntime(NetworkSpec.Projection spec, CommModel.Comm comm, PlasticityModel.Plasticity plasticity,
                                float[] initialWeights) {

    /** @return the projection's name */
    public String name() {
        return spec.name();
    }
}
