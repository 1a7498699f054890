package io.spikeforge.plugins.synapses;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** The built-in synapse and output models, registered like any pack's. */
public final class SynapsesPlugin implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new Expon(), new DualExpon(), new Alpha(), TransmitterGated.ampa(), TransmitterGated.gabaA(),
                new Nmda(), new BioNmda(), new Std(), new Stp(), new TsodyksMarkram(), new Delta(), new GapJunction(),
                new Cuba(), new Coba(), new MgBlock());
    }
}
