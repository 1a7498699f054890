package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.checkpoint.CheckpointMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code spikeforge resume CHECKPOINT}: rebuilds the network from the config stored in the checkpoint,
 * restores its state and runs it to the end, giving the spikes and weights the uninterrupted run gives.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from a checkpoint written with --checkpoint-every.")
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "The checkpoint file (DIR/checkpoint.sfck).")
    Path checkpoint;

    @Mixin
    RunOptions options;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        options.applyLogLevel();
        Engine engine = engineOptions.engine();
        Engine.Resumed resumed = engine.resume(checkpoint, options.threads, options.backend);
        CheckpointMeta meta = resumed.meta();
        long checkpointSteps = options.checkpointSteps(resumed.network().spec().dt(), meta.checkpointEverySteps());
        long checkSteps = options.checkSteps(meta.checkEverySteps());
        Path dir = options.out != null ? options.out
                : meta.outDir().isEmpty() ? Path.of("out", resumed.network().spec().name()) : Path.of(meta.outDir());
        return Session.run(engine, resumed.network(), options, dir,
                RunOptions.settings(dir, checkSteps, checkpointSteps), meta.step());
    }
}
