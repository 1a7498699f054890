package io.spikeforge.samplepack;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/**
 * A pack built as a third party builds one: against {@code spikeforge-spi} alone, loaded from a plugins
 * directory in a class loader of its own. Its model: nearest-spike pair STDP (Izhikevich and Desai 2003),
 * which no built-in has, with a kernel of its own and the comm's weight updates.
 */
public final class SamplePack implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new NearestStdp());
    }
}
