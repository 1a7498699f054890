"""How Brian2 2.5 rounds per-synapse delays to steps.

One spike at step 10 reaches one synapse per delay; each synapse records the time its spike
arrives (on_pre: t_arr = t). Prints, per dt and delay in ms, the steps between the spike and its arrival,
for the numpy target (Python spike queue) and the cython target (C++ spike queue).
Run with Debian's Python: /usr/bin/python3 integration-tests/peers/brian2_delay_rounding.py
"""
import math
import numpy as np
from brian2 import (SpikeGeneratorGroup, NeuronGroup, Synapses, Network, ms, prefs, defaultclock)

# dt = 0.1 ms: decimal delays, some a half step in decimal (their doubles lie on either side);
# dt = 0.125 ms: delays whose half steps are exact in binary, where the rounding of halves shows.
CASES = {0.1: [0.0, 0.04, 0.05, 0.06, 0.14, 0.15, 0.16, 0.25, 0.35, 0.45, 0.55, 1.049, 1.05, 1.25, 2.5, 3.35],
         0.125: [0.0625, 0.1875, 0.3125, 0.4375, 0.5, 0.55, 1.0, 1.3125, 2.0625]}


def arrival_steps(target, dt_ms, DELAYS_MS):
    prefs.codegen.target = target
    defaultclock.dt = dt_ms * ms
    src = SpikeGeneratorGroup(1, [0], [10 * dt_ms] * ms)
    post = NeuronGroup(len(DELAYS_MS), 'v : 1')
    syn = Synapses(src, post, 't_arr : second', on_pre='t_arr = t')
    syn.connect(i=0, j=np.arange(len(DELAYS_MS)))
    syn.delay = np.array(DELAYS_MS) * ms
    syn.t_arr = -1 * ms
    net = Network(src, post, syn)
    net.run(5 * ms)
    return [int(round(float(t / ms) / dt_ms)) - 10 for t in syn.t_arr[:]]


if __name__ == '__main__':
    print('dt_ms delay_ms numpy cython floor(d/dt+0.5)_in_ms round_half_even(d/dt)')
    for dt_ms, delays in CASES.items():
        rows = {t: arrival_steps(t, dt_ms, delays) for t in ('numpy', 'cython')}
        for k, d in enumerate(delays):
            x = d / dt_ms
            print(f'{dt_ms:g} {d:g} {rows["numpy"][k]} {rows["cython"][k]} {math.floor(x + 0.5)} {int(np.round(x))}')
