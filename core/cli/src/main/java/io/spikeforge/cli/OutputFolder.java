package io.spikeforge.cli;

import io.spikeforge.core.output.OutputWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder a run writes its outputs and checkpoints to. It is checked, then created and written to
 * once, before the network is built: a folder that cannot take the outputs must stop the run before
 * it starts, not lose it at its end. A build that fails takes the folders it created away again.
 */
final class OutputFolder {

    private final Path dir;
    /** The option the folder is blamed on: {@code --out}, or {@code --out} noting its default. */
    private final String option;
    private final List<Path> created = new ArrayList<>();

    /**
     * @param given        the folder {@code --out} names, or null
     * @param defaultValue the folder used without {@code --out}
     */
    OutputFolder(Path given, Path defaultValue) {
        this.dir = given != null ? given : defaultValue;
        this.option = given != null ? "--out" : "--out (default " + defaultValue + ")";
    }

    /** @return the folder */
    Path path() {
        return dir;
    }

    /** Reports, without touching anything, why the folder could not take the outputs. */
    void check(InputErrors errors) {
        String problem = problem();
        if (problem != null) {
            errors.add(option, problem);
        }
    }

    private String problem() {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                return dir + " is a file, not a folder; give a folder (new or existing) for the outputs";
            }
            return Files.isWritable(abs) ? null : "cannot write in " + dir + " (permission denied)";
        }
        Path parent = abs.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null) {
            return null;
        }
        if (!Files.isDirectory(parent)) {
            return "cannot create " + dir + ": " + parent + " is a file, not a folder";
        }
        return Files.isWritable(parent) ? null : "cannot create " + dir + ": " + parent + " is not writable";
    }

    /**
     * Creates the folder and writes a file into it and takes it away, which finds what the checks
     * cannot see (a read-only file system, a full disk, rights that root ignores but others do not).
     *
     * @throws io.spikeforge.core.config.ConfigException blamed on the option when it cannot
     */
    void create() {
        try {
            Path abs = dir.toAbsolutePath().normalize();
            for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
                created.addFirst(p);
            }
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".spikeforge-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            abandon();
            InputErrors errors = new InputErrors();
            errors.add(option, "cannot write in " + dir + ": " + OutputWriter.reason(e));
            errors.throwIfAny(null);
        }
    }

    /** Removes the folders {@link #create} made, as long as nothing was written into them. */
    void abandon() {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException notEmpty) {
                return;
            }
        }
        created.clear();
    }
}
