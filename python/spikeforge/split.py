"""One network over several processes from Python: ``spikeforge.run_split("examples/coba.yaml", processes=4)``
runs ``./spikeforge run --processes 4`` (MPJ Express, see the README's "Beyond one machine") in a process
of its own and returns what it wrote: the same files, bit for bit, as the config run in one process.
"""
import json
import os
import subprocess
from pathlib import Path

import numpy as np

from ._jvm import ROOT
from .errors import ConfigError, RunError


class SplitRun:
    """A finished split run: its folder, its ``summary.json`` as a dict, and each monitor's array by name."""

    def __init__(self, folder):
        self.folder = Path(folder)
        with open(self.folder / "summary.json") as f:
            self.summary = json.load(f)
        self.arrays = {p.stem: np.load(p) for p in sorted(self.folder.glob("*.npy"))}

    def spikes(self, target):
        """A spike monitor's ``(times_ms, indices)``, as :meth:`Network.spikes` gives them."""
        pairs = self.arrays["%s.spike" % target]
        return pairs[:, 0] * self.summary["dt_ms"], pairs[:, 1].copy()

    def __repr__(self):
        return "SplitRun(%r, %d processes)" % (str(self.folder), self.summary.get("processes", 1))


def run_split(path, processes=2, hosts=None, out=None, duration=None, dt=None, seed=None, threads=None,
              quiet=True):
    """Runs the network config ``path`` split over ``processes`` processes and returns a :class:`SplitRun`.

    hosts: a list of hosts for MPJ's niodev device (each running MPJ's daemon, all seeing ``out``); default:
    this machine alone. duration, dt (ms), seed: as ``run``'s options. threads: per process (default 1).
    Raises ConfigError for a refused config or option (its message lists every problem), RunError when the
    run fails (exit code 3 for a numerical fault, 1 otherwise).
    """
    args = [str(ROOT / "spikeforge"), "run", str(path), "--processes", str(processes)]
    for option, value in (("--hosts", ",".join(hosts) if hosts else None), ("--out", out),
                          ("--duration", duration), ("--dt", dt), ("--seed", seed), ("--threads", threads)):
        if value is not None:
            args += [option, str(value)]
    if quiet:
        args.append("--quiet")
    done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    if done.returncode == 2:
        raise ConfigError(done.stderr.strip().removeprefix("spikeforge: "))
    if done.returncode != 0:
        raise RunError("spikeforge run --processes %d exited with %d:\n%s" % (processes, done.returncode,
                                                                            done.stderr.strip()))
    # The last line: "<name>: ... summary in <folder>/summary.json".
    summary = done.stdout.strip().splitlines()[-1].rsplit(" summary in ", 1)[1]
    return SplitRun(Path(summary).parent)
