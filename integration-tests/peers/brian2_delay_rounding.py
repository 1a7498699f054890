"""How Brian2 2.5 rounds per-synapse delays to steps.

One spike at t = 1 ms reaches one synapse per delay; each synapse records the time its spike
arrives (on_pre: t_arr = t). Prints, per delay in ms, the steps between the spike and its arrival,
for the numpy target (Python spike queue) and the cython target (C++ spike queue).
Run with Debian's Python: /usr/bin/python3 integration-tests/peers/brian2_delay_rounding.py
"""
import math
import numpy as np
from brian2 import (SpikeGeneratorGroup, NeuronGroup, Synapses, Network, ms, prefs, defaultclock)

DELAYS_MS = [0.0, 0.04, 0.05, 0.06, 0.14, 0.15, 0.16, 0.25, 0.35, 0.45, 0.55, 1.049, 1.05, 1.25, 2.5, 3.35]


def arrival_steps(target):
    prefs.codegen.target = target
    defaultclock.dt = 0.1 * ms
    src = SpikeGeneratorGroup(1, [0], [1.0] * ms)
    post = NeuronGroup(len(DELAYS_MS), 'v : 1')
    syn = Synapses(src, post, 't_arr : second', on_pre='t_arr = t')
    syn.connect(i=0, j=np.arange(len(DELAYS_MS)))
    syn.delay = np.array(DELAYS_MS) * ms
    syn.t_arr = -1 * ms
    net = Network(src, post, syn)
    net.run(5 * ms)
    return [int(round(float(t / ms) / 0.1)) - 10 for t in syn.t_arr[:]]


if __name__ == '__main__':
    rows = {t: arrival_steps(t) for t in ('numpy', 'cython')}
    print('delay_ms numpy cython floor(d/dt+0.5) round_half_even(d/dt)')
    for k, d in enumerate(DELAYS_MS):
        x = d / 0.1
        print(f'{d:g} {rows["numpy"][k]} {rows["cython"][k]} {math.floor(x + 0.5)} {int(np.round(x))}')
