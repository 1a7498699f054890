package io.spikeforge.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * One row of the results table: a run's varied values, its seed, what it kept, its wall time and how it
 * ended.
 *
 * @param id       the run's name ({@code run-0007})
 * @param key      the digest of its config (see {@link RunPoint#key})
 * @param values   the axes' values, by config path, as JSON text
 * @param seed     the run's seed, or null when its config was refused
 * @param kept     the kept quantities by column: Double, Long, Boolean, String, or double[] / long[]
 * @param wallS    wall time of the whole run on its executor (build, simulation, statistics), in s
 * @param exitCode what {@code spikeforge run} of the same config exits with: 0 completed, 1 failed, 2 bad
 *                 config, 3 NaN or infinity in the state
 * @param status   {@code ok}, {@code config_error}, {@code numerical_fault} or {@code failed}
 * @param error    what went wrong, or null
 * @param host     the executor's host that ran it
 */
record RunRow(String id, String key, LinkedHashMap<String, String> values, Long seed, LinkedHashMap<String, Object> kept,
              double wallS, int exitCode, String status, String error, String host) implements Serializable {

    /** @return this row renamed for a sweep where its run has another place */
    RunRow as(String newId) {
        return new RunRow(newId, key, values, seed, kept, wallS, exitCode, status, error, host);
    }
}
