"""Populations: each one SpikeForge population (a cell type) or spike source, named by its label."""
import re

import numpy as np
from pyNN import common, errors
from pyNN.parameters import ParameterSpace, simplify
from pyNN.standardmodels import StandardCellType

from . import simulator
from .recording import Recorder


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
        self.parent._changed()
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            current = self.parent._parameters[name]
            if not isinstance(current, np.ndarray) or current.dtype == object:
                current = np.array([current] * self.parent.size, dtype=object) \
                    if not isinstance(current, np.ndarray) else current
            current[self.mask] = value
            self.parent._parameters[name] = current

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
        self._initial = {}
        for id in self.all_cells:
            id.parent = self
        state.id_counter += self.size
        self.index = len(state.populations)
        self.engine_name = _engine_name(self.label, self.index)
        state.populations.append(self)

    def _changed(self):
        if simulator.state.net is not None and simulator.state.t > 0:
            raise NotImplementedError(
                "pyNN.spikeforge: parameters are fixed once the network has run; set them before the first "
                "run or after reset()")
        simulator.state.net = None

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
        self._changed()
        parameter_space.evaluate(simplify=True)
        for name, value in parameter_space.items():
            self._parameters[name] = value

    # -- into SpikeForge -----------------------------------------------------------------------------

    def _param_values(self):
        """The native parameters, each a number or a per-neuron .npy file."""
        out = {}
        for name, value in self._parameters.items():
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
        for variable, values in self._initial.items():
            if variable in ("v", "w", "u", "m", "h", "n", "gsyn_exc", "gsyn_inh", "isyn_exc", "isyn_inh"):
                arr = net[self.engine_name]
                if not hasattr(arr, "__dir__") or variable not in dir(arr):
                    continue
                known = ~np.isnan(values)
                current = getattr(arr, variable)[:]
                current[known] = values[known]
                setattr(arr, variable, current)


def _plain(value):
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "value"):      # a pyNN Sequence
        return list(np.asarray(value.value, dtype=float))
    return value
