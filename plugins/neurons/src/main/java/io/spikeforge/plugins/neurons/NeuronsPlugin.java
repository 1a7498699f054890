package io.spikeforge.plugins.neurons;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** The built-in neuron models, registered like any pack's. */
public final class NeuronsPlugin implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new Lif(false), new Lif(true), new ExpIF(), new AdExIF(), new Izhikevich());
    }

    /** PyNN's standard cells and BrainPy's other neurons, written as equations (see each file's description). */
    @Override
    public List<String> modelFiles() {
        return FILES.stream().map(f -> "io/spikeforge/plugins/neurons/" + f + ".yaml").toList();
    }

    private static final List<String> FILES = List.of("pynn/IF_curr_exp", "pynn/IF_curr_alpha",
            "pynn/IF_cond_exp", "pynn/IF_cond_alpha", "pynn/EIF_cond_exp_isfa_ista", "pynn/HH_cond_exp",
            "pynn/izhikevich",
            "brainpy/IF", "brainpy/QuaIF", "brainpy/AdQuaIF", "brainpy/Gif", "brainpy/HH", "brainpy/MorrisLecar",
            "brainpy/WangBuzsakiHH", "brainpy/HindmarshRose", "brainpy/FHN");
}
