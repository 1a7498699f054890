"""Brian2 peer for a plasticity rule written as equations that gives the post neurons their input through a
(summed) variable and reads the post potential (SynapseRulesBrian2Test).

Three pre neurons (fixed spike times) connect All2All to two passive neurons (dv/dt = (El - v)/tau +
I_syn/C, no threshold). Each synapse has a conductance g integrated each step (clock-driven), the post
neurons sum g*(E - v_post) into I_syn, and each pre spike changes w by eta*(v_post - theta): the
equations of the test's config, pasted. The potentials are recorded at the end of each step (as SpikeForge's
value monitors record).

Writes a CSV: v0, v1 (mV) after each step; then a line '#' and one row per synapse (pre-major): w (nS), g (nS).

  /usr/bin/python3 integration-tests/peers/synapse_summed.py OUT.csv
"""
import sys

import numpy as np
from brian2 import (NeuronGroup, SpikeGeneratorGroup, Synapses, StateMonitor, Network, defaultclock, ms, mV, nS, pF,
                    prefs)

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
pre_spikes = [(0, 10.0), (0, 31.0), (0, 95.5), (1, 12.0), (1, 40.0), (1, 41.5), (2, 60.0), (2, 62.0), (0, 62.0)]
pre = SpikeGeneratorGroup(3, np.array([i for i, _ in pre_spikes]), np.array([t for _, t in pre_spikes]) * ms)
El, tau, C = -65 * mV, 20 * ms, 200 * pF
post = NeuronGroup(2, '''dv/dt = (El - v)/tau + I_syn/C : volt
I_syn : amp''', method='exact')
post.v = El
tau_g, E, eta, theta, wmax = 5 * ms, 0 * mV, 0.01 * nS / mV, -60 * mV, 20 * nS
syn = Synapses(pre, post, '''w : siemens
dg/dt = -g/tau_g : siemens (clock-driven)
I_syn_post = g*(E - v_post) : amp (summed)''',
               on_pre='''g += w
w = clip(w + eta*(v_post - theta), 0*nS, wmax)''', method='exact')
syn.connect()
syn.w = 4 * nS
mon = StateMonitor(post, 'v', record=True, when='end')
net = Network(pre, post, syn, mon)
net.run(120 * ms)
order = np.lexsort((np.array(syn.j), np.array(syn.i)))
with open(sys.argv[1], 'w') as f:
    f.write('v0_mV,v1_mV\n')
    for r in range(mon.v.shape[1]):
        f.write('%.9g,%.9g\n' % (mon.v[0, r] / mV, mon.v[1, r] / mV))
    f.write('#\n')
    for k in order:
        f.write('%.9g,%.9g\n' % (syn.w[k] / nS, syn.g[k] / nS))
