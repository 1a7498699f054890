package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.spi.ConnectorModel;

/**
 * A projection's {@code pre} and {@code post}: each a group or a slice of one ({@link GroupSlice}), the
 * pre any group and the post a population.
 */
final class ProjectionSides {

    /**
     * One side of a projection.
     *
     * @param group   the group's name
     * @param range   its neurons that connect
     * @param written the side as the config writes it, for messages
     */
    record Side(String group, NetworkSpec.NeuronRange range, String written) {
    }

    private final NameChecks names;
    private final Problems problems;

    ProjectionSides(SectionContext context) {
        this.names = context.names();
        this.problems = context.problems();
    }

    /** @return the pre side, or null when it is wrong (reported) or names a group that failed validation */
    Side pre(JsonNode node, String path) {
        return side(node, "pre", path, NameTable.GROUP);
    }

    /** @return the post side, or null when it is wrong (reported) or names a group that failed validation */
    Side post(JsonNode node, String path) {
        JsonNode post = node.get("post");
        GroupSlice slice = post != null && post.isTextual() ? GroupSlice.parse(post.textValue()) : null;
        if (slice != null && names.table().isSpikeSource(slice.group())) {
            problems.add(path + ".post", "'" + slice.group() + "' is a spike source, which can only be a"
                    + " projection's pre; post must be a population. Known: "
                    + String.join(", ", names.table().all(NameTable.POPULATION)));
            return null;
        }
        return side(node, "post", path, NameTable.POPULATION);
    }

    private Side side(JsonNode node, String key, String path, NameTable.Referent referent) {
        String at = path + "." + key;
        String text = names.referenceText(node, key, at, referent);
        if (text == null) {
            return null;
        }
        GroupSlice slice = GroupSlice.parse(text);
        if (slice == null) {
            problems.add(at, "'" + text + "' names no " + referent.words() + ", nor a slice of one; write a name,"
                    + " or NAME[from:to] with whole numbers, as Brian2's subgroups are written (P[:3200], P[3200:])");
            return null;
        }
        if (!names.known(slice.group(), at, referent)) {
            return null;
        }
        Integer size = names.table().size(slice.group());
        if (size == null) {
            return null;
        }
        NetworkSpec.NeuronRange range = slice.resolve(size);
        if (range == null) {
            problems.add(at, "'" + text + "' is not a slice of the " + size + " neurons of " + slice.group()
                    + ": [from:to] needs 0 <= from < to <= " + size + " (a negative bound counts from the end)");
            return null;
        }
        return new Side(slice.group(), range, text);
    }

    /**
     * Slices of one group that overlap but start at different neurons reach the connector as different
     * neurons (see {@link NetworkSpec.Projection#sameNeurons}), so a connector told to leave out a neuron's
     * synapse onto itself could not do so there: refused, not ignored.
     */
    void refuseSelfConnectionsItCannotLeaveOut(ModelRef connector, Side pre, Side post) {
        String param = connector.call("when asked which parameter leaves out self-connections",
                () -> ((ConnectorModel) connector.factory()).selfConnectionsLeftOutBy(connector.params()));
        if (param != null && pre.group().equals(post.group()) && pre.range().overlaps(post.range())
                && pre.range().from() != post.range().from()) {
            problems.add(connector.path() + "." + param, connector.valueText(param) + " cannot leave out"
                    + " self-connections between '" + pre.written() + "' and '" + post.written() + "': the slices"
                    + " overlap but start at different neurons, and a connector pairs neuron i of one with neuron"
                    + " i of the other. Start both slices at the same neuron, or split the projection where they"
                    + " overlap");
        }
    }
}
