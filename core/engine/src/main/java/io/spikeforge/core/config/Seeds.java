package io.spikeforge.core.config;

import io.spikeforge.kernels.CounterRng;

import java.nio.charset.StandardCharsets;

/** The seeds of a run's parts, each derived from the run's seed and a stable name. */
public final class Seeds {

    private Seeds() {
    }

    /** @return a seed that depends on the run's seed and a stable name, never on build order */
    public static long derive(long runSeed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return CounterRng.bits(runSeed, h, 0x5EEDL);
    }
}
