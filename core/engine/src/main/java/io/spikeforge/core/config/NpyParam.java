package io.spikeforge.core.config;

/**
 * The value of an {@code .npy} parameter: the file the config names, and once {@link NpyFiles} has read it,
 * its values (flattened in C order) and shape.
 */
final class NpyParam {

    private final String file;
    private double[] values;
    private long[] shape;

    NpyParam(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void loaded(double[] values, long[] shape) {
        this.values = values;
        this.shape = shape;
    }

    double[] values() {
        if (values == null) {
            throw new IllegalStateException("'" + file + "' was not read");
        }
        return values;
    }

    @Override
    public String toString() {
        return file;
    }

    long[] shape() {
        values();
        return shape;
    }
}
