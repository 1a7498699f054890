package io.spikeforge.core.equations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects what one generated kernel needs while its body is written: the array parameters, the
 * scalar parameters with how each one's value is computed when the model is built (a parameter of
 * the model, a propagator), and the lines of the body.
 */
final class KernelWriter {

    /**
     * A scalar parameter of the kernel.
     *
     * @param java  its name in the source
     * @param type  {@code float}, {@code int} or {@code long}
     * @param value computes its value from the model's parameter values (engine units) and {@code dt}
     */
    record Scalar(String java, String type, ToDoubleFunction<Map<String, Double>> value) {
    }

    /**
     * An array parameter of the kernel.
     *
     * @param java   its name in the source
     * @param type   {@code float[]} or {@code int[]}
     * @param write  whether the kernel writes it
     * @param local  whether the kernel touches only its items' elements
     * @param source what the builder binds to it: a variable's name, or one of the engine's arrays
     */
    record Array(String java, String type, boolean write, boolean local, String source) {
    }

    /**
     * A value per element computed when the model is built (a propagator of a parameter given per
     * element), which the kernel reads from an array.
     *
     * @param source the array's source name, {@code element:d_V}
     * @param value  the element's value from a lookup of each name's value for that element
     */
    record PerElement(String source, ToDoubleFunction<java.util.function.Function<String, Double>> value) {
    }

    private final Map<String, PerElement> perElement = new LinkedHashMap<>();
    private final Map<String, Array> arrays = new LinkedHashMap<>();
    private final Map<String, Scalar> scalars = new LinkedHashMap<>();
    private final StringBuilder body = new StringBuilder();
    private final List<String> prologue = new ArrayList<>();
    private int indent = 2;

    /** Adds an array parameter, once. */
    void array(String java, String type, boolean write, boolean local, String source) {
        Array old = arrays.get(java);
        if (old == null || write && !old.write()) {
            arrays.put(java, new Array(java, type, write || old != null && old.write(), local, source));
        }
    }

    /** Adds a scalar parameter, once. */
    void scalar(String java, String type, ToDoubleFunction<Map<String, Double>> value) {
        scalars.putIfAbsent(java, new Scalar(java, type, value));
    }

    /** Adds an array parameter {@code java} of values per element, computed when the model is built, once. */
    void perElement(String java, ToDoubleFunction<java.util.function.Function<String, Double>> value) {
        array(java, "float[]", false, true, "element:" + java);
        perElement.putIfAbsent(java, new PerElement("element:" + java, value));
    }

    List<PerElement> perElementValues() {
        return new ArrayList<>(perElement.values());
    }

    boolean hasScalar(String java) {
        return scalars.containsKey(java);
    }

    List<Array> arrays() {
        return new ArrayList<>(arrays.values());
    }

    List<Scalar> scalars() {
        return new ArrayList<>(scalars.values());
    }

    /** Adds a line before the body, once: {@code int step = clock[0];} */
    void prologue(String code) {
        if (!prologue.contains(code)) {
            prologue.add(code);
        }
    }

    /** Writes a line of the body at the current indentation. */
    void line(String code) {
        body.append("    ".repeat(indent)).append(code).append('\n');
    }

    void open(String code) {
        line(code + " {");
        indent++;
    }

    void close() {
        indent--;
        line("}");
    }

    String body() {
        return body.toString();
    }

    /**
     * {@return the method: Javadoc, annotation, signature and body}
     *
     * @param name       the method's name
     * @param annotation {@code @Kernel(elementwise = true)} or the like
     * @param doc        the Javadoc's text
     */
    String method(String name, String annotation, String doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("    /**\n");
        for (String l : doc.split("\n")) {
            sb.append("     * ").append(l.replace("*/", "* /")).append('\n');
        }
        sb.append("     */\n    ").append(annotation).append("\n    public static void ").append(name)
                .append("(int from, int to");
        boolean elementwise = annotation.contains("elementwise");
        for (Array a : arrays.values()) {
            sb.append(", ").append(a.write() ? "@Write " : "@Read ").append(a.local() && !elementwise ? "@Local " : "")
                    .append(a.type()).append(' ').append(a.java());
        }
        for (Scalar s : scalars.values()) {
            sb.append(", ").append(s.type()).append(' ').append(s.java());
        }
        sb.append(") {\n");
        prologue.forEach(l -> sb.append("        ").append(l).append('\n'));
        sb.append(body).append("    }\n");
        return sb.toString();
    }
}
