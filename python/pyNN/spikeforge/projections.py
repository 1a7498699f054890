"""Projections: each one SpikeForge projection whose connectivity the engine draws where PyNN's
connector has a SpikeForge twin, its weights adding to the post cell's receptor variable."""
import numpy as np
from pyNN import common, connectors, errors
from pyNN.random import RandomDistribution
from pyNN.space import Space

from . import simulator
from .standardmodels import STDPMechanism, StaticSynapse, TsodyksMarkramSynapse


def _group_ref(neurons):
    """The SpikeForge reference of a population or a contiguous view of one: ``name`` or ``name[a:b]``."""
    from .populations import Population
    if isinstance(neurons, Population):
        return neurons.engine_name, neurons, 0
    parent = getattr(neurons, "grandparent", None) or getattr(neurons, "parent", None)
    if parent is None or not isinstance(parent, Population):
        raise NotImplementedError("pyNN.spikeforge: a projection connects a Population or a view of one, "
                                         "not %s" % type(neurons).__name__)
    idx = np.asarray(parent.id_to_index(neurons.all_cells))
    if len(idx) and np.all(np.diff(idx) == 1):
        start, stop = int(idx[0]), int(idx[-1]) + 1
        if start == 0 and stop == parent.size:
            return parent.engine_name, parent, 0
        return "%s[%d:%d]" % (parent.engine_name, start, stop), parent, start
    raise NotImplementedError("pyNN.spikeforge: a PopulationView of neurons that are not contiguous "
                                     "(%s) cannot be a projection's side yet" % neurons.label)


def _parts(neurons):
    """A projection side as SpikeForge groups: ``(reference, population, first index on this side)`` for
    a population, a contiguous view of one, or each population of an assembly in turn."""
    from .populations import Assembly
    if isinstance(neurons, Assembly):
        parts, offset = [], 0
        for p in neurons.populations:
            ref, pop, _ = _group_ref(p)
            parts.append((ref, pop, offset))
            offset += p.size
        return parts
    ref, pop, _ = _group_ref(neurons)
    return [(ref, pop, 0)]


def _distribution(value, what):
    """A weight or delay as the config writes it: a number, or an initializer for a distribution."""
    if isinstance(value, RandomDistribution):
        p = value.parameters
        if value.name == "uniform":
            return {"type": "Uniform", "min_val": float(p["low"]), "max_val": float(p["high"])}
        if value.name == "normal":
            return {"type": "Normal", "mean": float(p["mu"]), "scale": float(p["sigma"])}
        if value.name == "gamma":
            return {"type": "Gamma", "shape": float(p["k"]), "scale": float(p["theta"])}
        if value.name == "lognormal":
            return {"type": "LogNormal", "mean": float(p["mu"]), "scale": float(p["sigma"])}
        if value.name == "normal_clipped":
            # PyNN redraws values outside [low, high]: a normal truncated there
            return {"type": "TruncatedNormal", "loc": float(p["mu"]), "scale": float(p["sigma"]),
                    "lower": float(p["low"]), "upper": float(p["high"])}
        if value.name == "normal_clipped_to_boundary":
            return {"type": "Clip", "mean": float(p["mu"]), "scale": float(p["sigma"]),
                    "min_val": float(p["low"]), "max_val": float(p["high"])}
        raise NotImplementedError("pyNN.spikeforge: %s drawn from '%s' (uniform, normal, gamma, lognormal and the clipped normals are mapped)"
                                         % (what, value.name))
    if np.isscalar(value):
        return float(value)
    raise NotImplementedError("pyNN.spikeforge: %s given per connection (%r) is not mapped yet; use a "
                                     "number or a uniform or normal distribution" % (what, type(value).__name__))


class Connection(common.Connection):
    """One connection, as PyNN's ``Projection.connections`` lists them."""

    def __init__(self, pre, post, weight, delay):
        self.presynaptic_index = int(pre)
        self.postsynaptic_index = int(post)
        self.weight = float(weight)
        self.delay = float(delay)

    def as_tuple(self, *attribute_names):
        return tuple(getattr(self, name) for name in attribute_names)


class Projection(common.Projection):
    __doc__ = common.Projection.__doc__
    _simulator = simulator
    _static_synapse_class = StaticSynapse

    def __init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type=None,
                 source=None, receptor_type=None, space=Space(), label=None):
        common.Projection.__init__(self, presynaptic_population, postsynaptic_population, connector,
                                   synapse_type, source, receptor_type, space, label)
        state = simulator.state
        state.describing("projections")
        self.engine_name = "prj%d" % len(state.projections)
        state.projections.append(self)
        if not isinstance(self.synapse_type, (StaticSynapse, STDPMechanism, TsodyksMarkramSynapse)):
            raise NotImplementedError("pyNN.spikeforge: synapse type %s is not mapped yet (StaticSynapse, "
                                      "TsodyksMarkramSynapse and STDPMechanism are)" % type(self.synapse_type).__name__)
        self._conn = self._connector_model(connector)

    def _connector_model(self, c):
        same = self.pre is self.post
        allow_self = getattr(c, "allow_self_connections", True)
        if isinstance(c, connectors.OneToOneConnector):
            return {"type": "OneToOne"}
        if isinstance(c, connectors.AllToAllConnector):
            return {"type": "EventCSRLinear", "conn": {"type": "All2All", "allow_self": bool(allow_self or not same)}}
        if isinstance(c, connectors.FixedProbabilityConnector):
            return {"type": "EventCSRLinear", "conn": {"type": "FixedProb", "prob": float(c.p_connect),
                                                       "allow_self": bool(allow_self or not same)}}
        if isinstance(c, connectors.FixedNumberPreConnector) and np.isscalar(c.n) and not c.with_replacement:
            return {"type": "EventCSRLinear", "conn": {"type": "FixedPreNum", "num": int(c.n),
                                                       "allow_self": bool(allow_self or not same)}}
        if isinstance(c, connectors.FixedNumberPostConnector) and np.isscalar(c.n) and not c.with_replacement:
            return {"type": "EventCSRLinear", "conn": {"type": "FixedPostNum", "num": int(c.n),
                                                       "allow_self": bool(allow_self or not same)}}
        # Any other connector lists its connections here, with PyNN's own code (its rng), and the engine
        # reads them as pairs from .npy files: exact semantics, at Python's speed.
        self._listed = {"pre": [], "post": [], "weight": [], "delay": []}
        c.connect(self)
        return {"type": "EventCSRLinear", "conn": "listed"}

    def _describe(self, net):
        pre_parts, post_parts = _parts(self.pre), _parts(self.post)
        conn_type = self._conn.get("conn") if isinstance(self._conn.get("conn"), str) else \
            self._conn.get("conn", {}).get("type")
        if (len(pre_parts) > 1 or len(post_parts) > 1) and conn_type not in ("FixedProb", "All2All"):
            raise NotImplementedError("pyNN.spikeforge: an Assembly side takes AllToAll or FixedProbability "
                                      "connectors (drawn per pair of its populations), not %s"
                                      % type(self._connector).__name__)
        ps = self.synapse_type.parameter_space
        if self._conn.get("conn") == "listed":
            weight, delay = self._listed_connections()
        else:
            weight = _distribution(ps["weight"].base_value, "weight")
            delay = _distribution(ps["delay"].base_value, "delay")
        self._engine_parts = []
        for a, (pre_ref, _, pre_off) in enumerate(pre_parts):
            for b, (post_ref, post_pop, post_off) in enumerate(post_parts):
                receptors = getattr(post_pop.celltype, "receptors", {})
                if self.receptor_type not in receptors:
                    raise errors.ConnectionError("pyNN.spikeforge: %s has no receptor '%s' (it has %s)" % (
                        type(post_pop.celltype).__name__, self.receptor_type, ", ".join(receptors) or "none"))
                comm = dict(self._conn)
                if comm.get("conn") == "listed":
                    comm["conn"] = comm.pop("files")
                comm["weight"] = weight
                node = {"delay": delay, "on_pre": "%s += w" % receptors[self.receptor_type]}
                syn = out = None
                if isinstance(self.synapse_type, TsodyksMarkramSynapse):
                    syn, out = self.synapse_type.synapse(post_pop.celltype, self.receptor_type,
                                                         post_pop._parameters)
                    del node["on_pre"]
                if isinstance(self.synapse_type, STDPMechanism):
                    unit = "uS" if receptors[self.receptor_type].startswith("g") else "nA"
                    rule, definition = self.synapse_type.plasticity(unit)
                    if definition is not None and rule["type"] not in simulator.state.defined:
                        net.define(definition)
                        simulator.state.defined.add(rule["type"])
                    node["plasticity"] = rule
                name = self.engine_name if len(pre_parts) == len(post_parts) == 1 else \
                    "%s_%d_%d" % (self.engine_name, a, b)
                net.projection(name, pre_ref, post_ref, comm=comm, syn=syn, out=out, **node)
                self._engine_parts.append((name, pre_off, post_off))

    def _listed_connections(self):
        """Writes the listed pairs for IJConn; returns the weight and delay, each one for all."""
        listed = {k: np.concatenate(v) if v else np.zeros(0) for k, v in self._listed.items()}
        values = []
        for name in ("weight", "delay"):
            v = listed[name]
            if v.size and not np.all(v == v[0]):
                raise NotImplementedError("pyNN.spikeforge: a %s that differs per connection of a %s is not "
                                          "mapped yet" % (name, type(self._connector).__name__))
            values.append(float(v[0]) if v.size else float(self.synapse_type.parameter_space[name].base_value))
        state = simulator.state
        self._conn = {"type": "EventCSRLinear", "conn": "listed", "files": {
            "type": "IJConn", "i": {"npy": state.file(self.engine_name + ".i", listed["pre"].astype(np.int32))},
            "j": {"npy": state.file(self.engine_name + ".j", listed["post"].astype(np.int32))}}}
        return values[0], values[1]

    def __len__(self):
        return int(self._connectivity()[0].size)

    def _connectivity(self):
        """Every connection the engine drew: pre and post indices on this projection's sides, weights."""
        net = simulator.state.ensure_built()
        pre, post, weights = [], [], []
        for name, pre_off, post_off in self._engine_parts:
            conn = net._sim.network().projection(name).connectivity()
            pre.append(np.asarray(conn.rowsOfSynapses()) + pre_off)
            post.append(np.asarray(conn.cols()) + post_off)
            weights.append(net.weights(name))
        return np.concatenate(pre), np.concatenate(post), np.concatenate(weights)

    def _get_attributes_as_list(self, names):
        pre, post, _ = self._connectivity()
        columns = []
        for name in names:
            if name == "presynaptic_index":
                columns.append(pre)
            elif name == "postsynaptic_index":
                columns.append(post)
            elif name == "weight":
                columns.append(self._connectivity()[2])
            elif name == "delay":
                columns.append(np.full(pre.size, float(self._delay_value())))
            else:
                raise NotImplementedError("pyNN.spikeforge: reading '%s' of a projection" % name)
        return [tuple(row) for row in zip(*columns)]

    def _delay_is_number(self):
        return np.isscalar(self.synapse_type.parameter_space["delay"].base_value)

    @property
    def connections(self):
        """The connections the engine drew, each with its indices, weight and delay (a snapshot)."""
        return [Connection(*row) for row in self._get_attributes_as_list(
            ["presynaptic_index", "postsynaptic_index", "weight", "delay"])]

    def _delay_value(self):
        d = self.synapse_type.parameter_space["delay"].base_value
        if not np.isscalar(d):
            raise NotImplementedError("pyNN.spikeforge: reading delays drawn per connection")
        return round(d / simulator.state.dt) * simulator.state.dt

    def _get_attributes_as_arrays(self, names, multiple_synapses="sum"):
        pre, post, _ = self._connectivity()
        out = []
        for name in names:
            name = name[:-1] if name.endswith("s") else name
            values = np.full((self.pre.size, self.post.size), np.nan)
            if name == "weight":
                values[pre, post] = self._connectivity()[2]
            elif name == "delay":
                values[pre, post] = self._delay_value()
            else:
                raise NotImplementedError("pyNN.spikeforge: reading '%s' of a projection" % name)
            out.append(values)
        return out

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **connection_parameters):
        """Collects the connections a connector lists (PyNN calls this once per post neuron)."""
        pre = np.atleast_1d(np.asarray(presynaptic_indices, dtype=np.int64))
        listed = self._listed
        listed["pre"].append(pre)
        listed["post"].append(np.full(pre.size, int(postsynaptic_index), dtype=np.int64))
        for name in ("weight", "delay"):
            value = connection_parameters.get(name, self.synapse_type.parameter_space[name].base_value)
            listed[name].append(np.broadcast_to(np.asarray(value, dtype=float), pre.shape))

    def set(self, **attributes):
        raise NotImplementedError("pyNN.spikeforge: Projection.set (set weights in the synapse type)")
