"""PyNN's standard cell types and synapse types, mapped onto SpikeForge's models.

SpikeForge's PyNN cells (plugins/neurons, ``pynn/*.yaml``) take PyNN's parameter names and units
(ms, mV, nA, nF, uS), so the translations are the identity. A projection onto one of them drives the
receptor's own variable with ``on_pre: <variable> += w``.
"""
import numpy as np
from pyNN.standardmodels import build_translations, cells, synapses

from . import simulator


def _identity(cls):
    return build_translations(*[(name, name) for name in cls.default_parameters])


class _EngineCell:
    """A cell type that is a SpikeForge neuron model of the same name."""
    engine_model = None
    receptors = {}

    def describe_into(self, population, net):
        net.population(population.engine_name, population.size, self.engine_model or type(self).__name__,
                       **population._param_values())


def _cell(base, receptors, model=None):
    cls = type(base.__name__, (_EngineCell, base), {
        "__doc__": base.__doc__,
        "translations": _identity(base),
        "receptors": receptors,
        "engine_model": model,
    })
    return cls


_CURR = {"excitatory": "isyn_exc", "inhibitory": "isyn_inh"}
_CURR_ALPHA = {"excitatory": "y_exc", "inhibitory": "y_inh"}
_COND = {"excitatory": "gsyn_exc", "inhibitory": "gsyn_inh"}

IF_curr_exp = _cell(cells.IF_curr_exp, _CURR)
IF_curr_alpha = _cell(cells.IF_curr_alpha, _CURR_ALPHA)
IF_cond_exp = _cell(cells.IF_cond_exp, _COND)
IF_cond_alpha = _cell(cells.IF_cond_alpha, _COND)
EIF_cond_exp_isfa_ista = _cell(cells.EIF_cond_exp_isfa_ista, _COND)
HH_cond_exp = _cell(cells.HH_cond_exp, _COND)
# Voltage-based synapses, as in pyNN.brian2 and NEST: both receptors add w (mV) to v at once. The engine's
# own Izhikevich is BrainPy's (V, R*I); PyNN's is the model registered under NEST's name.
Izhikevich = _cell(cells.Izhikevich, {"excitatory": "v", "inhibitory": "v"}, model="izhikevich")


class SpikeSourcePoisson(cells.SpikeSourcePoisson):
    __doc__ = cells.SpikeSourcePoisson.__doc__
    translations = _identity(cells.SpikeSourcePoisson)
    receptors = {}

    def describe_into(self, population, net):
        t_end = simulator.state.built_for_next
        segments = population._segments()
        p = segments[0][2]
        rate, start, duration = (np.broadcast_to(np.asarray(p[k], dtype=float), (population.size,))
                                 for k in ("rate", "start", "duration"))
        if len(segments) == 1 and np.all(rate == rate[0]) and np.all(start == 0) and np.all(duration >= t_end):
            # The engine draws it: one Bernoulli per source and step from the run's seed.
            net.spike_source(population.engine_name, population.size, "PoissonSpikes", rate=float(rate[0]))
            return
        # Rates that differ per source, a window, or parameters changed between runs: spike times drawn
        # here (_renewal), exponential intervals.
        _renewal(population, net, lambda rng, p, k: rng.exponential(1000.0 / p["rate"][k]),
                 lambda p, k: p["rate"][k] > 0)


class SpikeSourcePoissonRefractory(cells.SpikeSourcePoissonRefractory):
    __doc__ = cells.SpikeSourcePoissonRefractory.__doc__
    translations = _identity(cells.SpikeSourcePoissonRefractory)
    receptors = {}

    def describe_into(self, population, net):
        # A dead time tau_refrac, then an exponential wait whose mean makes the mean rate `rate`.
        _renewal(population, net, lambda rng, p, k: p["tau_refrac"][k] + rng.exponential(
            1000.0 / p["rate"][k] - p["tau_refrac"][k]), lambda p, k: p["rate"][k] > 0)


class SpikeSourceGamma(cells.SpikeSourceGamma):
    __doc__ = cells.SpikeSourceGamma.__doc__
    translations = _identity(cells.SpikeSourceGamma)
    receptors = {}

    def describe_into(self, population, net):
        # Intervals gamma with shape alpha and rate beta (Hz): mean alpha / beta.
        _renewal(population, net, lambda rng, p, k: rng.gamma(p["alpha"][k], 1000.0 / p["beta"][k]),
                 lambda p, k: p["beta"][k] > 0)


def _renewal(population, net, interval, active):
    """Spike times of a renewal process drawn here from the simulation's seed, within each source's window
    [start, start + duration): each source's train a sequence of intervals ``interval(rng, parameters, k)``
    from its own generator, so that a longer build (a replay) draws the same spikes first. A change
    between runs acts from then on: each period draws with the parameters in force in it."""
    t_end = simulator.state.built_for_next
    times, indices = [], []
    for number, (since, until, params) in enumerate(population._segments()):
        p = {name: np.broadcast_to(np.asarray(value, dtype=float), (population.size,))
             for name, value in params.items()}
        for k in range(population.size):
            first = max(p["start"][k], since)
            stop = min(p["start"][k] + p["duration"][k], t_end, until)
            if not active(p, k) or stop <= first:
                continue
            rng = np.random.default_rng([simulator.state.seed or 0, population.index, k, number])
            t = first
            while True:
                t += interval(rng, p, k)
                if t >= stop:
                    break
                times.append(t)
                indices.append(k)
    _spike_times(net, population, np.asarray(times), np.asarray(indices, dtype=int))


class SpikeSourceArray(cells.SpikeSourceArray):
    __doc__ = cells.SpikeSourceArray.__doc__
    translations = _identity(cells.SpikeSourceArray)
    receptors = {}

    def describe_into(self, population, net):
        # Spike times set between runs replace the train from then on: each period keeps the spikes the
        # times in force in it give.
        times, indices = [], []
        for since, until, p in population._segments():
            seqs = np.broadcast_to(np.asarray(p["spike_times"], dtype=object), (population.size,))
            for k, seq in enumerate(seqs):
                values = np.asarray(getattr(seq, "value", seq), dtype=float).ravel()
                values = values[(values >= since) & (values < until)]
                times.extend(values)
                indices.extend([k] * len(values))
        _spike_times(net, population, np.asarray(times), np.asarray(indices, dtype=int))


def _spike_times(net, population, times, indices):
    dt = simulator.state.dt
    # Spike sources emit on the step grid: a time between steps is emitted at the step it falls in, and
    # a source emits at most one spike per step.
    steps = np.floor(np.asarray(times) / dt + 1e-9).astype(np.int64)
    pairs = np.unique(np.stack([steps, np.asarray(indices, dtype=np.int64)], axis=1), axis=0)
    if len(pairs) == 0:
        net.spike_source(population.engine_name, population.size, "PoissonSpikes", rate=0.0)
    else:
        net.spike_source(population.engine_name, population.size, "SpikeTimes",
                         times=[float(t) for t in pairs[:, 0] * dt], indices=[int(i) for i in pairs[:, 1]])


class StaticSynapse(synapses.StaticSynapse):
    __doc__ = synapses.StaticSynapse.__doc__
    translations = build_translations(("weight", "weight"), ("delay", "delay"))

    def _get_minimum_delay(self):
        return simulator.state.min_delay


class STDPMechanism(synapses.STDPMechanism):
    __doc__ = synapses.STDPMechanism.__doc__
    base_translations = build_translations(("weight", "weight"), ("delay", "delay"),
                                           ("dendritic_delay_fraction", "dendritic_delay_fraction"))

    def __init__(self, timing_dependence=None, weight_dependence=None, voltage_dependence=None,
                 dendritic_delay_fraction=1.0, weight=0.0, delay=None):
        if dendritic_delay_fraction != 1.0 and dendritic_delay_fraction != 0:
            raise ValueError("pyNN.spikeforge: delays are axonal or dendritic as a whole "
                             "(dendritic_delay_fraction 0 or 1), got %s" % dendritic_delay_fraction)
        super().__init__(timing_dependence, weight_dependence, voltage_dependence, dendritic_delay_fraction,
                         weight, delay)

    def _get_minimum_delay(self):
        return simulator.state.min_delay

    def delays_per_synapse(self):
        """Whether the engine's rule takes one delay per synapse: STDP_Song2000 (additive) does; the
        engine's STDP_Guetig2003 (multiplicative) refuses a drawn ``delay``, its traces being kept for the
        projection's one delay."""
        return not isinstance(self.weight_dependence, MultiplicativeWeightDependence)

    def plasticity(self, weight_unit, value):
        """The SpikeForge plasticity this mechanism is: a model name and parameters, plus the definition
        of a model written as equations when no built-in rule is the same. ``value(name)`` gives a
        parameter's one value for the projection."""
        td, wd = self.timing_dependence, self.weight_dependence
        if not isinstance(td, SpikePairRule):
            raise NotImplementedError("pyNN.spikeforge: timing dependence %s is not mapped yet (SpikePairRule is)"
                                      % type(td).__name__)
        p = {k: value(k) for k in ("tau_plus", "tau_minus", "A_plus", "A_minus", "w_min", "w_max")}
        if isinstance(wd, AdditiveWeightDependence):
            # PyNN's additive pair rule is STDP_Song2000 with its amplitudes in weight units, clipped.
            return {"type": "STDP_Song2000", "tau_s": p["tau_plus"], "tau_t": p["tau_minus"],
                    "A1": p["A_plus"] * p["w_max"], "A2": p["A_minus"] * p["w_max"],
                    "W_min": p["w_min"], "W_max": p["w_max"]}, None
        if isinstance(wd, MultiplicativeWeightDependence):
            # PyNN's multiplicative dependence, dw+ = A_plus (w_max - w) P and dw- = -A_minus (w - w_min) M,
            # is STDP_Guetig2003 with mu = 1, lambda = A_plus and alpha = A_minus / A_plus.
            if p["A_plus"] <= 0:
                raise NotImplementedError("pyNN.spikeforge: multiplicative STDP with A_plus = 0")
            return {"type": "STDP_Guetig2003", "tau_plus": p["tau_plus"], "tau_minus": p["tau_minus"],
                    "lambda": p["A_plus"], "alpha": p["A_minus"] / p["A_plus"], "mu": 1.0,
                    "W_min": p["w_min"], "W_max": p["w_max"]}, None
        raise NotImplementedError("pyNN.spikeforge: weight dependence %s is not mapped yet (Additive and "
                                  "Multiplicative are)" % type(wd).__name__)


class SpikePairRule(synapses.SpikePairRule):
    __doc__ = synapses.SpikePairRule.__doc__
    translations = build_translations(*[(k, k) for k in synapses.SpikePairRule.default_parameters])


class AdditiveWeightDependence(synapses.AdditiveWeightDependence):
    __doc__ = synapses.AdditiveWeightDependence.__doc__
    translations = build_translations(*[(k, k) for k in synapses.AdditiveWeightDependence.default_parameters])


class MultiplicativeWeightDependence(synapses.MultiplicativeWeightDependence):
    __doc__ = synapses.MultiplicativeWeightDependence.__doc__
    translations = build_translations(*[(k, k) for k in synapses.MultiplicativeWeightDependence.default_parameters])


class TsodyksMarkramSynapse(synapses.TsodyksMarkramSynapse):
    __doc__ = synapses.TsodyksMarkramSynapse.__doc__
    translations = build_translations(*[(k, k) for k in synapses.TsodyksMarkramSynapse.default_parameters])

    def _get_minimum_delay(self):
        return simulator.state.min_delay

    # What the engine's TsodyksMarkram takes: PyNN's U, tau_rec (= tau_d) and tau_facil (= tau_f, 0 for none), ms.
    _ALLOWED = {"U": ("in [0, 1]", lambda v: (v >= 0) & (v <= 1)),
                "tau_rec": ("> 0 ms", lambda v: v > 0),
                "tau_facil": (">= 0 ms (0: no facilitation)", lambda v: v >= 0)}

    def check_values(self, values, pre, post):
        """The problems of per-connection values (name -> array in the table's order), one per parameter:
        its first bad value, the connection that has it and what is allowed."""
        problems = []
        for name, (allowed, ok) in self._ALLOWED.items():
            if name not in values:
                continue
            v = np.asarray(values[name], dtype=float)
            bad = np.flatnonzero(~ok(v))
            if bad.size:
                k = int(bad[0])
                where = "" if pre is None or k >= len(pre) else " at connection %d (pre %d, post %d)" % (
                    k, pre[k], post[k])
                problems.append("TsodyksMarkramSynapse %s is %s%s%s; every value must be %s" % (
                    name, repr(float(v[k])), where, "" if bad.size == 1 else " (and %d more)" % (bad.size - 1),
                    allowed))
        return problems

    def synapse(self, celltype, receptor, cell_params, value, file):
        """SpikeForge's TsodyksMarkram synapse (u and x per synapse) into an exponential synapse with the
        cell's own time constant, and the output that adds it to the cell as its receptor would.
        ``value(name)`` gives a parameter's one value for the projection, or an array of one value per
        synapse in the engine's synapse order; ``file(name, array)`` writes such an array for the config.
        Values per synapse go in as ``per_synapse: true`` with an ``.npy`` file each. ``cell_params``: the
        cells' parameters as the population's config gives them, a number or one value per cell
        (``{npy: file}``), which the synapse's tau_syn and the output's E take as they are (the engine's
        values per post neuron, a view's cells at their index in the population)."""
        if receptor not in ("excitatory", "inhibitory") or "alpha" in type(celltype).__name__:
            raise NotImplementedError("pyNN.spikeforge: TsodyksMarkramSynapse onto %s is not mapped yet "
                                      "(cells with exponential synapses are)" % type(celltype).__name__)
        p = {k: value(k) for k in ("U", "tau_rec", "tau_facil")}
        suffix = "E" if receptor == "excitatory" else "I"

        def engine(name, v):
            return float(v) if np.isscalar(v) else {"npy": file(name, np.asarray(v, dtype=np.float64))}
        # tau_facil = 0 (PyNN's default) is no facilitation: u decays to 0 at once, so it is U at every
        # spike; the engine's tau_f must be > 0, so 0 becomes 1e-9 ms.
        tau_f = p["tau_facil"]
        tau_f = (tau_f if tau_f > 0 else 1e-9) if np.isscalar(tau_f) else np.where(tau_f > 0, tau_f, 1e-9)
        syn = {"type": "TsodyksMarkram", "U": engine("U", p["U"]), "tau_d": engine("tau_d", p["tau_rec"]),
               "tau_f": engine("tau_f", tau_f), "tau_syn": cell_params["tau_syn_" + suffix]}
        if not all(np.isscalar(v) for v in (p["U"], p["tau_rec"], tau_f)):
            syn["per_synapse"] = True
        if "e_rev_" + suffix in cell_params:
            return syn, {"type": "COBA", "E": cell_params["e_rev_" + suffix]}
        return syn, "CUBA"
