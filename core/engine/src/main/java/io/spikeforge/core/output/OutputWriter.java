package io.spikeforge.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spikeforge.core.RunResult;
import io.spikeforge.spi.Backend;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Writes a run's monitors as {@code .npy} files and its {@code summary.json}, each atomically. */
public final class OutputWriter {

    private OutputWriter() {
    }

    /** @return the summary that was written */
    public static Map<String, Object> write(Path dir, Network net, Backend backend, RunResult result) throws IOException {
        return write(dir, net, backend, result, -1);
    }

    /**
     * @param resumedFrom the step a resumed run started from, or -1
     * @return the summary that was written
     */
    public static Map<String, Object> write(Path dir, Network net, Backend backend, RunResult result, long resumedFrom)
            throws IOException {
        Files.createDirectories(dir);
        for (Monitor m : net.monitors()) {
            m.write(dir);
        }
        Map<String, Object> summary = Summary.of(net, backend, result, resumedFrom);
        Path tmp = dir.resolve("summary.json.tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), summary);
        Files.move(tmp, dir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return summary;
    }
}
