"""spikeforge.run_split: a network split over processes from Python gives the spikes of the same config
run in this process."""
import os
from pathlib import Path

import numpy as np
import pytest

import spikeforge

MPJ = Path("/usr/share/mpj/lib/starter.jar").is_file() or (
    "MPJ_HOME" in os.environ and (Path(os.environ["MPJ_HOME"]) / "lib" / "starter.jar").is_file())
pytestmark = pytest.mark.skipif(not MPJ, reason="MPJ Express is not installed (apt-get install libmpj-java)")


def test_coba_over_two_processes_gives_the_spikes_of_one(root, tmp_path):
    config = root / "examples" / "coba.yaml"
    net = spikeforge.load(config, duration=200)
    net.run(progress=False)
    split = spikeforge.run_split(config, processes=2, duration=200, out=tmp_path / "coba")
    assert split.summary["processes"] == 2
    for group in ("E", "I"):
        t, i = net.spikes(group)
        ts, is_ = split.spikes(group)
        assert len(t) > 100
        np.testing.assert_array_equal(i, is_)
        np.testing.assert_array_equal(t, ts)
    assert split.summary["populations"]["E"]["spikes"] == len(net.spikes("E")[0])


def test_a_refused_option_raises_config_error_naming_it(root, tmp_path):
    with pytest.raises(spikeforge.ConfigError) as e:
        spikeforge.run_split(root / "examples" / "coba.yaml", processes=0, out=tmp_path / "none")
    assert "--processes: 0 processes; allowed: a whole number from 1 up" in str(e.value)
