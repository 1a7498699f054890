"""The Python package against the command line: same arrays, same messages."""
import numpy as np
import pytest

import spikeforge as sf
from conftest import cli


def run_cli(root, tmp_path, config, *options):
    out = tmp_path / "cli"
    cli("run", root / config, "--out", out, "--quiet", *options)
    return out


@pytest.mark.parametrize("config", ["examples/stdp_net.yaml", "examples/coba.yaml"])
def test_monitors_equal_the_cli_files(root, tmp_path, config):
    out = run_cli(root, tmp_path, config)
    net = sf.load(root / config)
    net.run(progress=False)
    assert net.monitors, "the example records something"
    for name, array in net.monitors.items():
        np.testing.assert_array_equal(array, np.load(out / (name + ".npy")), err_msg=name)


def test_a_run_in_pieces_equals_one_run(root):
    whole = sf.load(root / "examples/stdp_net.yaml")
    whole.run()
    pieces = sf.load(root / "examples/stdp_net.yaml")
    for ms in (0.1, 99.9, 120, 80):
        pieces.run(ms)
    assert pieces.t == pytest.approx(300.0)
    for name, array in whole.monitors.items():
        np.testing.assert_array_equal(pieces.monitors[name], array, err_msg=name)


def test_spikes_are_times_in_ms_and_indices(root):
    net = sf.load(root / "examples/stdp_net.yaml")
    net.run()
    t, i = net.spikes("post")
    pairs = net.monitors["post.spike"]
    np.testing.assert_array_equal(t, pairs[:, 0] * 0.1)
    np.testing.assert_array_equal(i, pairs[:, 1])
    assert t.dtype == np.float64 and len(t) > 0


def test_overrides_are_the_cli_options(root, tmp_path):
    out = run_cli(root, tmp_path, "examples/coba.yaml", "--seed", "7", "--duration", "200", "--threads", "2")
    net = sf.load(root / "examples/coba.yaml", seed=7, duration=200, threads=2)
    net.run(progress=False)
    np.testing.assert_array_equal(net.monitors["E.spike"], np.load(out / "E.spike.npy"))


COBA_SMALL = dict(V_rest=-60, V_reset=-60, V_th=-50, tau=20, tau_ref=5)


def small_coba(seed=1):
    net = sf.Network("small", dt=0.1, duration=200, seed=seed)
    init = {"V": sf.model("Normal", mean=-55, scale=5)}
    E = net.population("E", 400, "LifRef", init=init, **COBA_SMALL)
    I = net.population("I", 100, "LifRef", init=init, **COBA_SMALL)
    for g in (E, I):
        net.current("bias_" + g.name, g, "ConstantCurrent", value=20)
    for pre, w, tau, rev in ((E, 0.6, 5, 0), (I, 6.7, 10, -80)):
        for post in (E, I):
            net.projection(pre.name + "2" + post.name, pre, post, conn=sf.model("FixedProb", prob=0.05),
                           weight=w, syn=sf.model("Expon", tau=tau), out=sf.model("COBA", E=rev))
    net.monitor(E, "spike")
    net.monitor(I, "V", indices=[0, 1, 2])
    return net


def test_a_network_described_in_python_equals_its_yaml(tmp_path):
    described = small_coba()
    text = described.to_json()
    described.run(progress=False)
    config = tmp_path / "small.yaml"
    config.write_text(text)
    from_file = sf.load(config)
    from_file.run(progress=False)
    assert described.monitors["E.spike"].shape[0] > 100
    for name in ("E.spike", "I.V"):
        np.testing.assert_array_equal(described.monitors[name], from_file.monitors[name])


def test_state_written_between_runs_changes_the_next_step(root):
    net = sf.load(root / "examples/stdp_net.yaml")
    net.run(2)
    assert len(net.spikes("post")[0]) == 0
    net["post"].V[:] = 25.0          # above V_th = 20 mV: the post neuron fires on the next step
    assert net["post"].V[0] == pytest.approx(25.0)
    net.run(0.1)
    t, _ = net.spikes("post")
    assert list(t) == [pytest.approx(2.0)]


def test_weights_are_the_engines(root):
    net = sf.load(root / "examples/stdp_net.yaml")
    net.run()
    w = net.weights("stdp")
    np.testing.assert_array_equal(w, net.monitors["stdp.weight"][-1])


def test_bad_config_raises_the_engines_message(root, tmp_path):
    config = tmp_path / "bad.yaml"
    text = (root / "examples/stdp_net.yaml").read_text().replace("tau_s: 16.8", "tau_s: -1").replace(
        "neuron: LifRef               #", "neuron: LifReff  #")
    config.write_text(text)
    done = cli("run", config, "--out", tmp_path / "o", check=False)
    assert done.returncode == 2
    with pytest.raises(sf.ConfigError) as caught:
        sf.load(config)
    assert str(caught.value).strip() == done.stderr.strip().removeprefix("spikeforge: ").strip()
    paths = [p for p, _ in caught.value.errors]
    assert paths == ["populations[0].neuron", "projections[0].plasticity.tau_s"]
    assert "Did you mean 'LifRef'?" in caught.value.errors[0][1]
    assert "Traceback" not in str(caught.value) and "at io.spikeforge" not in str(caught.value)


def test_a_python_network_reports_every_problem_at_its_path():
    net = sf.Network("bad", duration=10)
    net.population("P", 10, "LifRef", tau=-3)
    net.projection("x", "P", "Q", conn=sf.model("FixedProb", prob=2))
    with pytest.raises(sf.ConfigError) as caught:
        net.run()
    paths = [p for p, _ in caught.value.errors]
    assert "populations[0].neuron.tau" in paths
    assert "projections[0].post" in paths
    assert caught.value.source == "bad"


def test_unknown_names_say_what_there_is(root):
    net = sf.load(root / "examples/stdp_net.yaml")
    with pytest.raises(KeyError, match="Did you mean 'post.spike'"):
        net.recorded("post.spikes")
    with pytest.raises(AttributeError, match="Did you mean 'V'"):
        net["post"].v
    with pytest.raises(KeyError, match="Did you mean 'post'"):
        net["posts"]


def test_running_past_the_duration_is_refused(root):
    net = sf.load(root / "examples/stdp_net.yaml")
    net.run(250)
    with pytest.raises(ValueError, match="built for 300.0 ms and 50.0 ms remain"):
        net.run(60)


def test_a_model_written_as_equations_from_a_string():
    net = sf.Network("eq", dt=0.1, duration=100)
    net.define("""
        name: Leaky
        kind: neuron
        equations: "dv/dt = (I_ext - v) / tau : 1"
        parameters: {tau: 10 ms, I_ext: 2}
        threshold: v > 1
        reset: v = 0
        method: exact
    """)
    net.population("P", 1, "Leaky")
    net.monitor("P", "spike")
    net.run()
    t, _ = net.spikes("P")
    # v(t) = 2 (1 - exp(-t/tau)) reaches 1 at t = tau ln 2 = 6.93 ms: a spike every 7.0 ms (whole steps)
    period = np.diff(t)
    assert len(t) > 10
    assert np.allclose(period, period[0]) and 6.9 <= period[0] <= 7.1


def test_a_monitor_at_the_start_of_each_step_as_brian2s_state_monitor():
    net = sf.Network("start", dt=0.1, duration=5)
    net.define("""
        name: Relaxing
        kind: neuron
        equations: "dv/dt = (2 - v) / tau : 1"
        parameters: {tau: 10 ms}
        threshold: v > 10
        reset: v = 0
        method: exact
    """)
    net.population("P", 1, "Relaxing")
    start = net.monitor("P", "v", when="start")
    net.run()
    v = net.monitors[start][:, 0]
    # Before each step's update: row 0 is the initial 0, row r is v at r dt = 2 (1 - exp(-r dt / tau)).
    assert len(v) == 50 and v[0] == 0
    np.testing.assert_allclose(v, 2 * (1 - np.exp(-0.1 * np.arange(50) / 10)), atol=1e-5)


def test_a_numerical_fault_is_a_run_error_and_keeps_what_was_recorded():
    net = sf.Network("blowup", dt=0.1, duration=1000)
    net.define("""
        name: Runaway
        kind: neuron
        equations: "dv/dt = v*v / ms : 1"
        parameters: {}
        initial: {v: 1}
        threshold: v > 1e30
        reset: v = 0
        method: euler
    """)
    net.population("P", 3, "Runaway")
    net.monitor("P", "v")
    with pytest.raises(sf.RunError, match="P"):
        net.run()
    assert 0 < net.t < 1000
    assert net.monitors["P.v"].shape[0] >= 1


def test_progress_line():
    from spikeforge.progress import line
    text = line(500, 1000, 2.0, 100.0, 0.1, width=10)
    assert text == "[#####.....]  50%  t = 150.0 ms  0.03x realtime  ETA 2 s"


def test_equal_weights_written_between_runs_are_the_ones_used():
    # Every projection of small_coba has equal static weights, which the engine may fold into one number;
    # weights written through the state arrays must still be the ones the next steps deliver.
    net = small_coba()
    net.run(20, progress=False)
    projections = ["E2E", "E2I", "I2E", "I2I"]
    for p in projections:
        net[p].weight[:] = 0.0
    g_before = {p: np.asarray(net[p].g).copy() for p in projections}
    assert sum(float(g.sum()) for g in g_before.values()) > 0, "the synapses hold conductance at 20 ms"
    spikes_before = len(net.spikes("E")[0])
    for _ in range(100):
        net.run(0.1, progress=False)
        for p in projections:
            g = np.asarray(net[p].g).copy()
            # With every weight 0, spikes add nothing: each conductance only decays.
            assert np.all(g <= g_before[p]), p
            g_before[p] = g
    assert len(net.spikes("E")[0]) > spikes_before, "the neurons go on firing (driven by their bias)"
