package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.spikeforge.plugins.connectivity.ConnectorsTest.seeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each connector tells the engine about leaving out pairs (i, i), and that its connect agrees. */
class SelfConnectionsTest {

    private static final List<ConnectorModel> WITH_ALLOW_SELF = List.of(new Connectors.FixedProb(),
            new Connectors.FixedPreNum(), new Connectors.FixedPostNum(), new Connectors.All2All());

    /** Dense enough that every row and column has pairs to leave out. */
    private static Params leavingOutSelf(ConnectorModel m, boolean allowSelf) {
        return switch (m.name()) {
            case "FixedProb" -> ModelParams.of(m, "prob", 1.0, "allow_self", allowSelf);
            case "FixedPreNum", "FixedPostNum" -> ModelParams.of(m, "num", 9, "allow_self", allowSelf);
            default -> ModelParams.of(m, "allow_self", allowSelf);
        };
    }

    private static boolean hasSelfPair(Connectivity c) {
        int[] rows = c.rowsOfSynapses();
        for (int k = 0; k < c.synapses(); k++) {
            if (rows[k] == c.cols()[k]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void allowSelfFalseIsNamedAsTheParameterThatLeavesOutSelfConnections() {
        for (ConnectorModel m : WITH_ALLOW_SELF) {
            String param = m.selfConnectionsLeftOutBy(leavingOutSelf(m, false));
            assertEquals("allow_self", param, m.name());
            assertTrue(ParamSpec.names(m.parameters()).contains(param), m.name() + " declares it");
            assertTrue(!hasSelfPair(m.connect(leavingOutSelf(m, false), seeded(3), 10, 10, true)), m.name());
        }
    }

    @Test
    void withSelfConnectionsAllowedNoneAreLeftOut() {
        for (ConnectorModel m : WITH_ALLOW_SELF) {
            assertNull(m.selfConnectionsLeftOutBy(ModelParams.of(m)), m.name() + " by default");
            assertNull(m.selfConnectionsLeftOutBy(leavingOutSelf(m, true)), m.name());
        }
        ConnectorModel all = new Connectors.All2All();
        assertTrue(hasSelfPair(all.connect(leavingOutSelf(all, true), seeded(3), 10, 10, true)));
    }

    @Test
    void one2OneHasNoSwitchAndKeepsTheSpisDefault() {
        ConnectorModel one = new Connectors.One2One();
        assertNull(one.selfConnectionsLeftOutBy(ModelParams.of(one)));
    }
}
