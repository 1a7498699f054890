"""TsodyksMarkramSynapse with U, tau_rec, tau_facil and delays per connection: one SpikeForge projection with
``per_synapse: true`` and per-synapse delays, held to a SpikeForge config written by hand and to pyNN.brian2
(PyNN 0.10.1, Brian2 2.5.1) on tsodyks_markram_protocol.py; the brian2 figures are from ``/usr/bin/python3
tsodyks_markram_protocol.py pyNN.brian2`` on this machine (integration-tests/REFERENCES.md)."""
import numpy as np
import pytest
from pyNN import errors

sim = pytest.importorskip("pyNN.spikeforge", reason="pyNN.spikeforge needs Debian's python3-pynn")
import spikeforge as sf  # noqa: E402
import tsodyks_markram_protocol as protocol  # noqa: E402

# pyNN.brian2: each cell's v (mV) at 10, 12, ..., 60 ms (tsodyks_markram_protocol.run).
BRIAN2_V = np.array([
    [-65.0000, -65.0000, -65.0000],
    [-64.8351, -65.0000, -64.7375],
    [-64.6558, -65.0000, -64.0271],
    [-64.5296, -63.6106, -63.5248],
    [-64.4446, -62.2446, -63.1828],
    [-63.8482, -61.3085, -61.6235],
    [-62.8708, -60.3149, -60.5057],
    [-62.1985, -59.6456, -59.7803],
    [-61.7583, -59.2555, -59.3476],
    [-61.4938, -59.0726, -59.1325],
    [-61.3614, -59.0422, -59.0777],
    [-61.3276, -59.1227, -59.1400],
    [-61.3664, -59.2825, -59.2862],
    [-61.4576, -59.4975, -59.4912],
    [-61.5856, -59.7491, -59.7357],
    [-61.7386, -60.0235, -60.0050],
    [-61.9074, -60.3101, -60.2882],
    [-62.0848, -60.6009, -60.5768],
    [-62.2658, -60.8900, -60.8648],
    [-62.4462, -61.1731, -61.1474],
    [-62.6233, -61.4472, -61.4216],
    [-62.7948, -61.7100, -61.6848],
    [-62.9594, -61.9601, -61.9357],
    [-63.1161, -62.1967, -62.1734],
    [-63.2643, -62.4194, -62.3972],
    [-63.4037, -62.6281, -62.6071]])
# The same network with StaticSynapses of weight w U differs between the two backends by at most 0.026 mV
# (the cells' integration alone: Brian2's double-precision Euler against SpikeForge's single-precision
# IF_cond_exp), so the TM network is held to 0.03 mV. A U off by 0.05 at one synapse moves its cell by
# about 0.3 mV (w U scales the PSP), ten times that.
TOLERANCE_MV = 0.03


def test_per_connection_u_and_delays_give_brian2s_membrane_traces():
    v = protocol.run(sim)
    assert v.shape == BRIAN2_V.shape
    np.testing.assert_allclose(v, BRIAN2_V, atol=TOLERANCE_MV, rtol=0)
    # each cell's two PSPs are those of its own synapses: the static network with weights w U
    np.testing.assert_allclose(protocol.run(sim, "static"), BRIAN2_V, atol=TOLERANCE_MV, rtol=0)


def _tm_script(rng_seed):
    """A PyNN script: 8 sources firing regular trains onto 4 IF_cond_exp cells, all to all, U and delays drawn
    per connection; returns (U and delay per connection sorted by (pre, post), v, spikes, the engine's config)."""
    sim.setup(timestep=0.1, seed=5)
    rng = sim.NumpyRNG(seed=rng_seed)
    times = [[5.0 + 3.0 * k + 7.0 * n for n in range(12)] for k in range(8)]
    src = sim.Population(8, sim.SpikeSourceArray(spike_times=times))
    cells = sim.Population(4, sim.IF_cond_exp(tau_m=10.0, v_thresh=-55.0, tau_syn_E=3.0))
    syn = sim.TsodyksMarkramSynapse(U=sim.RandomDistribution("uniform", low=0.05, high=0.9, rng=rng),
                                    tau_rec=sim.RandomDistribution("uniform", low=20.0, high=300.0, rng=rng),
                                    tau_facil=sim.RandomDistribution("uniform", low=0.0, high=100.0, rng=rng),
                                    weight=0.05, delay=sim.RandomDistribution("uniform", low=0.1, high=5.0, rng=rng))
    prj = sim.Projection(src, cells, sim.AllToAllConnector(), syn, receptor_type="excitatory")
    table = sorted(prj.get(["U", "tau_rec", "tau_facil", "delay"], format="list"))
    cells.record(["v", "spikes"])
    sim.run(100.0)
    seg = cells.get_data().segments[0]
    v = np.asarray(seg.filter(name="v")[0].magnitude)
    spikes = [np.asarray(st.magnitude) for st in seg.spiketrains]
    tree = sim.simulator.state.net._tree
    sim.end()
    return np.array(table), v, spikes, tree


def test_per_connection_u_drawn_from_a_distribution_is_the_hand_written_config(tmp_path):
    table, v, spikes, tree = _tm_script(11)
    assert np.unique(table[:, 2]).size == 32 and np.unique(table[:, 5]).size > 10
    # one engine projection, per_synapse, with its delays per synapse: no projection per delay
    assert len(tree["projections"]) == 1
    assert tree["projections"][0]["syn"]["per_synapse"] is True
    # The same network written by hand: All2All (pre-major, the engine's synapse order), U, tau_d and tau_f
    # one per synapse in that order, delays in ms.
    for k, name in ((2, "U"), (3, "tau_d"), (4, "tau_f"), (5, "delay")):
        np.save(tmp_path / ("%s.npy" % name), table[:, k])
    times = sorted((5.0 + 3.0 * k + 7.0 * n, k) for k in range(8) for n in range(12))
    config = """
name: tm_by_hand
dt: 0.1
duration: 100.0
seed: 5
inputs:
  - {name: src, size: 8, type: SpikeTimes, times: %s, indices: %s}
populations:
  - name: cells
    size: 4
    neuron: {type: IF_cond_exp, tau_m: 10.0, v_thresh: -55.0, tau_syn_E: 3.0, v_rest: -65.0, cm: 1.0,
             tau_refrac: 0.1, tau_syn_I: 5.0, e_rev_E: 0.0, e_rev_I: -70.0, v_reset: -65.0, i_offset: 0.0}
projections:
  - name: tm
    pre: src
    post: cells
    comm: {type: EventCSRLinear, conn: {type: All2All}, weight: 0.05}
    delay: {npy: delay.npy}
    syn: {type: TsodyksMarkram, U: {npy: U.npy}, tau_d: {npy: tau_d.npy}, tau_f: {npy: tau_f.npy},
          tau_syn: 3.0, per_synapse: true}
    out: {type: COBA, E: 0.0}
monitors:
  - {target: cells, var: v}
  - {target: cells, var: spike}
""" % ([t for t, _ in times], [k for _, k in times])
    (tmp_path / "tm.yaml").write_text(config)
    net = sf.load(str(tmp_path / "tm.yaml"))
    net.run(progress=False)
    # PyNN's first sample is t = 0, the engine's first row the state after step 1
    np.testing.assert_array_equal(v[1:], net.recorded("cells.v").astype(float))
    t, i = net.spikes("cells")
    assert sum(len(s) for s in spikes) == len(t) > 0
    for k in range(4):
        np.testing.assert_allclose(spikes[k], np.sort(t[i == k]), atol=1e-9)


def test_tsodyks_markram_values_out_of_range_name_the_parameter_and_what_is_allowed():
    sim.setup(timestep=0.1)
    a = sim.Population(2, sim.SpikeSourceArray(spike_times=[1.0]))
    b = sim.Population(2, sim.IF_cond_exp())
    with pytest.raises(errors.InvalidParameterValueError,
                       match=r"TsodyksMarkramSynapse U is 1\.5 at connection 1 \(pre 1, post 0\); every value must "
                             r"be in \[0, 1\]; TsodyksMarkramSynapse tau_rec is -3\.0 at connection 0 \(pre 0, post 0\)"
                             r" \(and 1 more\); every value must be > 0 ms"):
        sim.Projection(a, b, sim.FromListConnector([(0, 0, 0.2, -3.0), (0, 1, 0.3, 10.0), (1, 0, 1.5, 10.0),
                                                    (1, 1, 0.3, -1.0)], column_names=["U", "tau_rec"]),
                       sim.TsodyksMarkramSynapse())
    with pytest.raises(errors.InvalidParameterValueError,
                       match=r"TsodyksMarkramSynapse tau_facil is -1\.0; every value must be >= 0 ms \(0: no "
                             r"facilitation\)"):
        sim.Projection(a, b, sim.AllToAllConnector(), sim.TsodyksMarkramSynapse(tau_facil=-1.0))
    prj = sim.Projection(a, b, sim.AllToAllConnector(), sim.TsodyksMarkramSynapse(U=0.5))
    with pytest.raises(errors.InvalidParameterValueError, match=r"TsodyksMarkramSynapse U is -0\.25 at connection"):
        prj.set(U=-0.25)
    sim.end()


def _engine_projections(synapse):
    sim.setup(timestep=0.1)
    a = sim.Population(3, sim.SpikeSourceArray(spike_times=[1.0]))
    b = sim.Population(3, sim.IF_curr_exp())
    sim.Projection(a, b, sim.AllToAllConnector(), synapse)
    sim.run(1.0)
    names = [p["name"] for p in sim.simulator.state.net._tree["projections"]]
    sim.end()
    return names


def test_only_multiplicative_stdp_is_split_by_delay():
    delays = sim.RandomDistribution("uniform", low=0.1, high=3.0, rng=sim.NumpyRNG(seed=2))
    rule = dict(timing_dependence=sim.SpikePairRule(), weight=0.1, delay=delays)
    assert _engine_projections(sim.StaticSynapse(weight=0.1, delay=delays)) == ["prj0"]
    assert _engine_projections(sim.TsodyksMarkramSynapse(weight=0.1, delay=delays)) == ["prj0"]
    assert _engine_projections(sim.STDPMechanism(weight_dependence=sim.AdditiveWeightDependence(w_max=1.0),
                                                 **rule)) == ["prj0"]
    # STDP_Guetig2003 takes one delay per projection: one engine projection per delay drawn
    split = _engine_projections(sim.STDPMechanism(weight_dependence=sim.MultiplicativeWeightDependence(w_max=1.0),
                                                  **rule))
    assert len(split) > 1 and all(n.startswith("prj0_d") for n in split)


def test_one_to_one_with_delays_drawn_per_synapse_delivers_each_late_by_its_own():
    sim.setup(timestep=0.1, seed=3)
    a = sim.Population(4, sim.SpikeSourceArray(spike_times=[10.0]))
    b = sim.Population(4, sim.IF_curr_exp(tau_syn_E=0.5, tau_m=1.0, v_thresh=100.0))
    sim.Projection(a, b, sim.OneToOneConnector(), sim.StaticSynapse(
        weight=1.0, delay=sim.RandomDistribution("uniform", low=1.0, high=6.0)))
    b.record("v")
    sim.run(30.0)
    v = np.asarray(b.get_data().segments[0].filter(name="v")[0].magnitude)
    comm = sim.simulator.state.net._tree["projections"][0]["comm"]
    sim.end()
    assert comm == {"type": "EventCSRLinear", "conn": {"type": "One2One"}, "weight": 1.0}
    onsets = [np.argmax(v[:, k] > -65.0 + 1e-6) * 0.1 for k in range(4)]
    assert len(set(np.round(onsets, 1))) > 1          # each its own delay
    assert all(10.0 + 1.0 < t <= 10.0 + 6.0 + 0.2 for t in onsets)
