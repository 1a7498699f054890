"""Current sources: each one SpikeForge ``SectionCurrent`` per contiguous run of the cells it is
injected into, its sections the source's waveform on the step grid.

A source's parameters may change between runs (``source.amplitude += 0.1``): each change is kept
with the time it was made, and the waveform follows the parameters in force at each step. The network
is then built again and replayed, and the replay gives the same past (the changes before it were
already in force), so the change acts from the time it was made, as on every PyNN backend.
"""
import numpy as np
from pyNN.parameters import ParameterSpace, Sequence
from pyNN.standardmodels import StandardCurrentSource, build_translations, electrodes

from . import simulator


def _plain(value):
    value = getattr(value, "value", value)          # a Sequence
    arr = np.asarray(value, dtype=float)
    return arr.ravel() if arr.ndim else float(arr)


class _EngineCurrentSource(StandardCurrentSource):

    def __init__(self, **parameters):
        super(StandardCurrentSource, self).__init__(**parameters)
        self.cell_list = []
        ps = ParameterSpace(self.default_parameters, self.get_schema(), shape=(1,))
        ps.update(**parameters)
        ps = self.translate(ps)
        ps.evaluate(simplify=True)
        params = self._normalised({k: _plain(v) for k, v in ps.items()})
        self._history = [(0.0, params)]
        self._expose(params)
        simulator.state.current_sources.append(self)
        self.engine_name = "cs%d" % (len(simulator.state.current_sources) - 1)

    def _normalised(self, params):
        """The parameters checked, in the form the waveform uses."""
        return params

    def _expose(self, params):
        # As attributes, so that source.times reads them (PyNN looks parameters up only when missing).
        for k, v in params.items():
            object.__setattr__(self, k, v)

    def set_native_parameters(self, parameters):
        params = dict(self._history[-1][1])
        params.update({k: _plain(getattr(v, "base_value", v)) for k, v in parameters.items()})
        params = self._normalised(params)
        self._expose(params)
        t = simulator.state.t
        if self._history[-1][0] == t:
            self._history[-1] = (t, params)
        else:
            self._history.append((t, params))
        simulator.state.changed_since_build()

    def get_native_parameters(self):
        return ParameterSpace({k: (Sequence(v) if isinstance(v, np.ndarray) else v)
                               for k, v in self._history[-1][1].items()}, shape=(1,))

    def record(self):
        """The current is known in advance: nothing to record, get_data() computes it."""

    def _get_data(self):
        """The current in each step so far (nA) at t = 0, dt, ..., t (ms), as PyNN's backends give it."""
        dt = simulator.state.dt
        n = int(round(simulator.state.t / dt)) + 1
        return np.arange(n) * dt, self._waveform(n * dt)

    def inject_into(self, cells):
        if simulator.state.t > 0:
            raise NotImplementedError("pyNN.spikeforge: inject current sources before the first run")
        self.cell_list.extend(cells)
        simulator.state.describing("current sources")

    def _targets(self):
        """The populations' contiguous runs of the cells injected into: ``name`` or ``name[a:b]``."""
        by_pop = {}
        for cell in self.cell_list:
            by_pop.setdefault(cell.parent, []).append(cell.parent.id_to_index(cell))
        for pop, idx in by_pop.items():
            idx = np.unique(idx)
            for run in np.split(idx, np.where(np.diff(idx) != 1)[0] + 1):
                a, b = int(run[0]), int(run[-1]) + 1
                yield pop.engine_name if (a, b) == (0, pop.size) else "%s[%d:%d]" % (pop.engine_name, a, b)

    def _waveform(self, end):
        """The current in each step up to ``end`` (nA), following the parameters in force at each step."""
        dt = simulator.state.dt
        n = int(round(end / dt))
        t = np.arange(n) * dt
        amps = np.zeros(n)
        for k, (since, params) in enumerate(self._history):
            until = self._history[k + 1][0] if k + 1 < len(self._history) else np.inf
            window = (t >= since - 1e-9) & (t < until - 1e-9)
            amps[window] = self._amplitude(params, t, n)[window]
        return amps

    def _describe(self, net):
        amps = self._waveform(simulator.state.built_for_next)
        dt = simulator.state.dt
        # Run-length encoded into SectionCurrent's sections.
        edges = np.flatnonzero(np.diff(amps)) + 1
        starts = np.concatenate([[0], edges])
        lengths = np.diff(np.concatenate([starts, [len(amps)]]))
        values = [float(amps[s]) for s in starts]
        durations = [float(l * dt) for l in lengths]
        for k, target in enumerate(self._targets()):
            net.current("%s_%d" % (self.engine_name, k), target, "SectionCurrent", values=values,
                        durations=durations)


def _window(params, t):
    dt = simulator.state.dt
    # A step change acts from the first step at or after its time (Brian2's rounding to the grid).
    start = round(params["start"] / dt) * dt
    stop = round(min(params["stop"], 1e12) / dt) * dt
    return (t >= start - 1e-9) & (t < stop - 1e-9)


class DCSource(_EngineCurrentSource, electrodes.DCSource):
    __doc__ = electrodes.DCSource.__doc__
    translations = build_translations(("amplitude", "amplitude"), ("start", "start"), ("stop", "stop"))

    def _amplitude(self, p, t, n):
        return np.where(_window(p, t), p["amplitude"], 0.0)


class ACSource(_EngineCurrentSource, electrodes.ACSource):
    __doc__ = electrodes.ACSource.__doc__
    translations = build_translations(*[(k, k) for k in electrodes.ACSource.default_parameters])

    def _amplitude(self, p, t, n):
        # PyNN: offset + amplitude * sin(2 pi frequency (t - start) + phase), phase in degrees
        wave = p["offset"] + p["amplitude"] * np.sin(2 * np.pi * p["frequency"] * (t - p["start"]) / 1000.0
                                                     + np.deg2rad(p["phase"]))
        return np.where(_window(p, t), wave, 0.0)


class NoisyCurrentSource(_EngineCurrentSource, electrodes.NoisyCurrentSource):
    __doc__ = electrodes.NoisyCurrentSource.__doc__
    translations = build_translations(*[(k, k) for k in electrodes.NoisyCurrentSource.default_parameters])

    def _amplitude(self, p, t, n):
        # A new Gaussian value every p["dt"] ms, drawn from the simulation's seed and the source's number.
        hold = max(1, int(round(p["dt"] / simulator.state.dt)))
        rng = np.random.default_rng([simulator.state.seed or 0, 7919, int(self.engine_name[2:])])
        draws = p["mean"] + p["stdev"] * rng.standard_normal(n // hold + 1)
        return np.where(_window(p, t), np.repeat(draws, hold)[:n], 0.0)


class StepCurrentSource(_EngineCurrentSource, electrodes.StepCurrentSource):
    __doc__ = electrodes.StepCurrentSource.__doc__
    translations = build_translations(("amplitudes", "amplitudes"), ("times", "times"))

    def _normalised(self, p):
        times = np.atleast_1d(np.asarray(p["times"], dtype=float))
        amps = np.atleast_1d(np.asarray(p["amplitudes"], dtype=float))
        if np.any(times < 0):
            raise ValueError("Step current cannot accept negative timestamps.")
        if np.any(np.diff(times) <= 0):
            raise ValueError("Step current timestamps should be monotonically increasing.")
        if len(times) != len(amps):
            raise ValueError("StepCurrentSource: times and amplitudes must be of the same length")
        # On the step grid (nearest step, as PyNN's backends round), a later step at the same time wins.
        dt = simulator.state.dt
        times = np.rint(times / dt) * dt
        keep = np.append(times[1:] != times[:-1], True) if len(times) else np.zeros(0, bool)
        return dict(p, times=times[keep], amplitudes=amps[keep])

    def _amplitude(self, p, t, n):
        dt = simulator.state.dt
        times, amps = p["times"], p["amplitudes"]
        out = np.zeros(n)
        for k, t0 in enumerate(times):
            out[t >= t0 - 1e-9] = amps[k]
        return out
