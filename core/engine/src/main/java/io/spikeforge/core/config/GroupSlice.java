package io.spikeforge.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One side of a projection as a config names it: a group, {@code P}, or a slice of one in Brian2's
 * subgroup notation, {@code P[:3200]}, {@code P[3200:]}, {@code P[100:200]}. Bounds may be left out or
 * count from the end when negative, as in Python; a slice that runs past the group or selects nothing
 * is refused rather than clipped, since that is a mistake in a network's wiring.
 *
 * @param group the group's name
 * @param from  the slice's first bound as written, or null
 * @param to    the slice's second bound as written, or null
 */
record GroupSlice(String group, Long from, Long to) {

    private static final Pattern SLICE = Pattern.compile("(.*?)\\s*\\[\\s*(-?\\d{1,18})?\\s*:\\s*(-?\\d{1,18})?\\s*]");

    /** @return the name or slice in {@code text}, or null when it has brackets that are not a slice */
    static GroupSlice parse(String text) {
        if (text.indexOf('[') < 0 && text.indexOf(']') < 0) {
            return new GroupSlice(text, null, null);
        }
        Matcher m = SLICE.matcher(text.trim());
        if (!m.matches() || m.group(1).isEmpty()) {
            return null;
        }
        return new GroupSlice(m.group(1), m.group(2) == null ? null : Long.valueOf(m.group(2)),
                m.group(3) == null ? null : Long.valueOf(m.group(3)));
    }

    /** @return the neurons it selects of a group of {@code size}, or null when it selects none or runs past the end */
    NetworkSpec.NeuronRange resolve(int size) {
        long a = from == null ? 0 : from < 0 ? from + size : from;
        long b = to == null ? size : to < 0 ? to + size : to;
        return 0 <= a && a < b && b <= size ? new NetworkSpec.NeuronRange((int) a, (int) b) : null;
    }
}
