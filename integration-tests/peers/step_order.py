"""Brian2 peer for the order within a step: on_pre runs before the resets.

One neuron, dv/dt = 100 mV/ms (Euler), threshold 95 mV, reset v = 0 mV, reaches threshold in step 9
(t = 0.9 ms); a spike generator spikes at 0.9 ms and its synapse adds 5 mV to v in step 9's synapses
slot, before the reset, so the reset wins. A StateMonitor at the end of each step prints v in mV:

  /usr/bin/python3 integration-tests/peers/step_order.py
  [10, 20, 30, 40, 50, 60, 70, 80, 90, 0, 10, 20, 30, 40, 50]   (Brian2 2.5.1)
"""
import numpy as np
from brian2 import NeuronGroup, SpikeGeneratorGroup, Synapses, StateMonitor, defaultclock, ms, mV, prefs, run

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
G = NeuronGroup(1, 'dv/dt = 100*mV/ms : volt', threshold='v > 95*mV', reset='v = 0*mV', method='euler')
S = SpikeGeneratorGroup(1, [0], [0.9] * ms)
syn = Synapses(S, G, on_pre='v += 5*mV')
syn.connect()
M = StateMonitor(G, 'v', record=0, when='end')
run(1.5 * ms)
print([round(float(x), 6) for x in np.asarray(M.v[0] / mV)])
