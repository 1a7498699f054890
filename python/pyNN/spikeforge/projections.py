"""Projections: each one SpikeForge projection (or one per pair of an assembly's populations, and per
multiplicity of a pair) whose weights add to the post cell's receptor variable.

Where PyNN's connector has a SpikeForge twin and the weight and delay are numbers or mapped
distributions, the engine draws the connections. Every other connector lists its connections with
PyNN's own code (its rng), each with its own parameters (weights and delays from arrays, functions of
distance, expressions), and the engine reads them as ``IJConn`` pairs with per-synapse weights and
delays from ``.npy`` files. A pair listed k times (connectors with replacement) becomes k synapses: the
engine holds one synapse per pair and projection, so the k-th synapse of every pair goes into the k-th
engine projection.

The connection table (pre and post index and each synapse parameter per connection, float64) keeps
what the script gave: weights read back are those values wherever the engine's single-precision weight
is still their rounding (a static synapse), and the engine's where plasticity changed them.
"""
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
    """A projection side as SpikeForge groups: ``(reference, population, first index on this side, size,
    first index in the population)`` for a population, a contiguous view of one, or each population of an
    assembly in turn. The engine numbers a slice's neurons as its group's (its connectivity reads so)."""
    from .populations import Assembly
    if isinstance(neurons, Assembly):
        parts, offset = [], 0
        for p in neurons.populations:
            ref, pop, start = _group_ref(p)
            parts.append((ref, pop, offset, p.size, start))
            offset += p.size
        return parts
    ref, pop, start = _group_ref(neurons)
    return [(ref, pop, 0, neurons.size, start)]


def _distribution(value, what):
    """A weight or delay as the config writes it: a number or an initializer, or None when the engine
    has no initializer for it (PyNN then lists the connections with their values)."""
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
        return None
    if np.isscalar(value) and not isinstance(value, str):
        return float(value)
    return None


def _on_grid(delays, dt):
    """Delays as the engine applies them, a whole number of steps: the nearest, halves up, ``floor(d / dt +
    0.5)`` in double as the engine (and Brian2 2.5) computes it; a value already on the grid is kept as
    given, so that 1.5 reads back as 1.5 and not as 15 * 0.1."""
    d = np.asarray(delays, dtype=float)
    steps = np.floor(d / dt + 0.5)
    return np.where(np.abs(d / dt - steps) < 1e-9 * np.maximum(1.0, steps), d, steps * dt)


def _layers(pre, post):
    """Splits connections into layers with each (pre, post) pair at most once: layer k holds the k-th
    occurrence of every pair, its rows sorted by (pre, post), the order of the engine's synapses."""
    order = np.lexsort((post, pre))
    key_pre, key_post = pre[order], post[order]
    new = np.ones(order.size, bool)
    new[1:] = (key_pre[1:] != key_pre[:-1]) | (key_post[1:] != key_post[:-1])
    positions = np.arange(order.size)
    occurrence = positions - np.maximum.accumulate(np.where(new, positions, 0))
    return [order[occurrence == k] for k in range(int(occurrence.max()) + 1 if order.size else 0)]


class Connection(common.Connection):
    """One connection, as PyNN's ``Projection.connections`` lists them; setting its weight or delay sets
    the projection's."""

    def __init__(self, projection, row):
        self._projection = projection
        self._row = row
        self.presynaptic_index = int(projection._pre[row])
        self.postsynaptic_index = int(projection._post[row])

    def _get(self, name):
        return float(self._projection._column(name)[self._row])

    def _set(self, name, value):
        self._projection._set_rows(name, np.array([self._row]), np.array([float(value)]))

    weight = property(lambda self: self._get("weight"), lambda self, v: self._set("weight", v))
    delay = property(lambda self: self._get("delay"), lambda self, v: self._set("delay", v))

    def as_tuple(self, *attribute_names):
        return tuple(getattr(self, name) if name in ("presynaptic_index", "postsynaptic_index")
                     else self._get(name) for name in attribute_names)


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
        if not isinstance(self.synapse_type, (StaticSynapse, STDPMechanism, TsodyksMarkramSynapse)):
            raise NotImplementedError("pyNN.spikeforge: synapse type %s is not mapped yet (StaticSynapse, "
                                      "TsodyksMarkramSynapse and STDPMechanism are)" % type(self.synapse_type).__name__)
        # The connection table: None while the engine draws the connections and nothing read them.
        self._pre = self._post = None
        self._values = {}        # parameter -> per-connection values the next build from t = 0 uses
        self._later = {}         # weights set after the network ran: what reads back where unchanged
        self._engine_parts = []  # (engine projection, first pre index, first post index, table rows or None)
        self._drawn = self._engine_connector(connector)
        if self._drawn is not None:
            # one value for all connections: checked here, as listed values are once PyNN listed them
            self._check_values({name: np.atleast_1d(value.base_value) for name, value in
                                self.synapse_type.native_parameters.items() if np.isscalar(value.base_value)})
        if self._drawn is None:
            self._listed = []
            connector.connect(self)
            self._close_table()
        state.projections.append(self)      # once its connections and values are known to be good

    # -- connections -----------------------------------------------------------------------------------

    def _engine_connector(self, c):
        """The connector and weights the engine draws, or None when PyNN lists the connections."""
        ps = self.synapse_type.native_parameters
        for name, value in ps.items():
            if name not in ("weight", "delay") and not np.isscalar(value.base_value):
                return None
        weight, delay = (_distribution(ps[k].base_value, k) for k in ("weight", "delay"))
        if weight is None or delay is None:
            return None
        if not np.isscalar(delay) and not self._delays_per_synapse():
            return None           # listed, one engine projection per delay (_groups)
        same = self.pre is self.post
        allow_self = bool(getattr(c, "allow_self_connections", True) or not same)
        if not getattr(c, "allow_self_connections", True) and not same and \
                np.intersect1d(self.pre.all_cells.astype(int), self.post.all_cells.astype(int)).size:
            return None       # sides that share cells without being one: PyNN leaves out each cell's own pair

        conn = None
        if isinstance(c, connectors.OneToOneConnector):
            # The OneToOne comm takes one delay; EventCSRLinear over One2One takes drawn ones.
            comm = {"type": "OneToOne"} if np.isscalar(delay) else \
                {"type": "EventCSRLinear", "conn": {"type": "One2One"}}
        elif isinstance(c, connectors.AllToAllConnector):
            conn = {"type": "All2All", "allow_self": allow_self}
        elif isinstance(c, connectors.FixedProbabilityConnector):
            conn = {"type": "FixedProb", "prob": float(c.p_connect), "allow_self": allow_self}
        elif isinstance(c, connectors.FixedNumberPreConnector) and np.isscalar(c.n) and not c.with_replacement:
            conn = {"type": "FixedPreNum", "num": int(c.n), "allow_self": allow_self}
        elif isinstance(c, connectors.FixedNumberPostConnector) and np.isscalar(c.n) and not c.with_replacement:
            conn = {"type": "FixedPostNum", "num": int(c.n), "allow_self": allow_self}
        else:
            return None
        multi = len(_parts(self.pre)) > 1 or len(_parts(self.post)) > 1
        if multi and conn is not None and conn["type"] not in ("FixedProb", "All2All"):
            return None           # drawn per pair of populations, these would differ from PyNN's: listed
        if conn is not None:
            comm = {"type": "EventCSRLinear", "conn": conn}
        elif multi:
            return None
        return {"comm": comm, "weight": weight, "delay": delay}

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **connection_parameters):
        """Collects the connections a connector lists (PyNN calls this once per post neuron)."""
        pre = np.atleast_1d(np.asarray(presynaptic_indices, dtype=np.int64))
        values = {name: np.broadcast_to(np.asarray(value, dtype=float), pre.shape)
                  for name, value in connection_parameters.items()}
        self._listed.append((pre, np.full(pre.size, int(postsynaptic_index), dtype=np.int64), values))

    def _close_table(self):
        listed = self._listed
        del self._listed
        self._pre = np.concatenate([c[0] for c in listed]) if listed else np.zeros(0, np.int64)
        self._post = np.concatenate([c[1] for c in listed]) if listed else np.zeros(0, np.int64)
        for name in self.synapse_type.native_parameters.keys():
            if listed and name in listed[0][2]:
                self._values[name] = np.concatenate([c[2][name] for c in listed]).astype(float)
            else:
                self._values[name] = np.full(self._pre.size, self._base_value(name))
        self._values["delay"] = _on_grid(self._values["delay"], simulator.state.dt)
        self._check_values(self._values)

    def _check_values(self, values):
        """Refuses synapse parameters the engine cannot take, naming the parameter, the first connection
        with a bad value and what is allowed (all of them at once)."""
        check = getattr(self.synapse_type, "check_values", None)
        problems = check(values, self._pre, self._post) if check else []
        if problems:
            raise errors.InvalidParameterValueError("pyNN.spikeforge: " + "; ".join(problems))

    def _base_value(self, name):
        value = self.synapse_type.native_parameters[name].base_value
        if not np.isscalar(value):
            raise NotImplementedError("pyNN.spikeforge: reading '%s' given as %s" % (name, type(value).__name__))
        return float(value)

    def _table(self):
        """The connection table, read from the engine when the engine drew the connections."""
        if self._pre is not None:
            return
        net = simulator.state.ensure_built()
        pre, post, weights = [], [], []
        for name, pre_off, post_off, _ in self._engine_parts:
            conn = net._sim.network().projection(name).connectivity()
            pre.append(np.asarray(conn.rowsOfSynapses()) + pre_off)
            post.append(np.asarray(conn.cols()) + post_off)
            weights.append(net.weights(name).astype(float))
        self._pre, self._post = np.concatenate(pre), np.concatenate(post)
        n = self._pre.size
        for name in self.synapse_type.native_parameters.keys():
            if name == "weight" and not np.isscalar(self._drawn["weight"]):
                self._values[name] = np.concatenate(weights)
            elif name == "delay" and not np.isscalar(self._drawn["delay"]):
                self._values[name] = np.full(n, np.nan)      # drawn by the engine, not readable yet
            else:
                self._values[name] = np.full(n, self._base_value(name))
        self._values["delay"] = _on_grid(self._values["delay"], simulator.state.dt)

    def _column(self, name):
        """Each connection's current value of a native parameter (the weights as the engine has them)."""
        self._table()
        if name == "delay" and np.isnan(self._values["delay"]).any():
            raise NotImplementedError("pyNN.spikeforge: reading delays the engine drew from a distribution")
        if name != "weight":
            return self._values[name]
        given = self._later.get("weight", self._values["weight"])
        state = simulator.state
        if state.net is None or state.t == 0:
            return given
        engine = self._engine_weights(state.net)
        # The value given wherever the engine still holds its single-precision rounding.
        return np.where(engine.astype(np.float32) == given.astype(np.float32), given, engine)

    def _engine_weights(self, net):
        """The engine's weights in table order: the parts' synapses one after another where the engine
        drew them, placed by their rows where they were listed."""
        engine = np.empty(self._pre.size)
        start = 0
        for name, _, _, rows in self._engine_parts:
            w = net.weights(name)
            if rows is None:
                rows = np.arange(start, start + w.size)
            engine[rows] = w
            start += w.size
        return engine

    def _set_rows(self, name, rows, values):
        """Sets a native parameter of some connections: before the network ran, for the next build; after,
        the weights in the engine from now on (a replay applies them at the same time)."""
        self._table()
        state = simulator.state
        if name == "delay":
            values = _on_grid(values, state.dt)
        if state.net is None or state.t == 0:
            changed = self._values[name].copy()
            changed[rows] = values
            self._check_values({name: changed})
            self._values[name] = changed
            self._later.pop(name, None)
            self._drawn = None
            state.net = None
            return
        if name != "weight":
            raise NotImplementedError("pyNN.spikeforge: %s of a projection is fixed once the network has run "
                                      "(weights of an STDPMechanism may change); set it before the first run or "
                                      "after reset()" % name)
        if isinstance(self.synapse_type, TsodyksMarkramSynapse):
            # Its projections deliver spikes through the synapse model itself; a change written into their
            # weights between runs is not checked to act, so it is refused rather than maybe ignored.
            raise NotImplementedError("pyNN.spikeforge: the weights of a %s are fixed once the network has run "
                                      "(a StaticSynapse's or an STDPMechanism's may change); set them before the "
                                      "first run or after reset()" % type(self.synapse_type).__name__)
        now = self._column("weight").copy()
        now[rows] = values
        self._later["weight"] = now
        parts, start = [], 0
        for part, _, _, r in self._engine_parts:
            if r is None:
                r = np.arange(start, start + len(state.net.weights(part)))
            parts.append((part, now[r].astype(np.float32)))
            start += r.size

        def write(net, parts=parts):
            for part, w in parts:
                net[part].weight = w
        state.act(write)

    def _set_attributes(self, parameter_space):
        self._table()
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            value = np.asarray(value, dtype=float)
            if value.ndim == 0:
                values = np.full(self._pre.size, float(value))
            else:
                values = value[self._pre, self._post]
            self._set_rows(name, np.arange(self._pre.size), values)

    def _uniform(self, name):
        """A synapse parameter the engine takes once per projection: the one value of all connections."""
        if self._pre is None:
            return self._base_value(name)
        values = self._values[name]
        if values.size and np.any(values != values[0]):
            raise NotImplementedError("pyNN.spikeforge: %s that differs per connection is not mapped (the engine "
                                      "takes one value per projection; weight and delay may differ, and a "
                                      "TsodyksMarkramSynapse's U, tau_rec and tau_facil)" % name)
        return float(values[0]) if values.size else self._base_value(name)

    # -- into SpikeForge -------------------------------------------------------------------------------

    def _describe(self, net):
        pre_parts, post_parts = _parts(self.pre), _parts(self.post)
        self._engine_parts = []
        self._synapse_parts = []   # (engine projection, post population, first post index there, post count)
        for a, (pre_ref, _, pre_off, pre_size, pre_start) in enumerate(pre_parts):
            for b, (post_ref, post_pop, post_off, post_size, post_start) in enumerate(post_parts):
                receptors = getattr(post_pop.celltype, "receptors", {})
                if self.receptor_type not in receptors:
                    raise errors.ConnectionError("pyNN.spikeforge: %s has no receptor '%s' (it has %s)" % (
                        type(post_pop.celltype).__name__, self.receptor_type, ", ".join(receptors) or "none"))
                variable = receptors[self.receptor_type]
                name = self.engine_name if len(pre_parts) == len(post_parts) == 1 else \
                    "%s_%d_%d" % (self.engine_name, a, b)
                if self._drawn is not None:
                    node = self._synapse_node(net, post_pop, variable)
                    comm = dict(self._drawn["comm"], weight=self._drawn["weight"])
                    net.projection(name, pre_ref, post_ref, comm=comm, delay=self._drawn["delay"], **node)
                    self._synapse_parts.append((name, post_pop, post_start, post_size))
                    # engine index - slice start + first index on this side = index on this side
                    self._engine_parts.append((name, pre_off - pre_start, post_off - post_start, None))
                    continue
                inside = np.flatnonzero((self._pre >= pre_off) & (self._pre < pre_off + pre_size)
                                        & (self._post >= post_off) & (self._post < post_off + post_size))
                for part, rows in self._groups(name, inside):
                    comm = {"type": "EventCSRLinear", "conn": {
                        "type": "IJConn",
                        "i": {"npy": simulator.state.file(part + ".i", (self._pre[rows] - pre_off).astype(np.int32))},
                        "j": {"npy": simulator.state.file(part + ".j", (self._post[rows] - post_off).astype(np.int32))}},
                        "weight": self._engine_values(part, "weight", rows)}
                    net.projection(part, pre_ref, post_ref, comm=comm, delay=self._engine_values(part, "delay", rows),
                                   **self._synapse_node(net, post_pop, variable, part, rows))
                    self._synapse_parts.append((part, post_pop, post_start, post_size))
                    self._engine_parts.append((part, pre_off, post_off, rows))

    def _groups(self, name, inside):
        """The engine projections of these connections, ``(name, rows)``: a layer per multiplicity of a
        pair, and, where the engine refuses per-synapse delays for this synapse type
        (``_delays_per_synapse``), a group per delay within each layer."""
        for k, layer in enumerate(_layers(self._pre[inside], self._post[inside])):
            rows = inside[layer]
            part = name if k == 0 else "%s_x%d" % (name, k + 1)
            delays = self._values["delay"][rows]
            if self._delays_per_synapse() or np.all(delays == delays[0]):
                yield part, rows
                continue
            for n, d in enumerate(np.unique(delays)):
                yield "%s_d%d" % (part, n), rows[delays == d]

    def _delays_per_synapse(self):
        """Whether the engine takes this projection's delays one per synapse. It does on EventCSRLinear (what
        listed connections use) for a StaticSynapse, a TsodyksMarkramSynapse (its u and x see each spike
        its own delay late) and STDP_Song2000; STDP_Guetig2003 refuses a drawn ``delay`` (its traces are
        kept for one delay per projection, docs/models.md), so a multiplicative STDPMechanism keeps one engine
        projection per delay: each has its own pre trace, so each synapse still sees its own arrivals."""
        if isinstance(self.synapse_type, STDPMechanism):
            return self.synapse_type.delays_per_synapse()
        return True

    def _engine_values(self, part, name, rows):
        """One number when every connection has the same value, else one per synapse from a file."""
        values = self._values[name][rows]
        if values.size and np.all(values == values[0]):
            return float(values[0])
        return {"npy": simulator.state.file("%s.%s" % (part, name), values)}

    def _synapse_node(self, net, post_pop, variable, part=None, rows=None):
        """The synapse, output and plasticity of an engine projection onto ``post_pop``: the engine
        projection ``part`` of the table's ``rows`` where the connections are listed, else the drawn one."""
        node = {"on_pre": "%s += w" % variable, "syn": None, "out": None}
        if isinstance(self.synapse_type, TsodyksMarkramSynapse):
            def value(name):
                # one number for the projection, or one per synapse in the engine's synapse order (rows)
                if rows is None:
                    return self._base_value(name)
                values = self._values[name][rows]
                return float(values[0]) if values.size == 0 or np.all(values == values[0]) else values
            syn, out = self.synapse_type.synapse(post_pop.celltype, self.receptor_type, post_pop._param_values(),
                                                 value, lambda name, v: simulator.state.file(
                                                     "%s.%s" % (part, name), v))
            return {"syn": syn, "out": out}
        if isinstance(self.synapse_type, STDPMechanism):
            unit = "uS" if variable.startswith("g") else "nA"
            rule, definition = self.synapse_type.plasticity(unit, self._uniform)
            if definition is not None and rule["type"] not in simulator.state.defined:
                net.define(definition)
                simulator.state.defined.add(rule["type"])
            node["plasticity"] = rule
        return node

    def conductance_parts(self, population, variable):
        """The engine projections whose own synapse holds part of ``variable`` of ``population`` (a
        TsodyksMarkramSynapse's g, which its output adds to the cell as the receptor's own variable would):
        ``(engine projection, first post index in the population, post count)``."""
        if not isinstance(self.synapse_type, TsodyksMarkramSynapse):
            return []
        if getattr(population.celltype, "receptors", {}).get(self.receptor_type) != variable:
            return []
        return [(name, start, size) for name, pop, start, size in getattr(self, "_synapse_parts", [])
                if pop is population]

    def _reset(self):
        """After reset(): the weights set during the run are those the next run starts from."""
        if "weight" in self._later:
            self._values["weight"] = self._later.pop("weight")
            self._drawn = None

    # -- reading ---------------------------------------------------------------------------------------

    def __len__(self):
        self._table()
        return int(self._pre.size)

    def _delay_is_number(self):
        return self._drawn is not None and np.isscalar(self._drawn["delay"]) or \
            self._drawn is None and self._values["delay"].size > 0

    def _delay_value(self):
        """The shortest delay, ms (min_delay='auto')."""
        if self._drawn is not None:
            return float(_on_grid(self._drawn["delay"], simulator.state.dt))
        return float(self._values["delay"].min())

    def _get_attributes_as_list(self, names):
        self._table()
        columns = []
        for name in names:
            if name == "presynaptic_index":
                columns.append(self._pre.astype(float))
            elif name == "postsynaptic_index":
                columns.append(self._post.astype(float))
            else:
                columns.append(self._readable(name))
        return [tuple(float(v) for v in row) for row in zip(*columns)]

    def _readable(self, name):
        self._table()
        if name not in self._values:
            raise errors.NonExistentParameterError(name, type(self.synapse_type).__name__,
                                                   sorted(self._values))
        return self._column(name)

    @property
    def connections(self):
        """The connections, each with its indices, weight and delay; setting them sets the projection's."""
        self._table()
        return [Connection(self, k) for k in range(self._pre.size)]

    def _get_attributes_as_arrays(self, names, multiple_synapses="sum"):
        self._table()
        operations = {"sum": (np.add.at, 0.0), "min": (np.minimum.at, np.inf), "max": (np.maximum.at, -np.inf)}
        out = []
        for name in names:
            values = self._readable(name)
            matrix = np.full((self.pre.size, self.post.size), np.nan)
            if multiple_synapses in operations:
                ufunc_at, start = operations[multiple_synapses]
                acc = np.full(matrix.shape, start)
                ufunc_at(acc, (self._pre, self._post), values)
                connected = np.zeros(matrix.shape, bool)
                connected[self._pre, self._post] = True
                matrix[connected] = acc[connected]
            else:
                rows = np.arange(self._pre.size)
                order = rows if multiple_synapses == "last" else rows[::-1]
                matrix[self._pre[order], self._post[order]] = values[order]
            out.append(matrix)
        return out

