package io.spikeforge.cli;

import io.spikeforge.core.split.MpjExchange;
import io.spikeforge.core.split.SpikeExchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One process of a network split over processes, as MPJ Express's starter launches it (see
 * {@link SplitLauncher}): starts MPJ, then runs {@code spikeforge run} with the arguments the launcher
 * gave, on this process's part of the network. Its first argument is the file where rank 0 leaves the
 * run's exit code, since MPJ's starter does not pass it on.
 */
public final class SplitRank {

    /** This process's exchange, while it runs (MPJ's multicore device gives each rank its own classes). */
    private static SpikeExchange exchange;

    private SplitRank() {
    }

    /** @return the exchange when this JVM runs as a process of a split network, else null */
    static SpikeExchange exchange() {
        return exchange;
    }

    public static void main(String[] args) throws IOException {
        MpjExchange.Started started = MpjExchange.start(args, SplitRank.class.getClassLoader());
        exchange = started.exchange();
        String[] rest = started.args();
        Path status = Path.of(rest[0]);
        String[] run = java.util.Arrays.copyOfRange(rest, 1, rest.length);
        int code = SpikeForgeCli.execute(run);
        if (exchange.rank() == 0) {
            Files.writeString(status, code + "\n");
        }
        started.exchange().finish();
    }
}
