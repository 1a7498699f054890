"""Brian2 peer for SpikeForge's NMDA and BioNMDA synapses (BrainPy's brainpy.dyn models).

Three presynaptic spike trains drive, through All2All projections of weight w, one LIF neuron with an
NMDA synapse and one with a BioNMDA synapse, both through the magnesium block. The synaptic state is
per pre neuron (BrainPy's align-pre projections). Written from the equations in SpikeForge's docs:

  NMDA:    dg/dt = -g/tau_decay + a x (1 - g),  dx/dt = -x/tau_rise,  x += 1 per spike
  BioNMDA: dg/dt = alpha1 x (1 - g) - beta1 g,  dx/dt = alpha2 T (1 - x) - beta2 x,
           T = T0 during ceil(T_dur/dt) steps from the arrival
  post:    tau dv/dt = -(v - V_rest) + R I,  I = w sum_pre g (E - v) / (1 + cc_Mg/beta exp(-alpha v))

Both use exponential Euler (g with x from the step's start), the post the exact step with I held over
the step (I computed from the state at the step's start), as SpikeForge does. Timing: SpikeForge
delivers a spike one step after it is emitted, before the synapse's update; Brian2 runs on_pre after
the step's update. So Brian2's NMDA spikes are given at SpikeForge's emission times (x += 1 lands at
the same point of the trajectory), and the BioNMDA ones one step earlier (its pulse starts in the arrival
step's own update, as BrainPy's). Writes a CSV: t_ms, g_nmda[0..2], x_nmda[0..2], v_nmda, g_bio[0..2],
x_bio[0..2], v_bio, the synaptic state after SpikeForge's step r and the potential after it in row r.

  /usr/bin/python3 integration-tests/peers/nmda_receptors.py OUT.csv
"""
import sys

import numpy as np
from brian2 import (NeuronGroup, SpikeGeneratorGroup, Synapses, StateMonitor, Network, defaultclock, ms, mV,
                    prefs, linked_var)

prefs.codegen.target = 'numpy'
dt = 0.1
defaultclock.dt = dt * ms
duration = 100.0
# emission times (ms) of the three pre neurons, as in SpikeForge's config (SpikeTimes)
spikes = [(0, 5.0), (0, 20.0), (0, 22.0), (0, 60.0), (1, 10.0), (1, 10.5), (1, 11.0), (1, 11.5), (2, 40.0)]
idx = np.array([i for i, _ in spikes])
times = np.array([t for _, t in spikes])
w = 0.1        # uS
R = 20.0       # MOhm
E, cc_Mg, alpha_mg, beta_mg = 0.0, 1.2, 0.062, 3.57
V_rest, tau = -65.0, 20.0

# Dimensionless: every quantity in SpikeForge's units (ms, mV, uS, nA, MOhm), time in ms through 'ms'.
pre_nmda = SpikeGeneratorGroup(3, idx, times * ms)
pre_bio = SpikeGeneratorGroup(3, idx, (times - dt) * ms)
nmda = NeuronGroup(3, '''dg/dt = (-g/tau_decay + a*x*(1 - g))/ms : 1
                         dx/dt = (-x/tau_rise)/ms : 1
                         a : 1
                         tau_decay : 1
                         tau_rise : 1''', method='exponential_euler')
nmda.a, nmda.tau_decay, nmda.tau_rise = 0.5, 100.0, 2.0
on_steps = int(np.ceil(0.5 / dt - 1e-9))
bio = NeuronGroup(3, '''dg/dt = (alpha1*x*(1 - g) - beta1*g)/ms : 1
                        dx/dt = (alpha2*T*(1 - x) - beta2*x)/ms : 1
                        T = T0*int(pulse > 0) : 1
                        pulse : 1
                        alpha1 : 1
                        beta1 : 1
                        alpha2 : 1
                        beta2 : 1
                        T0 : 1''', method='exponential_euler')
bio.alpha1, bio.beta1, bio.alpha2, bio.beta2, bio.T0 = 2.0, 0.01, 1.0, 0.5, 1.0
# the pulse counts down after each update: on for on_steps updates after the spike
bio.run_regularly('pulse = clip(pulse - 1, 0, 1e9)', when='groups', order=1)
s_nmda = Synapses(pre_nmda, nmda, on_pre='x_post += 1')
s_nmda.connect(j='i')
s_bio = Synapses(pre_bio, bio, on_pre='pulse_post = on_steps')
s_bio.connect(j='i')


def post_group(src):
    eqs = '''dv/dt = (-(v - V_rest) + R*I)/tau/ms : 1
             I : 1
             g0 : 1 (linked)
             g1 : 1 (linked)
             g2 : 1 (linked)'''
    post = NeuronGroup(1, eqs, method='exact')
    post.v = V_rest
    post.g0 = linked_var(src, 'g', index=np.array([0]))
    post.g1 = linked_var(src, 'g', index=np.array([1]))
    post.g2 = linked_var(src, 'g', index=np.array([2]))
    # I from the state at the step's start (SpikeForge's order: synapse update, output, then neuron)
    post.run_regularly('I = w*(g0 + g1 + g2)*(E - v)/(1 + cc_Mg/beta_mg*exp(-alpha_mg*v))', when='before_groups')
    return post


post_nmda = post_group(nmda)
post_bio = post_group(bio)
# the synaptic state recorded at the start of Brian2's step b is SpikeForge's after step b, and
# the potential after Brian2's step b is SpikeForge's after step b
m_nmda = StateMonitor(nmda, ['g', 'x'], record=True)
m_bio = StateMonitor(bio, ['g', 'x'], record=True)
v_nmda = StateMonitor(post_nmda, 'v', record=True, when='end')
v_bio = StateMonitor(post_bio, 'v', record=True, when='end')
net = Network(pre_nmda, pre_bio, nmda, bio, s_nmda, s_bio, post_nmda, post_bio, m_nmda, m_bio, v_nmda, v_bio)
net.run(duration * ms, namespace=dict(V_rest=V_rest, tau=tau, R=R, w=w, E=E, cc_Mg=cc_Mg, alpha_mg=alpha_mg,
                                      beta_mg=beta_mg, on_steps=on_steps))
steps = int(round(duration / dt))
rows = []
for r in range(steps):
    rows.append([r * dt]
                + [m_nmda.g[i][r] for i in range(3)] + [m_nmda.x[i][r] for i in range(3)] + [v_nmda.v[0][r]]
                + [m_bio.g[i][r] for i in range(3)] + [m_bio.x[i][r] for i in range(3)] + [v_bio.v[0][r]])
rows = np.array(rows)
header = 't_ms,g_nmda0,g_nmda1,g_nmda2,x_nmda0,x_nmda1,x_nmda2,v_nmda,g_bio0,g_bio1,g_bio2,x_bio0,x_bio1,x_bio2,v_bio'
np.savetxt(sys.argv[1], rows, delimiter=',', header=header, comments='', fmt='%.9g')
print('peak g_nmda', rows[:, 1:4].max(axis=0), 'peak v_nmda', rows[:, 7].max())
print('peak g_bio', rows[:, 8:11].max(axis=0), 'peak v_bio', rows[:, 14].max())
