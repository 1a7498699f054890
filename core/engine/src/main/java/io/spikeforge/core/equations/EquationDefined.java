package io.spikeforge.core.equations;

/**
 * A model written as equations, whatever its kind: the source generated from it can be shown
 * ({@code --verbose}) and written out ({@code ./spikeforge codegen}).
 */
public interface EquationDefined {

    /** {@return the generated class} */
    GeneratedClass generated();

    /** {@return the generated Java source of the model's kernels} */
    default String generatedSource() {
        return generated().source();
    }

    /** {@return the file name of that source, {@code LifRefKernels.java}} */
    default String generatedFileName() {
        return generated().fileName();
    }

    /**
     * {@return whether the model's classes came from the disk cache or this JVM's earlier compile, and the
     * seconds it took to have them}: compiles (or loads) them now if no build did yet
     */
    default String compileReport() {
        ModelCompiler.Compiled c = generated().compiled();
        return (c.cached() ? "cached" : "compiled") + " in " + String.format(java.util.Locale.ROOT, "%.3f s", c.seconds())
                + " (" + c.folder() + ")";
    }
}
