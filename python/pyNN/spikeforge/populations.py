"""Populations: each one SpikeForge population (a cell type) or spike source, named by its label."""
import re

import numpy as np
from pyNN import common, errors
from pyNN.parameters import ParameterSpace, simplify
from pyNN.standardmodels import StandardCellType

from . import simulator
from .recording import Recorder
from .standardmodels import SpikeSourceArray, SpikeSourceGamma, SpikeSourcePoisson, SpikeSourcePoissonRefractory

_SPIKE_SOURCES = (SpikeSourceArray, SpikeSourcePoisson, SpikeSourcePoissonRefractory, SpikeSourceGamma)


def _engine_name(label, n):
    """A SpikeForge group name for the n-th population: ``p<n>``, with the label when the script gave one.

    The engine's random streams are keyed by group names, so a name must not depend on PyNN's global
    counter of default labels ("population7"): the same script then draws the same network every time.
    """
    if not label or re.fullmatch(r"population\d+", label):
        return "p%d" % n
    return "p%d_%s" % (n, re.sub(r"[^A-Za-z0-9_]", "_", label))


class Assembly(common.Assembly):
    _simulator = simulator


class PopulationView(common.PopulationView):
    _assembly_class = Assembly
    _simulator = simulator

    def _get_parameters(self, *names):
        parameter_dict = {}
        for name in names:
            value = self.parent._parameters[name]
            if isinstance(value, np.ndarray):
                value = value[self.mask]
            parameter_dict[name] = simplify(value)
        return ParameterSpace(parameter_dict, shape=(self.size,))

    def _set_parameters(self, parameter_space):
        parent = self.parent
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            _check(name, value)
        later = parent._changing(parameter_space.keys())
        for name, value in parameter_space.items():
            current = parent._parameters[name]
            if not isinstance(current, np.ndarray) or current.dtype == object:
                current = np.array([current] * parent.size, dtype=object) \
                    if not isinstance(current, np.ndarray) else current.copy()
            current[self.mask] = value
            parent._parameters[name] = current
        parent._changed(parameter_space.keys(), later)

    def _set_initial_value_array(self, variable, initial_values):
        self.parent._set_initial_values(variable, initial_values, self.mask)

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)


class Population(common.Population):
    __doc__ = common.Population.__doc__
    _simulator = simulator
    _recorder_class = Recorder
    _assembly_class = Assembly

    def _create_cells(self):
        state = simulator.state
        state.describing("populations")
        id_range = np.arange(state.id_counter, state.id_counter + self.size)
        self.all_cells = np.array([simulator.ID(i) for i in id_range], dtype=simulator.ID)
        self._mask_local = np.ones((self.size,), bool)
        if isinstance(self.celltype, StandardCellType):
            parameter_space = self.celltype.native_parameters
        else:
            parameter_space = self.celltype.parameter_space
        parameter_space.shape = (self.size,)
        parameter_space.evaluate(mask=None, simplify=True)
        self._parameters = parameter_space.as_dict()
        for name, value in self._parameters.items():
            _check(name, value)
        self._initial = {}
        self._past = []          # (until ms, parameters in force until then), oldest first
        for id in self.all_cells:
            id.parent = self
        state.id_counter += self.size
        self.index = len(state.populations)
        self.engine_name = _engine_name(self.label, self.index)
        state.populations.append(self)

    def _changing(self, names):
        """Before parameters change: whether the network has run (the change then acts from now on, and
        what held before is kept for the network's past). A spike source's parameters may change (its
        spikes from now on follow them); a cell's where the engine holds them per neuron as state."""
        state = simulator.state
        if state.net is None or state.t == 0:
            state.net = None
            return False
        if not isinstance(self.celltype, _SPIKE_SOURCES):
            held = set(dir(state.net[self.engine_name]))
            fixed = [name for name in names if name not in held]
            if fixed:
                raise NotImplementedError(
                    "pyNN.spikeforge: %s of %s is fixed once the network has run (the engine holds it once for "
                    "all cells); set it before the first run or after reset()" % (", ".join(fixed),
                                                                                  type(self.celltype).__name__))
        self._past.append((state.t, {k: v.copy() if isinstance(v, np.ndarray) else v
                                     for k, v in self._parameters.items()}))
        return True

    def _changed(self, names, later):
        """After parameters changed: a spike source's network is rebuilt and replayed (its past is the same);
        a cell's new values go into the engine's state now and at this time in any replay."""
        if not later:
            return
        state = simulator.state
        if isinstance(self.celltype, _SPIKE_SOURCES):
            state.changed_since_build()
            return
        values = {name: np.broadcast_to(np.asarray(self._parameters[name], dtype=float), (self.size,)).copy()
                  for name in names}

        def write(net, values=values, group=self.engine_name):
            for name, v in values.items():
                setattr(net[group], name, v)
        state.act(write)

    def _segments(self):
        """The parameters in force over time: ``(from ms, until ms, parameters)``, the last until the end."""
        out, start = [], 0.0
        for until, params in self._past:
            out.append((start, until, params))
            start = until
        out.append((start, np.inf, self._parameters))
        return out

    def _start_parameters(self):
        return self._past[0][1] if self._past else self._parameters

    def _reset(self):
        """After reset(): the parameters last set hold from t = 0."""
        self._past = []

    def _set_initial_values(self, variable, values, mask=None):
        values = np.asarray(values, dtype=float) if not np.isscalar(values) else float(values)
        full = self._initial.get(variable)
        if full is None:
            full = np.full(self.size, np.nan)
        full[mask if mask is not None else slice(None)] = values
        self._initial[variable] = full
        simulator.state.describing("initial values")

    def _set_initial_value_array(self, variable, initial_values):
        initial_values.shape = (self.size,)
        self._set_initial_values(variable, initial_values.evaluate(simplify=False))

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)

    def _get_parameters(self, *names):
        return ParameterSpace({name: simplify(self._parameters[name]) for name in names}, shape=(self.size,))

    def _set_parameters(self, parameter_space):
        parameter_space.evaluate(simplify=True)
        for name, value in parameter_space.items():
            _check(name, value)
        later = self._changing(parameter_space.keys())
        for name, value in parameter_space.items():
            self._parameters[name] = value
        self._changed(parameter_space.keys(), later)

    # -- into SpikeForge -----------------------------------------------------------------------------

    def _param_values(self):
        """The native parameters, each a number or a per-neuron .npy file."""
        out = {}
        for name, value in self._start_parameters().items():
            if isinstance(value, np.ndarray) and value.dtype == object:
                try:
                    value = value.astype(float)
                except (TypeError, ValueError):
                    pass
            if isinstance(value, np.ndarray) and value.dtype != object and value.ndim >= 1:
                if np.all(value == value.flat[0]):
                    out[name] = float(value.flat[0])
                else:
                    out[name] = {"npy": simulator.state.file(self.engine_name + "." + name, value.astype(float))}
            elif isinstance(value, np.ndarray):
                out[name] = [_plain(v) for v in value]
            else:
                out[name] = _plain(value)
        return out

    def _describe(self, net):
        self.celltype.describe_into(self, net)

    def _initialize(self, net):
        # The cell type's state variables, each where the engine holds it under PyNN's name.
        state_variables = set(getattr(self.celltype, "default_initial_values", {}))
        for variable, values in self._initial.items():
            if variable in state_variables:
                arr = net[self.engine_name]
                if variable not in dir(arr):
                    continue
                known = ~np.isnan(values)
                current = getattr(arr, variable)[:]
                current[known] = values[known]
                setattr(arr, variable, current)


def _check(name, value):
    """Refuses what PyNN refuses in every backend: spike times out of order."""
    if name != "spike_times":
        return
    for k, seq in enumerate(np.atleast_1d(np.asarray(value, dtype=object))):
        times = np.asarray(getattr(seq, "value", seq), dtype=float).ravel()
        if np.any(times[1:] < times[:-1]):
            raise errors.InvalidParameterValueError(
                "Spike times given to SpikeSourceArray must be in increasing order (source %d: %s)"
                % (k, list(times)))


def _plain(value):
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "value"):      # a pyNN Sequence
        return list(np.asarray(value.value, dtype=float))
    return value
