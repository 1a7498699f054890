package io.spikeforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.core.Engine;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.split.Split;
import io.spikeforge.core.split.SpikeExchange;
import io.spikeforge.core.split.SplitOutputs;
import io.spikeforge.spi.Backend;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code spikeforge run} in one process of a split network ({@link SplitRank}): builds this process's
 * part, runs it, writes its outputs in a folder of its own, and, once every process has, rank 0 writes
 * the run's outputs as one process would have ({@link SplitOutputs}).
 */
final class SplitRun {

    private SplitRun() {
    }

    static int run(Engine engine, NetworkSpec spec, RunOptions options, Path dir, long checkSteps) throws Exception {
        SpikeExchange exchange = SplitRank.exchange();
        int rank = exchange.rank();
        boolean plot = options.plot;
        options.plot = false;
        if (rank > 0) {
            options.quiet = true;
            options.applyLogLevel();
        }
        Network network = engine.build(spec, new Split(exchange));
        Backend backend = engine.backend(network);
        Path own = SplitOutputs.rankDir(dir, rank);
        int code = Session.run(engine, network, backend, options, own, RunOptions.settings(own, checkSteps, 0), -1,
                false);
        SplitOutputs.writeParts(own, network);
        exchange.barrier();
        if (rank != 0) {
            return code;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = new ObjectMapper().readValue(own.resolve("summary.json").toFile(), Map.class);
        SplitOutputs.merge(dir, network, summary, exchange.processes());
        if (code == ExitCodes.OK) {
            System.out.printf("%s: %d steps (%.1f ms) in %.3f s on %d processes with %d thread(s) each; summary in %s%n",
                    spec.name(), network.step(), network.step() * spec.dt(), ((Number) summary.get("wall_s")).doubleValue(),
                    exchange.processes(), backend.threads(), dir.resolve("summary.json"));
            return plot ? PlotCommand.plot(dir) : ExitCodes.OK;
        }
        return code;
    }
}
