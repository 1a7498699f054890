package io.spikeforge.core.backend;

import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import io.spikeforge.spi.RangeBody;
import io.spikeforge.spi.StepTask;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.PseudoInstruction;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a chain's consecutive elementwise kernels as one loop over their items instead of one pass
 * each: a population's input, synapse updates, outputs and neuron update then read and write each
 * neuron's state once a step, where separate passes stream every array through the cache once per
 * kernel (a COBA 4000 step made five passes over 16 KB arrays, see BENCHMARKS.md, issue 21).
 *
 * <p>Nothing is written twice: the fused loop is the members' own loop bodies, copied from their class
 * files (the kernels as javac compiled them, calling the same element functions), one after another for
 * each item, in task order. That is what running the chain in tiles of one item does, and an
 * elementwise kernel must give the same floats in any tiling (the backend runs chains tile by tile), so
 * the fused loop gives the members' floats bit for bit. Only kernels made of canonical loops
 * {@code for (int i = from; i < to; i++) {...}} and nothing else are copied; a member's second and later
 * loops each begin a new fused loop, since a kernel's author cuts its loops where one would grow past
 * what the JIT vectorizes (the LIF update's two), and a fused loop also ends before its bodies' bytecode
 * would pass {@link #MAX_LOOP_BYTES}. A kernel with a JVM host form, a body that reaches anything not
 * public, or any other shape is left to run as its own pass.
 */
final class LoopFusion {

    /**
     * The most bytecode a fused loop's bodies may have (before {@link Forwarding}): C2 vectorizes a loop
     * only when it unrolls it, and it unrolls only a body below its node limit ({@code
     * -XX:LoopUnrollLimit}). Measured on JDK 25 with COBA 4000's chain: a population's input and two
     * synapse-and-output bodies (100 bytes) in one loop took 1.6 against 2.3 us as three passes, with the
     * LIF update's first loop added (131 bytes) 14 us, not vectorized.
     */
    static final int MAX_LOOP_BYTES = Integer.getInteger("spikeforge.fuseLoops.maxBytes", 110);

    private static final ClassDesc RANGE_BODY = ClassDesc.of(RangeBody.class.getName());

    private LoopFusion() {
    }

    /** One canonical loop of a kernel: its body, the slot of its loop variable, and its body's code size. */
    private record Loop(Class<?> kernel, String method, List<CodeElement> body, int index, int bytes) {
    }

    /** A kernel method's loops, or empty when it is not made of canonical loops only. */
    private record Shape(List<Loop> loops, int paramSlots) {
    }

    private static final Map<String, Optional<Shape>> SHAPES = new ConcurrentHashMap<>();
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    /**
     * {@return the tasks with each maximal run of two or more fusable ones replaced by one fused task}
     * Tasks keep their order; a fused task is named after its members, joined with '+'.
     *
     * @param tasks consecutive elementwise tasks of one chain, of one size
     */
    static List<StepTask> fuse(List<StepTask> tasks) {
        return fuse(tasks, false);
    }

    /**
     * {@link #fuse(List)}; with {@code warm} a thread starts getting each fused class compiled
     * ({@link FusedWarmup}).
     */
    static List<StepTask> fuse(List<StepTask> tasks, boolean warm) {
        return instantiate(tasks, segments(tasks), warm);
    }

    /** Fused classes written with the class-file library in this JVM (what the disk cache saves). */
    static final java.util.concurrent.atomic.AtomicInteger GENERATED = new java.util.concurrent.atomic.AtomicInteger();

    /** Runs whose fused loops came from a disk cache entry, in this JVM. */
    static final java.util.concurrent.atomic.AtomicInteger CACHE_HITS = new java.util.concurrent.atomic.AtomicInteger();

    /** {@return how {@code tasks} fuse: each maximal run of two or more fusable tasks one class file} */
    static List<FusedLoopCache.Segment> segments(List<StepTask> tasks) {
        List<FusedLoopCache.Segment> out = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (int k = 0; k <= tasks.size(); k++) {
            Optional<Shape> s = k < tasks.size() ? shape(tasks.get(k)) : Optional.empty();
            if (s.isPresent()) {
                shapes.add(s.get());
                continue;
            }
            int from = k - shapes.size();
            if (shapes.size() >= 2) {
                List<StepTask> run = tasks.subList(from, k);
                List<KernelCall> calls = run.stream().map(t -> t.kernel().orElseThrow()).toList();
                String name = className(calls);
                byte[] bytes = generate(run, shapes, name);
                FusedLoopJar.add(name, bytes);
                out.add(new FusedLoopCache.Segment(from, k, bytes, key(calls), name));
            } else {
                for (int q = from; q < k; q++) {
                    out.add(FusedLoopCache.Segment.plain(q));
                }
            }
            if (k < tasks.size()) {
                out.add(FusedLoopCache.Segment.plain(k));
            }
            shapes.clear();
        }
        return out;
    }

    /**
     * {@return the tasks the segments make}: each fused segment one task of its class, each other its
     * member; with {@code warm}, a thread starts getting each fused class compiled ({@link FusedWarmup})
     *
     * @throws IllegalStateException when a fused class does not load (a class file not this JVM's)
     */
    static List<StepTask> instantiate(List<StepTask> tasks, List<FusedLoopCache.Segment> segments, boolean warm) {
        List<StepTask> out = new ArrayList<>();
        for (FusedLoopCache.Segment s : segments) {
            List<StepTask> run = tasks.subList(s.from(), s.to());
            StepTask f = s.bytes() == null ? null : fused(run, s.bytes(), warm);
            if (f != null) {
                out.add(f);
            } else {
                out.addAll(run);
            }
        }
        return out;
    }

    /**
     * {@return the key of the disk cache's entry for {@code tasks}}: each member's kernel, a checksum of
     * its class file and which of its arguments are the same array, the generator's checksums and the Java
     * version; null when a class file cannot be read (such a run is not cached)
     */
    static String cacheKey(List<StepTask> tasks) {
        String prefix = prefix();
        if (prefix == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(prefix);
        List<KernelCall> calls = new ArrayList<>();
        for (StepTask t : tasks) {
            Optional<KernelCall> call = t.kernel();
            if (t.pending() || t.serial() || call.isEmpty()) {
                key.append("|-");
                continue;
            }
            Long crc = classCrc(call.get().signature().declaringClass());
            if (crc == null) {
                return null;
            }
            key.append('|').append(Long.toHexString(crc));
            calls.add(call.get());
        }
        // The members' kernels and their arrays' sameness, as the in-memory classes are keyed.
        return key.append('|').append(key(calls)).toString();
    }

    /** The key's first part: the entry format, the Java version and the generator's class files; null when unread. */
    private static String prefix() {
        StringBuilder key = new StringBuilder("v1;java ").append(Runtime.version().feature()).append(';');
        for (Class<?> c : List.of(LoopFusion.class, Forwarding.class)) {
            Long crc = classCrc(c);
            if (crc == null) {
                return null;
            }
            key.append(Long.toHexString(crc)).append(';');
        }
        return key.toString();
    }

    private static final Map<Class<?>, Long> CRCS = new ConcurrentHashMap<>();

    private static Long classCrc(Class<?> k) {
        return CRCS.computeIfAbsent(k, c -> {
            String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
            try (InputStream in = c.getResourceAsStream(file)) {
                if (in == null) {
                    return null;
                }
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(in.readAllBytes());
                return crc.getValue();
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * {@return one task for {@code run}, built now}: its fused loops from the disk cache when an entry
     * is there (no class-file library, nothing generated), else generated now and stored when {@code now},
     * else {@link FusedSwitch#deferred deferred} (and stored once the fusing thread has made them).
     * Loops from the cache run from the first step when their classes are on the class path or without
     * {@code warm}, else once they are faster than the members ({@link FusedSwitch}). With
     * {@code onlyNamed}, null unless the cache has the run's loops and the class path their classes.
     */
    static StepTask atBuild(List<StepTask> run, FusedLoopCache cache, boolean now, boolean warm, boolean onlyNamed) {
        String key = cacheKey(run);
        List<FusedLoopCache.Segment> segments = key == null ? null : cache.load(key, run.size());
        if (segments != null) {
            try {
                // Classes of the class path (the launcher's jar) come with the ahead-of-time cache's profiles
                // and are compiled as they load: they run from the first step, with nothing to wait for.
                segments.stream().filter(x -> x.bytes() != null).forEach(x -> FusedLoopJar.add(x.name(), x.bytes()));
                boolean named = segments.stream().filter(x -> x.bytes() != null)
                        .allMatch(x -> load(x.name().replace('.', '/')) != null);
                if (onlyNamed && !named) {
                    return null;
                }
                boolean sample = warm && !named;
                List<StepTask> loaded = instantiate(run, segments, sample);
                CACHE_HITS.incrementAndGet();
                return sample ? FusedSwitch.switching(run, run, loaded, -1, null, null)
                        : FusedSwitch.switching(run, loaded, null, -1, null, null);
            } catch (IllegalStateException e) {
                // An entry that reads back whole but does not load: written anew below.
            }
        }
        if (onlyNamed) {
            return null;
        }
        if (now) {
            List<FusedLoopCache.Segment> made = segments(run);
            if (key != null) {
                cache.store(key, made);
            }
            return FusedSwitch.switching(run, instantiate(run, made, false), null, -1, null, null);
        }
        return FusedSwitch.switching(run, run, null, FusedSwitch.START_AFTER_CALLS, cache, key);
    }

    private static Optional<Shape> shape(StepTask t) {
        if (t.pending() || t.serial()) {
            return Optional.empty();
        }
        Optional<KernelCall> call = t.kernel();
        if (call.isEmpty()) {
            return Optional.empty();
        }
        KernelSignature s = call.get().signature();
        Class<?> k = s.declaringClass();
        if (!visible(k) || hasHostForm(k, s)) {
            return Optional.empty();
        }
        String key = k.getName() + "." + s.name() + descriptor(s);
        return SHAPES.computeIfAbsent(key, x -> read(k, s));
    }

    /** Whether the fused class, defined beside this one, reaches {@code k} and what it is public for. */
    private static boolean visible(Class<?> k) {
        if (!Modifier.isPublic(k.getModifiers())) {
            return false;
        }
        try {
            return Class.forName(k.getName(), false, LoopFusion.class.getClassLoader()) == k;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A {@code @HostForm}: a method of the kernel's name and parameters in a class nested in its class. */
    private static boolean hasHostForm(Class<?> k, KernelSignature s) {
        Class<?>[] types = parameterTypes(s);
        for (Class<?> nested : k.getDeclaredClasses()) {
            try {
                nested.getDeclaredMethod(s.name(), types);
                return true;
            } catch (NoSuchMethodException e) {
                // not this one
            }
        }
        return false;
    }

    private static Class<?>[] parameterTypes(KernelSignature s) {
        List<Class<?>> types = new ArrayList<>(List.of(int.class, int.class));
        s.params().forEach(p -> types.add(p.type()));
        return types.toArray(Class<?>[]::new);
    }

    private static String descriptor(KernelSignature s) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> c : parameterTypes(s)) {
            d.append(c.descriptorString());
        }
        return d.append(")V").toString();
    }

    /** Reads the kernel's method from its class file and cuts it into canonical loops. */
    private static Optional<Shape> read(Class<?> k, KernelSignature s) {
        byte[] bytes;
        String file = k.getName().substring(k.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = k.getResourceAsStream(file)) {
            if (in == null) {
                return Optional.empty();
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return Optional.empty();
        }
        ClassModel model = ClassFile.of().parse(bytes);
        String descriptor = descriptor(s);
        for (MethodModel m : model.methods()) {
            if (m.methodName().equalsString(s.name()) && m.methodType().equalsString(descriptor)
                    && m.flags().has(java.lang.reflect.AccessFlag.STATIC)) {
                int paramSlots = 2;
                for (KernelSignature.Param p : s.params()) {
                    paramSlots += kind(p.type()).slotSize();
                }
                int slots = paramSlots;
                return m.code().flatMap(c -> loops(k, s.name(), c, slots)).map(l -> new Shape(l, slots));
            }
        }
        return Optional.empty();
    }

    /**
     * The loops javac writes for {@code for (int i = from; i < to; i++) body}, one after another and then
     * {@code return}: {@code iload from; istore i; L: iload i; iload to; if_icmpge E; body; iinc i 1;
     * goto L; E:}. Anything else, or a body that branches out of itself, writes its loop variable, reads a
     * local it did not write, or touches what is not public, and the method is not copied.
     */
    private static Optional<List<Loop>> loops(Class<?> k, String method, CodeModel code, int paramSlots) {
        // Labels that no branch targets (the bounds of a local's debug range) are left out.
        java.util.Set<Label> targets = new java.util.HashSet<>();
        for (CodeElement x : code.elementList()) {
            if (x instanceof BranchInstruction b) {
                targets.add(b.target());
            }
        }
        List<CodeElement> e = new ArrayList<>();
        for (CodeElement x : code.elementList()) {
            if (x instanceof LabelTarget t && !targets.contains(t.label())) {
                continue;
            }
            if (x instanceof Instruction || x instanceof LabelTarget || x instanceof ExceptionCatch) {
                e.add(x);
            } else if (!(x instanceof PseudoInstruction)) {
                return Optional.empty();
            }
        }
        List<Loop> loops = new ArrayList<>();
        int p = 0;
        while (p < e.size()) {
            if (e.get(p) instanceof ReturnInstruction r && r.typeKind() == TypeKind.VOID) {
                for (int q = p + 1; q < e.size(); q++) {
                    if (!(e.get(q) instanceof LabelTarget)) {
                        return Optional.empty();
                    }
                }
                return loops.isEmpty() ? Optional.empty() : Optional.of(loops);
            }
            if (e.get(p) instanceof LabelTarget) {
                p++;
                continue;
            }
            if (p + 6 > e.size() || !(e.get(p) instanceof LoadInstruction from && from.slot() == 0
                    && from.typeKind() == TypeKind.INT && e.get(p + 1) instanceof StoreInstruction init
                    && init.typeKind() == TypeKind.INT && init.slot() >= paramSlots
                    && e.get(p + 2) instanceof LabelTarget top && e.get(p + 3) instanceof LoadInstruction i
                    && i.slot() == init.slot() && i.typeKind() == TypeKind.INT
                    && e.get(p + 4) instanceof LoadInstruction to && to.slot() == 1 && to.typeKind() == TypeKind.INT
                    && e.get(p + 5) instanceof BranchInstruction exit && exit.opcode() == Opcode.IF_ICMPGE)) {
                return Optional.empty();
            }
            int index = init.slot();
            int end = -1;
            for (int q = p + 6; q + 2 < e.size(); q++) {
                if (e.get(q) instanceof IncrementInstruction inc && inc.slot() == index && inc.constant() == 1
                        && e.get(q + 1) instanceof BranchInstruction back && back.opcode() == Opcode.GOTO
                        && back.target() == top.label() && e.get(q + 2) instanceof LabelTarget out
                        && out.label() == exit.target()) {
                    end = q;
                    break;
                }
            }
            if (end < 0) {
                return Optional.empty();
            }
            List<CodeElement> body = List.copyOf(e.subList(p + 6, end));
            int bytes = bodyBytes(body, index, paramSlots);
            if (bytes < 0 || !reachable(body)) {
                return Optional.empty();
            }
            loops.add(new Loop(k, method, body, index, bytes));
            p = end + 3;
        }
        return Optional.empty();
    }

    /** An estimate of the body's bytecode size, or -1 when it cannot be copied into another loop. */
    private static int bodyBytes(List<CodeElement> body, int index, int paramSlots) {
        java.util.Set<Label> inside = new java.util.HashSet<>();
        java.util.Set<Integer> written = new java.util.HashSet<>();
        for (CodeElement x : body) {
            if (x instanceof LabelTarget t) {
                inside.add(t.label());
            }
        }
        int bytes = 0;
        for (CodeElement x : body) {
            switch (x) {
                case LabelTarget t -> {
                }
                case ExceptionCatch c -> {
                    return -1;
                }
                case TableSwitchInstruction t -> {
                    return -1;
                }
                case LookupSwitchInstruction l -> {
                    return -1;
                }
                case ReturnInstruction r -> {
                    return -1;
                }
                case BranchInstruction b -> {
                    if (!inside.contains(b.target())) {
                        return -1;
                    }
                }
                case StoreInstruction st -> {
                    if (st.slot() == index || st.slot() < paramSlots) {
                        return -1;
                    }
                    written.add(st.slot());
                }
                case IncrementInstruction inc -> {
                    if (inc.slot() == index || inc.slot() < paramSlots || !written.contains(inc.slot())) {
                        return -1;
                    }
                }
                case LoadInstruction ld -> {
                    // Locals of the body are written before they are read, in the order javac lays out a
                    // body without branches back; any other is the method's, outside the loop.
                    if (ld.slot() >= paramSlots && ld.slot() != index && !written.contains(ld.slot())) {
                        return -1;
                    }
                }
                default -> {
                }
            }
            if (x instanceof Instruction ins) {
                bytes += ins.sizeInBytes();
            }
        }
        return bytes;
    }

    /** Whether every method and field the body uses is public, in a public class the fused class sees. */
    private static boolean reachable(List<CodeElement> body) {
        for (CodeElement x : body) {
            try {
                if (x instanceof InvokeInstruction inv) {
                    Class<?> owner = load(inv.owner().asInternalName());
                    if (owner == null || !visible(owner) || !publicMethod(owner, inv.name().stringValue(),
                            inv.typeSymbol())) {
                        return false;
                    }
                } else if (x instanceof FieldInstruction f) {
                    Class<?> owner = load(f.owner().asInternalName());
                    if (owner == null || !visible(owner)
                            || !Modifier.isPublic(owner.getField(f.name().stringValue()).getModifiers())) {
                        return false;
                    }
                } else if (x instanceof Instruction ins && (ins.opcode() == Opcode.INVOKEDYNAMIC
                        || ins.opcode() == Opcode.NEW || ins.opcode() == Opcode.MONITORENTER)) {
                    return false;
                }
            } catch (NoSuchFieldException | SecurityException e) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, LoopFusion.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean publicMethod(Class<?> owner, String name, MethodTypeDesc type) {
        for (java.lang.reflect.Method m : owner.getMethods()) {
            if (m.getName().equals(name) && MethodTypeDesc.ofDescriptor(
                    java.lang.invoke.MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                            .toMethodDescriptorString()).equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static TypeKind kind(Class<?> type) {
        if (type == long.class) {
            return TypeKind.LONG;
        }
        if (type == float.class) {
            return TypeKind.FLOAT;
        }
        if (type == double.class) {
            return TypeKind.DOUBLE;
        }
        if (type.isPrimitive()) {
            return TypeKind.INT;
        }
        return TypeKind.REFERENCE;
    }

    /**
     * The fused task: a hidden class whose {@code run(from, to)} holds the members' arguments in locals
     * and runs the members' loop bodies item by item, in fused loops.
     */
    /**
     * {@return the fused class's name}: named by a hash of what its code depends on (the generator, the
     * members' class files, their kernels and arrays' sameness), so that the launcher's jar of fused
     * classes ({@link FusedLoopJar}) never holds a class of other code under the same name
     */
    static String className(List<KernelCall> calls) {
        StringBuilder what = new StringBuilder(String.valueOf(prefix()));
        for (KernelCall c : calls) {
            what.append(classCrc(c.signature().declaringClass())).append(',');
        }
        String k = what.append(key(calls)).toString();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return LoopFusion.class.getPackageName() + String.format(".FusedLoop_%08x%08x", k.hashCode(), crc.getValue());
    }

    private static byte[] generate(List<StepTask> run, List<Shape> shapes, String name) {
        List<KernelCall> calls = run.stream().map(t -> t.kernel().orElseThrow()).toList();
        List<ClassDesc> fieldTypes = new ArrayList<>();
        for (KernelCall c : calls) {
            for (int k = 0; k < c.args().size(); k++) {
                fieldTypes.add(c.signature().params().get(k).type().describeConstable().orElseThrow());
            }
        }
        GENERATED.incrementAndGet();
        // The fused loops: each member's first loop joins the current one, its later loops begin new ones.
        List<List<int[]>> plan = new ArrayList<>();
        int bytes = 0;
        for (int m = 0; m < shapes.size(); m++) {
            List<Loop> loops = shapes.get(m).loops();
            for (int l = 0; l < loops.size(); l++) {
                boolean fresh = plan.isEmpty() || l > 0 || bytes + loops.get(l).bytes() > MAX_LOOP_BYTES;
                if (fresh) {
                    plan.add(new ArrayList<>());
                    bytes = 0;
                }
                plan.getLast().add(new int[] {m, l});
                bytes += loops.get(l).bytes();
            }
        }
        ClassDesc self = ClassDesc.of(name);
        return ClassFile.of().build(self, cb -> {
                cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
                cb.withInterfaceSymbols(RANGE_BODY);
                for (int f = 0; f < fieldTypes.size(); f++) {
                    cb.withField("a" + f, fieldTypes.get(f), ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
                }
                cb.withMethodBody(ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void,
                        ConstantDescs.CD_Object.arrayType()), ClassFile.ACC_PUBLIC, code -> {
                    code.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                    for (int f = 0; f < fieldTypes.size(); f++) {
                        code.aload(0).aload(1).loadConstant(f).aaload();
                        unbox(code, fieldTypes.get(f));
                        code.putfield(self, "a" + f, fieldTypes.get(f));
                    }
                    code.return_();
                });
                cb.withMethodBody("run", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int,
                        ConstantDescs.CD_int), ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, code -> {
                    // Slots: 0 this, 1 from, 2 to, 3 the loop variable, then each member's parameters and
                    // each of its loops' locals, at the same offsets as in the member.
                    // An array that several members take is one local, so that the JIT sees one array where the
                    // members meet (the current every input adds to), not several that might alias.
                    int next = 4;
                    int[][] params = new int[calls.size()][];
                    Map<Object, Integer> arrays = new IdentityHashMap<>();
                    int field = 0;
                    for (int m = 0; m < calls.size(); m++) {
                        List<KernelSignature.Param> ps = calls.get(m).signature().params();
                        params[m] = new int[shapes.get(m).paramSlots()];
                        int memberSlot = 2;
                        for (int k = 0; k < ps.size(); k++, field++) {
                            TypeKind kind = kind(ps.get(k).type());
                            Object value = calls.get(m).args().get(k);
                            Integer shared = kind == TypeKind.REFERENCE ? arrays.get(value) : null;
                            if (shared == null) {
                                code.aload(0).getfield(self, "a" + field, fieldTypes.get(field));
                                code.storeLocal(kind, next);
                                shared = next;
                                next += kind.slotSize();
                                if (kind == TypeKind.REFERENCE) {
                                    arrays.put(value, shared);
                                }
                            }
                            params[m][memberSlot] = shared;
                            memberSlot += kind.slotSize();
                        }
                    }
                    // The bodies' own locals follow, each a slot of its own: dense, since C2 compiled the same
                    // loop several times slower with 60 unused slots per member in the method.
                    int[] free = {next};
                    for (List<int[]> loop : plan) {
                        Label top = code.newLabel();
                        Label exit = code.newLabel();
                        code.iload(1).istore(3).labelBinding(top).iload(3).iload(2).if_icmpge(exit);
                        List<Object> body = new ArrayList<>();
                        for (int[] ml : loop) {
                            copy(code, body, shapes.get(ml[0]).loops().get(ml[1]), params[ml[0]], free);
                        }
                        for (Object x : Forwarding.forward(body, arrays.values(), 3, free)) {
                            if (x instanceof Label l) {
                                code.labelBinding(l);
                            } else {
                                code.with((CodeElement) x);
                            }
                        }
                        code.iinc(3, 1).goto_(top).labelBinding(exit);
                    }
                    code.return_();
                });
            });
    }

    /**
     * The fused task of {@code run} whose class file {@link #generate} wrote: a hidden class whose
     * instance holds the members' arguments; with {@code warm}, its class's warm-up started.
     *
     * @throws IllegalStateException when the class does not load
     */
    private static StepTask fused(List<StepTask> run, byte[] classFile, boolean warm) {
        List<KernelCall> calls = run.stream().map(t -> t.kernel().orElseThrow()).toList();
        List<Object> args = new ArrayList<>();
        for (KernelCall c : calls) {
            args.addAll(c.args());
        }
        // The class depends only on the members' kernels and which of their arrays are the same array, so
        // runs of one JVM (a warm-up, `bench --repeat`) share it, and the code the JIT compiled for it.
        Class<?> c = define(key(calls), classFile, className(calls), names(run));
        RangeBody body;
        try {
            body = (RangeBody) c.getConstructor(Object[].class).newInstance((Object) args.toArray());
        } catch (ReflectiveOperationException | LinkageError e) {
            CLASSES.remove(key(calls), c); // a class file that does not verify: the next one may
            throw new IllegalStateException("the fused loop of " + names(run) + " does not load: " + e, e);
        }
        // Every member touches its arrays only at its items' indices (the backend fuses elementwise tasks only).
        Map<Object, Boolean> reads = new IdentityHashMap<>();
        Map<Object, Boolean> writes = new IdentityHashMap<>();
        for (StepTask t : run) {
            t.reads().forEach(a -> reads.put(a, true));
            t.writes().forEach(a -> writes.put(a, true));
        }
        StepTask.Builder b = StepTask.parallel(names(run), run.get(0).size()).reads(reads.keySet().toArray())
                .writes(writes.keySet().toArray()).elementwise();
        if (warm) {
            FusedWarmup.start(c, args);
        }
        return b.body(body);
    }

    /**
     * {@return the class of {@code key}}: this JVM's, the class {@code name} where the class path has it
     * (the launcher's jar of fused classes, whose code and profiles its ahead-of-time cache holds), or a
     * hidden class defined now from {@code classFile}
     */
    private static Class<?> define(String key, byte[] classFile, String name, String what) {
        return CLASSES.computeIfAbsent(key, k -> {
            Class<?> named = load(name.replace('.', '/'));
            if (named != null && RangeBody.class.isAssignableFrom(named)) {
                return named;
            }
            try {
                return MethodHandles.lookup().defineHiddenClass(classFile, true).lookupClass();
            } catch (IllegalAccessException | LinkageError | IllegalArgumentException e) {
                throw new IllegalStateException("the fused loop of " + what + " does not load: " + e, e);
            }
        });
    }

    /** The members' kernels, and for each array argument the first argument that is the same array. */
    private static String key(List<KernelCall> calls) {
        StringBuilder key = new StringBuilder().append(MAX_LOOP_BYTES);
        List<Object> seen = new ArrayList<>();
        for (KernelCall c : calls) {
            key.append(';').append(c.signature().declaringClass().getName()).append('.').append(c.signature().name())
                    .append(descriptor(c.signature()));
            for (int k = 0; k < c.args().size(); k++) {
                Object a = c.args().get(k);
                int first = -1;
                if (c.signature().params().get(k).access() != KernelSignature.Access.SCALAR) {
                    for (int q = 0; q < seen.size() && first < 0; q++) {
                        if (seen.get(q) == a) {
                            first = q;
                        }
                    }
                }
                key.append(',').append(first);
                seen.add(a);
            }
        }
        return key.toString();
    }

    static String names(List<StepTask> run) {
        return String.join("+", run.stream().map(StepTask::name).toList());
    }

    private static void unbox(CodeBuilder code, ClassDesc type) {
        switch (type.descriptorString()) {
            case "I" -> code.checkcast(ConstantDescs.CD_Integer).invokevirtual(ConstantDescs.CD_Integer, "intValue",
                    MethodTypeDesc.of(ConstantDescs.CD_int));
            case "F" -> code.checkcast(ConstantDescs.CD_Float).invokevirtual(ConstantDescs.CD_Float, "floatValue",
                    MethodTypeDesc.of(ConstantDescs.CD_float));
            case "J" -> code.checkcast(ConstantDescs.CD_Long).invokevirtual(ConstantDescs.CD_Long, "longValue",
                    MethodTypeDesc.of(ConstantDescs.CD_long));
            case "D" -> code.checkcast(ConstantDescs.CD_Double).invokevirtual(ConstantDescs.CD_Double, "doubleValue",
                    MethodTypeDesc.of(ConstantDescs.CD_double));
            case "Z" -> code.checkcast(ConstantDescs.CD_Boolean).invokevirtual(ConstantDescs.CD_Boolean,
                    "booleanValue", MethodTypeDesc.of(ConstantDescs.CD_boolean));
            case "S" -> code.checkcast(ConstantDescs.CD_Short).invokevirtual(ConstantDescs.CD_Short, "shortValue",
                    MethodTypeDesc.of(ConstantDescs.CD_short));
            case "B" -> code.checkcast(ConstantDescs.CD_Byte).invokevirtual(ConstantDescs.CD_Byte, "byteValue",
                    MethodTypeDesc.of(ConstantDescs.CD_byte));
            case "C" -> code.checkcast(ConstantDescs.CD_Character).invokevirtual(ConstantDescs.CD_Character,
                    "charValue", MethodTypeDesc.of(ConstantDescs.CD_char));
            default -> code.checkcast(type);
        }
    }

    /**
     * Copies one loop body into {@code out} (instructions, and labels where they are bound): the member's
     * from and to become the fused method's, its loop variable the
     * fused loop's, its parameters the locals {@code params} gives (by the member's slot), each of its own
     * locals a fresh slot from {@code free}; its labels become fresh ones.
     */
    private static void copy(CodeBuilder code, List<Object> out, Loop loop, int[] params, int[] free) {
        Map<Label, Label> labels = new HashMap<>();
        Map<Integer, Integer> locals = new HashMap<>();
        for (CodeElement x : loop.body()) {
            out.add(switch (x) {
                case LabelTarget t -> labels.computeIfAbsent(t.label(), l -> code.newLabel());
                case BranchInstruction b -> BranchInstruction.of(b.opcode(), labels.computeIfAbsent(b.target(),
                        l -> code.newLabel()));
                case LoadInstruction ld -> LoadInstruction.of(ld.typeKind(), slot(ld.slot(), ld.typeKind(), loop,
                        params, locals, free));
                case StoreInstruction st -> StoreInstruction.of(st.typeKind(), slot(st.slot(), st.typeKind(), loop,
                        params, locals, free));
                case IncrementInstruction inc -> IncrementInstruction.of(slot(inc.slot(), TypeKind.INT, loop, params,
                        locals, free), inc.constant());
                default -> x;
            });
        }
    }

    private static int slot(int s, TypeKind kind, Loop loop, int[] params, Map<Integer, Integer> locals, int[] free) {
        if (s == 0) {
            return 1;
        }
        if (s == 1) {
            return 2;
        }
        if (s == loop.index()) {
            return 3;
        }
        if (s < params.length) {
            return params[s];
        }
        return locals.computeIfAbsent(s, x -> {
            int slot = free[0];
            free[0] += kind.slotSize();
            return slot;
        });
    }
}
