package io.spikeforge.core.config;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.Params;

/**
 * A validated reference to a model in the config: the factory it names and its parameter values.
 *
 * @param factory the model
 * @param params  validated values, defaults filled in
 * @param path    where in the config it was declared, for example {@code projections[0].syn}
 * @param pack    the pack that contributed the model, for messages about it
 */
public record ModelRef(ModelFactory factory, Params params, String path, String pack) {

    /** @return the model's config name */
    public String name() {
        return factory.name();
    }
}
