package io.spikeforge.kernels.fusion;

import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import io.spikeforge.spi.StepTask;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The source of one fused kernel ({@link Fusion.Group}) and the arguments it takes. Its method
 * {@code run(int size, int blocks, arrays..., scalars...)} has the shape of a generated device form: a
 * {@code @Parallel} loop over blocks, which calls each member's kernel on the block in turn; a serial
 * group's {@code run(int size, arrays..., scalars...)} calls each member over its own items once, and a
 * step loop's {@code run(int steps, arrays..., scalars...)} does that {@code steps} times. Every
 * distinct array is one parameter; the members' scalars travel in one array per kind, since TornadoVM
 * takes at most 20 arguments. The class name carries a hash of the source, so that a compiled class
 * found on disk is this very kernel.
 */
public final class FusedKernel {

    private static final Map<Class<?>, String> PACKS = new LinkedHashMap<>();

    static {
        PACKS.put(float.class, "floats");
        PACKS.put(int.class, "ints");
        PACKS.put(long.class, "longs");
        PACKS.put(double.class, "doubles");
    }

    private final String packageName;
    private final String simpleName;
    private final String source;
    private final List<Object> arguments;
    private final boolean serial;
    private final boolean stepLoop;
    private final int size;
    private final Class<?> anchor;
    private final List<Class<?>> members;

    /** The package of fused kernels whose members' kernel classes are all public. */
    public static final String PACKAGE = "io.spikeforge.kernels.fusion";

    /**
     * Writes the kernel of a group.
     *
     * @param group the tasks to run as one kernel
     */
    public FusedKernel(Fusion.Group group) {
        this(group, false);
    }

    /**
     * Writes the kernel of a group, or, with {@code stepLoop}, of a serial group that holds a whole step
     * (its tasks, the recorders' device tasks and the device clock): {@code run(int steps, arrays...,
     * scalars...)} then runs the members in order {@code steps} times over, so that one launch runs that
     * many steps. Each member still calls its own kernel, whose math is written once.
     *
     * @param group    the tasks to run as one kernel
     * @param stepLoop whether the kernel loops over steps (a serial group only)
     */
    public FusedKernel(Fusion.Group group, boolean stepLoop) {
        if (stepLoop && !group.serial) {
            throw new IllegalArgumentException("only a serial group runs as a loop over steps");
        }
        this.stepLoop = stepLoop;
        this.serial = group.serial;
        this.size = group.size;
        this.members = group.calls.stream().<Class<?>>map(c -> c.signature().declaringClass()).distinct().toList();
        this.anchor = group.privatePackage == null ? FusedKernel.class
                : group.calls.stream().map(c -> c.signature().declaringClass())
                        .filter(c -> c.getPackageName().equals(group.privatePackage)).findFirst().orElseThrow();
        Map<Object, String> names = new IdentityHashMap<>();
        List<Object> arrays = new ArrayList<>();
        Map<Class<?>, List<Object>> scalars = new LinkedHashMap<>();
        PACKS.keySet().forEach(k -> scalars.put(k, new ArrayList<>()));
        StringBuilder body = new StringBuilder();
        String indent = serial && !stepLoop ? "        " : "            ";
        for (int m = 0; m < group.calls.size(); m++) {
            KernelCall c = group.calls.get(m);
            KernelSignature s = c.signature();
            StringBuilder call = new StringBuilder(indent).append(s.declaringClass().getName().replace('$', '.'))
                    .append('.').append(s.name());
            if (serial) {
                call.append("(0, ").append(scalar(int.class, group.tasks.get(m).size(), scalars));
            } else {
                call.append("(from, to");
            }
            for (int k = 0; k < s.params().size(); k++) {
                KernelSignature.Param p = s.params().get(k);
                Object value = c.args().get(k);
                call.append(", ");
                if (p.access() == KernelSignature.Access.SCALAR) {
                    call.append(scalar(p.type(), value, scalars));
                } else {
                    call.append(names.computeIfAbsent(value, a -> {
                        arrays.add(a);
                        return "a" + (arrays.size() - 1);
                    }));
                }
            }
            body.append(call).append(");\n");
        }
        StringBuilder params = new StringBuilder(stepLoop ? "int steps" : serial ? "int size" : "int size, int blocks");
        arguments = new ArrayList<>();
        for (int k = 0; k < arrays.size(); k++) {
            params.append(", ").append(arrays.get(k).getClass().getComponentType().getName()).append("[] a").append(k);
            arguments.add(arrays.get(k));
        }
        for (Map.Entry<Class<?>, List<Object>> e : scalars.entrySet()) {
            if (!e.getValue().isEmpty()) {
                params.append(", ").append(e.getKey().getName()).append("[] ").append(PACKS.get(e.getKey()));
                arguments.add(pack(e.getKey(), e.getValue()));
            }
        }
        String loop = stepLoop ? """
                        for (int step = 0; step < steps; step++) {
                %s        }
                """.formatted(body) : serial ? body.toString() : """
                        for (@Parallel int block = 0; block < blocks; block++) {
                            int from = (int) ((long) size * block / blocks);
                            int to = (int) ((long) size * (block + 1) / blocks);
                %s        }
                """.formatted(body);
        this.packageName = group.privatePackage != null ? group.privatePackage : PACKAGE;
        String members = group.tasks.stream().map(StepTask::name).collect(Collectors.joining(", "));
        String text = """
                package %s;

                import io.spikeforge.spi.Parallel;

                /** Generated by SpikeForge: the tasks %s as one kernel%s. */
                public final class %%s {

                    private %%s() {
                    }

                    public static void run(%s) {
                %s    }
                }
                """.formatted(packageName, members.replace("%", "%%"), stepLoop ? ", run for a number of steps" : "", params,
                        loop.replace("%", "%%"));
        this.simpleName = "Fused" + hash(text);
        this.source = text.formatted(simpleName, simpleName);
    }

    /** {@return the kind of array a scalar of this type travels in: booleans, bytes and shorts as ints} */
    public static Class<?> packed(Class<?> type) {
        return PACKS.containsKey(type) ? type : int.class;
    }

    /** Adds a scalar to its pack; returns the expression that reads it back in the kernel. */
    private static String scalar(Class<?> type, Object value, Map<Class<?>, List<Object>> scalars) {
        Class<?> kind = packed(type);
        List<Object> pack = scalars.get(kind);
        pack.add(value);
        String read = PACKS.get(kind) + "[" + (pack.size() - 1) + "]";
        if (type == boolean.class) {
            return read + " != 0";
        }
        return kind == type ? read : "(" + type.getName() + ") " + read;
    }

    private static Object pack(Class<?> kind, List<Object> values) {
        int n = values.size();
        if (kind == float.class) {
            float[] out = new float[n];
            for (int k = 0; k < n; k++) {
                out[k] = ((Number) values.get(k)).floatValue();
            }
            return out;
        }
        if (kind == long.class) {
            long[] out = new long[n];
            for (int k = 0; k < n; k++) {
                out[k] = ((Number) values.get(k)).longValue();
            }
            return out;
        }
        if (kind == double.class) {
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                out[k] = ((Number) values.get(k)).doubleValue();
            }
            return out;
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            Object v = values.get(k);
            out[k] = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).intValue();
        }
        return out;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the fully qualified class name} */
    public String className() {
        return packageName + "." + simpleName;
    }

    /** {@return the Java source of the class} */
    public String source() {
        return source;
    }

    /** {@return the arguments after size (and blocks): the arrays, then the scalar packs} */
    public List<Object> arguments() {
        return arguments;
    }

    /** {@return whether it runs on one work-item} */
    public boolean serial() {
        return serial;
    }

    /** {@return whether {@code run}'s first argument is a number of steps, each running every member once} */
    public boolean stepLoop() {
        return stepLoop;
    }

    /** {@return the items of a chain} */
    public int size() {
        return size;
    }

    /** {@return the members' kernel classes, which the kernel calls} */
    public List<Class<?>> memberClasses() {
        return members;
    }

    /** {@return a class whose package the kernel belongs to, for defining it there: a member's kernel class} */
    public Class<?> anchor() {
        return anchor;
    }

    /** {@return the type of {@code run}'s parameters: size (or steps), blocks for a chain, the arrays, the packs} */
    public Class<?>[] parameterTypes() {
        List<Class<?>> types = new ArrayList<>();
        types.add(int.class);
        if (!serial) {
            types.add(int.class);
        }
        arguments.forEach(a -> types.add(a.getClass()));
        return types.toArray(Class<?>[]::new);
    }
}
