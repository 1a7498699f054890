"""Current sources: each one SpikeForge current input per population it is injected into."""
import numpy as np
from pyNN import errors
from pyNN.parameters import ParameterSpace
from pyNN.standardmodels import StandardCurrentSource, build_translations, electrodes

from . import simulator


class _EngineCurrentSource(StandardCurrentSource):

    def __init__(self, **parameters):
        super(StandardCurrentSource, self).__init__(**parameters)
        self.cell_list = []
        ps = ParameterSpace(self.default_parameters, self.get_schema(), shape=(1,))
        ps.update(**parameters)
        self._params = {k: v for k, v in self.translate(ps).items()}
        for k, v in list(self._params.items()):
            v.shape = (1,)
            self._params[k] = v.evaluate(simplify=True)
        simulator.state.current_sources.append(self)
        self.engine_name = "cs%d" % (len(simulator.state.current_sources) - 1)

    def set_native_parameters(self, parameters):
        parameters.shape = (1,)
        parameters.evaluate(simplify=True)
        self._params.update(parameters.items())
        simulator.state.net = None

    def get_native_parameters(self):
        return ParameterSpace(dict(self._params), shape=(1,))

    def inject_into(self, cells):
        if simulator.state.net is not None and simulator.state.t > 0:
            raise NotImplementedError("pyNN.spikeforge: inject current sources before the first run")
        self.cell_list.extend(cells)
        simulator.state.net = None

    def _targets(self):
        """The populations' contiguous runs of the cells injected into: ``name`` or ``name[a:b]``."""
        by_pop = {}
        for cell in self.cell_list:
            by_pop.setdefault(cell.parent, []).append(cell.parent.id_to_index(cell))
        for pop, idx in by_pop.items():
            idx = np.unique(idx)
            breaks = np.where(np.diff(idx) != 1)[0]
            for run in np.split(idx, breaks + 1):
                a, b = int(run[0]), int(run[-1]) + 1
                yield pop.engine_name if (a, b) == (0, pop.size) else "%s[%d:%d]" % (pop.engine_name, a, b)

    def _describe(self, net):
        values, durations = self._sections(simulator.state.built_for_next)
        for k, target in enumerate(self._targets()):
            net.current("%s_%d" % (self.engine_name, k), target, "SectionCurrent",
                        values=[float(v) for v in values], durations=[float(d) for d in durations])


def _sections(times, amplitudes, end):
    """SectionCurrent's values and durations for a current that is ``amplitudes[k]`` from ``times[k]``."""
    dt = simulator.state.dt
    # PyNN's backends start a step change at the first step at or after its time (Brian2's rounding).
    edges = [0.0] + [round(t / dt) * dt for t in times] + [end]
    levels = [0.0] + list(amplitudes)
    values, durations = [], []
    for k, level in enumerate(levels):
        start, stop = min(edges[k], end), min(edges[k + 1], end)
        if stop > start:
            values.append(level)
            durations.append(stop - start)
    return values or [0.0], durations or [end]


class DCSource(_EngineCurrentSource, electrodes.DCSource):
    __doc__ = electrodes.DCSource.__doc__
    translations = build_translations(("amplitude", "amplitude"), ("start", "start"), ("stop", "stop"))

    def _sections(self, end):
        amp, start, stop = (float(np.asarray(self._params[k]).ravel()[0]) for k in ("amplitude", "start", "stop"))
        stop = min(stop if np.isfinite(stop) else end, end)
        return _sections([start, stop], [amp, 0.0], end)


class StepCurrentSource(_EngineCurrentSource, electrodes.StepCurrentSource):
    __doc__ = electrodes.StepCurrentSource.__doc__
    translations = build_translations(("amplitudes", "amplitudes"), ("times", "times"))

    def _sections(self, end):
        times = np.asarray(getattr(self._params["times"], "value", self._params["times"]), dtype=float).ravel()
        amps = np.asarray(getattr(self._params["amplitudes"], "value", self._params["amplitudes"]),
                          dtype=float).ravel()
        if np.any(np.diff(times) <= 0) or np.any(times < 0):
            raise ValueError("Step current timestamps should be monotonically increasing and non-negative.")
        return _sections(times, amps, end)
