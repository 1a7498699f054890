"""spikeforge.sweep: a sweep started from Python runs as ./spikeforge sweep does and returns its table."""
import pytest

import spikeforge

SWEEPS = "core/sweep/src/test/resources/sweep/"


def test_a_sweep_returns_a_row_per_run_with_the_bad_points_errors(root, tmp_path):
    rows = spikeforge.sweep(root / SWEEPS / "tiny_sweep.yaml", master="local[2]", out=tmp_path / "s")
    assert [r["id"] for r in rows] == ["run-%04d" % i for i in range(6)]
    assert [r["seed"] for r in rows[:4]] == [1, 2, 1, 2]
    assert [r["status"] for r in rows] == ["ok"] * 4 + ["config_error"] * 2
    assert rows[4]["error"] == "projections[0].plasticity.tau_s: must be > 0 ms, got -1"
    assert all(sum(r["weight_histogram.stdp"]) == 200 for r in rows[:4])
    assert all(r["populations.neuron.rate_hz"] == r["rate_hz.neuron"] for r in rows[:4])


def test_a_bad_sweep_file_raises_config_error_with_every_problem(root):
    with pytest.raises(spikeforge.ConfigError) as e:
        spikeforge.sweep(root / SWEEPS / "bad_sweep.yaml")
    assert "10 configuration errors in" in str(e.value)
    assert "axes.projection[0].plasticity.A2: no key 'projection' at the top of the base config." \
           " Did you mean 'projections'?" in str(e.value)
