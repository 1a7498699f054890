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
 * names, and every device form against the kernel it runs.
 */
final class KernelSources {

    /** The suffix of the generated class of typed calls. */
    static final String CALLS = "Calls";
    /** The suffix of the generated class of device forms. */
    static final String DEVICE = "Device";
    private static final String GENERATED = "@javax.annotation.processing.Generated(\"io.spikeforge.processor.KernelProcessor\")";

    private KernelSources() {
    }

    /** {@return the source of {@code <owner>Calls}} */
    static String calls(String packageName, String owner, List<KernelModel> kernels) {
        StringBuilder sb = header(packageName);
        sb.append("import io.spikeforge.spi.KernelCall;\n")
                .append("import io.spikeforge.spi.KernelSignature;\n")
                .append("import io.spikeforge.spi.KernelSignature.Access;\n")
                .append("import io.spikeforge.spi.KernelSignature.Param;\n\n")
                .append("/**\n * The typed calls of the kernels declared in {@link ").append(owner).append("}: each returns the\n")
                .append(" * {@link KernelCall} a step task runs. Generated from the declarations by spikeforge-processor;\n")
                .append(" * do not edit.\n */\n")
                .append(GENERATED).append('\n')
                .append("public final class ").append(owner).append(CALLS).append(" {\n\n")
                .append("    private ").append(owner).append(CALLS).append("() {\n    }\n");
        for (KernelModel k : kernels) {
            String constant = constant(k.name());
            sb.append("\n    /** The signature of {@link ").append(owner).append('#').append(k.name()).append("}. */\n")
                    .append("    public static final KernelSignature ").append(constant).append(" = KernelSignature.of(")
                    .append(owner).append(".class, \"").append(k.name()).append("\", ").append(owner).append(DEVICE)
                    .append(".class, ").append(k.serial());
            for (KernelModel.Param p : k.params()) {
                sb.append(",\n            new Param(\"").append(p.name()).append("\", ").append(p.type()).append(".class, Access.")
                        .append(p.access()).append(", ").append(p.local()).append(')');
            }
            sb.append(");\n\n");
            sb.append("    /**\n     * {@return a call of {@link ").append(owner).append('#').append(k.name())
                    .append("} with these arguments}\n     *\n");
            for (KernelModel.Param p : k.params()) {
                sb.append("     * @param ").append(p.name()).append(" the kernel's {@code ").append(p.name()).append("}\n");
            }
            Set<String> taken = k.params().stream().map(KernelModel.Param::name).collect(Collectors.toCollection(HashSet::new));
            String from = fresh("from", taken);
            String to = fresh("to", taken);
            sb.append("     */\n    public static KernelCall ").append(k.name()).append('(').append(parameters(k.params()))
                    .append(") {\n        return KernelCall.of(").append(constant).append(", (").append(from).append(", ")
                    .append(to).append(") -> ")
                    .append(k.hostForm() == null ? owner : owner + "." + k.hostForm()).append('.').append(k.name())
                    .append('(').append(from).append(", ").append(to).append(arguments(k.params(), true)).append(")")
                    .append(arguments(k.params(), true)).append(");\n    }\n");
        }
        return sb.append("}\n").toString();
    }

    /** {@return the source of {@code <owner>Device}} */
    static String device(String packageName, String owner, List<KernelModel> kernels) {
        StringBuilder sb = header(packageName);
        sb.append("import io.spikeforge.spi.Parallel;\n\n")
                .append("/**\n * The device forms of the kernels declared in {@link ").append(owner).append("}: a parallel kernel\n")
                .append(" * runs item i as {@code kernel(i, i + 1, ...)} in a {@link Parallel} loop over its items, a serial\n")
                .append(" * one as {@code kernel(0, size, ...)}. On the JVM they are plain loops; a device backend compiles\n")
                .append(" * them. Generated from the declarations by spikeforge-processor; do not edit.\n */\n")
                .append(GENERATED).append('\n')
                .append("public final class ").append(owner).append(DEVICE).append(" {\n\n")
                .append("    private ").append(owner).append(DEVICE).append("() {\n    }\n");
        for (KernelModel k : kernels) {
            Set<String> taken = k.params().stream().map(KernelModel.Param::name).collect(Collectors.toCollection(HashSet::new));
            String size = fresh("size", taken);
            String item = fresh("item", taken);
            sb.append("\n    /**\n     * {@link ").append(owner).append('#').append(k.name()).append("} over {@code ").append(size)
                    .append("} items").append(k.serial() ? ", as one range on one work-item" : ", one work-item each")
                    .append(".\n     *\n     * @param ").append(size).append(" the number of items\n");
            for (KernelModel.Param p : k.params()) {
                sb.append("     * @param ").append(p.name()).append(" the kernel's {@code ").append(p.name()).append("}\n");
            }
            sb.append("     */\n    public static void ").append(k.name()).append("(int ").append(size)
                    .append(k.params().isEmpty() ? "" : ", ").append(parameters(k.params())).append(") {\n");
            String args = arguments(k.params(), true);
            if (k.serial()) {
                sb.append("        ").append(owner).append('.').append(k.name()).append("(0, ").append(size).append(args)
                        .append(");\n");
            } else {
                sb.append("        for (@Parallel int ").append(item).append(" = 0; ").append(item).append(" < ").append(size)
                        .append("; ").append(item).append("++) {\n            ").append(owner).append('.').append(k.name())
                        .append('(').append(item).append(", ").append(item).append(" + 1").append(args)
                        .append(");\n        }\n");
            }
            sb.append("    }\n");
        }
        return sb.append("}\n").toString();
    }

    private static StringBuilder header(String packageName) {
        StringBuilder sb = new StringBuilder();
        if (!packageName.isEmpty()) {
            sb.append("package ").append(packageName).append(";\n\n");
        }
        return sb;
    }

    private static String parameters(List<KernelModel.Param> params) {
        return params.stream().map(p -> p.type() + " " + p.name()).collect(Collectors.joining(", "));
    }

    /** {@code , a, b, c}, or nothing for no parameters. */
    private static String arguments(List<KernelModel.Param> params, boolean leadingComma) {
        String list = params.stream().map(KernelModel.Param::name).collect(Collectors.joining(", "));
        return list.isEmpty() ? "" : (leadingComma ? ", " : "") + list;
    }

    /** {@code camelCase} as {@code CAMEL_CASE}. */
    static String constant(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String fresh(String wanted, Set<String> taken) {
        String name = wanted;
        while (taken.contains(name)) {
            name = name + "_";
        }
        return name;
    }
}
