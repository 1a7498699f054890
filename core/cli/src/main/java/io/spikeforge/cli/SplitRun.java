package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.split.Split;
import io.spikeforge.core.split.SpikeExchange;
import io.spikeforge.core.output.SplitOutputs;
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
        int[] one = new int[1];
        int[] all = new int[exchange.processes()];
        int mine = Session.run(engine, network, backend, options, own, RunOptions.settings(own, checkSteps, 0)
                .withAgreement(stop -> {
                    one[0] = stop ? 1 : 0;
                    exchange.allGather(one, 1, all);
                    boolean any = false;
                    for (int v : all) {
                        any |= v != 0;
                    }
                    return any;
                }), -1, dir);
        SplitOutputs.writeParts(own, network);
        one[0] = mine;
        exchange.allGather(one, 1, all);
        int code = worst(all);
        if (rank != 0) {
            return code;
        }
        Map<String, Object> summary = SplitOutputs.merge(dir, network, exchange.processes());
        if (code == ExitCodes.INTERRUPTED) {
            System.err.printf("spikeforge: %s: stopped on request after %d of %d steps; the outputs up to t = %s ms are"
                    + " in %s%n", spec.name(), network.step(), spec.steps(), fmt(network.step() * spec.dt()), dir);
        }
        if (code == ExitCodes.OK) {
            System.out.printf("%s: %d steps (%.1f ms) in %.3f s on %d processes with %d thread(s) each; summary in %s%n",
                    spec.name(), network.step(), network.step() * spec.dt(), ((Number) summary.get("wall_s")).doubleValue(),
                    exchange.processes(), backend.threads(), dir.resolve("summary.json"));
            return plot ? PlotCommand.plot(dir) : ExitCodes.OK;
        }
        return code;
    }

    /**
     * @return the run's exit code from every process's: a fault or failure anywhere before the stop it
     *         made the others take (130), which before success
     */
    static int worst(int[] codes) {
        int worst = ExitCodes.OK;
        for (int c : codes) {
            if (c != ExitCodes.OK && (worst == ExitCodes.OK || worst == ExitCodes.INTERRUPTED)) {
                worst = c;
            }
        }
        return worst;
    }

    private static String fmt(double ms) {
        return new java.math.BigDecimal(ms).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
