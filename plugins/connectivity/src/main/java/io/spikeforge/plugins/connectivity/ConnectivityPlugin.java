package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** The built-in comm layers, connectors and initializers, registered like any pack's. */
public final class ConnectivityPlugin implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(
                new CsrComm(true), new CsrComm(false), new DenseComm(), new OneToOneComm(),
                new Connectors.FixedProb(), new Connectors.FixedPreNum(), new Connectors.FixedPostNum(),
                new Connectors.All2All(), new Connectors.One2One(),
                new FixedTotalNum(), new DistanceConnectors.GaussianProb(), new DistanceConnectors.DistanceProb(),
                new GridConnectors(0), new GridConnectors(1), new GridConnectors(2), new Graphs.SmallWorld(),
                new Graphs.ScaleFreeBA(), new FileConnectors(0), new FileConnectors(1), new FileConnectors(2),
                new Initializers.Constant(), new Initializers.Uniform(), new Initializers.Normal(),
                new MoreInitializers.TruncatedNormal(), new MoreInitializers.LogNormal(), new MoreInitializers.Gamma(),
                new MoreInitializers.Clip(), new DecayInitializers(false), new DecayInitializers(true), new FromNpy());
    }
}
