#!/usr/bin/python3
"""Runs PyNN's HH_cond_exp (Traub and Miles 1991 channels, as NEST's hh_cond_exp_traub) in NEURON 8 and
prints the upward crossings of -40 mV as one JSON line, on the scenario
integration-tests/src/test/resources/neuron-references/hh_cond_exp_step.yaml (read from that file: the
current, the spike times and weights onto gsyn_exc and gsyn_inh).

Debian's NEURON has no nrnivmodl to compile a mod file, so the sodium and potassium channels are
NEURON's KSChan (the channel builder's run-time channels) with Hodgkin-Huxley gates whose rates are
NEURON's own linoid, exponential and sigmoid forms, with PyNN's defaults (v_offset = -63 mV); the leak
is NEURON's pas and the synapses its ExpSyn (a weight in uS added to an exponentially decaying
conductance), each spike delivered one step (0.01 ms) after its time, as SpikeForge's spikes land.
One compartment of 20000 um^2, so that PyNN's absolute values are these densities: cm 0.2 nF = 1
uF/cm^2, gbar_Na 20 uS = 0.1 S/cm^2, gbar_K 6 uS = 0.03 S/cm^2, g_leak 0.01 uS = 5e-5 S/cm^2.
Crank-Nicolson at dt = 0.0025 ms. The gates start at m = 0, h = 1, n = 0, PyNN's initial values.

    /usr/bin/python3 integration-tests/peers/hh_cond_exp_neuron.py
"""
import json
import math
import os

import yaml
from neuron import h

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
cfg = yaml.safe_load(open(os.path.join(ROOT, "integration-tests/src/test/resources/neuron-references/hh_cond_exp_step.yaml")))
VT = -63.0
AREA_UM2 = 20000.0
area_cm2 = AREA_UM2 * 1e-8

h.load_file("stdrun.hoc")


def channel(name, ion, gmax, erev, gates):
    ks = h.KSChan(0)
    ks.name(name)
    ks.ion(ion)
    ks.iv_type(0)
    ks.gmax(gmax)
    ks.erev(erev)
    for gate, power, alpha, beta in gates:
        state = ks.add_hhstate(gate)
        state.gate().power(power)
        t = ks.trans(state, state)
        t.type(0)  # alpha and beta
        t.set_f(0, alpha[0], h.Vector(alpha[1]))
        t.set_f(1, beta[0], h.Vector(beta[1]))
    return ks


LINOID, EXP, SIGMOID = 3, 2, 4  # A x/(1 - exp(-x)), x = k (v - d); A exp(k (v - d)); A/(1 + exp(k (v - d)))
na = channel("na_traub", "na", 20e-6 / area_cm2, 50.0, [
    ("m", 3, (LINOID, [1.28, 0.25, VT + 13]), (LINOID, [1.4, -0.2, VT + 40])),
    ("h", 1, (EXP, [0.128, -1 / 18, VT + 17]), (SIGMOID, [4.0, -0.2, VT + 40]))])
k = channel("k_traub", "k", 6e-6 / area_cm2, -90.0, [
    ("n", 4, (LINOID, [0.16, 0.2, VT + 15]), (EXP, [0.5, -1 / 40, VT + 10]))])

soma = h.Section(name="soma")
soma.L = soma.diam = math.sqrt(AREA_UM2 / math.pi)
soma.nseg = 1
soma.cm = 1.0
soma.insert("na_traub")
soma.insert("k_traub")
soma.insert("pas")
seg = soma(0.5)
seg.pas.g = 0.01e-6 / area_cm2
seg.pas.e = -65.0
soma.ena = 50.0
soma.ek = -90.0
current = sum(i["value"] for i in cfg["inputs"] if i["type"] == "ConstantCurrent")
stim = h.IClamp(seg)
stim.delay, stim.dur, stim.amp = 0, 1e9, current
syns = {"gsyn_exc": h.ExpSyn(seg), "gsyn_inh": h.ExpSyn(seg)}
syns["gsyn_exc"].tau, syns["gsyn_exc"].e = 0.2, 0.0   # tau_syn_E, e_rev_E
syns["gsyn_inh"].tau, syns["gsyn_inh"].e = 2.0, -80.0  # tau_syn_I, e_rev_I
sources = {i["name"]: i for i in cfg["inputs"] if i["type"] == "SpikeTimes"}
events = []
for p in cfg["projections"]:
    nc = h.NetCon(None, syns[p["on_pre"].split("+=")[0].strip()])
    nc.delay = 0
    nc.weight[0] = p["comm"]["weight"]
    events += [(nc, t + cfg["dt"]) for t in sources[p["pre"]]["times"]]


def initial():
    seg.na_traub.m, seg.na_traub.h, seg.k_traub.n = 0.0, 1.0, 0.0
    for nc, t in events:
        nc.event(t)


fih = h.FInitializeHandler(1, initial)
h.secondorder = 2
h.dt = 0.0025
h.steps_per_ms = 1 / h.dt
v = h.Vector().record(seg._ref_v)
t = h.Vector().record(h._ref_t)
h.finitialize(-65.0)
h.continuerun(cfg["duration"])
v, t = list(v), list(t)
crossings = [round(t[i - 1] + (-40.0 - v[i - 1]) / (v[i] - v[i - 1]) * (t[i] - t[i - 1]), 4)
             for i in range(1, len(v)) if v[i - 1] < -40.0 <= v[i]]
print(json.dumps({"scenario": "hh_cond_exp_step", "crossings_ms": crossings, "peak_mV": round(max(v), 3)}))
