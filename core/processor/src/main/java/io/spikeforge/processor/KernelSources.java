package io.spikeforge.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the two classes generated from the kernels of one class {@code C}: {@code CCalls}, the typed
 * call of each kernel, and {@code CDevice}, the device form of each. Both are plain Java, derived from
 * the declarations alone, so that {@code javac} checks every call a model makes against the kernel it
 * names, and every device form against the kernel it runs. Each is a template filled in per kernel.
 */
final class KernelSources {

    /** The suffix of the generated class of typed calls. */
    static final String CALLS = "Calls";
    /** The suffix of the generated class of device forms. */
    static final String DEVICE = "Device";

    private static final String GENERATED = "@javax.annotation.processing.Generated("
            + "\"io.spikeforge.processor.KernelProcessor\")";

    private static final String CALLS_CLASS = """
            %simport io.spikeforge.spi.KernelCall;
            import io.spikeforge.spi.KernelSignature;
            import io.spikeforge.spi.KernelSignature.Access;
            import io.spikeforge.spi.KernelSignature.Param;

            /**
             * The typed calls of the kernels declared in {@link %2$s}: each returns the {@link KernelCall} a
             * step task runs. Generated from the declarations by spikeforge-processor; do not edit.
             */
            %3$s
            public final class %2$sCalls {

                private %2$sCalls() {
                }
            %4$s}
            """;

    private static final String CALL = """

                /** The signature of {@link %1$s#%2$s}. */
                public static final KernelSignature %3$s = KernelSignature.of(%1$s.class, "%2$s",
                        %1$sDevice.class, %4$s%5$s);

                /**
                 * {@return a call of {@link %1$s#%2$s} with these arguments}
                 *
            %6$s     */
                public static KernelCall %2$s(%7$s) {
                    return KernelCall.of(%3$s, (%8$s, %9$s) -> %10$s.%2$s(%8$s, %9$s%11$s)%11$s);
                }
            """;

    private static final String DEVICE_CLASS = """
            %simport io.spikeforge.spi.Parallel;

            /**
             * The device forms of the kernels declared in {@link %2$s}: a parallel kernel's items are split
             * into {@code blocks} contiguous ranges, each one work-item of a {@link Parallel} loop that runs
             * {@code kernel(from, to, ...)} on its range (one item per work-item when blocks equals size); a
             * serial one runs {@code kernel(0, size, ...)} once. On the JVM they are plain loops; a device
             * backend compiles them. Generated from the declarations by spikeforge-processor; do not edit.
             */
            %3$s
            public final class %2$sDevice {

                private %2$sDevice() {
                }
            %4$s}
            """;

    private static final String DEVICE_FORM = """

                /**
                 * {@link %1$s#%2$s} over {@code %3$s} items, %4$s.
                 *
                 * @param %3$s the number of items
            %5$s     */
                public static void %2$s(int %3$s%6$s) {
            %7$s    }
            """;

    /** Block b covers items [size b / blocks, size (b + 1) / blocks), in long arithmetic. */
    private static final String PARALLEL_BODY = """
                    for (@Parallel int %2$s = 0; %2$s < %6$s; %2$s++) {
                        %3$s.%4$s((int) ((long) %1$s * %2$s / %6$s), (int) ((long) %1$s * (%2$s + 1) / %6$s)%5$s);
                    }
            """;

    private static final String SERIAL_BODY = """
                    %2$s.%3$s(0, %1$s%4$s);
            """;

    private KernelSources() {
    }

    /** {@return the source of {@code <owner>Calls}} */
    static String calls(String packageName, String owner, List<KernelModel> kernels) {
        StringBuilder members = new StringBuilder();
        for (KernelModel k : kernels) {
            Set<String> taken = names(k);
            String params = k.params().stream()
                    .map(p -> ",\n            new Param(\"" + p.name() + "\", " + p.type() + ".class, Access."
                            + p.access() + ", " + p.local() + ")")
                    .collect(Collectors.joining());
            String host = k.hostForm() == null ? owner : owner + "." + k.hostForm();
            members.append(CALL.formatted(owner, k.name(), constant(k.name()), k.serial(), params, paramDocs(k),
                    parameters(k.params()), fresh("from", taken), fresh("to", taken), host, arguments(k)));
        }
        return CALLS_CLASS.formatted(header(packageName), owner, GENERATED, members);
    }

    /** {@return the source of {@code <owner>Device}} */
    static String device(String packageName, String owner, List<KernelModel> kernels) {
        StringBuilder members = new StringBuilder();
        for (KernelModel k : kernels) {
            Set<String> taken = names(k);
            String size = fresh("size", taken);
            String blocks = fresh("blocks", taken);
            String body = k.serial()
                    ? SERIAL_BODY.formatted(size, owner, k.name(), arguments(k))
                    : PARALLEL_BODY.formatted(size, fresh("block", taken), owner, k.name(), arguments(k), blocks);
            String params = (k.serial() ? "" : ", int " + blocks) + (k.params().isEmpty() ? "" : ", "
                    + parameters(k.params()));
            String docs = (k.serial() ? "" : "     * @param " + blocks + " the number of ranges, each one work-item"
                    + " (1 to size)\n") + paramDocs(k);
            members.append(DEVICE_FORM.formatted(owner, k.name(), size, k.serial() ? "as one range on one work-item"
                    : "in blocks of contiguous items, one work-item each", docs, params, body));
        }
        return DEVICE_CLASS.formatted(header(packageName), owner, GENERATED, members);
    }

    private static String header(String packageName) {
        return packageName.isEmpty() ? "" : "package " + packageName + ";\n\n";
    }

    private static Set<String> names(KernelModel k) {
        return k.params().stream().map(KernelModel.Param::name).collect(Collectors.toCollection(HashSet::new));
    }

    private static String paramDocs(KernelModel k) {
        return k.params().stream()
                .map(p -> "     * @param " + p.name() + " the kernel's {@code " + p.name() + "}\n")
                .collect(Collectors.joining());
    }

    private static String parameters(List<KernelModel.Param> params) {
        return params.stream().map(p -> p.type() + " " + p.name()).collect(Collectors.joining(", "));
    }

    /** {@code , a, b, c}, or nothing for a kernel with no parameters after its range. */
    private static String arguments(KernelModel k) {
        return k.params().stream().map(p -> ", " + p.name()).collect(Collectors.joining());
    }

    /** {@code camelCase} as {@code CAMEL_CASE}. */
    static String constant(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@return {@code wanted}, with underscores added until no parameter has that name} */
    private static String fresh(String wanted, Set<String> taken) {
        String name = wanted;
        while (taken.contains(name)) {
            name = name + "_";
        }
        return name;
    }
}
