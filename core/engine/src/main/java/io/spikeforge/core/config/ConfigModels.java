package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.core.plugin.PluginRegistry;

import java.util.List;
import java.util.Map;

/**
 * Reads a config's own models, its top-level {@code models} section (models written as equations),
 * into registry entries, so that the config's populations and projections name them as they name
 * the registered models. The engine provides the reader; the config package only calls it.
 */
public interface ConfigModels {

    /** A reader for configs without their own models: any {@code models} section is refused. */
    ConfigModels NONE = (section, source, problems) -> {
        problems.add(new ConfigError("models", "this engine reads no models written in the config"));
        return Map.of();
    };

    /**
     * {@return the models the section defines, by the config path of each: {@code models[0]}}
     *
     * @param section  the {@code models} node as written
     * @param source   the config's file or name, which the entries name as their pack
     * @param problems receives every problem, each with its config path
     */
    Map<String, PluginRegistry.Entry> read(JsonNode section, String source, List<ConfigError> problems);
}
