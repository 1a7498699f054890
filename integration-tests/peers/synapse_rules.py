"""Brian2 peer for plasticity rules written as equations with their state per synapse (SynapseRulesTest).

Three pre neurons (fixed spike times) connect All2All to two post neurons (fixed spike times: SpikeForge
forces them with a strong kick, Brian2 plays them from a SpikeGeneratorGroup). Two Synapses objects run
the equations of the test's config, pasted:

  MultStdp: per-synapse traces Apre, Apost (event-driven), a weight-dependent (multiplicative) change:
            on_pre: Apre += dApre; w = clip(w + w*Apost, 0*nS, wmax)
            on_post: Apost += dApost; w = clip(w + (wmax - w)*Apre, 0*nS, wmax)
  Elig:     a clock-driven eligibility elig per synapse (delig/dt = -elig/tau_e), elig += 1 on_pre, w += eta*elig on_post,
            and a per-synapse variable n counting the pre spikes of its synapse.

Writes a CSV, one row per synapse in SpikeForge's order (pre-major): pre, post, w_mult (nS), w_elig (nS),
elig, n at the end of the run.

  /usr/bin/python3 integration-tests/peers/synapse_rules.py OUT.csv
"""
import sys

import numpy as np
from brian2 import SpikeGeneratorGroup, Synapses, Network, defaultclock, ms, nS, prefs

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
duration = 300 * ms
pre_spikes = [(0, 10.0), (0, 31.0), (0, 95.5), (0, 150.0), (1, 12.0), (1, 40.0), (1, 41.5), (1, 160.2),
              (2, 60.0), (2, 200.0), (0, 230.0), (1, 230.0)]
post_spikes = [(0, 15.0), (0, 35.0), (0, 120.0), (1, 11.0), (1, 62.0), (1, 158.0), (0, 230.0), (1, 240.0)]


def group(spikes, n):
    return SpikeGeneratorGroup(n, np.array([i for i, _ in spikes]), np.array([t for _, t in spikes]) * ms)


pre = group(pre_spikes, 3)
post = group(post_spikes, 2)
taupre, taupost, wmax, dApre, dApost = 20 * ms, 20 * ms, 10 * nS, 0.05, -0.06
tau_e, eta = 30 * ms, 0.2 * nS
mult = Synapses(pre, post, '''w : siemens
dApre/dt = -Apre/taupre : 1 (event-driven)
dApost/dt = -Apost/taupost : 1 (event-driven)''',
                on_pre='''Apre += dApre
w = clip(w + w*Apost, 0*nS, wmax)''',
                on_post='''Apost += dApost
w = clip(w + (wmax - w)*Apre, 0*nS, wmax)''')
mult.connect()
mult.w = 5 * nS
trace = Synapses(pre, post, '''w : siemens
n : 1
delig/dt = -elig/tau_e : 1 (clock-driven)''',
                on_pre='''elig += 1
n += 1''',
                on_post='w = clip(w + eta*elig, 0*nS, wmax)', method='exact')
trace.connect()
trace.w = 1 * nS
net = Network(pre, post, mult, trace)
net.run(duration)
order = np.lexsort((np.array(mult.j), np.array(mult.i)))
with open(sys.argv[1], 'w') as f:
    f.write('pre,post,w_mult_nS,w_elig_nS,elig,n\n')
    for k in order:
        f.write('%d,%d,%.9g,%.9g,%.9g,%.9g\n' % (mult.i[k], mult.j[k], mult.w[k] / nS, trace.w[k] / nS, trace.elig[k],
                                                  trace.n[k]))
