package io.spikeforge.core.config;

import io.spikeforge.core.arrays.NpyReader;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.ParamSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A parameter given one value per element instead of one for all (see
 * {@link io.spikeforge.spi.ModelFactory#perElement()}): drawn by an initializer, read from an
 * {@code .npy} file, or computed by an expression of the element's index {@code i} and the number of
 * elements {@code N}. The values are made when the config is read, once the number of elements and the
 * run's seed are known, so that they depend on neither the build order nor the thread count, and each
 * is checked against the parameter's range there.
 */
sealed interface ElementForm {

    /** {@return how the config wrote it, for messages} */
    String text();

    /**
     * {@return one value per element, or null after reporting at {@code path}}
     *
     * @param size    the number of elements
     * @param seed    the seed of this parameter, derived from the run's seed and its owner's name
     * @param baseDir where a relative file name is looked up: the config file's folder
     */
    float[] values(int size, long seed, Path baseDir, String path, Problems problems);

    /**
     * {@return the values of synapses [first, first + count) of a projection of {@code total}, made when the
     * projection is built (its synapse count is known only then): element k is synapse first + k, drawn from
     * (seed, first + k), computed with i = first + k and N = total, or read from the file loaded earlier}
     *
     * @throws IllegalArgumentException with the reason when they cannot be made
     */
    default float[] synapses(long first, int count, long total, long seed) {
        throw new IllegalStateException(text() + " was not loaded before the build");
    }

    /** An initializer such as {@code {type: Normal, mean: -50, scale: 1}}: element k from (seed, k). */
    record Drawn(ModelRef initializer) implements ElementForm {
        @Override
        public String text() {
            return initializer.name();
        }

        @Override
        public float[] synapses(long first, int count, long total, long seed) {
            float[] out = new float[count];
            initializer.call("while drawing per-synapse values", () -> {
                InitializerModel init = (InitializerModel) initializer.factory();
                if (first == 0 && count == total) {
                    init.fill(initializer.params(), out, seed);
                } else {
                    try {
                        init.fill(initializer.params(), out, seed, first);
                    } catch (UnsupportedOperationException e) {
                        throw new IllegalArgumentException("cannot draw the values of a projection split into blocks"
                                + " (it cannot start at synapse " + first + "); use Constant, Uniform or Normal");
                    }
                }
                return out;
            });
            return out;
        }

        @Override
        public float[] values(int size, long seed, Path baseDir, String path, Problems problems) {
            float[] out = new float[size];
            initializer.call("while drawing per-element values", () -> {
                ((InitializerModel) initializer.factory()).fill(initializer.params(), out, seed);
                return out;
            });
            return out;
        }
    }

    /** {@code {npy: file}}: a 1-D float32, float64 or int32 array with one value per element. */
    record FromFile(String file) implements ElementForm {
        @Override
        public String text() {
            return "{npy: " + file + "}";
        }

        @Override
        public float[] values(int size, long seed, Path baseDir, String path, Problems problems) {
            Path p;
            try {
                p = baseDir == null ? Path.of(file) : baseDir.resolve(file);
            } catch (java.nio.file.InvalidPathException e) {
                problems.add(path + ".npy", "'" + file + "' is not a file name: " + e.getReason());
                return null;
            }
            if (!Files.isRegularFile(p)) {
                problems.add(path + ".npy", "no such file: " + p);
                return null;
            }
            NpyReader.NpyArray a;
            try {
                a = NpyReader.read(p);
            } catch (IOException e) {
                problems.add(path + ".npy", e.getMessage());
                return null;
            }
            long count = a.floats() != null ? a.floats().length : a.ints().length;
            if (a.shape().length != 1 || size >= 0 && count != size) {
                problems.add(path + ".npy", "'" + file + "' holds " + count + " values (shape "
                        + java.util.Arrays.toString(a.shape()) + "); it must hold one per element"
                        + (size >= 0 ? ", " + size : ", in one dimension"));
                return null;
            }
            if (a.floats() != null) {
                return a.floats();
            }
            float[] out = new float[(int) count];
            for (int k = 0; k < count; k++) {
                out[k] = a.ints()[k];
            }
            return out;
        }
    }

    /**
     * An {@code .npy} file read while the config was checked, for values per synapse, whose number is known
     * only when the projection is built.
     */
    record Loaded(String text, float[] all) implements ElementForm {
        @Override
        public float[] values(int size, long seed, Path baseDir, String path, Problems problems) {
            throw new IllegalStateException("per-synapse values are made when the projection is built");
        }

        @Override
        public float[] synapses(long first, int count, long total, long seed) {
            if (all.length != total) {
                throw new IllegalArgumentException(text + " holds " + all.length + " values; it must hold one per"
                        + " synapse of the projection, " + total);
            }
            return java.util.Arrays.copyOfRange(all, (int) first, (int) first + count);
        }
    }

    /** An expression such as {@code -50 + 5*i/N}, in the parameter's unit. */
    record Formula(String text, ConfigModels.ElementFormula formula) implements ElementForm {
        @Override
        public float[] values(int size, long seed, Path baseDir, String path, Problems problems) {
            float[] out = new float[size];
            for (int k = 0; k < size; k++) {
                out[k] = (float) formula.at(k, size);
            }
            return out;
        }

        @Override
        public float[] synapses(long first, int count, long total, long seed) {
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("'" + text + "' over " + total + " synapses: i and N count up to "
                        + Integer.MAX_VALUE + "; use an initializer");
            }
            float[] out = new float[count];
            for (int k = 0; k < count; k++) {
                out[k] = (float) formula.at((int) (first + k), (int) total);
            }
            return out;
        }
    }

    /**
     * {@return whether every value is finite and within the parameter's range}; the first one that is
     * not is reported at {@code path}
     */
    static boolean check(ParamSpec spec, ElementForm form, float[] values, String path, Problems problems) {
        for (int k = 0; k < values.length; k++) {
            float x = values[k];
            if (!Float.isFinite(x) || !spec.allows(x)) {
                String shown = form instanceof Formula ? "'" + form.text() + "'" : form.text();
                problems.add(path, shown + " gives " + x + " at element " + k + "; every value must be "
                        + (Float.isFinite(x) ? spec.rangeText() + ParamChecker.unitSuffix(spec.unit()) : "finite"));
                return false;
            }
        }
        return true;
    }
}
