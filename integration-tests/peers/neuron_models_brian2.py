#!/usr/bin/python3
"""Runs one of plugins/neurons' models written as equations in Brian2, on a scenario that SpikeForge
runs as a config, and prints the spike steps as one JSON line.

Both sides read the same two files: the model file (its equations, parameters, initial values,
threshold, reset, refractoriness and method, handed to Brian2 as they are) and the scenario config in
integration-tests/src/test/resources/neuron-references/ (one population 'n' of one neuron, whose
parameter overrides are in the engine's units, the units the model file writes its defaults in;
ConstantCurrent inputs onto it, which become its I; SpikeTimes sources whose projections' on_pre add
one weight to a variable of 'n', which become a SpikeGeneratorGroup and Synapses with that on_pre).

    /usr/bin/python3 integration-tests/peers/neuron_models_brian2.py gif_step
"""
import json
import os
import re
import sys

import yaml
import brian2 as b2

b2.prefs.codegen.target = "numpy"

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = os.path.join(ROOT, "plugins/neurons/src/main/resources/io/spikeforge/plugins/neurons")
SCENARIOS = os.path.join(ROOT, "integration-tests/src/test/resources/neuron-references")
QUANTITY = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s+(.+)$")


def model_file(name):
    for sub in ("pynn", "brainpy"):
        for f in os.listdir(os.path.join(MODELS, sub)):
            doc = yaml.safe_load(open(os.path.join(MODELS, sub, f)))
            for m in doc.get("models", [doc]):
                if m["name"] == name:
                    return m
    raise SystemExit("no model " + name)


def value(text, ns):
    """A parameter as the model file writes it: '10 ms', '0.07/mV', '4'."""
    text = str(text)
    q = QUANTITY.match(text)
    if q:
        text = q.group(1) + "*(" + q.group(2) + ")"
    return eval(text, vars(b2), ns)


def unit_of(text, ns):
    """The unit the model file writes a default in ('-65 mV' -> mV, '0.07/mV' -> 1/mV, '4' -> 1)."""
    v = value(text, ns)
    if b2.get_dimensions(v).is_dimensionless:
        return 1
    q = QUANTITY.match(str(text))
    return eval(q.group(2) if q else "1" + str(text)[str(text).index("/"):], vars(b2))


def main(scenario):
    cfg = yaml.safe_load(open(os.path.join(SCENARIOS, scenario + ".yaml")))
    dt = cfg["dt"] * b2.ms
    b2.defaultclock.dt = dt
    pop = cfg["populations"][0]
    neuron = pop["neuron"] if isinstance(pop["neuron"], dict) else {"type": pop["neuron"]}
    m = model_file(neuron["type"])
    # Brian2 resolves a unit's name (cm) before the namespace, where SpikeForge lets the model's own
    # names hide the units: such parameters are renamed for Brian2.
    clash = [k for k in m["parameters"] if k in vars(b2) and isinstance(getattr(b2, k), b2.Unit)]
    for k in clash:
        rename = lambda text: re.sub(r"\b%s\b" % k, k + "_", text) if isinstance(text, str) else text
        m = {key: rename(v) if isinstance(v, str) else v for key, v in m.items()}
        m["parameters"] = {(k + "_" if name == k else name): rename(v) for name, v in m["parameters"].items()}
        m["initial"] = {name: rename(v) for name, v in m.get("initial", {}).items()}
        neuron = {(k + "_" if name == k else name): v for name, v in neuron.items()}
    ns = {}
    for k, v in m["parameters"].items():
        ns[k] = value(v, ns)
    for k, v in neuron.items():
        if k != "type":
            ns[k] = v * unit_of(m["parameters"][k], {})
    refractory = m.get("refractory")
    if refractory:
        refractory = refractory.replace("t - lastspike <= tau_refrac", "(t - lastspike) <= tau_refrac + 0.001*dt")
    eqs = m["equations"]
    units = dict(re.findall(r"^\s*d?(\w+)(?:/dt)?\s*[=:].*:\s*([\w/*]+)", eqs, re.M))
    g = b2.NeuronGroup(1, eqs, threshold=m.get("threshold"), reset=m.get("reset"),
                       refractory=refractory if refractory else False, method=m["method"], namespace=ns)
    for var, expr in m.get("initial", {}).items():
        setattr(g, var, value(expr, ns))
    current = 0
    for inp in cfg.get("inputs", []):
        if inp["type"] == "ConstantCurrent":
            current += inp["value"]
    g.I = current * b2.nA
    objects = [g]
    sources = {i["name"]: i for i in cfg.get("inputs", []) if i["type"] == "SpikeTimes"}
    for p in cfg.get("projections", []):
        src = sources[p["pre"]]
        gen = b2.SpikeGeneratorGroup(1, [0] * len(src["times"]), src["times"] * b2.ms)
        target = p["on_pre"].split("+=")[0].strip()
        w = p["comm"]["weight"]
        engine_unit = {"volt": "mV", "amp": "nA", "siemens": "uS"}[units[target]]
        syn = b2.Synapses(gen, g, on_pre="%s += %r*%s" % (target, w, engine_unit))
        syn.connect()
        objects += [gen, syn]
    mon = b2.SpikeMonitor(g)
    net = b2.Network(objects + [mon])
    net.run(cfg["duration"] * b2.ms)
    steps = [int(round(float(t / dt))) for t in mon.t]
    print(json.dumps({"scenario": scenario, "model": neuron["type"], "method": m["method"], "spikes": steps}))


if __name__ == "__main__":
    main(sys.argv[1])
