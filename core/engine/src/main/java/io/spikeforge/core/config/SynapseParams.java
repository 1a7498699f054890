package io.spikeforge.core.config;

import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.HashMap;
import java.util.Map;

/**
 * The parameters of a plasticity rule for one block of a projection's synapses, with the values of each
 * parameter given per synapse made for that block. A rule's synapses are known only once the projection's
 * connector has run, so these values are made at build time, not when the config is read: synapse
 * first + k of a projection of total synapses gets element k, drawn from (seed, first + k) with the seed
 * derived from the run's seed and {@code projection.plasticity.param.name}, computed with i = first + k and
 * N = total, or read from the {@code .npy} file loaded while the config was checked. A split projection
 * thus gets the values the unsplit one would.
 */
public final class SynapseParams implements Params {

    private final ParamValues base;
    private final Map<String, float[]> made;

    private SynapseParams(ParamValues base, Map<String, float[]> made) {
        this.base = base;
        this.made = made;
    }

    /**
     * {@return the rule's parameters for synapses [first, first + count) of {@code total}}; the rule's own
     * parameters when none is given per synapse
     *
     * @param model      the projection's plasticity block
     * @param projection the projection's name, which seeds the draws
     * @param runSeed    the run's seed
     * @throws IllegalArgumentException naming the parameter and the first synapse whose value is out of its range
     */
    public static Params forBlock(ModelRef model, String projection, long runSeed, long first, int count,
                                  long total) {
        return forSynapses(model, projection + ".plasticity", null, runSeed, first, count, total);
    }

    /**
     * {@return a block's parameters as {@link #forBlock}, for a model block whose parameters {@code names}
     * (all given per element when null) are made per synapse} {@code owner} ({@code projection.plasticity},
     * {@code projection.syn}) seeds the draws as {@code owner.param.name}; the others keep the values made
     * per slot when the config was read.
     */
    public static Params forSynapses(ModelRef model, String owner, java.util.Set<String> names, long runSeed,
                                     long first, int count, long total) {
        if (!(model.params() instanceof ParamValues values) || values.elementForms().isEmpty()) {
            return model.params();
        }
        Map<String, float[]> made = new HashMap<>();
        values.elementForms().forEach((name, form) -> {
            if (names != null && !names.contains(name)) {
                return;
            }
            float[] v;
            try {
                v = form.synapses(first, count, total, Seeds.derive(runSeed, owner + ".param." + name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            ParamSpec spec = ParamChecker.find(model.factory().parameters(), name);
            for (int k = 0; k < v.length; k++) {
                if (!Float.isFinite(v[k]) || !spec.allows(v[k])) {
                    String shown = form instanceof ElementForm.Formula ? "'" + form.text() + "'" : form.text();
                    throw new IllegalArgumentException(name + ": " + shown + " gives " + v[k] + " at synapse "
                            + (first + k) + "; every value must be " + (Float.isFinite(v[k])
                            ? spec.rangeText() + ParamChecker.unitSuffix(spec.unit()) : "finite"));
                }
            }
            made.put(name, v);
        });
        return new SynapseParams(values, made);
    }

    /**
     * @param kept the block's synapses a process of a split network keeps, ascending
     * @return these parameters at those synapses
     */
    public SynapseParams kept(int[] kept) {
        Map<String, float[]> mine = new HashMap<>();
        made.forEach((name, v) -> {
            float[] out = new float[kept.length];
            for (int k = 0; k < kept.length; k++) {
                out[k] = v[kept[k]];
            }
            mine.put(name, out);
        });
        return new SynapseParams(base, mine);
    }

    /** @return the parameters of consecutive parts of one block, their per-synapse values end to end */
    public static SynapseParams join(java.util.List<SynapseParams> parts) {
        Map<String, float[]> all = new HashMap<>();
        for (String name : parts.getFirst().made.keySet()) {
            int n = parts.stream().mapToInt(q -> q.made.get(name).length).sum();
            float[] v = new float[n];
            int at = 0;
            for (SynapseParams q : parts) {
                float[] part = q.made.get(name);
                System.arraycopy(part, 0, v, at, part.length);
                at += part.length;
            }
            all.put(name, v);
        }
        return new SynapseParams(parts.getFirst().base, all);
    }

    @Override
    public double real(String name) {
        if (made.containsKey(name)) {
            throw new IllegalStateException("parameter '" + name + "' has one value per synapse: read values(name)");
        }
        return base.real(name);
    }

    @Override
    public int integer(String name) {
        return base.integer(name);
    }

    @Override
    public boolean bool(String name) {
        return base.bool(name);
    }

    @Override
    public double[] reals(String name) {
        return base.reals(name);
    }

    @Override
    public boolean has(String name) {
        return base.has(name);
    }

    @Override
    public boolean varies(String name) {
        return made.containsKey(name) || base.varies(name);
    }

    @Override
    public float[] values(String name) {
        float[] v = made.get(name);
        return v != null ? v : base.values(name);
    }

    @Override
    public long[] shape(String name) {
        return base.shape(name);
    }
}
