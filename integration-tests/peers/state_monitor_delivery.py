"""Brian2 peer for value monitors that record at the start of a step (`when: start`) where synapses
deliver: Brian2 runs a step's on_pre in its `synapses` slot, after the thresholds and before the resets,
and its StateMonitor records in the next step's `start` slot, so row n + 1 holds what step n's on_pre
did (and the resets that win over it).

One spike source (times 2.0, 10.0, 10.1, 14.0, 20.0 ms) drives four single neurons, dt 0.1 ms, 25 ms:
- delta: `dv/dt = (v0 - v)/tau : volt (unless refractory)`, v0 9 mV, tau 10 ms, threshold 10 mV, reset
  0 mV, refractory 2 ms, exact, through `on_pre='v_post += w'` with w = 3 mV: the 10.0 ms input makes it
  spike in the next step, whose own input is lost to the reset;
- late: the same through a synapse with delay 0.5 ms;
- norefr: the same model without refractoriness, nor the flag (its on_pre adds, then the reset sets 0 mV);
- coba: `dv/dt = (ge*(Ee - v) - v)/tau : volt (unless refractory)`, `dge/dt = -ge/taue : 1`, Ee 60 mV,
  taue 5 ms, threshold 10 mV, reset 0 mV, refractory 1 ms, Euler, through `on_pre='ge_post += w'`, w 0.5.
StateMonitors with Brian2's default `when='start'`. Writes a CSV, one row per step: t_ms, the v of each
neuron in mV, then coba's ge; prints the spike times to stderr.

  /usr/bin/python3 integration-tests/peers/state_monitor_delivery.py OUT.csv [--refractory-inputs]

--refractory-inputs adds inputs at 10.6, 11.5 and 12.0 ms, which reach delta while it is refractory (12.0 ms
in its last refractory step, in which it does not integrate yet), and 12.1 ms, its first free step: Brian2
skips on_pre's write to v in the refractory ones (v is marked unless refractory, and Brian2 makes every
write to such a variable conditional on not_refractory), as SpikeForge does (REFERENCES.md).
"""
import sys

import numpy as np
from brian2 import (NeuronGroup, SpikeGeneratorGroup, Synapses, StateMonitor, SpikeMonitor, Network,
                    defaultclock, ms, mV, prefs)

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
tau = 10 * ms
taue = 5 * ms
Ee = 60 * mV
times = sorted([2.0, 10.0, 10.1, 14.0, 20.0] + ([10.6, 11.5, 12.0, 12.1] if '--refractory-inputs' in sys.argv else [])) * ms
src = SpikeGeneratorGroup(1, [0] * len(times), times)
lif = '''dv/dt = (v0 - v) / tau : volt (unless refractory)
         v0 : volt (constant)'''


def lif_group(refractory):
    eqs = lif if refractory else lif.replace(' (unless refractory)', '')
    g = NeuronGroup(1, eqs, threshold='v > 10*mV', reset='v = 0*mV', refractory=refractory, method='exact')
    g.v0 = 9 * mV
    return g


def delta_synapse(target, delay):
    s = Synapses(src, target, 'w : volt', on_pre='v_post += w', delay=delay)
    s.connect()
    s.w = 3 * mV
    return s


delta, late, norefr = lif_group(2 * ms), lif_group(2 * ms), lif_group(False)
coba = NeuronGroup(1, '''dv/dt = (ge * (Ee - v) - v) / tau : volt (unless refractory)
                         dge/dt = -ge / taue : 1''',
                   threshold='v > 10*mV', reset='v = 0*mV', refractory=1 * ms, method='euler')
c = Synapses(src, coba, 'w : 1', on_pre='ge_post += w')
c.connect()
c.w = 0.5
synapses = [delta_synapse(delta, 0 * ms), delta_synapse(late, 0.5 * ms), delta_synapse(norefr, 0 * ms), c]
groups = [delta, late, norefr, coba]
mons = [StateMonitor(g, 'v', record=0) for g in groups] + [StateMonitor(coba, 'ge', record=0)]
spikes = [SpikeMonitor(g) for g in groups]
Network(src, *groups, *synapses, *mons, *spikes).run(25 * ms)
assert all(m.when == 'start' for m in mons)
for name, s in zip(['delta', 'late', 'norefr', 'coba'], spikes):
    print(name, 'spikes (ms):', [round(float(t), 4) for t in s.t / ms], file=sys.stderr)
rows = np.column_stack([mons[0].t / ms] + [m.v[0] / mV for m in mons[:4]] + [mons[4].ge[0]])
np.savetxt(sys.argv[1], rows, delimiter=',', header='t_ms,delta_v_mV,late_v_mV,norefr_v_mV,coba_v_mV,coba_ge',
           comments='', fmt='%.10g')
