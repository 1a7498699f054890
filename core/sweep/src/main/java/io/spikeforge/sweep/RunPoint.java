package io.spikeforge.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One run of a sweep, as it travels to an executor: its config (small text: the network is built there,
 * never shipped) and what to keep of it.
 *
 * @param index   its place in the sweep's run order, from 0
 * @param id      its name, {@code run-0007}, and its folder under {@code runs/}
 * @param key     a digest of its config: a restarted sweep skips the runs whose key it has a row for
 * @param values  the axes' values of this run, by config path (as JSON text)
 * @param config  the run's config, YAML: exactly what {@code runs/<id>/config.yaml} holds
 * @param source  where the config's relative file names (.npy parameters) are looked up from: the base config
 * @param keep    what the run keeps
 * @param outputs the folder the run writes its full outputs into, or null to write none
 */
record RunPoint(int index, String id, String key, LinkedHashMap<String, String> values, String config, String source,
                List<Keep> keep, String outputs) implements Serializable {
}
