"""Brian2 peer for value monitors that record at the start of a step (`when: start`).

Three LIF neurons with drives of 11, 15 and 19 mV, `dv/dt = (v0 - v)/tau : volt (unless refractory)`,
threshold 10 mV, reset 0 mV, refractory 5 ms, exact integration, dt 0.1 ms, 50 ms. A StateMonitor with
Brian2's default `when='start'` records v before each step's update: row 0 is the initial 0 mV. Writes a
CSV: t_ms, v[0..2] in mV, one row per step.

  /usr/bin/python3 integration-tests/peers/state_monitor_start.py OUT.csv
"""
import sys

import numpy as np
from brian2 import NeuronGroup, StateMonitor, defaultclock, ms, mV, prefs, run

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
tau = 10 * ms
group = NeuronGroup(3, '''dv/dt = (v0 - v) / tau : volt (unless refractory)
                          v0 : volt''', threshold='v > 10*mV', reset='v = 0*mV', refractory=5 * ms, method='exact')
group.v = 0 * mV
group.v0 = '11*mV + 4*mV*i'
mon = StateMonitor(group, 'v', record=True)
run(50 * ms)
rows = np.column_stack([mon.t / ms, (mon.v / mV).T])
np.savetxt(sys.argv[1], rows, delimiter=',', header='t_ms,v0_mV,v1_mV,v2_mV', comments='', fmt='%.10g')
