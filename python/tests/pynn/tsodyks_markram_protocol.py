"""A small Tsodyks-Markram network with U and delays that differ per connection, for any PyNN backend:
``python3 tsodyks_markram_protocol.py pyNN.brian2`` prints each post cell's membrane potential (mV) and
excitatory conductance (uS) every 2 ms from 10 to 60 ms (recorded every step). The pytest runs it on pyNN.spikeforge; the brian2 figures are
the peer's, from this script (integration-tests/REFERENCES.md).

Two spike sources, one spike each (10 and 17 ms), onto three IF_cond_exp cells that do not fire, all to
all: six synapses, each with its own U (0.1 to 0.8) and delay (0.5 to 4.4 ms), so each PSP is w U of its own
synapse, its own delay late. One spike per synapse because pyNN.brian2's TsodyksMarkramSynapse (PyNN 0.10.1)
departs from PyNN's model from the second spike on: its x = 1 - y - z is read before y decays (a synapse
releases u (1 - y) with y as its previous spike left it: no recovery), z never fills (``dz/dt = z/tau_rec``)
and u is capped at U (no facilitation). Trains are held to the recursion instead (test_pynn_backend.py, and
the hand-written config of test_pynn_connections.py). ``static``: the same network with StaticSynapses of
weight w U, for the difference the cell's integration alone makes."""
import importlib
import sys

import numpy as np

TAU = 20.0            # tau_rec = tau_syn_E, ms
TAU_FACIL = 0.001     # ms: u back to 0 before the next spike (pyNN.brian2 divides by tau_facil, so not 0)
U = [0.1, 0.8, 0.35, 0.5, 0.2, 0.65]
DELAY = [0.5, 4.4, 1.3, 2.0, 3.1, 1.0]
PAIRS = [(i, j) for i in range(2) for j in range(3)]
TIMES = [[10.0], [17.0]]
T_STOP = 60.0
SAMPLES = slice(100, 601, 20)      # 10, 12, ..., 60 ms of the 0.1 ms recording


def run(sim, synapse="tm"):
    """The cells' v (mV) and gsyn_exc (uS) at 10, 12, ..., 60 ms, each shape (26, 3); ``synapse="static"``:
    StaticSynapses of weight w U instead."""
    sim.setup(timestep=0.1, min_delay=0.1)
    src = sim.Population(2, sim.SpikeSourceArray(spike_times=TIMES))
    cells = sim.Population(3, sim.IF_cond_exp(tau_m=10.0, cm=0.2, v_rest=-65.0, v_thresh=0.0, tau_syn_E=TAU,
                                               e_rev_E=0.0))
    w = 0.004
    if synapse == "tm":
        conns = [(i, j, w, d, u) for (i, j), d, u in zip(PAIRS, DELAY, U)]
        connector = sim.FromListConnector(conns, column_names=["weight", "delay", "U"])
        syn = sim.TsodyksMarkramSynapse(tau_rec=TAU, tau_facil=TAU_FACIL)
    else:
        conns = [(i, j, w * u, d) for (i, j), d, u in zip(PAIRS, DELAY, U)]
        connector = sim.FromListConnector(conns, column_names=["weight", "delay"])
        syn = sim.StaticSynapse()
    sim.Projection(src, cells, connector, syn, receptor_type="excitatory")
    cells.record(["v", "gsyn_exc"], sampling_interval=0.1)
    sim.run(T_STOP)
    segment = cells.get_data().segments[0]
    v, g = (np.asarray(segment.filter(name=name)[0].magnitude, dtype=float)[SAMPLES] for name in ("v", "gsyn_exc"))
    sim.end()
    return v, g


if __name__ == "__main__":
    backend = importlib.import_module(sys.argv[1])
    for kind in ("tm", "static"):
        for name, values, digits in zip(("v", "g"), run(backend, kind), (4, 7)):
            print("%s_%s =" % (kind, name), np.array2string(np.round(values, digits), separator=", ",
                                                           threshold=100000, max_line_width=100))
