package io.spikeforge.spi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Kernel} declaration says, at run time: the method, whether it is serial, and for each
 * parameter after {@code (from, to)} its name, type and access. The processor writes one for each
 * kernel into the generated {@code Calls} class; backends read it to run the kernel's device form, and
 * the engine to know what a task reads and writes.
 */
public final class KernelSignature {

    /** How a kernel uses a parameter. */
    public enum Access {
        /** A primitive value, the same for every item of a step. */
        SCALAR,
        /** An array the kernel only reads ({@link Read}). */
        READ,
        /** An array the kernel writes, and may also read ({@link Write}). */
        WRITE
    }

    /**
     * A parameter after {@code (from, to)}.
     *
     * @param name   its name in the declaration
     * @param type   a primitive type or a primitive array type
     * @param access how the kernel uses it
     * @param local  for an array: touched only at the items' indices ({@link Local} or elementwise)
     */
    public record Param(String name, Class<?> type, Access access, boolean local) {

        /**
         * Checks the parameter.
         *
         * @param name   its name in the declaration
         * @param type   a primitive type or a primitive array type
         * @param access how the kernel uses it
         * @param local  for an array: touched only at the items' indices
         */
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(access, "access");
            boolean array = type.isArray() && type.getComponentType().isPrimitive();
            if (array == (access == Access.SCALAR) || !(array || type.isPrimitive())) {
                throw new IllegalArgumentException("kernel parameter " + name + ": " + type.getSimpleName()
                        + " with access " + access);
            }
        }
    }

    private final Class<?> declaringClass;
    private final String name;
    private final Class<?> deviceClass;
    private final boolean serial;
    private final List<Param> params;

    private KernelSignature(Class<?> declaringClass, String name, Class<?> deviceClass, boolean serial,
                            List<Param> params) {
        this.declaringClass = Objects.requireNonNull(declaringClass, "declaringClass");
        this.name = Objects.requireNonNull(name, "name");
        this.deviceClass = Objects.requireNonNull(deviceClass, "deviceClass");
        this.serial = serial;
        this.params = List.copyOf(params);
    }

    /**
     * {@return the signature of a kernel}; generated code calls this
     *
     * @param declaringClass the class that declares the kernel
     * @param name           the kernel method's name
     * @param deviceClass    the generated class holding its device form
     * @param serial         whether the kernel is serial ({@link Kernel#serial()})
     * @param params         its parameters after {@code (from, to)}, in order
     */
    public static KernelSignature of(Class<?> declaringClass, String name, Class<?> deviceClass, boolean serial,
                                     Param... params) {
        return new KernelSignature(declaringClass, name, deviceClass, serial, List.of(params));
    }

    /** {@return the class that declares the kernel} */
    public Class<?> declaringClass() {
        return declaringClass;
    }

    /** {@return the kernel method's name} */
    public String name() {
        return name;
    }

    /** {@return {@code Class.method}, for listings and messages} */
    public String qualifiedName() {
        return declaringClass.getSimpleName() + "." + name;
    }

    /** {@return the generated class that holds the device form} */
    public Class<?> deviceClass() {
        return deviceClass;
    }

    /** {@return whether the kernel runs as one range on one thread or work-item} */
    public boolean serial() {
        return serial;
    }

    /** {@return the parameters after {@code (from, to)}} */
    public List<Param> params() {
        return params;
    }

    /**
     * {@return the parameter types of the device form: {@code int size}, for a parallel kernel
     * {@code int blocks}, then the parameters}
     */
    public Class<?>[] deviceParameterTypes() {
        List<Class<?>> types = new ArrayList<>();
        types.add(int.class);
        if (!serial) {
            types.add(int.class);
        }
        params.forEach(p -> types.add(p.type()));
        return types.toArray(Class<?>[]::new);
    }

    /**
     * {@return the device form, {@code deviceClass().name(int size, int blocks, params...)} for a
     * parallel kernel, which splits the items into {@code blocks} ranges of one work-item each, and
     * {@code deviceClass().name(int size, params...)} for a serial one}
     *
     * @throws IllegalStateException when the generated class lacks it (a stale build)
     */
    public Method deviceMethod() {
        try {
            return deviceClass.getMethod(name, deviceParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("kernel " + qualifiedName() + " has no device form in "
                    + deviceClass.getName() + " (rebuild the classes generated from its declaration)", e);
        }
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
