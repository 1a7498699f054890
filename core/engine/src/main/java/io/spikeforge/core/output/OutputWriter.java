package io.spikeforge.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spikeforge.core.RunResult;
import io.spikeforge.spi.Backend;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's monitors as {@code .npy} files and its {@code summary.json}, each atomically: a file
 * is whole or absent, never half written.
 */
public final class OutputWriter {

    private OutputWriter() {
    }

    /** @return the summary that was written */
    public static Map<String, Object> write(Path dir, Network net, Backend backend, RunResult result) throws IOException {
        return write(dir, net, backend, result, -1);
    }

    /**
     * Writes every monitor's file that can be written, then, when all of them were, the summary: a
     * folder without {@code summary.json} is not a run's complete output.
     *
     * @param resumedFrom the step a resumed run started from, or -1
     * @return the summary that was written
     * @throws IOException naming the first file that could not be written and why, and how many others
     */
    public static Map<String, Object> write(Path dir, Network net, Backend backend, RunResult result, long resumedFrom)
            throws IOException {
        Files.createDirectories(dir);
        List<String> failed = new ArrayList<>();
        IOException first = null;
        for (Monitor m : net.monitors()) {
            try {
                m.write(dir);
            } catch (IOException e) {
                failed.add(m.name() + ".npy");
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new IOException("cannot write " + failed.getFirst() + (failed.size() > 1 ? " (nor " + (failed.size() - 1)
                    + " more files)" : "") + " in " + dir + ": " + reason(first), first);
        }
        Map<String, Object> summary = Summary.of(net, backend, result, resumedFrom);
        Path tmp = dir.resolve("summary.json.tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), summary);
            Files.move(tmp, dir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write summary.json in " + dir + ": " + reason(e), e);
        }
        return summary;
    }

    /** @return an I/O failure in words: the system's reason where it gives one */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
