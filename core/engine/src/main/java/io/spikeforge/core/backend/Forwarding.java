package io.spikeforge.core.backend;

import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each array element a fused loop touches at its item in a local for the rest of the item, so that
 * the members' loads of it after the first read that local, and only the last of their stores to it
 * reaches memory: the current that every input adds to is then read once and written once an item, as a
 * hand-written loop would (and the loop stays small enough for the JIT to vectorize). Sound because the
 * fused method holds each distinct array in one local (one array object, one local), so two locals never
 * name the same array, and because it applies only to straight-line bodies whose every array access is
 * {@code local[i]} through those locals and whose calls take no references: nothing else can see an
 * element between the member that writes it and the one that reads it. The floats are unchanged: each
 * read gets the value the element holds at that point.
 */
final class Forwarding {

    private Forwarding() {
    }

    /** What a value on the operand stack came from, as far as this needs to know. */
    private record Entry(int size, int array, boolean index) {
        static Entry other(int size) {
            return new Entry(size, -1, false);
        }
    }

    /**
     * {@return the body with its elements forwarded, or the body as it is when it is not straight-line
     * code that this can follow}
     *
     * @param body   one fused loop's body: instructions, and labels where one is bound
     * @param arrays the locals holding the fused method's arrays, each a distinct array
     * @param index  the loop variable's local
     * @param free   the next free local, advanced past the ones this takes
     */
    static List<Object> forward(List<Object> body, Collection<Integer> arrays, int index, int[] free) {
        Set<Integer> locals = new HashSet<>(arrays);
        if (simulate(body, locals, index, null, null) == null) {
            return body;
        }
        Map<Integer, Integer> cache = new HashMap<>();
        List<Object> out = new ArrayList<>();
        Map<Integer, Integer> lastStore = new HashMap<>();
        simulate(body, locals, index, out, (array, kind) -> cache.computeIfAbsent(array, a -> {
            int slot = free[0];
            free[0] += kind.slotSize();
            return slot;
        }));
        // The stores that a later store to the same element overwrites are dropped (their operands popped).
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k) instanceof StoreMark m) {
                Integer before = lastStore.put(m.array, k);
                if (before != null) {
                    StoreMark dead = (StoreMark) out.get(before);
                    out.set(before, new Dropped(dead.kind));
                }
            }
        }
        List<Object> flat = new ArrayList<>();
        for (Object x : out) {
            switch (x) {
                case StoreMark m -> flat.add(ArrayStoreInstruction.of(m.opcode));
                case Dropped d -> {
                    flat.add(StackInstruction.of(d.kind.slotSize() == 2 ? Opcode.POP2 : Opcode.POP));
                    flat.add(StackInstruction.of(Opcode.POP2));
                }
                default -> flat.add(x);
            }
        }
        return flat;
    }

    /** A store to an element, kept or dropped once every store is known. */
    private record StoreMark(int array, Opcode opcode, TypeKind kind) {
    }

    /** A store that a later one overwrites: its value and then its array and index are popped. */
    private record Dropped(TypeKind kind) {
    }

    private interface Slots {
        int of(int array, TypeKind kind);
    }

    /**
     * Follows the operand stack through the body. Without {@code out} it only checks that it can, and
     * returns null when not; with it, it writes the forwarded body.
     */
    private static List<Object> simulate(List<Object> body, Set<Integer> arrays, int index, List<Object> out,
                                         Slots slots) {
        List<Entry> stack = new ArrayList<>();
        Set<Integer> cached = new HashSet<>();
        for (Object x : body) {
            if (!(x instanceof Instruction ins)) {
                return null;
            }
            List<Object> emit = new ArrayList<>(List.of(x));
            switch (ins) {
                case LoadInstruction ld -> stack.add(ld.typeKind() == TypeKind.REFERENCE && arrays.contains(ld.slot())
                        ? new Entry(1, ld.slot(), false)
                        : ld.slot() == index ? new Entry(1, -1, true) : Entry.other(ld.typeKind().slotSize()));
                case StoreInstruction st -> {
                    if (st.typeKind() == TypeKind.REFERENCE || pop(stack) == null) {
                        return null;
                    }
                }
                case IncrementInstruction inc -> {
                }
                case NopInstruction nop -> {
                }
                case ConstantInstruction c -> stack.add(Entry.other(c.typeKind().slotSize()));
                case ConvertInstruction c -> {
                    if (pop(stack) == null) {
                        return null;
                    }
                    stack.add(Entry.other(c.toType().slotSize()));
                }
                case OperatorInstruction op -> {
                    int pops = switch (op.opcode()) {
                        case INEG, LNEG, FNEG, DNEG, ARRAYLENGTH -> 1;
                        default -> 2;
                    };
                    if (op.opcode() == Opcode.ARRAYLENGTH) {
                        return null;
                    }
                    for (int p = 0; p < pops; p++) {
                        if (pop(stack) == null) {
                            return null;
                        }
                    }
                    TypeKind result = switch (op.opcode()) {
                        case LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> TypeKind.INT;
                        default -> op.typeKind();
                    };
                    stack.add(Entry.other(result.slotSize()));
                }
                case InvokeInstruction inv -> {
                    if (inv.opcode() != Opcode.INVOKESTATIC) {
                        return null;
                    }
                    for (ClassDesc p : inv.typeSymbol().parameterList()) {
                        if (!p.isPrimitive() || pop(stack) == null) {
                            return null;
                        }
                    }
                    ClassDesc r = inv.typeSymbol().returnType();
                    if (!r.isPrimitive()) {
                        return null;
                    }
                    if (!r.descriptorString().equals("V")) {
                        stack.add(Entry.other(r.descriptorString().equals("J") || r.descriptorString().equals("D") ? 2 : 1));
                    }
                }
                case ArrayLoadInstruction ld -> {
                    Entry i = pop(stack);
                    Entry a = pop(stack);
                    TypeKind kind = ld.typeKind();
                    if (i == null || a == null || !i.index() || a.array() < 0 || !whole(kind)) {
                        return null;
                    }
                    if (out != null) {
                        int slot = slots.of(a.array(), kind);
                        if (cached.contains(a.array())) {
                            emit = List.of(StackInstruction.of(Opcode.POP2), LoadInstruction.of(kind, slot));
                        } else {
                            emit = List.of(ld, StackInstruction.of(kind.slotSize() == 2 ? Opcode.DUP2 : Opcode.DUP),
                                    StoreInstruction.of(kind, slot));
                            cached.add(a.array());
                        }
                    }
                    stack.add(Entry.other(kind.slotSize()));
                }
                case ArrayStoreInstruction st -> {
                    Entry v = pop(stack);
                    Entry i = pop(stack);
                    Entry a = pop(stack);
                    TypeKind kind = st.typeKind();
                    if (v == null || i == null || a == null || !i.index() || a.array() < 0 || !whole(kind)) {
                        return null;
                    }
                    if (out != null) {
                        int slot = slots.of(a.array(), kind);
                        emit = List.of(StackInstruction.of(kind.slotSize() == 2 ? Opcode.DUP2_X2 : Opcode.DUP_X2),
                                new StoreMark(a.array(), st.opcode(), kind), StoreInstruction.of(kind, slot));
                        cached.add(a.array());
                    }
                }
                case StackInstruction si -> {
                    if (!stackOp(si.opcode(), stack)) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
            if (out != null) {
                out.addAll(emit);
            }
        }
        return stack.isEmpty() ? body : null;
    }

    /**
     * Whether elements of this kind are kept as they are: a byte, short or char array truncates what it
     * stores, which a local would not.
     */
    private static boolean whole(TypeKind kind) {
        return kind == TypeKind.INT || kind == TypeKind.FLOAT || kind == TypeKind.LONG || kind == TypeKind.DOUBLE;
    }

    private static Entry pop(List<Entry> stack) {
        return stack.isEmpty() ? null : stack.removeLast();
    }

    /** The stack instructions javac writes in such bodies; false for any other, or a shape it cannot follow. */
    private static boolean stackOp(Opcode op, List<Entry> stack) {
        int n = stack.size();
        switch (op) {
            case POP -> {
                return n > 0 && stack.removeLast().size() == 1;
            }
            case POP2 -> {
                if (n > 0 && stack.get(n - 1).size() == 2) {
                    stack.removeLast();
                    return true;
                }
                if (n > 1 && stack.get(n - 1).size() == 1 && stack.get(n - 2).size() == 1) {
                    stack.removeLast();
                    stack.removeLast();
                    return true;
                }
                return false;
            }
            case DUP -> {
                if (n == 0 || stack.get(n - 1).size() != 1) {
                    return false;
                }
                stack.add(stack.get(n - 1));
                return true;
            }
            case DUP2 -> {
                if (n > 0 && stack.get(n - 1).size() == 2) {
                    stack.add(stack.get(n - 1));
                    return true;
                }
                if (n > 1 && stack.get(n - 1).size() == 1 && stack.get(n - 2).size() == 1) {
                    Entry a = stack.get(n - 2);
                    Entry b = stack.get(n - 1);
                    stack.add(a);
                    stack.add(b);
                    return true;
                }
                return false;
            }
            case DUP_X1 -> {
                if (n < 2 || stack.get(n - 1).size() != 1 || stack.get(n - 2).size() != 1) {
                    return false;
                }
                stack.add(n - 2, stack.get(n - 1));
                return true;
            }
            case DUP_X2 -> {
                if (n < 3 || stack.get(n - 1).size() != 1 || stack.get(n - 2).size() != 1
                        || stack.get(n - 3).size() != 1) {
                    return false;
                }
                stack.add(n - 3, stack.get(n - 1));
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
