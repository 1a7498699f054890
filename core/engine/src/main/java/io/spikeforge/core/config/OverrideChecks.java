package io.spikeforge.core.config;

import io.spikeforge.core.plugin.PluginRegistry;

/**
 * Checks the command line's values ({@link Overrides}) by the rules of the config keys they replace,
 * and blames each refusal on its option ({@code --threads}, not {@code backend.threads}): the user
 * typed it there, and the config file may be right.
 */
final class OverrideChecks {

    private OverrideChecks() {
    }

    /**
     * @param problems where each refused value is reported, at its option
     * @return the overrides with every refused value left out (null), so that the config's own value is
     *         checked in its place and nothing is reported twice
     */
    static Overrides check(Overrides o, PluginRegistry registry, Problems problems) {
        Double duration = o.duration() == null ? null
                : TopLevelSection.DURATION.check(o.duration(), "--duration", problems);
        Double dt = o.dt() == null ? null : TopLevelSection.DT.check(o.dt(), "--dt", problems);
        Integer threads = null;
        if (o.threads() != null && TopLevelSection.THREADS.check(o.threads(), "--threads", problems) != null) {
            threads = o.threads();
        }
        String backend = o.backend();
        String backendProblem = backend == null ? null : TopLevelSection.backendProblem(backend, registry);
        if (backendProblem != null) {
            problems.add("--backend", backendProblem);
            backend = null;
        }
        String device = o.device();
        String deviceProblem = device == null ? null : TopLevelSection.deviceProblem(device);
        if (deviceProblem != null) {
            problems.add("--device", deviceProblem);
            device = null;
        }
        return new Overrides(duration, dt, o.seed(), threads, backend, device);
    }
}
