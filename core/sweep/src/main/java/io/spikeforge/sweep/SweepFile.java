package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sweep, read and checked: the base config, what is changed in every run, the axes, and what is kept.
 *
 * @param source   the sweep file, as error messages name it
 * @param name     the sweep's name (its {@code name}, else the file's base name)
 * @param base     the base config file, absolute
 * @param baseName the base config's run name
 * @param baseTree the base config as a tree (not changed)
 * @param fixed    values set in every run ({@code set}), by config path
 * @param axes     the varied values, in the file's order
 * @param sample   how sampled axes are drawn, or null when every axis is a grid
 * @param keep     the kept quantities, in the file's order
 * @param monitors whether each run writes its full outputs (monitors' .npy files and summary.json)
 */
record SweepFile(String source, String name, Path base, String baseName, ObjectNode baseTree,
                 Map<ConfigPath, JsonNode> fixed, List<Axis> axes, Sample sample, List<Keep> keep, boolean monitors) {

    /**
     * @param method {@code random} (independent uniform draws) or {@code latin_hypercube} (each axis's range
     *               cut into n equal strata, one draw in each, strata paired at random across axes)
     * @param n      how many points are drawn
     * @param seed   the seed of the draws: the same seed draws the same points
     */
    record Sample(String method, int n, long seed) {
    }
}
