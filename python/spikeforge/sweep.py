"""Parameter sweeps from Python: ``spikeforge.sweep("examples/sweeps/song2000_A2.yaml")`` runs the sweep
on Apache Spark as ``./spikeforge sweep`` does, in a process of its own (Spark's jars stay out of this
process's JVM), and returns the results table, a dict per run.
"""
import csv
import os
import subprocess
from pathlib import Path

from ._jvm import ROOT
from .errors import ConfigError, RunError


def _cell(text):
    """A CSV cell as Python: a number where it is one, a list of numbers for an array, None when empty."""
    if text == "":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    parts = text.split(" ")
    try:
        return [int(p) if p.lstrip("-").isdigit() else float(p) for p in parts] if len(parts) > 1 else text
    except ValueError:
        return text


def sweep(path, master=None, out=None, conf=None, quiet=True):
    """Runs the sweep file ``path`` and returns its table (results.csv) as a list of dicts, in run order.

    master: a Spark master URL (``local[2]``, ``spark://host:7077``); default ``local[*]``.
    out: the sweep's folder (default ``out/<sweep name>``); a sweep started again there skips the runs done.
    conf: further Spark settings, a dict.
    Raises ConfigError for a bad sweep file (its message lists every problem), RunError when the sweep fails.
    """
    args = [str(ROOT / "spikeforge"), "sweep", str(path)]
    if master:
        args += ["--master", master]
    if out:
        args += ["--out", str(out)]
    for key, value in (conf or {}).items():
        args += ["--conf", "%s=%s" % (key, value)]
    if quiet:
        args.append("--quiet")
    done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    if done.returncode == 2:
        raise ConfigError(done.stderr.strip().removeprefix("spikeforge: "))
    if done.returncode != 0:
        raise RunError("spikeforge sweep exited with %d:\n%s" % (done.returncode, done.stderr.strip()))
    folder = Path(done.stdout.split(":", 1)[0].strip())
    with open(folder / "results.csv", newline="") as f:
        return [{k: _cell(v) for k, v in row.items()} for row in csv.DictReader(f)]
