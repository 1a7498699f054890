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

# pyNN.brian2: each cell's v (mV) and gsyn_exc (uS) at 10, 12, ..., 60 ms (tsodyks_markram_protocol.run);
# the same with StaticSynapses of weight w U, to the last digit.
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

BRIAN2_G = np.array([
    [0.0000000, 0.0000000, 0.0000000],
    [0.0003729, 0.0000000, 0.0013585],
    [0.0003373, 0.0000000, 0.0012289],
    [0.0003051, 0.0029682, 0.0011117],
    [0.0002760, 0.0026851, 0.0010057],
    [0.0021615, 0.0024290, 0.0032735],
    [0.0019553, 0.0029282, 0.0029613],
    [0.0017688, 0.0026489, 0.0026788],
    [0.0016001, 0.0023962, 0.0024233],
    [0.0014474, 0.0021677, 0.0021921],
    [0.0013094, 0.0019609, 0.0019830],
    [0.0011845, 0.0017738, 0.0017939],
    [0.0010715, 0.0016046, 0.0016227],
    [0.0009693, 0.0014516, 0.0014679],
    [0.0008768, 0.0013131, 0.0013279],
    [0.0007932, 0.0011878, 0.0012013],
    [0.0007175, 0.0010745, 0.0010867],
    [0.0006491, 0.0009720, 0.0009830],
    [0.0005872, 0.0008793, 0.0008892],
    [0.0005311, 0.0007954, 0.0008044],
    [0.0004805, 0.0007196, 0.0007277],
    [0.0004346, 0.0006509, 0.0006583],
    [0.0003932, 0.0005888, 0.0005955],
    [0.0003557, 0.0005327, 0.0005387],
    [0.0003218, 0.0004819, 0.0004873],
    [0.0002911, 0.0004359, 0.0004408]])

# The network with StaticSynapses of weight w U differs between the two backends by at most 0.026 mV and
# 3.7e-6 uS (the cells' integration alone: Brian2's double-precision Euler against SpikeForge's single-
# precision IF_cond_exp), so v is held to 0.03 mV and g to 5e-6 uS. A U off by 0.05 at one synapse moves its
# cell by about 0.3 mV and 2e-4 uS (w U scales the PSP), ten times that and more.
TOLERANCE_MV = 0.03
TOLERANCE_US = 5e-6
# SpikeForge's TsodyksMarkram adds an arriving spike to its g after that step's decay (README, "The order of
# operations within a step"), the cell's own gsyn_exc (a StaticSynapse, and pyNN.brian2's) before it: its g
# is one step of decay, exp(dt / tau_syn_E) = 1.005, above theirs.
ONE_STEP = np.exp(0.1 / protocol.TAU)


def test_per_connection_u_and_delays_give_brian2s_membrane_and_conductance_traces():
    v, g = protocol.run(sim)
    assert v.shape == g.shape == BRIAN2_V.shape
    np.testing.assert_allclose(v, BRIAN2_V, atol=TOLERANCE_MV, rtol=0)
    np.testing.assert_allclose(g, BRIAN2_G * ONE_STEP, atol=TOLERANCE_US, rtol=0)
    # each cell's two PSPs are those of its own synapses: the static network with weights w U
    v, g = protocol.run(sim, "static")
    np.testing.assert_allclose(v, BRIAN2_V, atol=TOLERANCE_MV, rtol=0)
    np.testing.assert_allclose(g, BRIAN2_G, atol=TOLERANCE_US, rtol=0)


def _tm_script(rng_seed):
    """A PyNN script: 8 sources firing regular trains onto 4 IF_cond_exp cells, all to all, U and delays drawn
    per connection; returns (pre, post, U, tau_rec, tau_facil and delay per connection sorted by (pre, post),
    v, gsyn_exc, spikes, the engine's config)."""
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
    cells.record(["v", "spikes", "gsyn_exc"])
    sim.run(100.0)
    seg = cells.get_data().segments[0]
    v, g = (np.asarray(seg.filter(name=name)[0].magnitude) for name in ("v", "gsyn_exc"))
    spikes = [np.asarray(st.magnitude) for st in seg.spiketrains]
    tree = sim.simulator.state.net._tree
    sim.end()
    return np.array(table), v, g, spikes, tree


def test_per_connection_u_drawn_from_a_distribution_is_the_hand_written_config(tmp_path):
    table, v, g, spikes, tree = _tm_script(11)
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
  - {target: tm, var: g}
""" % ([t for t, _ in times], [k for _, k in times])
    (tmp_path / "tm.yaml").write_text(config)
    net = sf.load(str(tmp_path / "tm.yaml"))
    net.run(progress=False)
    # PyNN's first sample is t = 0, the engine's first row the state after step 1
    np.testing.assert_array_equal(v[1:], net.recorded("cells.v").astype(float))
    # PyNN's gsyn_exc is the cell's whole conductance: here all of it the synapse's g
    np.testing.assert_array_equal(g[1:], net.recorded("tm.g").astype(float))
    assert g.max() > 0.01
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


def test_gsyn_exc_is_the_cells_whole_conductance_with_a_tsodyks_markram_synapse_onto_a_view():
    sim.setup(timestep=0.1)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0]))
    p = sim.Population(3, sim.IF_cond_exp(tau_syn_E=5.0))
    sim.Projection(src, p[1:3], sim.AllToAllConnector(), sim.TsodyksMarkramSynapse(U=0.5, weight=0.01, delay=1.0),
                   receptor_type="excitatory")
    sim.Projection(src, p, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.002, delay=1.0),
                   receptor_type="excitatory")
    p.record("gsyn_exc")
    sim.run(30.0)
    g = np.asarray(p.get_data().segments[0].filter(name="gsyn_exc")[0].magnitude)
    sim.end()
    # the static synapse alone onto cell 0, one step decayed when recorded; w U = 0.005 more onto cells 1, 2
    # (the TsodyksMarkram g of its arrival step, before its decay: see ONE_STEP)
    assert g[:, 0].max() == pytest.approx(0.002 * np.exp(-0.1 / 5.0), rel=1e-6)
    np.testing.assert_allclose(g[:, 1:].max(axis=0) - g[:, 0].max(), 0.005, rtol=1e-5)
    assert np.argmax(g[:, 0]) == np.argmax(g[:, 1]) == np.argmax(g[:, 2])


def test_listed_delays_round_to_steps_as_the_engine_rounds_drawn_ones():
    # floor(d / dt + 0.5) in double, as the engine and Brian2 2.5 compute it: 0.05, 0.45 and 0.25 are half
    # steps, rounded up (NumPy's round, to even, would give 0, 0.4 and 0.2)
    sim.setup(timestep=0.1)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0]))
    p = sim.Population(3, sim.IF_curr_exp(tau_syn_E=0.5, tau_m=1.0, v_thresh=100.0))
    prj = sim.Projection(src, p, sim.FromListConnector([(0, 0, 0.05), (0, 1, 0.45), (0, 2, 0.25)],
                                                       column_names=["delay"]),
                         sim.TsodyksMarkramSynapse(U=0.5, weight=1.0))
    assert [d for _, _, d in sorted(prj.get("delay", format="list"))] == pytest.approx([0.1, 0.5, 0.3])
    p.record("v")
    sim.run(20.0)
    v = np.asarray(p.get_data().segments[0].filter(name="v")[0].magnitude)
    sim.end()
    # a spike of step 100 reaches a synapse of d steps in step 101 + d, recorded as the state after it
    onsets = [int(np.argmax(v[:, k] > -65.0 + 1e-9)) for k in range(3)]
    assert [b - a for a, b in zip(onsets, onsets[1:])] == [4, -2]


def test_cells_with_their_own_tau_syn_and_reversal_potential_give_each_synapse_the_cells_own():
    tau = np.array([2.0, 5.0, 10.0, 20.0])
    sim.setup(timestep=0.1)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0]))
    p = sim.Population(4, sim.IF_cond_exp(tau_syn_E=tau, e_rev_E=np.array([0.0, -10.0, -20.0, -65.0]),
                                          v_thresh=100.0))
    sim.Projection(src, p[1:4], sim.AllToAllConnector(), sim.TsodyksMarkramSynapse(U=0.4, weight=0.01, delay=1.0),
                   receptor_type="excitatory")
    p.record(["gsyn_exc", "v"])
    sim.run(40.0)
    seg = p.get_data().segments[0]
    g, v = (np.asarray(seg.filter(name=name)[0].magnitude) for name in ("gsyn_exc", "v"))
    syn = sim.simulator.state.net._tree["projections"][0]["syn"]
    sim.end()
    assert isinstance(syn["tau_syn"], dict)       # one per cell, from the population's own file
    assert np.all(g[:, 0] == 0)
    k = int(np.argmax(g[:, 1]))
    for c in (1, 2, 3):
        # w U at the arrival step, then the cell's own decay
        np.testing.assert_allclose(g[k:k + 50, c], 0.004 * np.exp(-np.arange(50) * 0.1 / tau[c]), rtol=1e-5)
    # each cell's own reversal potential: at E = v_rest (cell 3) the conductance drives no current at all
    np.testing.assert_array_equal(v[:, 3], -65.0)
    assert v[:, 1].max() > -64.9 and v[:, 2].max() > -64.9
