package io.spikeforge.core.config;

/**
 * Where a validated config came from: enough to read it again to the same spec, which is how a
 * checkpoint rebuilds its network.
 *
 * @param text        the YAML text
 * @param source      the file (or other source) named in messages
 * @param defaultName the run name when the config gives none
 * @param overrides   the command-line values that replaced the config's
 */
public record ConfigOrigin(String text, String source, String defaultName, Overrides overrides) {
}
