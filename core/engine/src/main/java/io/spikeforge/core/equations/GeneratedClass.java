package io.spikeforge.core.equations;

import io.spikeforge.kernels.KernelWarmup;
import io.spikeforge.spi.KernelCall;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java class generated for one model: its kernels' source, written once when the model is
 * defined, compiled when the model is first built ({@link ModelCompiler}), and the typed calls of
 * its kernels, bound to a built instance's arrays and parameter values.
 */
final class GeneratedClass {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GeneratedClass.class);

    private final String simpleName;
    private final String packageName;
    private final String source;
    private final Map<String, KernelWriter> kernels;
    private volatile ModelCompiler.Compiled compiled;

    /**
     * @param modelName the model's config name, which names the class
     * @param kernels   each kernel's method name and writer, whose method source is already written
     * @param methods   the methods' source, in order
     * @param doc       the class's Javadoc text
     */
    GeneratedClass(String modelName, Map<String, KernelWriter> kernels, List<String> methods, String doc) {
        this.simpleName = javaName(modelName) + "Kernels";
        this.kernels = new LinkedHashMap<>(kernels);
        String body = body(methods, doc);
        this.packageName = ModelCompiler.packageFor(simpleName, body);
        this.source = "package " + packageName + ";\n\n" + body;
    }

    /** {@return a Java identifier made from a model name: {@code STDP-Song2000} gives {@code STDP_Song2000}} */
    static String javaName(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, 'M');
        }
        return sb.toString();
    }

    private String body(List<String> methods, String doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("import io.spikeforge.kernels.EquationMath;\n");
        sb.append("import io.spikeforge.spi.Kernel;\n");
        sb.append("import io.spikeforge.spi.Local;\n");
        sb.append("import io.spikeforge.spi.Read;\n");
        sb.append("import io.spikeforge.spi.Write;\n\n");
        sb.append("/**\n");
        for (String l : doc.split("\n")) {
            sb.append(" * ").append(l.replace("*/", "* /")).append('\n');
        }
        sb.append(" */\n@SuppressWarnings(\"unused\")\npublic final class ").append(simpleName).append(" {\n\n");
        sb.append("    private ").append(simpleName).append("() {\n    }\n");
        for (String m : methods) {
            sb.append('\n').append(m);
        }
        return sb.append("}\n").toString();
    }

    /** {@return the source of the class} */
    String source() {
        return source;
    }

    /** {@return the class's full name} */
    String className() {
        return packageName + "." + simpleName;
    }

    /** {@return the file name of the source: {@code LifRefKernels.java}} */
    String fileName() {
        return simpleName + ".java";
    }

    /**
     * Starts compiling (or loading from the cache) on a daemon thread, and then warming the kernels, so
     * that both overlap the rest of the config's reading and the network's build; {@link #compiled}
     * then waits for it. A failure is reported by {@code compiled}, in the thread that builds.
     */
    void prepare() {
        preparing = true;
        Thread t = new Thread(() -> {
            try {
                compiled();
            } catch (RuntimeException e) {
                // compiled() throws it again where the model is built, with the config path.
                return;
            }
            // This thread has a core's share already: warming here starts now, not when a new thread of low
            // priority gets its turn in a busy start-up.
            KernelWarmup.warmHere(warmCalls());
        }, "spikeforge-compile-" + simpleName);
        t.setDaemon(true);
        t.start();
    }

    private volatile boolean preparing;

    /** {@return the compiled classes, compiling them now (or loading them from the cache) on first use} */
    synchronized ModelCompiler.Compiled compiled() {
        ModelCompiler.Compiled c = compiled;
        if (c == null) {
            c = ModelCompiler.compile(className(), source);
            compiled = c;
            if (!c.cached()) {
                LOG.info("compiled the kernels of {} in {} s", simpleName, String.format(java.util.Locale.ROOT, "%.3f",
                        c.seconds()));
            }
            LOG.debug("the kernels generated for {} ({}, classes in {}):\n{}", simpleName, c.cached() ? "cached"
                    : "compiled", c.folder(), source);
            if (!preparing) {
                KernelWarmup.warm(simpleName, warmCalls());
            }
        }
        return c;
    }

    /**
     * {@return the kernels bound to scratch arrays of their own}, for the JIT to compile them as it has
     * the built-in ones before a run starts ({@link KernelWarmup#warm}): zero for every scalar (the loops
     * have no branches, so that runs the code a network runs)
     */
    private KernelCall[] warmCalls() {
        List<KernelCall> calls = new ArrayList<>();
        int n = KernelWarmup.elements();
        for (Map.Entry<String, KernelWriter> k : kernels.entrySet()) {
            Map<String, Object> arrays = new java.util.HashMap<>();
            for (KernelWriter.Array a : k.getValue().arrays()) {
                arrays.put(a.source(), a.type().equals("int[]") ? (a.source().equals("clock") ? new int[1] : new int[n])
                        : new float[n]);
            }
            calls.add(call(k.getKey(), arrays, new ZeroValues(), 0));
        }
        return calls.toArray(KernelCall[]::new);
    }

    /** Every parameter 0, for a warm-up. */
    private static final class ZeroValues extends java.util.HashMap<String, Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public Double get(Object key) {
            return 0.0;
        }
    }

    /**
     * {@return the arrays of values per element that the kernels read} (propagators of parameters given
     * per element), by source name
     *
     * @param size   the number of elements
     * @param lookup the value of a name for element k: a parameter given per element, else the constant
     */
    Map<String, Object> perElement(int size, java.util.function.BiFunction<String, Integer, Double> lookup) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (KernelWriter w : kernels.values()) {
            for (KernelWriter.PerElement p : w.perElementValues()) {
                float[] a = new float[size];
                for (int k = 0; k < size; k++) {
                    int element = k;
                    a[k] = (float) p.value().applyAsDouble(n -> lookup.apply(n, element));
                }
                out.put(p.source(), a);
            }
        }
        return out;
    }

    /**
     * {@return the call of a kernel, bound}
     *
     * @param kernel the kernel's method name
     * @param arrays each array parameter's value, by its source name ({@code var:V}, {@code current}, ...)
     * @param values the parameter values (engine units) and {@code dt}, {@code N}
     * @param seed   the instance's seed
     */
    KernelCall call(String kernel, Map<String, Object> arrays, Map<String, Double> values, long seed) {
        KernelWriter w = kernels.get(kernel);
        List<Object> args = new ArrayList<>();
        for (KernelWriter.Array a : w.arrays()) {
            Object v = arrays.get(a.source());
            if (v == null) {
                throw new IllegalStateException(className() + "." + kernel + ": no array for " + a.source());
            }
            args.add(v);
        }
        for (KernelWriter.Scalar s : w.scalars()) {
            args.add(switch (s.type()) {
                case "long" -> seed;
                case "int" -> (int) s.value().applyAsDouble(values);
                case "double" -> s.value().applyAsDouble(values);
                default -> (float) s.value().applyAsDouble(values);
            });
        }
        try {
            Class<?> calls = Class.forName(className() + "Calls", true, compiled().loader());
            for (Method m : calls.getMethods()) {
                if (m.getName().equals(kernel) && m.getParameterCount() == args.size()) {
                    return (KernelCall) m.invoke(null, args.toArray());
                }
            }
            throw new IllegalStateException(calls.getName() + " has no " + kernel + " of " + args.size() + " arguments");
        } catch (ClassNotFoundException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
