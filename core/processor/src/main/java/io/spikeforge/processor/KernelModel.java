package io.spikeforge.processor;

import java.util.List;

/**
 * One {@code @Kernel} declaration as the generators need it: where it is, whether it is serial, and
 * each parameter after {@code (from, to)}.
 *
 * @param packageName the package of the declaring class
 * @param owner       the simple name of the declaring (top-level) class
 * @param name        the kernel method's name
 * @param serial      whether it runs as one range on one thread or work-item
 * @param params      its parameters after {@code (from, to)}
 * @param hostForm    the simple name of the nested class holding its JVM form, or null
 */
record KernelModel(String packageName, String owner, String name, boolean serial, List<Param> params,
                   String hostForm) {

    /** How a kernel uses a parameter; the names are those of {@code KernelSignature.Access}. */
    enum Access { SCALAR, READ, WRITE }

    /**
     * A parameter.
     *
     * @param name   its name
     * @param type   its Java type as written in source, for example {@code float[]}
     * @param access how the kernel uses it
     * @param local  for an array: touched only at the items' indices
     */
    record Param(String name, String type, Access access, boolean local) {
    }

    /** {@return the fully qualified name of the declaring class} */
    String qualifiedOwner() {
        return packageName.isEmpty() ? owner : packageName + "." + owner;
    }
}
