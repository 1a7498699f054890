package io.spikeforge.tornado;

import java.lang.classfile.ClassFile;
import java.lang.classfile.Label;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.TypeKind;
import java.lang.classfile.constantpool.ConstantPoolBuilder;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.MethodRefEntry;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The code of a TornadoVM task of any number of arguments: an object of TornadoVM's {@code Task} (no
 * arguments) whose fields hold the arguments and whose {@code apply()} calls a static kernel method
 * with them, as a lambda {@code () -> run(a0, a1, ...)} capturing them would. TornadoVM passes a
 * task's captured values to the kernel as its arguments, in the order of the fields, so the typed
 * tasks' limit of 20 does not apply.
 *
 * <p>The class is written here rather than made by {@code LambdaMetafactory} because TornadoVM 5.2
 * finds the kernel by scanning {@code apply}'s bytecode for the first {@code invokestatic} byte and
 * reads only the low byte of its constant-pool index, as a signed byte: with many captured values a
 * lambda's index of the method is past 127, or a field's index before it reads as {@code invokestatic}
 * (the field entries' indices the JVM rewrites them to count up from 0: the 185th is 0xb8), and
 * TornadoVM fails ("invalid method index"). Here the method's entry comes first in the pool, and
 * {@code apply} jumps over its call to load the fields and jumps back, so the call is its fourth byte;
 * {@link #define} checks the class it wrote the way TornadoVM will read it.
 */
final class StepLaunch {

    private static final int INVOKESTATIC = 0xb8;

    private StepLaunch() {
    }

    /**
     * {@return a {@code task} whose {@code apply()} calls {@code kernel} with {@code args}}
     *
     * @param task   TornadoVM's {@code TornadoFunctions.Task}
     * @param kernel a public static method of a public class
     * @param args   its arguments, boxed where primitive
     */
    static Object define(Class<?> task, Method kernel, Object[] args) throws ReflectiveOperationException {
        Class<?>[] types = kernel.getParameterTypes();
        ClassDesc self = ClassDesc.of(StepLaunch.class.getPackageName(), "StepLaunchTask");
        ClassDesc owner = desc(kernel.getDeclaringClass());
        ClassDesc[] params = new ClassDesc[types.length];
        for (int k = 0; k < types.length; k++) {
            params[k] = desc(types[k]);
        }
        MethodTypeDesc runType = MethodTypeDesc.of(ConstantDescs.CD_void, params);
        byte[] bytes = ClassFile.of().build(self, cb -> {
            ConstantPoolBuilder cp = cb.constantPool();
            // First in the pool: its index is a small positive byte, the one TornadoVM reads.
            MethodRefEntry target = cp.methodRefEntry(owner, kernel.getName(), runType);
            List<FieldRefEntry> fields = new ArrayList<>();
            for (int k = 0; k < types.length; k++) {
                fields.add(cp.fieldRefEntry(self, "f" + k, params[k]));
            }
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            cb.withInterfaceSymbols(desc(task));
            for (int k = 0; k < types.length; k++) {
                cb.withField("f" + k, params[k], ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
            }
            // goto load; call: invokestatic run; return; load: the fields onto the stack; goto call. The call's
            // opcode is then apply's fourth byte, before any field's index, whatever those read as.
            cb.withMethodBody("apply", ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> {
                Label load = code.newLabel();
                Label call = code.newLabel();
                code.goto_(load);
                code.labelBinding(call);
                code.invokestatic(target);
                code.return_();
                code.labelBinding(load);
                for (FieldRefEntry f : fields) {
                    code.aload(0);
                    code.getfield(f);
                }
                code.goto_(call);
            });
            cb.withMethodBody(ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void, params),
                    ClassFile.ACC_PUBLIC, code -> {
                        code.aload(0);
                        code.invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                        int slot = 1;
                        for (int k = 0; k < types.length; k++) {
                            TypeKind kind = TypeKind.from(params[k]);
                            code.aload(0);
                            code.loadLocal(kind, slot);
                            code.putfield(fields.get(k));
                            slot += kind.slotSize();
                        }
                        code.return_();
                    });
        });
        check(bytes, target(bytes));
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
        try {
            return hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class, types))
                    .invokeWithArguments(args);
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the pool index of the method {@code apply} invokes} */
    private static int target(byte[] bytes) {
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            if (m.methodName().equalsString("apply")) {
                for (var e : m.code().orElseThrow()) {
                    if (e instanceof java.lang.classfile.instruction.InvokeInstruction i) {
                        return i.method().index();
                    }
                }
            }
        }
        throw new IllegalStateException("apply invokes nothing");
    }

    /** Reads apply's code as TornadoVM 5.2 does: the first invokestatic byte, its next-but-one byte, signed. */
    private static void check(byte[] bytes, int index) {
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            if (m.methodName().equalsString("apply")) {
                CodeModel code = m.code().orElseThrow();
                byte[] bc = ((java.lang.classfile.attribute.CodeAttribute) code).codeArray();
                for (int i = 0; i < bc.length; i++) {
                    if (bc[i] == (byte) INVOKESTATIC) {
                        if (bc[i + 2] != index) {
                            throw new IllegalStateException("TornadoVM would read the kernel's index as " + bc[i + 2]
                                    + ", not " + index);
                        }
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("no invokestatic in apply");
    }

    private static ClassDesc desc(Class<?> c) {
        return c.describeConstable().orElseThrow(() -> new IllegalStateException("no descriptor for " + c));
    }
}
