package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code target} of an input or a monitor: a group, {@code P}, or a slice of one in the notation
 * of a projection's sides ({@link GroupSlice}): {@code P[:3200]}, {@code P[100:200]}, {@code P[-800:]},
 * Python's slices without a step. A slice that runs past the group or selects nothing is refused.
 *
 * @param group the group's name
 * @param range the neurons the slice selects, or null for the whole group
 */
record TargetSlice(String group, NetworkSpec.NeuronRange range) {

    /** @return the target at {@code path.target}, or null when it is missing or wrong (reported) */
    static TargetSlice read(SectionContext context, JsonNode node, String path, NameTable.Referent referent) {
        String at = path + ".target";
        String text = context.names().referenceText(node, "target", at, referent);
        if (text == null) {
            return null;
        }
        GroupSlice slice = GroupSlice.parse(text);
        if (slice == null) {
            context.problems().add(at, "'" + text + "' names no " + referent.words() + ", nor a slice of one; write a"
                    + " name, or NAME[from:to] with whole numbers, as Python slices are written (P[:3200], P[100:200])");
            return null;
        }
        if (!context.names().known(slice.group(), at, referent)) {
            return null;
        }
        boolean sliced = text.indexOf('[') >= 0;
        if (!sliced) {
            return new TargetSlice(slice.group(), null);
        }
        if (!context.table().declares(slice.group(), NameTable.GROUP)) {
            context.problems().add(at, "'" + slice.group() + "' is a projection: only the neurons of a population or"
                    + " spike source can be sliced; record some of its synapses with indices");
            return null;
        }
        Integer size = context.table().size(slice.group());
        if (size == null || size <= 0) {
            return null;
        }
        NetworkSpec.NeuronRange range = slice.resolve(size);
        if (range == null) {
            context.problems().add(at, "'" + text + "' is not a slice of the " + size + " neurons of " + slice.group()
                    + ": [from:to] needs 0 <= from < to <= " + size + " (a negative bound counts from the end)");
            return null;
        }
        return new TargetSlice(slice.group(), range);
    }
}
