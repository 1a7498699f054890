"""COBA 4000 run from Python beside the same run from the command line, alternating, and the time to
read a monitor of 1e7 values into NumPy. Usage (from the repository root):

    /usr/bin/python3 python/benchmarks/python_vs_cli.py [ROUNDS]

Each round runs examples/coba.yaml once with ./spikeforge run (its loop: summary.json's wall_s) and
once in this process (the seconds net.run() takes, as a Python user sees them, progress bar off);
one JSON line per measurement, then the medians.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))
import spikeforge as sf  # noqa: E402

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
config = ROOT / "examples/coba.yaml"
cli, py = [], []
with tempfile.TemporaryDirectory() as tmp:
    for r in range(rounds):
        subprocess.run([str(ROOT / "spikeforge"), "run", str(config), "--out", tmp + "/o", "--quiet"], check=True)
        cli.append(json.loads(Path(tmp, "o", "summary.json").read_text())["wall_s"])
        net = sf.load(config)
        t0 = time.perf_counter()
        net.run(progress=False)
        py.append(time.perf_counter() - t0)
        print(json.dumps({"round": r, "cli_loop_s": cli[-1], "python_run_s": py[-1], "engine_loop_s": net.wall_s}))

net = sf.Network("read", duration=250, seed=1)
net.population("P", 4000, "LifRef", V_rest=-60, V_reset=-60, V_th=-50, tau=20, tau_ref=5)
net.current("bias", "P", "ConstantCurrent", value=20)
net.monitor("P", "V")
net.run(progress=False)
reads = []
for _ in range(5):
    t0 = time.perf_counter()
    v = net.recorded("P.V")
    reads.append(time.perf_counter() - t0)
print(json.dumps({"cli_loop_median_s": statistics.median(cli), "python_run_median_s": statistics.median(py),
                  "ratio": statistics.median(py) / statistics.median(cli), "monitor_values": int(v.size),
                  "read_median_s": statistics.median(reads), "cpu": os.popen("lscpu | sed -n 's/^Model name: *//p'").read().strip()}))
