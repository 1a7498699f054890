"""The Python package on the TornadoVM backend: where an SDK is present (TORNADOVM_HOME naming one,
with its tornado-argfile), ``spikeforge.load(..., backend="tornado")`` gives the same spike and
monitor arrays as the JVM backend, both run in one JVM started with the SDK's options. Without an SDK
the test skips and says so."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
SDK = os.environ.get("TORNADOVM_HOME", "")

SCRIPT = r"""
import sys
import numpy as np
sys.path.insert(0, sys.argv[1])
import spikeforge
out = {}
for backend in ("jvm", "tornado"):
    net = spikeforge.load(sys.argv[2], backend=backend)
    net.run()
    for name, values in net.monitors.items():
        out[backend + "/" + name] = np.asarray(values)
np.savez(sys.argv[3], **out)
"""


@pytest.mark.skipif(not (SDK and (Path(SDK) / "tornado-argfile").is_file()),
                    reason="no TornadoVM SDK: set TORNADOVM_HOME to one (with its tornado-argfile) to run "
                           "the Python package on the tornado backend")
def test_stdp_net_gives_the_jvm_backends_arrays_on_tornado(tmp_path):
    out = tmp_path / "arrays.npz"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "python"), str(ROOT / "examples/stdp_net.yaml"),
                           str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    arrays = np.load(out)
    jvm = sorted(k[4:] for k in arrays.files if k.startswith("jvm/"))
    tornado = sorted(k[8:] for k in arrays.files if k.startswith("tornado/"))
    assert jvm == tornado and jvm, json.dumps(arrays.files)
    spikes = [k for k in jvm if k.endswith("spike")]
    assert spikes and any(arrays["jvm/" + k].size for k in spikes), "the example fires"
    for k in jvm:
        np.testing.assert_array_equal(arrays["tornado/" + k], arrays["jvm/" + k], err_msg=k)
