#!/usr/bin/python3
"""Runs one of Brian2's own example scripts, as Debian's python-brian-doc ships them, with a given seed,
and prints the statistics SpikeForge's examples/brian2/ configs are compared on, as one JSON line:
the mean rate, and the mean and coefficient of variation of the inter-spike intervals.

The script is read from the documentation (not copied here): its code block is taken as it is, with
the plotting left out, seed(SEED) set first, and a SpikeMonitor on the group added when it has none.

    /usr/bin/python3 brian2_examples.py CUBA 3
    /usr/bin/python3 brian2_examples.py COBAHH 3
    /usr/bin/python3 brian2_examples.py frompapers.Brette_Gerstner_2005 0
    /usr/bin/python3 brian2_examples.py frompapers.Brunel_Hakim_1999 3
"""
import json
import re
import sys
import time

import numpy as np

DOCS = "/usr/share/doc/python-brian-doc/docs/_sources/examples/"
GROUPS = {"CUBA": "P", "COBAHH": "P", "frompapers.Brette_Gerstner_2005": "neuron",
          "frompapers.Brunel_Hakim_1999": "group"}


def code(name):
    text = open(DOCS + name + ".rst.txt").read()
    block = text[text.index("\n::\n") + 4:]
    lines = []
    for line in block.split("\n"):
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line[4:])
    kept = [l for l in lines if not re.match(r"\s*(plot|xlabel|ylabel|show|legend|title|subplot|figure)\(", l)]
    # The Brette-Gerstner script redraws spikes into its trace for the plot; that part needs no run.
    out, skip = [], False
    for l in kept:
        if l.startswith("vm = trace") or l.startswith("for t in spikes.t"):
            skip = True
        if skip and (l.startswith("    ") or l.startswith("vm") or l.startswith("for")):
            continue
        skip = False
        out.append(l)
    return "\n".join(out)


def stats(steps, neurons, n, duration_ms, dt_ms):
    rate = len(steps) / n / (duration_ms / 1000.0)
    isis, cvs = [], []
    for k in range(n):
        t = np.sort(steps[neurons == k]) * dt_ms
        if len(t) >= 3:
            d = np.diff(t)
            isis.append(d.mean())
            cvs.append(d.std() / d.mean())
    # Pooled over every neuron with 2 spikes or more: for short runs at low rates (Brunel_Hakim_1999).
    pooled = np.concatenate([np.diff(np.sort(steps[neurons == k]) * dt_ms) for k in range(n)
                             if np.count_nonzero(neurons == k) >= 2] or [np.zeros(0)])
    # The population rate in 1 ms bins: its CV measures how synchronous the network is.
    per_ms = np.bincount((steps * dt_ms).astype(int), minlength=int(round(duration_ms)))[:int(round(duration_ms))]
    return {"rate_hz": rate, "isi_mean_ms": float(np.mean(isis)) if isis else None,
            "isi_cv": float(np.mean(cvs)) if cvs else None, "spikes": int(len(steps)),
            "isi_pooled_ms": float(pooled.mean()) if len(pooled) else None, "isi_pooled_n": int(len(pooled)),
            "pop_rate_cv_1ms": float(per_ms.std() / per_ms.mean()) if per_ms.mean() > 0 else None}


def main():
    name, seed_value = sys.argv[1], int(sys.argv[2])
    src = code(name)
    group = GROUPS[name]
    from brian2 import seed, defaultclock, SpikeMonitor, prefs  # noqa: F401
    prefs.codegen.target = sys.argv[3] if len(sys.argv) > 3 else "cython"
    src = src.replace("from brian2 import *", "from brian2 import *\nseed(%d)" % seed_value, 1)
    if "SpikeMonitor(" + group not in src:
        src = src.replace("run(", "_spikes = SpikeMonitor(%s)\nrun(" % group, 1)
    env = {}
    t0 = time.time()
    exec(compile(src, name, "exec"), env)
    wall = time.time() - t0
    mon = next(v for k, v in env.items() if type(v).__name__ == "SpikeMonitor")
    g = env[group]
    from brian2 import ms
    dt = float(env["defaultclock"].dt / ms)
    steps = np.round(np.asarray(mon.t / ms) / dt).astype(int)
    out = stats(steps, np.asarray(mon.i), len(g), float(env["defaultclock"].t / ms), dt)
    out.update({"example": name, "seed": seed_value, "wall_s": wall,
                "spike_steps": steps.tolist() if len(g) == 1 else None})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
