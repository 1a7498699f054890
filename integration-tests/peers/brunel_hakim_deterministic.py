"""Brian2 2.5's spike train of Brunel_Hakim_1999's network made deterministic, for a spike-for-spike check.

frompapers/Brunel_Hakim_1999.py's neurons, delay and on_pre (V += -J) as they are, with the noise off
(sigmaext = 0), 50 neurons connected all to all (connect(p=1): autapses too), J = 0.5 mV and the
initial potentials spread (V = Vr + i*0.2*mV) so that the neurons fire apart and inhibit each other
through the 2 ms delay, during and after their refractory periods; 300 ms. Prints every spike as
"step neuron", in step then neuron order (the file Brian2ExamplesValidationTest reads).
Run with Debian's Python: /usr/bin/python3 integration-tests/peers/brunel_hakim_deterministic.py
"""
import numpy as np
from brian2 import NeuronGroup, Synapses, SpikeMonitor, run, defaultclock, prefs, mV, ms, sqrt  # noqa: F401

prefs.codegen.target = "numpy"
N = 50
Vr = 10 * mV
theta = 20 * mV
tau = 20 * ms
delta = 2 * ms
taurefr = 2 * ms
J = 0.5 * mV
muext = 25 * mV
sigmaext = 0 * mV
eqs = "dV/dt = (-V+muext + sigmaext * sqrt(tau) * xi)/tau : volt"
group = NeuronGroup(N, eqs, threshold="V>theta", reset="V=Vr", refractory=taurefr, method="euler")
group.V = "Vr + i*0.2*mV"
conn = Synapses(group, group, on_pre="V += -J", delay=delta)
conn.connect(p=1.0)
M = SpikeMonitor(group)
run(300 * ms)
steps = np.round(np.asarray(M.t / defaultclock.dt)).astype(int)
neurons = np.asarray(M.i)
for k in np.lexsort((neurons, steps)):
    print(steps[k], neurons[k])
