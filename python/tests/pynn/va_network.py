"""A Vogels-Abbott-style balanced network of IF_cond_exp cells, written once for any PyNN backend:

    /usr/bin/python3 python/tests/pynn/va_network.py spikeforge|brian2 SEED

prints one JSON line: the mean excitatory and inhibitory rates (Hz) and the mean CV of the ISIs.
"""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def run(sim, seed, n=1000, t_stop=1000.0):
    sim.setup(timestep=0.1, min_delay=0.1, seed=seed)
    cell = dict(tau_m=20.0, tau_syn_E=5.0, tau_syn_I=10.0, v_rest=-60.0, v_reset=-60.0, v_thresh=-50.0,
                cm=0.2, tau_refrac=5.0, e_rev_E=0.0, e_rev_I=-80.0, i_offset=0.0)
    n_exc = int(0.8 * n)
    exc = sim.Population(n_exc, sim.IF_cond_exp(**cell), label="exc")
    inh = sim.Population(n - n_exc, sim.IF_cond_exp(**cell), label="inh")
    noise = sim.Population(200, sim.SpikeSourcePoisson(rate=20.0), label="noise")
    rng = sim.NumpyRNG(seed=seed)
    for p in (exc, inh):
        p.initialize(v=sim.RandomDistribution("uniform", low=-60.0, high=-50.0, rng=rng))
    conn = sim.FixedProbabilityConnector(0.02, rng=rng)
    for pre, w, rt in ((exc, 0.004, "excitatory"), (inh, 0.051, "inhibitory")):
        for post in (exc, inh):
            sim.Projection(pre, post, conn, sim.StaticSynapse(weight=w, delay=0.2), receptor_type=rt)
    for post in (exc, inh):
        sim.Projection(noise, post, sim.FixedProbabilityConnector(0.1, rng=rng),
                       sim.StaticSynapse(weight=0.01, delay=0.2), receptor_type="excitatory")
    exc.record("spikes")
    inh.record("spikes")
    t0 = time.perf_counter()
    sim.run(t_stop)
    wall = time.perf_counter() - t0
    out = {"wall_s": wall}
    for p in (exc, inh):
        trains = p.get_data().segments[0].spiketrains
        counts = [len(st) for st in trains]
        out[p.label + "_rate_hz"] = sum(counts) / len(trains) / (t_stop / 1000.0)
        cvs = []
        for st in trains:
            if len(st) > 2:
                isi = (st.magnitude[1:] - st.magnitude[:-1])
                cvs.append(isi.std() / isi.mean())
        out[p.label + "_cv"] = sum(cvs) / len(cvs) if cvs else float("nan")
    sim.end()
    return out


if __name__ == "__main__":
    backend, seed = sys.argv[1], int(sys.argv[2])
    if backend == "spikeforge":
        import pyNN.spikeforge as sim
    else:
        import pyNN.brian2 as sim
    print(json.dumps(dict(backend=backend, seed=seed, **run(sim, seed))))
