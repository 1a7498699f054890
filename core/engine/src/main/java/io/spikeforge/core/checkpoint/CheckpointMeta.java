package io.spikeforge.core.checkpoint;

import io.spikeforge.core.config.ConfigOrigin;

/**
 * What a checkpoint records besides the state: how to rebuild the network and how the run was set up.
 *
 * @param origin               the config text, its source and the overrides it was read with
 * @param step                 the step the run continues from
 * @param outDir               the output directory of the run, or empty
 * @param checkpointEverySteps the checkpoint interval in steps, 0 for none
 * @param checkEverySteps      the NaN check interval in steps, 0 for none
 */
public record CheckpointMeta(ConfigOrigin origin, long step, String outDir, long checkpointEverySteps,
                             long checkEverySteps) {
}
