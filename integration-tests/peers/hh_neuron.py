#!/usr/bin/python3
"""Runs NEURON's own hh mechanism (Hodgkin-Huxley 1952, at 6.3 degC, where its rates are exactly HH's)
in one compartment with SpikeForge's HH parameters, under a current step, and prints the upward
crossings of 20 mV (BrainPy's V_th) as one JSON line. NEURON 8 (Debian's python3-neuron), its
Crank-Nicolson method (secondorder = 2) at dt = 0.0025 ms: a reference far finer than the model's
exponential Euler at 0.01 ms.

    /usr/bin/python3 integration-tests/peers/hh_neuron.py GL EL AMP DELAY DUR TSTOP
    /usr/bin/python3 integration-tests/peers/hh_neuron.py 0.03 -54.387 10 10 100 150

GL is the leak in mS/cm^2, EL in mV, AMP the step in uA/cm^2 from DELAY for DUR ms.
"""
import json
import sys

from neuron import h

gl, el, amp, delay, dur, tstop = (float(a) for a in sys.argv[1:7])
h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 100.0  # um: area pi * 100 * 100 um^2; the current below is scaled to it
soma.nseg = 1
soma.cm = 1.0
soma.insert("hh")
seg = soma(0.5)
seg.hh.gnabar = 0.120
seg.hh.gkbar = 0.036
seg.hh.gl = gl * 1e-3
seg.hh.el = el
soma.ena = 50.0
soma.ek = -77.0
h.celsius = 6.3
area_cm2 = h.area(0.5, sec=soma) * 1e-8
stim = h.IClamp(seg)
stim.delay, stim.dur = delay, dur
stim.amp = amp * 1e-3 * area_cm2 * 1e6  # uA/cm^2 -> nA
h.usetable_hh = 0  # the exact rates, not NEURON's 1 mV tables (whose error moves the 6th spike by 0.3 ms)
h.secondorder = 2
h.dt = 0.0025
h.steps_per_ms = 1 / h.dt
v = h.Vector().record(seg._ref_v)
t = h.Vector().record(h._ref_t)
h.finitialize(-65.0)
h.continuerun(tstop)
v, t = list(v), list(t)
crossings = []
for k in range(1, len(v)):
    if v[k - 1] < 20.0 <= v[k]:
        crossings.append(round(t[k - 1] + (20.0 - v[k - 1]) / (v[k] - v[k - 1]) * (t[k] - t[k - 1]), 4))
print(json.dumps({"gl": gl, "el": el, "amp": amp, "crossings_ms": crossings, "peak_mV": round(max(v), 3)}))
