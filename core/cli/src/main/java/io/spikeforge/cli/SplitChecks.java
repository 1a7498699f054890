package io.spikeforge.cli;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.network.NetworkBuilder;
import io.spikeforge.core.split.NeuronPartition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What {@code run --processes N} checks before it starts any process, reported with the other options' mistakes. */
final class SplitChecks {

    private SplitChecks() {
    }

    /**
     * @param spec the config, or null when it was refused (the checks that need it are skipped)
     * @return MPJ Express's home, or null when it is missing (reported)
     */
    static Path check(int processes, List<String> hosts, NetworkSpec spec, RunOptions options, InputErrors errors) {
        if (spec != null) {
            NetworkBuilder.splitProblems(spec, processes).forEach(e -> errors.add(e.path(), e.message()));
        } else {
            String refusal = NeuronPartition.refusal(processes);
            if (refusal != null) {
                errors.add("--processes", refusal);
            }
        }
        if (hosts != null && hosts.stream().anyMatch(String::isBlank)) {
            errors.add("--hosts", "an empty host name in " + String.join(",", hosts) + "; allowed: host names or"
                    + " addresses separated by commas");
        }
        if (options.checkpointEveryMs != null) {
            errors.add("--checkpoint-every", "a network split over processes writes no checkpoints yet; run it in one"
                    + " process to checkpoint it");
        }
        try {
            Path mpj = SplitLauncher.mpjHome();
            if (mpj == null) {
                errors.add("--processes", "needs MPJ Express, which is not installed: install Debian's libmpj-java"
                        + " (apt-get install libmpj-java) or set MPJ_HOME to an MPJ Express 0.44 folder whose lib/"
                        + " also holds log4j-1.2.jar, commons-cli.jar, commons-io.jar and commons-codec.jar");
            }
            return mpj;
        } catch (IOException e) {
            errors.add("--processes", "cannot prepare MPJ Express's folder: " + e.getMessage());
            return null;
        }
    }
}
