package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.checkpoint.CheckpointFile;
import io.spikeforge.core.checkpoint.CheckpointMeta;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.spi.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code spikeforge resume CHECKPOINT}: rebuilds the network from the config stored in the checkpoint,
 * restores its state and runs it to the end, giving the spikes and weights the uninterrupted run gives.
 * The options, the stored config and the output folder are checked before the network is built.
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
        CheckpointFile.Checkpoint cp = CheckpointFile.read(checkpoint);
        CheckpointMeta meta = cp.meta();
        InputErrors errors = new InputErrors();
        long checkSteps = options.checkSteps(meta.checkEverySteps(), errors);
        NetworkSpec spec = null;
        ConfigException refused = null;
        try {
            spec = engine.spec(cp, options.threads, options.backend);
        } catch (ConfigException e) {
            refused = e;
        }
        long checkpointSteps = options.checkpointSteps(spec == null ? Double.NaN : spec.dt(),
                meta.checkpointEverySteps(), errors);
        OutputFolder folder = spec == null && options.out == null && meta.outDir().isEmpty() ? null
                : new OutputFolder(options.out, meta.outDir().isEmpty()
                        ? spec == null ? null : Path.of("out", spec.name()) : Path.of(meta.outDir()));
        if (folder != null) {
            folder.check(errors);
        }
        // The spec is null only when the stored config was refused, which throws here.
        errors.throwIfAny(refused);
        folder.create();
        Engine.Resumed resumed;
        Backend backend;
        try {
            resumed = engine.resume(cp, spec);
            backend = engine.backend(resumed.network());
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
        Path dir = folder.path();
        return Session.run(engine, resumed.network(), backend, options, dir,
                RunOptions.settings(dir, checkSteps, checkpointSteps), meta.step());
    }
}
