"""pyNN.spikeforge: weights and delays per connection, pairs connected more than once, Projection.set,
and parameters changed between runs, against closed forms and reference runs."""
import math

import numpy as np
import pytest

sim = pytest.importorskip("pyNN.spikeforge", reason="pyNN.spikeforge needs Debian's python3-pynn")
import spikeforge as sf  # noqa: E402

CELL = dict(tau_m=20.0, cm=1.0, v_rest=-65.0, tau_syn_E=5.0, v_thresh=0.0)


def psp_peak(w):
    """The peak of IF_curr_exp's PSP for one input of w nA (CELL), mV above rest, and its time after arrival."""
    tm, ts, c = CELL["tau_m"], CELL["tau_syn_E"], CELL["cm"]
    t_peak = tm * ts / (tm - ts) * math.log(tm / ts)
    return w / c * tm * ts / (tm - ts) * (math.exp(-t_peak / tm) - math.exp(-t_peak / ts)), t_peak


def traces(p):
    return p.get_data().segments[0].analogsignals[0].magnitude


def test_listed_weights_and_delays_act_per_connection():
    sim.setup(timestep=0.1)
    src = sim.Population(3, sim.SpikeSourceArray(spike_times=[10.0]))
    p = sim.Population(3, sim.IF_curr_exp(**CELL))
    given = [(0, 0, 0.5, 1.0), (1, 1, 1.0, 2.5), (2, 2, 2.0, 4.0)]
    prj = sim.Projection(src, p, sim.FromListConnector(given, column_names=["weight", "delay"]),
                         sim.StaticSynapse(), receptor_type="excitatory")
    # read back as given, in double precision (the engine's weights are single)
    assert sorted(prj.get(["weight", "delay"], format="list")) == [tuple(map(float, c)) for c in given]
    p.record("v")
    sim.run(60.0)
    v = traces(p)
    for k, (_, _, w, d) in enumerate(given):
        peak, t_peak = psp_peak(w)
        assert v[:, k].max() - CELL["v_rest"] == pytest.approx(peak, rel=2e-3)
        assert np.argmax(v[:, k]) * 0.1 == pytest.approx(10.0 + d + t_peak, abs=0.25)
    sim.end()


def test_a_pair_listed_twice_is_two_synapses():
    sim.setup(timestep=0.1)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[5.0, 20.0]))
    p = sim.Population(2, sim.IF_curr_exp(**CELL))
    prj = sim.Projection(src, p, sim.FromListConnector([(0, 0, 1.0, 1.0), (0, 0, 1.0, 1.0), (0, 1, 2.0, 1.0)],
                                                       column_names=["weight", "delay"]), sim.StaticSynapse())
    assert len(prj) == 3
    assert prj.get("weight", format="array")[0].tolist() == [2.0, 2.0]           # summed per pair
    assert prj.get("weight", format="array", multiple_synapses="min")[0].tolist() == [1.0, 2.0]
    p.record("v")
    sim.run(60.0)
    v = traces(p)
    np.testing.assert_allclose(v[:, 0], v[:, 1], atol=1e-5)
    sim.end()


@pytest.mark.parametrize("plastic", [True, False])
def test_weights_set_between_runs_act_from_then_on_also_in_a_replay(plastic):
    def run(change):
        sim.setup(timestep=0.1)
        src = sim.Population(2, sim.SpikeSourceArray(spike_times=[[10.0], [60.0]]))
        p = sim.Population(1, sim.IF_curr_exp(**CELL))
        w = [1.0, 1.0] if change else [1.0, 3.0]
        # amplitudes 0 keep plastic weights where they are set
        synapse = sim.STDPMechanism(timing_dependence=sim.SpikePairRule(A_plus=0.0, A_minus=0.0),
                                    weight_dependence=sim.AdditiveWeightDependence(w_min=0.0, w_max=5.0)) \
            if plastic else sim.StaticSynapse()
        prj = sim.Projection(src, p, sim.FromListConnector([(0, 0, w[0], 1.0), (1, 0, w[1], 1.0)],
                                                           column_names=["weight", "delay"]), synapse)
        p.record("v")
        sim.run(30.0)
        if change:
            prj.set(weight=np.array([[1.0], [3.0]]))
            assert prj.get("weight", format="list") == [(0.0, 0.0, 1.0), (1.0, 0.0, 3.0)]
        sim.run(70.0)    # past the 30 ms built for: the network is rebuilt and replayed, the change at 30 ms
        v = traces(p)[:, 0]
        sim.end()
        return v

    changed, reference = run(True), run(False)
    assert len(changed) == 1001
    np.testing.assert_allclose(changed, reference, atol=1e-5)
    peak, _ = psp_peak(3.0)
    assert changed[600:].max() - CELL["v_rest"] == pytest.approx(peak, rel=0.05)   # the 60 ms input at 3 nA


def test_equal_static_weights_changed_between_runs_act():
    # All weights equal: the engine must still read the array they are written into.
    def run(change):
        sim.setup(timestep=0.1)
        src = sim.Population(1, sim.SpikeSourceArray(spike_times=[[10.0, 60.0]]))
        p = sim.Population(1, sim.IF_curr_exp(**CELL))
        prj = sim.Projection(src, p, sim.AllToAllConnector(), sim.StaticSynapse(weight=1.0, delay=1.0))
        p.record("v")
        sim.run(30.0)
        if change:
            prj.set(weight=3.0)
        sim.run(70.0)
        v = traces(p)[:, 0]
        sim.end()
        return v

    changed, unchanged = run(True), run(False)
    # Identical until the second spike arrives (61 ms); below threshold the membrane is linear, so from
    # then on the difference is the PSP of the weight added (3 - 1).
    np.testing.assert_array_equal(changed[:610], unchanged[:610])
    peak2, _ = psp_peak(2.0)
    assert (changed - unchanged)[600:].max() == pytest.approx(peak2, rel=0.05)


def test_tsodyks_markram_weights_are_fixed_once_the_network_has_run():
    sim.setup(timestep=0.1)
    p = sim.Population(2, sim.IF_curr_exp(**CELL))
    prj = sim.Projection(p, p, sim.AllToAllConnector(), sim.TsodyksMarkramSynapse(weight=0.1))
    sim.run(1.0)
    with pytest.raises(NotImplementedError,
                       match="the weights of a TsodyksMarkramSynapse are fixed once the network has run"):
        prj.set(weight=0.2)
    sim.reset()
    prj.set(weight=0.2)
    assert prj.get("weight", format="list") == [(i, j, 0.2) for i in (0.0, 1.0) for j in (0.0, 1.0)]
    sim.end()


def test_a_connection_set_through_projection_connections():
    sim.setup(timestep=0.1, seed=3)
    a = sim.Population(4, sim.IF_cond_exp())
    b = sim.Population(3, sim.IF_cond_exp())
    prj = sim.Projection(a, b, sim.FixedProbabilityConnector(0.8), sim.StaticSynapse(weight=0.05, delay=0.5))
    drawn = prj.get(["weight", "delay"], format="list")
    connections = prj.connections
    connections[1].weight = 0.0123
    connections[1].delay = 1.0
    after = prj.get(["weight", "delay"], format="list")
    assert [c[:2] for c in after] == [c[:2] for c in drawn]        # the same connections, now as listed ones
    assert after[1][2:] == (0.0123, 1.0)
    assert all(c[2:] == (0.05, 0.5) for k, c in enumerate(after) if k != 1)
    sim.run(5.0)
    assert prj.get(["weight", "delay"], format="list") == after
    sim.end()


def test_a_cell_parameter_set_between_runs_acts_from_then_on():
    sim.setup(timestep=0.1)
    cell = dict(tau_m=10.0, cm=1.0, v_rest=-65.0, v_thresh=0.0)
    p = sim.Population(2, sim.IF_curr_exp(i_offset=[0.5, 0.25], **cell))
    p.initialize(v=-65.0)
    p.record("v")
    sim.run(50.0)
    p.set(i_offset=[1.0, 0.5])
    sim.run(50.0)      # past the time built for: rebuilt, replayed, the change applied at 50 ms again
    v = traces(p)
    R = cell["tau_m"] / cell["cm"]
    t = np.arange(v.shape[0]) * 0.1
    for k, (before, after) in enumerate([(0.5, 1.0), (0.25, 0.5)]):
        v50 = -65 + R * before * (1 - math.exp(-50 / 10))
        expected = np.where(t <= 50, -65 + R * before * (1 - np.exp(-t / 10)),
                            -65 + R * after + (v50 - (-65 + R * after)) * np.exp(-(t - 50) / 10))
        np.testing.assert_allclose(v[:, k], expected, atol=1e-3)
    with pytest.raises(NotImplementedError, match="tau_m of IF_curr_exp is fixed once the network has run"):
        p.set(tau_m=12.0)
    sim.end()


def test_per_synapse_weights_from_a_file_that_does_not_fit_are_refused(tmp_path):
    np.save(tmp_path / "w.npy", np.array([0.1, 0.2, 0.3]))
    net = sf.Network("fromnpy", duration=10.0)
    net.population("a", 2, "LifRef")
    net.population("b", 2, "LifRef")
    net.projection("ab", "a", "b", comm={"type": "EventCSRLinear", "conn": {"type": "All2All"},
                                         "weight": {"npy": str(tmp_path / "w.npy")}}, syn="Expon", out="CUBA")
    with pytest.raises(sf.ConfigError, match=r"projections\[0\]\.comm\.weight: FromNpy: values holds 3 numbers; 4 "
                                             r"are needed, one per element"):
        net.build()


def test_per_synapse_weights_from_a_file_follow_the_synapse_order(tmp_path):
    w = np.array([0.1, 0.2, 0.3, 0.4])
    np.save(tmp_path / "w.npy", w)
    net = sf.Network("fromnpy", duration=10.0)
    net.population("a", 2, "LifRef")
    net.population("b", 2, "LifRef")
    net.projection("ab", "a", "b", comm={"type": "EventCSRLinear", "conn": {"type": "All2All"},
                                         "weight": {"npy": str(tmp_path / "w.npy")}}, syn="Expon", out="CUBA")
    np.testing.assert_array_equal(net.weights("ab"), w.astype(np.float32))


def test_views_read_back_in_their_own_indices_and_leave_out_shared_cells():
    sim.setup()
    pop = sim.Population(10, sim.IF_cond_exp())
    a, b = sim.PopulationView(pop, [2, 3, 4]), sim.PopulationView(pop, [3, 4, 5, 6])
    inside = sim.Projection(pop[2:5], pop[2:5], sim.AllToAllConnector(allow_self_connections=False),
                            sim.StaticSynapse(weight=0.5))
    overlap = sim.Projection(a, b, sim.AllToAllConnector(allow_self_connections=False), sim.StaticSynapse(weight=0.5))
    assert sorted(c[:2] for c in inside.get("weight", format="list")) == \
        [(i, j) for i in (0.0, 1.0, 2.0) for j in (0.0, 1.0, 2.0) if i != j]
    # cell 3 is a[1] and b[0], cell 4 a[2] and b[1]: those pairs are a cell onto itself
    pairs = sorted(c[:2] for c in overlap.get("weight", format="list"))
    assert pairs == [(i, j) for i in (0.0, 1.0, 2.0) for j in (0.0, 1.0, 2.0, 3.0) if (i, j) not in ((1, 0), (2, 1))]
    sim.end()


def test_recording_to_a_file_in_a_new_folder_is_written_at_end(tmp_path):
    import pickle
    sim.setup(timestep=0.1)
    src = sim.Population(2, sim.SpikeSourceArray(spike_times=[[3.0, 7.0], [5.0]]))
    target = tmp_path / "Results" / "day" / "spikes.pkl"
    src.record("spikes", to_file=str(target))
    sim.run(10.0)
    sim.end()
    with open(target, "rb") as f:
        block = pickle.load(f)
    assert [list(st.magnitude) for st in block.segments[0].spiketrains] == [[3.0, 7.0], [5.0]]


def test_gamma_and_dead_time_sources_have_their_interval_statistics():
    sim.setup(timestep=0.1, seed=7)
    gamma = sim.Population(1, sim.SpikeSourceGamma(alpha=4, beta=200.0))           # mean 20 ms, CV 1/2
    dead = sim.Population(1, sim.SpikeSourcePoissonRefractory(rate=50.0, tau_refrac=5.0))  # mean 20 ms, >= 5 ms
    gamma.record("spikes")
    dead.record("spikes")
    sim.run(100000.0)
    g = np.diff(gamma.get_data().segments[0].spiketrains[0].magnitude)
    d = np.diff(dead.get_data().segments[0].spiketrains[0].magnitude)
    sim.end()
    # about 5000 intervals each: the mean within 3 % (4 standard errors), the CV within 0.03
    assert g.mean() == pytest.approx(20.0, rel=0.03) and g.std() / g.mean() == pytest.approx(0.5, abs=0.03)
    assert d.mean() == pytest.approx(20.0, rel=0.03) and d.min() >= 4.9 - 1e-9
    # beyond the dead time the wait is exponential, mean 15 ms: its CV is 1
    assert (d - 5.0).std() / (d - 5.0).mean() == pytest.approx(1.0, abs=0.05)


def test_spike_times_out_of_order_are_refused():
    from pyNN import errors
    from pyNN.parameters import Sequence
    sim.setup()
    with pytest.raises(errors.InvalidParameterValueError, match=r"must be in increasing order \(source 1: "
                                                                 r"\[3.5, 9.6, 8.3\]\)"):
        sim.Population(2, sim.SpikeSourceArray(spike_times=[[2.4, 4.8], [3.5, 9.6, 8.3]]))
    p = sim.Population(2, sim.SpikeSourceArray(spike_times=[Sequence([1.0]), Sequence([2.0])]))
    with pytest.raises(errors.InvalidParameterValueError, match="must be in increasing order"):
        p[1:2].set(spike_times=[Sequence([5.0, 4.0])])
    assert list(p[1].spike_times.value) == [2.0]
    sim.end()


def test_tsodyks_markram_delays_per_connection_act_per_connection():
    sim.setup(timestep=0.1)
    cell = dict(CELL)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0]))
    p = sim.Population(3, sim.IF_curr_exp(**cell))
    syn = sim.TsodyksMarkramSynapse(U=1.0, tau_rec=100.0, weight=1.0, delay=lambda d: 1.0 + d)
    prj = sim.Projection(src, p, sim.FromListConnector([(0, 0), (0, 1), (0, 2)]), syn)
    prj.set(delay=np.array([[1.0, 2.5, 4.0]]))
    p.record("v")
    sim.run(60.0)
    v = traces(p)
    peak, t_peak = psp_peak(1.0)         # U = 1: the first spike delivers the whole weight
    peaks = v.max(axis=0) - CELL["v_rest"]
    np.testing.assert_allclose(peaks, peaks[0], rtol=1e-5)       # the same PSP, shifted by each delay
    for k, d in enumerate([1.0, 2.5, 4.0]):
        # (the synapse's current goes through the engine's exponential synapse and output: within 2 %)
        assert peaks[k] == pytest.approx(peak, rel=2e-2)
        assert np.argmax(v[:, k]) * 0.1 == pytest.approx(10.0 + d + t_peak, abs=0.25)
    sim.end()
