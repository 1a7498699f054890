"""PyNN's Izhikevich cell on two protocols, for any PyNN backend: ``python3 izhikevich_protocol.py
pyNN.brian2 SEED`` prints the DC-step spike times (ms) and the Poisson-driven population's mean rate
(Hz). The pytest runs it on pyNN.spikeforge; its brian2 figures are the peer's, from this script."""
import importlib
import sys

import numpy as np


def dc_step(sim):
    """One regular-spiking cell, a 10 pA-equivalent (0.01 nA -> 10 mV/ms) step from 50 to 250 ms."""
    sim.setup(timestep=0.1, min_delay=0.1)
    cell = sim.Population(1, sim.Izhikevich(a=0.02, b=0.2, c=-65.0, d=8.0))
    sim.DCSource(amplitude=0.01, start=50.0, stop=250.0).inject_into(cell)
    cell.record("spikes")
    sim.run(300.0)
    times = np.asarray(cell.get_data().segments[0].spiketrains[0].magnitude, dtype=float)
    sim.end()
    return times


def poisson_driven(sim, seed):
    """100 cells, each receiving 3 mV jumps from 100 Poisson sources at 40 Hz (p = 0.2) on top of a 0.002 nA offset, 1 s."""
    sim.setup(timestep=0.1, min_delay=0.1, seed=seed)
    rng = sim.NumpyRNG(seed=seed)
    sources = sim.Population(100, sim.SpikeSourcePoisson(rate=40.0))
    cells = sim.Population(100, sim.Izhikevich(i_offset=0.002))
    sim.Projection(sources, cells, sim.FixedProbabilityConnector(0.2, rng=rng),
                   sim.StaticSynapse(weight=3.0, delay=1.0), receptor_type="excitatory")
    cells.record("spikes")
    sim.run(1000.0)
    n = sum(len(st) for st in cells.get_data().segments[0].spiketrains)
    sim.end()
    return n / 100.0


if __name__ == "__main__":
    sim = importlib.import_module(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    print("dc_step", " ".join("%.1f" % t for t in dc_step(sim)))
    print("rate", poisson_driven(sim, seed))
