package io.spikeforge.core.config;

import io.spikeforge.core.arrays.NpyReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code .npy} files that models' parameters name, once the sections are read: a relative name is
 * looked up in the config file's folder (the working folder for a config that is not a file). A file that is
 * missing, unreadable or holds a value that is not finite is reported at the parameter's config path.
 */
final class NpyFiles {

    private NpyFiles() {
    }

    static void load(NetworkSpec spec, String source, Problems problems) {
        Path baseDir = baseDir(source);
        List<ModelRef> models = new ArrayList<>();
        for (NetworkSpec.Population p : spec.populations()) {
            models.add(p.neuron());
            models.addAll(p.init().values());
        }
        for (NetworkSpec.Input in : spec.inputs()) {
            models.add(in.model());
        }
        for (NetworkSpec.Projection p : spec.projections()) {
            models.addAll(java.util.Arrays.asList(p.comm(), p.connector(), p.weight(), p.delays(), p.syn(), p.out(),
                    p.plasticity()));
        }
        for (ModelRef m : models) {
            if (m != null && m.params() instanceof ParamValues values) {
                values.files().forEach((name, param) -> read(param, baseDir, m.path() + "." + name, problems));
            }
        }
    }

    private static void read(NpyParam param, Path baseDir, String path, Problems problems) {
        Path p;
        try {
            p = baseDir == null ? Path.of(param.file()) : baseDir.resolve(param.file());
        } catch (InvalidPathException e) {
            problems.add(path, "'" + param.file() + "' is not a file name: " + e.getMessage());
            return;
        }
        if (!Files.isRegularFile(p)) {
            problems.add(path, "no such file: " + p);
            return;
        }
        NpyReader.NpyArray a;
        try {
            a = NpyReader.read(p);
        } catch (IOException e) {
            problems.add(path, e.getMessage());
            return;
        }
        int n = a.floats() != null ? a.floats().length : a.ints().length;
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = a.floats() != null ? a.floats()[k] : a.ints()[k];
            if (!Double.isFinite(values[k])) {
                problems.add(path, "'" + param.file() + "' holds " + values[k] + " at flat index " + k
                        + "; every value must be finite");
                return;
            }
        }
        param.loaded(values, a.shape());
    }

    private static Path baseDir(String source) {
        try {
            Path p = Path.of(source);
            return Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
