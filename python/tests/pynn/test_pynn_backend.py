"""pyNN.spikeforge against closed forms and against PyNN's own semantics."""
import math

import numpy as np
import pytest

sim = pytest.importorskip("pyNN.spikeforge", reason="pyNN.spikeforge needs Debian's python3-pynn")
from pyNN import errors  # noqa: E402


def test_standard_cells_are_listed():
    names = set(sim.list_standard_models())
    assert {"IF_curr_exp", "IF_curr_alpha", "IF_cond_exp", "IF_cond_alpha", "EIF_cond_exp_isfa_ista",
            "HH_cond_exp", "SpikeSourcePoisson", "SpikeSourceArray"} <= names


def test_if_curr_exp_under_a_dc_step_fires_when_the_closed_form_says():
    sim.setup(timestep=0.1)
    cell = dict(tau_m=10.0, cm=0.25, v_rest=-65.0, v_reset=-65.0, v_thresh=-55.0, tau_refrac=2.0)
    p = sim.Population(1, sim.IF_curr_exp(**cell))
    amp, start = 1.5, 20.0          # nA: R I = (10 ms / 0.25 nF) * 1.5 nA = 60 mV
    sim.DCSource(amplitude=amp, start=start, stop=1e9).inject_into(p)
    p.record("spikes")
    sim.run(100.0)
    spikes = p.get_data().segments[0].spiketrains[0].magnitude
    R = cell["tau_m"] / cell["cm"]
    rise = -cell["tau_m"] * math.log(1 - (cell["v_thresh"] - cell["v_rest"]) / (R * amp))
    # first spike: the current starts at 20 ms and v crosses after the rise time (one step of grid)
    assert spikes[0] == pytest.approx(start + rise, abs=0.11)
    # then every refractory period plus the same rise, from v_reset = v_rest
    period = cell["tau_refrac"] + rise
    assert np.allclose(np.diff(spikes), period, atol=0.11)
    sim.end()


def test_one_input_spike_gives_the_closed_form_psp():
    sim.setup(timestep=0.1)
    cell = dict(tau_m=20.0, cm=1.0, v_rest=-65.0, tau_syn_E=5.0, v_thresh=0.0)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0]))
    p = sim.Population(1, sim.IF_curr_exp(**cell))
    w, d = 2.0, 1.0                 # nA, ms
    sim.Projection(src, p, sim.AllToAllConnector(), sim.StaticSynapse(weight=w, delay=d),
                   receptor_type="excitatory")
    p.record("v")
    sim.run(80.0)
    v = p.get_data().segments[0].analogsignals[0].magnitude[:, 0]
    tm, ts, c = cell["tau_m"], cell["tau_syn_E"], cell["cm"]
    # v - v_rest = w/c * tm ts/(tm - ts) (exp(-t/tm) - exp(-t/ts)): peak at t* = tm ts/(tm-ts) ln(tm/ts)
    t_peak = tm * ts / (tm - ts) * math.log(tm / ts)
    peak = w / c * tm * ts / (tm - ts) * (math.exp(-t_peak / tm) - math.exp(-t_peak / ts))
    assert v.max() - cell["v_rest"] == pytest.approx(peak, rel=2e-3)
    arrival = 10.0 + d
    assert np.argmax(v) * 0.1 == pytest.approx(arrival + t_peak, abs=0.25)
    sim.end()


def test_connectors_drawn_by_the_engine_keep_pynn_semantics():
    sim.setup(timestep=0.1, seed=5)
    a = sim.Population(40, sim.IF_cond_exp())
    b = sim.Population(30, sim.IF_cond_exp())
    pre_num = sim.Projection(a, b, sim.FixedNumberPreConnector(7), sim.StaticSynapse(weight=0.003))
    one = sim.Projection(b, b, sim.OneToOneConnector(), sim.StaticSynapse(weight=0.002))
    full = sim.Projection(a, b, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.001), receptor_type="inhibitory")
    w = pre_num.get("weight", format="array")
    assert np.all(np.sum(~np.isnan(w), axis=0) == 7)           # 7 inputs per post cell
    assert np.nanmax(w) == pytest.approx(0.003)
    assert len(one) == 30 and len(full) == 40 * 30
    pairs = one.get("weight", format="list")
    assert all(i == j for i, j, _ in pairs)
    sim.end()


def test_reset_runs_the_same_network_again():
    sim.setup(timestep=0.1, seed=11)
    src = sim.Population(50, sim.SpikeSourcePoisson(rate=40.0))
    p = sim.Population(20, sim.IF_cond_exp(v_thresh=-55.0))
    sim.Projection(src, p, sim.FixedProbabilityConnector(0.3), sim.StaticSynapse(weight=0.02, delay=0.5))
    p.record("spikes")
    sim.run(200.0)
    sim.reset()
    sim.run(200.0)
    first, second = p.get_data().segments
    assert sum(len(st) for st in first.spiketrains) > 20
    for a, b in zip(first.spiketrains, second.spiketrains):
        np.testing.assert_array_equal(a.magnitude, b.magnitude)
    sim.end()


def test_running_in_pieces_equals_one_run():
    def spikes(pieces):
        sim.setup(timestep=0.1, seed=2)
        src = sim.Population(30, sim.SpikeSourcePoisson(rate=50.0))
        p = sim.Population(10, sim.IF_curr_exp(v_thresh=-60.0))
        sim.Projection(src, p, sim.FixedProbabilityConnector(0.5), sim.StaticSynapse(weight=0.5, delay=1.0))
        p.record(["spikes", "v"])
        for t in pieces:
            sim.run(t)
        data = p.get_data().segments[0]
        sim.end()
        return [st.magnitude for st in data.spiketrains], data.analogsignals[0].magnitude

    whole_s, whole_v = spikes([150.0])
    piece_s, piece_v = spikes([30.0, 20.0, 100.0])
    for a, b in zip(whole_s, piece_s):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(whole_v, piece_v)


def test_spike_source_array_spikes_arrive_as_given():
    sim.setup(timestep=0.1)
    times = [[5.0, 12.3], [], [40.0]]
    src = sim.Population(3, sim.SpikeSourceArray(spike_times=times))
    src.record("spikes")
    sim.run(50.0)
    got = [list(st.magnitude) for st in src.get_data().segments[0].spiketrains]
    assert got == [[5.0, pytest.approx(12.3)], [], [40.0]]
    sim.end()


def test_unmapped_features_say_so():
    sim.setup()
    p = sim.Population(3, sim.IF_cond_exp())
    sim.Projection(p, p, sim.AllToAllConnector(), sim.STDPMechanism(
        timing_dependence=sim.SpikePairRule(A_plus=lambda d: 0.01 + 0.001 * d),
        weight_dependence=sim.AdditiveWeightDependence(w_max=1.0), weight=0.1))
    with pytest.raises(NotImplementedError, match=r"A_plus that differs per connection is not mapped \(the engine "
                                                  r"takes one value per projection; weight and delay may differ, "
                                                  r"and a TsodyksMarkramSynapse's U, tau_rec and tau_facil\)"):
        sim.run(10.0)
    with pytest.raises(errors.ConnectionError, match="receptor_types must be one of: 'excitatory', 'inhibitory'"):
        sim.Projection(p, p, sim.AllToAllConnector(), sim.StaticSynapse(), receptor_type="nmda")
    sim.end()


def test_a_current_changed_between_runs_acts_from_then_on():
    sim.setup(timestep=0.1)
    cell = dict(tau_m=10.0, cm=1.0, v_rest=-65.0, v_thresh=0.0)
    p = sim.Population(1, sim.IF_curr_exp(**cell))
    p.initialize(v=-65.0)
    dc = sim.DCSource(amplitude=0.5, start=0.0)
    dc.inject_into(p)
    p.record("v")
    sim.run(50.0)
    dc.amplitude = 1.0
    sim.run(50.0)
    v = p.get_data().segments[0].analogsignals[0].magnitude[:, 0]
    R = cell["tau_m"] / cell["cm"]                # MOhm
    t = np.arange(len(v)) * 0.1
    # v rises towards -65 + R*0.5 until 50 ms, then towards -65 + R*1.0 from where it was
    v50 = -65 + R * 0.5 * (1 - np.exp(-50 / 10))
    expected = np.where(t <= 50, -65 + R * 0.5 * (1 - np.exp(-t / 10)),
                        -65 + R * 1.0 + (v50 - (-65 + R * 1.0)) * np.exp(-(t - 50) / 10))
    assert len(v) == 1001
    np.testing.assert_allclose(v, expected, atol=1e-3)
    i = dc.get_data()
    assert float(i[100]) == 0.5 and float(i[600]) == 1.0
    sim.end()


def test_ac_and_noisy_sources_follow_pynns_definitions():
    sim.setup(timestep=0.1, seed=4)
    p = sim.Population(2, sim.IF_curr_exp())
    ac = sim.ACSource(amplitude=0.3, offset=0.1, frequency=20.0, phase=90.0, start=10.0, stop=60.0)
    ac.inject_into(p[0:1])
    noise = sim.NoisyCurrentSource(mean=0.2, stdev=0.05, dt=1.0, start=0.0, stop=100.0)
    noise.inject_into(p[1:2])
    sim.run(100.0)
    t = np.arange(1001) * 0.1
    i = np.asarray(ac.get_data()).ravel()
    inside = (t >= 10) & (t < 60)
    np.testing.assert_allclose(i[inside], 0.1 + 0.3 * np.sin(2 * np.pi * 20 * (t[inside] - 10) / 1000 + np.pi / 2),
                               atol=1e-12)
    assert np.all(i[~inside] == 0)
    n = np.asarray(noise.get_data()).ravel()[:1000]
    held = n.reshape(100, 10)
    assert np.all(held == held[:, :1])                    # a new value every 1 ms
    assert abs(held[:, 0].mean() - 0.2) < 0.02 and abs(held[:, 0].std() - 0.05) < 0.015
    sim.end()


@pytest.mark.parametrize("dependence", ["additive", "multiplicative"])
def test_stdp_pair_rule_gives_pynns_weight_change(dependence):
    # One pre and one post spike 10 ms apart (pre first): potentiation A_plus * exp(-10/tau_plus),
    # scaled by w_max (additive) or by (w_max - w) (multiplicative); then a post-before-pre pair.
    tau_plus, tau_minus, A_plus, A_minus, w0, w_max = 16.8, 33.7, 0.05, 0.03, 0.5, 1.0
    sim.setup(timestep=0.1)
    pre = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0, 80.0]))
    post_driver = sim.Population(1, sim.SpikeSourceArray(spike_times=[19.0, 69.0]))
    post = sim.Population(1, sim.IF_curr_exp(tau_refrac=5.0, tau_syn_E=0.5))
    # A strong synapse makes post fire one step after each driver spike arrives (1 ms delay)
    sim.Projection(post_driver, post, sim.AllToAllConnector(), sim.StaticSynapse(weight=50.0, delay=1.0))
    wd = (sim.AdditiveWeightDependence if dependence == "additive" else sim.MultiplicativeWeightDependence)(
        w_min=0.0, w_max=w_max)
    stdp = sim.STDPMechanism(timing_dependence=sim.SpikePairRule(tau_plus=tau_plus, tau_minus=tau_minus,
                                                                  A_plus=A_plus, A_minus=A_minus),
                             weight_dependence=wd, weight=w0, delay=1.0, dendritic_delay_fraction=1.0)
    prj = sim.Projection(pre, post, sim.AllToAllConnector(), stdp)
    post.record("spikes")
    sim.run(100.0)
    t_post = post.get_data().segments[0].spiketrains[0].magnitude
    assert len(t_post) == 2
    # PyNN's pair rule pairs every pre spike with every post spike (all-to-all, as NEST's
    # stdp_synapse): the pre spikes arrive at 11.0 and 81.0 ms (axonal delay); in time order, each post
    # spike potentiates by the pre trace, each pre arrival depresses by the post trace.
    events = sorted([(t, "pre") for t in (11.0, 81.0)] + [(t, "post") for t in t_post])
    w = w0
    for k, (t, kind) in enumerate(events):
        if kind == "post":
            trace = sum(np.exp(-(t - s) / tau_plus) for s, o in events[:k] if o == "pre")
            dw = A_plus * trace * (w_max if dependence == "additive" else (w_max - w))
        else:
            trace = sum(np.exp(-(t - s) / tau_minus) for s, o in events[:k] if o == "post")
            dw = -A_minus * trace * (w_max if dependence == "additive" else w)
        w = min(max(w + dw, 0.0), w_max)
    w2 = w
    w = prj.get("weight", format="list", with_address=False)
    assert w[0] == pytest.approx(w2, rel=1e-5)
    sim.end()


def test_tsodyks_markram_depresses_successive_psps():
    U, tau_rec, T, w = 0.5, 100.0, 20.0, 2.0
    sim.setup(timestep=0.1)
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[10.0 + T * k for k in range(6)]))
    p = sim.Population(1, sim.IF_curr_exp(tau_syn_E=0.5, tau_m=1.0, v_thresh=100.0))
    p.record("v")
    sim.Projection(src, p, sim.AllToAllConnector(),
                   sim.TsodyksMarkramSynapse(U=U, tau_rec=tau_rec, tau_facil=0.0, weight=w, delay=1.0))
    sim.run(130.0)
    v = p.get_data().segments[0].analogsignals[0].magnitude[:, 0]
    # the PSP peaks, each within its interval (tau_m 1 ms, tau_syn 0.5 ms: back at rest before the next)
    peaks = [v[int((11 + T * k) / 0.1):int((11 + T * (k + 1)) / 0.1)].max() + 65.0 for k in range(6)]
    x, expected = 1.0, []
    for _ in range(6):
        expected.append(U * x)
        x = 1 - (1 - x * (1 - U)) * np.exp(-T / tau_rec)
    ratios = np.array(peaks) / peaks[0]
    np.testing.assert_allclose(ratios, np.array(expected) / expected[0], rtol=1e-3)
    sim.end()


def test_connectors_listed_in_python_reach_the_engine_as_given():
    sim.setup(timestep=0.1)
    a = sim.Population(4, sim.IF_cond_exp())
    b = sim.Population(3, sim.IF_cond_exp())
    pairs = [(0, 1), (2, 0), (3, 2), (1, 1)]
    prj = sim.Projection(a, b, sim.FromListConnector(pairs), sim.StaticSynapse(weight=0.002, delay=0.5))
    got = sorted((int(i), int(j)) for i, j, _ in prj.get("weight", format="list"))
    assert got == sorted(pairs)
    dist = sim.Projection(a, b, sim.DistanceDependentProbabilityConnector("d < 1.5"), sim.StaticSynapse(weight=0.001))
    # both populations on a line at x = 0, 1, 2, ...: connected where |i - j| < 1.5
    got = sorted((int(i), int(j)) for i, j, _ in dist.get("weight", format="list"))
    assert got == [(i, j) for i in range(4) for j in range(3) if abs(i - j) < 1.5]
    sim.end()


def test_weights_drawn_from_pynns_distributions_have_their_moments():
    sim.setup(timestep=0.1, seed=3)
    a = sim.Population(200, sim.IF_cond_exp())
    b = sim.Population(200, sim.IF_cond_exp())
    gamma = sim.RandomDistribution("gamma", k=2.0, theta=0.001)
    prj = sim.Projection(a, b, sim.AllToAllConnector(), sim.StaticSynapse(weight=gamma))
    w = np.array([x for _, _, x in prj.get("weight", format="list")])
    assert w.size == 40000
    assert abs(w.mean() - 0.002) < 0.00005 and abs(w.var() - 2e-6) < 1e-7     # k theta, k theta^2
    sim.end()
