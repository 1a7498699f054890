package io.spikeforge.plugins.plasticity;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/**
 * The built-in plasticity rules, registered like any pack's: pair STDP (Song et al. 2000), triplet STDP
 * (Pfister and Gerstner 2006), reward-modulated STDP (Izhikevich 2007), soft-bound STDP (van Rossum et
 * al. 2000; Guetig et al. 2003) in Java, and inhibitory STDP (Vogels et al. 2011) as equations.
 */
public final class PlasticityPlugin implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new StdpSong2000(), new TripletStdp(), new RewardStdp(), new StdpVanRossum2000(),
                new StdpGuetig2003());
    }

    /** Rules the equation language expresses at the speed of hand-written kernels (see each file). */
    @Override
    public List<String> modelFiles() {
        return List.of("io/spikeforge/plugins/plasticity/iSTDP_Vogels2011.yaml");
    }
}
