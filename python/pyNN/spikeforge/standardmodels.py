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


class SpikeSourcePoisson(cells.SpikeSourcePoisson):
    __doc__ = cells.SpikeSourcePoisson.__doc__
    translations = _identity(cells.SpikeSourcePoisson)
    receptors = {}

    def describe_into(self, population, net):
        p = population._parameters
        rate, start, duration = (np.broadcast_to(np.asarray(p[k], dtype=float), (population.size,))
                                 for k in ("rate", "start", "duration"))
        t_end = simulator.state.built_for_hint()
        if np.all(rate == rate[0]) and np.all(start == 0) and np.all(duration >= t_end):
            # The engine draws it: one Bernoulli per source and step from the run's seed.
            net.spike_source(population.engine_name, population.size, "PoissonSpikes", rate=float(rate[0]))
            return
        # Rates that differ per source, or a window: spike times drawn here, from the simulation's seed,
        # each source's train a sequence of exponential intervals from its own generator, so that a
        # longer build (a replay) draws the same spikes first.
        t_end = simulator.state.built_for_hint()
        times, indices = [], []
        for k in range(population.size):
            stop = min(start[k] + duration[k], t_end)
            if rate[k] <= 0 or stop <= start[k]:
                continue
            rng = np.random.default_rng([simulator.state.seed or 0, population.index, k])
            t = start[k]
            while True:
                t += rng.exponential(1000.0 / rate[k])
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
        seqs = np.broadcast_to(np.asarray(population._parameters["spike_times"], dtype=object), (population.size,))
        times, indices = [], []
        for k, seq in enumerate(seqs):
            values = np.asarray(getattr(seq, "value", seq), dtype=float).ravel()
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
