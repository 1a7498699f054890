package io.spikeforge.samplepack;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/**
 * A pack built as a third party builds one: against {@code spikeforge-spi} alone, loaded from a plugins
 * directory in a class loader of its own. Its models: the triplet STDP rule of Pfister and Gerstner
 * (2006) and reward-modulated STDP with an eligibility trace per synapse.
 */
public final class SamplePack implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new TripletStdp(), new RewardStdp());
    }
}
