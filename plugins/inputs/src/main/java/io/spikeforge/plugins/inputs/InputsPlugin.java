package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** The built-in inputs, registered like any pack's. */
public final class InputsPlugin implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new ConstantCurrent(), new SectionCurrent(), new PoissonSpikes(), new SpikeTimes(),
                new OUCurrent(), new WienerCurrent(), new RampCurrent(), new PeriodicCurrent(false),
                new PeriodicCurrent(true), new SpikeCurrent(), new PoissonInput(), new TimedPoissonSpikes(), new TimedArrayCurrent());
    }
}
