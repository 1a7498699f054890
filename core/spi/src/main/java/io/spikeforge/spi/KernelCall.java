package io.spikeforge.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A kernel bound to its arguments: what one {@link StepTask} runs each step. Made by the typed
 * factories that the processor generates from a {@link Kernel} declaration ({@code NeuronKernelsCalls.lif(v,
 * ...)}), so that the arguments match the kernel's parameters by construction. The JVM backend runs
 * {@link #run}, which calls the kernel directly; a device backend runs the kernel's device form with
 * {@link #args()}.
 */
public final class KernelCall {

    private final KernelSignature signature;
    private final List<Object> args;
    private final RangeBody body;

    private KernelCall(KernelSignature signature, RangeBody body, Object[] args) {
        this.signature = Objects.requireNonNull(signature, "signature");
        this.body = Objects.requireNonNull(body, "body");
        List<KernelSignature.Param> params = signature.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException(signature + " takes " + params.size() + " arguments after (from, to),"
                    + " got " + args.length);
        }
        for (int k = 0; k < args.length; k++) {
            KernelSignature.Param p = params.get(k);
            Class<?> expected = p.type().isPrimitive() ? boxed(p.type()) : p.type();
            if (!expected.isInstance(args[k])) {
                throw new IllegalArgumentException(signature + ": argument " + p.name() + " must be a "
                        + p.type().getSimpleName() + ", got " + (args[k] == null ? "null"
                        : args[k].getClass().getSimpleName()));
            }
        }
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /**
     * {@return a call of {@code signature}'s kernel}; generated code calls this
     *
     * @param signature the kernel
     * @param body      calls the kernel (or its {@link HostForm}) with {@code args} over a range
     * @param args      the arguments after {@code (from, to)}: arrays by reference, scalars boxed
     */
    public static KernelCall of(KernelSignature signature, RangeBody body, Object... args) {
        return new KernelCall(signature, body, args);
    }

    private static Class<?> boxed(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }

    /** {@return the kernel} */
    public KernelSignature signature() {
        return signature;
    }

    /** {@return the arguments after {@code (from, to)}, arrays by reference, scalars boxed} */
    public List<Object> args() {
        return args;
    }

    /** {@return the arrays the kernel reads ({@link Read} parameters)} */
    public List<Object> reads() {
        return arrays(KernelSignature.Access.READ, false);
    }

    /** {@return the arrays the kernel writes ({@link Write} parameters)} */
    public List<Object> writes() {
        return arrays(KernelSignature.Access.WRITE, false);
    }

    /** {@return the arrays the kernel touches only at its items' indices} */
    public List<Object> local() {
        return arrays(null, true);
    }

    private List<Object> arrays(KernelSignature.Access access, boolean local) {
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            KernelSignature.Param p = signature.params().get(k);
            Object array = args.get(k);
            boolean wanted = local ? p.local() : p.access() == access;
            if (wanted && p.access() != KernelSignature.Access.SCALAR && out.stream().noneMatch(a -> a == array)) {
                out.add(array);
            }
        }
        return out;
    }

    /**
     * Runs the kernel over items {@code [from, to)} on this thread.
     *
     * @param from first item, inclusive
     * @param to   last item, exclusive
     */
    public void run(int from, int to) {
        body.run(from, to);
    }

    /** {@return the JVM form of the call: the kernel (or its host form) with these arguments} */
    public RangeBody body() {
        return body;
    }

    @Override
    public String toString() {
        return signature.qualifiedName();
    }
}
