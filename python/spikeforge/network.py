"""A SpikeForge network in Python: described here or loaded from YAML, run by the engine in this
process, its monitors and state read as NumPy arrays straight from the engine's arrays.

Units are SpikeForge's (and BrainPy's): ms, mV, nA, uS, Hz. The description is the YAML format's
tree (README, "Config format"), so everything a config can say, a Python network can say.
"""
import json
import os
from pathlib import Path

import numpy as np

from . import _jvm
from . import progress as _progress
from .errors import RunError, SpikeForgeError, translate

_engines = {}


def model(type, **params):
    """A model with parameters, as a config writes ``{type: Expon, tau: 5}``: ``model("Expon", tau=5)``."""
    return dict(type=type, **params)


def _model_node(spec, params=None):
    if spec is None:
        return None
    if isinstance(spec, str):
        node = {"type": spec}
    elif isinstance(spec, dict):
        node = dict(spec)
    else:
        raise TypeError("a model is a name such as 'LifRef' or a dict such as model('Expon', tau=5), not %r"
                        % (spec,))
    node.update(params or {})
    return node if len(node) > 1 else node["type"]


def _plain(value):
    """NumPy scalars and arrays as JSON values."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, Path):
        return str(value)
    raise TypeError("cannot put %r in a network description" % (value,))


def _engine(plugins):
    key = tuple(str(Path(p).resolve()) for p in plugins or ())
    if key not in _engines:
        jpype = _jvm.start()
        j = jpype.JPackage("io").spikeforge
        extra = jpype.JClass("java.util.ArrayList")()
        dirs = []
        home = _jvm.ROOT / "packs"
        if home.is_dir():
            dirs.append(home)
        if key:
            dirs += [Path(p) for p in key]
        elif os.environ.get("SPIKEFORGE_PLUGINS"):
            dirs += [Path(p) for p in os.environ["SPIKEFORGE_PLUGINS"].split(os.pathsep) if p]
        Paths = jpype.JClass("java.nio.file.Path")
        try:
            for d in dirs:
                jd = Paths.of(str(d.resolve()))
                extra.addAll(j.core.plugin.PluginLoader.fromDirectory(jd))
                extra.addAll(j.core.equations.EquationPacks.fromDirectory(jd))
            _engines[key] = j.core.Engine.create(extra)
        except jpype.JException as e:
            raise translate(e) from None
    return _engines[key]


class Group:
    """A population or spike source being described; ``group[a:b]`` is a slice of it for projections."""

    def __init__(self, name, size):
        self.name = name
        self.size = size

    def __getitem__(self, s):
        if not isinstance(s, slice) or s.step not in (None, 1):
            raise TypeError("a group is sliced as group[start:stop], got %r" % (s,))
        return "%s[%s:%s]" % (self.name, "" if s.start is None else s.start, "" if s.stop is None else s.stop)

    def __len__(self):
        return self.size

    def __repr__(self):
        return "Group(%r, %d)" % (self.name, self.size)


def _did_you_mean(word, names):
    """' Did you mean 'X'?' for the closest name (case first, as the engine's suggestions do), or ''."""
    import difflib
    same = [n for n in names if n.lower() == word.lower()]
    close = same or difflib.get_close_matches(word, list(names), 1)
    return " Did you mean '%s'?" % close[0] if close else ""


def _ref(x):
    return x.name if isinstance(x, Group) else str(x)


class Network:
    """A network: describe it (``population``, ``projection``, ...), or load it (:func:`load`), then
    ``run``. It is built on the first ``run`` (or ``build``); after that its monitors, state and
    weights can be read and its state written between runs::

        net = spikeforge.load("examples/stdp_net.yaml")
        net.run(100); net.run(200)                 # in pieces, same spikes as one run
        t, i = net.spikes("post")
        net["post"].V[:] = -60                     # state between runs
    """

    def __init__(self, name="network", dt=0.1, duration=None, seed=None, threads=None, backend=None,
                 device=None, plugins=None):
        self._tree = {"name": name, "dt": dt}
        if duration is not None:
            self._tree["duration"] = duration
        if seed is not None:
            self._tree["seed"] = seed
        self._overrides = dict(threads=threads, backend=backend, device=device)
        self._plugins = plugins
        self._yaml = None
        self._sim = None
        self._spec = None

    # -- loading -------------------------------------------------------------------------------------

    @classmethod
    def _loaded(cls, path=None, text=None, name=None, duration=None, dt=None, seed=None, threads=None,
                backend=None, device=None, plugins=None):
        net = cls(name or "network", plugins=plugins)
        net._tree = None
        net._yaml = (path, text, name)
        net._overrides = dict(duration=duration, dt=dt, seed=seed, threads=threads, backend=backend,
                              device=device)
        net.build()
        return net

    # -- describing ----------------------------------------------------------------------------------

    def _section(self, key):
        self._describing()
        return self._tree.setdefault(key, [])

    def _describing(self):
        if self._tree is None:
            raise SpikeForgeError("this network was loaded from YAML: describe it there, or build one in Python")
        if self._sim is not None:
            raise SpikeForgeError("the network is built (it has run): describe it fully before the first run")

    def population(self, name, size, neuron="LifRef", init=None, **params):
        """Adds ``size`` neurons of a model: ``population("E", 3200, "LifRef", V_th=-50, tau=20)``;
        ``init`` sets initial state, such as ``{"V": model("Normal", mean=-55, scale=5)}``."""
        node = {"name": name, "size": size, "neuron": _model_node(neuron, params)}
        if init:
            node["init"] = init
        self._section("populations").append(node)
        return Group(name, size)

    def spike_source(self, name, size, type="PoissonSpikes", **params):
        """Adds a spike source of ``size`` sources: ``spike_source("noise", 100, "PoissonSpikes", rate=10)``."""
        self._section("inputs").append(dict(name=name, size=size, type=type, **params))
        return Group(name, size)

    def current(self, name, target, type="ConstantCurrent", **params):
        """Adds a current input into a group: ``current("bias", E, "ConstantCurrent", value=20)`` (nA)."""
        self._section("inputs").append(dict(name=name, type=type, target=_ref(target), **params))
        return name

    def projection(self, name, pre, post, comm="EventCSRLinear", conn=None, weight=None, syn="Expon",
                   out="COBA", plasticity=None, delay=None, **extra):
        """Adds a projection, BrainPy's split: ``comm`` (with its ``conn`` and ``weight``), ``syn``,
        ``out`` and ``plasticity``, each a name or ``model(...)``; ``delay`` in ms."""
        node = {"name": name, "pre": _ref(pre), "post": _ref(post)}
        if delay is not None:
            node["delay"] = delay
        c = _model_node(comm)
        c = {"type": c} if isinstance(c, str) else c
        if conn is not None:
            c["conn"] = _model_node(conn)
        if weight is not None:
            c["weight"] = _model_node(weight) if isinstance(weight, (str, dict)) else weight
        node["comm"] = c
        for key, value in (("syn", syn), ("out", out), ("plasticity", plasticity)):
            if value is not None:
                node[key] = _model_node(value)
        node.update(extra)
        self._section("projections").append(node)
        return name

    def monitor(self, target, var="spike", indices=None, every=None, when=None):
        """Records a group's ``spike``s or a variable (``V``), or a projection's ``weight``, ``g`` or
        traces; returns the monitor's name (``post.V``), the key of :attr:`monitors`. ``when="start"``
        records values at the start of each step, after its deliveries (``on_pre``) and before its update,
        as Brian2's StateMonitor (row 0 the initial values)."""
        node = {"target": _ref(target), "var": var}
        if indices is not None:
            node["indices"] = _plain(np.asarray(indices)) if not isinstance(indices, list) else indices
        if every is not None:
            node["every"] = every
        if when is not None:
            node["when"] = when
        self._section("monitors").append(node)
        return "%s.%s" % (_ref(target), var)

    record = monitor

    def define(self, model_text_or_dict):
        """Defines a model written as equations (one entry of a config's ``models``): YAML text or a dict."""
        if isinstance(model_text_or_dict, str):
            import yaml  # Debian's python3-yaml; only needed for text definitions
            model_text_or_dict = yaml.safe_load(model_text_or_dict)
        self._section("models").append(model_text_or_dict)
        return self

    def to_json(self):
        """The description as the config tree, JSON text (a YAML config says the same)."""
        self._describing()
        return json.dumps(self._tree, default=_plain, indent=1)

    # -- building and running ------------------------------------------------------------------------

    def build(self):
        """Validates the description with every check a config gets and builds the network.

        Raises :class:`ConfigError` with every problem, each at its config path."""
        if self._sim is not None:
            return self
        jpype = _jvm.start()
        engine = _engine(self._plugins)
        j = jpype.JPackage("io").spikeforge
        o = self._overrides
        JDouble, JLong, JInteger = jpype.JClass("java.lang.Double"), jpype.JClass("java.lang.Long"), \
            jpype.JClass("java.lang.Integer")
        overrides = j.core.config.Overrides(
            None if o.get("duration") is None else JDouble(float(o["duration"])),
            None if o.get("dt") is None else JDouble(float(o["dt"])),
            None if o.get("seed") is None else JLong(int(o["seed"])),
            None if o.get("threads") is None else JInteger(int(o["threads"])),
            o.get("backend"), o.get("device"))
        try:
            if self._yaml is not None:
                path, text, name = self._yaml
                if path is not None:
                    spec = engine.load(jpype.JClass("java.nio.file.Path").of(str(Path(path).resolve())), overrides)
                else:
                    spec = engine.parse(text, name or "network", overrides)
            else:
                spec = engine.parse(self.to_json(), self._tree["name"], overrides)
            self._sim = j.core.api.Simulation.build(engine, spec)
        except jpype.JException as e:
            raise translate(e) from None
        self._spec = spec
        self._monitors = [str(m) for m in self._sim.monitors()]
        return self

    @property
    def dt(self):
        """The time step, ms."""
        return float(self.build()._spec.dt())

    @property
    def duration(self):
        """The simulated time the network was built for (its monitors are sized for it), ms."""
        return float(self.build()._spec.duration())

    @property
    def t(self):
        """The simulated time so far, ms."""
        return float(self.build()._sim.timeMs())

    @property
    def wall_s(self):
        """Seconds spent in the simulation loop over every run so far."""
        return float(self.build()._sim.wallSeconds())

    def run(self, duration=None, progress="auto"):
        """Runs ``duration`` more ms (default: to the end of the network's duration).

        ``progress``: ``"auto"`` draws a bar in a terminal or a notebook for runs longer than a second,
        ``True`` always, ``False`` never. Raises :class:`RunError` when a NaN or infinity appears (the
        state and what was recorded up to there stay readable)."""
        if self._sim is None and self._tree is not None and duration is not None and "duration" not in self._tree:
            self._tree["duration"] = duration
        self.build()
        jpype = _jvm.start()
        dt = self.dt
        left = int(self._spec.steps()) - int(round(self.t / dt))
        steps = left if duration is None else int(round(duration / dt))
        if duration is not None and (duration < 0 or steps > left):
            raise ValueError("cannot run %s ms: the network was built for %s ms and %s ms remain (give a longer "
                             "duration when you create or load it)" % (duration, self.duration, left * dt))
        listener = jpype.JPackage("io").spikeforge.core.api.RunProgress()
        bar = _progress.Bar(listener, self.t, dt) if _progress.wanted(progress) else None
        completed = False
        try:
            result = self._sim.steps(steps, listener)
            completed = str(result.outcome().name()) == "COMPLETED"
        except jpype.JException as e:
            raise translate(e) from None
        finally:
            if bar is not None:
                bar.close(completed)
        if str(result.outcome().name()) == "NUMERICAL_FAULT":
            raise RunError(str(result.message()))
        return self

    # -- results -------------------------------------------------------------------------------------

    @property
    def monitors(self):
        """Every monitor's recording so far, by name (``post.spike``, ``stdp.weight``), each the array
        its ``.npy`` file from ``spikeforge run`` would hold: int32 ``(n, 2)`` (step, neuron) pairs for
        spikes, float32 ``(rows, columns)`` for values."""
        self.build()
        return {name: self.recorded(name) for name in self._monitors}

    def recorded(self, name):
        """One monitor's recording so far (see :attr:`monitors`), read straight from the engine's arrays."""
        self.build()
        if name not in self._monitors:
            raise KeyError("no monitor '%s'.%s Monitors: %s" % (
                name, _did_you_mean(name, self._monitors), ", ".join(self._monitors)))
        data = self._sim.recorded(name)
        shape = tuple(int(x) for x in self._sim.shape(name))
        return np.asarray(data).reshape(shape).copy()

    def spikes(self, target):
        """The spikes a ``spike`` monitor of ``target`` recorded: ``(times_ms, indices)``, float64 and int32."""
        pairs = self.recorded("%s.spike" % _ref(target))
        return pairs[:, 0] * self.dt, pairs[:, 1].copy()

    def trace(self, name):
        """A value monitor's recording: ``(times_ms, values)`` with values ``(rows, columns)``."""
        values = self.recorded(name)
        every = int(self._spec.monitors().get(self._monitors.index(name)).every())
        return np.arange(values.shape[0]) * every * self.dt, values

    def unit(self, name):
        """The unit of a monitor's values (``mV``, ``uS``) or of a state array (``post.V``)."""
        self.build()
        if name in self._monitors:
            return str(self._sim.describe(name)[0])
        return str(self._state_call("stateUnit", name))

    @property
    def states(self):
        """The qualified names of every state array (``post.V``, ``stdp.A_pre``)."""
        return [str(s) for s in self.build()._sim.states()]

    def _state_call(self, method, name):
        jpype = _jvm.start()
        try:
            return getattr(self._sim, method)(name)
        except jpype.JException as e:
            raise KeyError(str(e.getMessage())) from None

    def __getitem__(self, owner):
        """The state of a population, input or projection: ``net["post"].V`` (a :class:`StateArray`)."""
        self.build()
        if not any(s.startswith(owner + ".") for s in self.states):
            owners = sorted({s.rsplit(".", 1)[0] for s in self.states})
            raise KeyError("no group, input or projection '%s' with state.%s Owners: %s" % (
                owner, _did_you_mean(owner, owners), ", ".join(owners)))
        return _Owner(self, owner)

    def weights(self, projection):
        """A projection's current weights, in connectivity order (uS for COBA, nA for CUBA): a copy."""
        self.build()
        jpype = _jvm.start()
        try:
            comm = self._sim.network().projection(_ref(projection)).comm()
        except jpype.JException as e:
            raise KeyError(str(e.getMessage())) from None
        w = jpype.JArray(jpype.JFloat)(int(comm.synapses()))
        comm.copyWeights(w)
        return np.asarray(w).copy()

    def write(self, folder):
        """Writes what ``spikeforge run`` writes (one ``.npy`` per monitor and ``summary.json``)."""
        jpype = _jvm.start()
        self.build()._sim.write(jpype.JClass("java.nio.file.Path").of(str(Path(folder).resolve())))
        return Path(folder)

    def __repr__(self):
        state = "not built" if self._sim is None else "t = %.1f ms of %.1f" % (self.t, self.duration)
        what = self._tree["name"] if self._tree else (str(self._yaml[0]) if self._yaml[0] else self._yaml[2])
        return "<spikeforge.Network %s, %s>" % (what, state)


class _Owner:
    """The state arrays of one population, input or projection, as attributes."""

    def __init__(self, net, owner):
        object.__setattr__(self, "_net", net)
        object.__setattr__(self, "_owner", owner)

    def __getattr__(self, var):
        name = "%s.%s" % (self._owner, var)
        if name not in self._net.states:
            raise AttributeError(self._missing(var))
        return StateArray(self._net, name)

    def __setattr__(self, var, value):
        self.__getattr__(var)[:] = value

    def __dir__(self):
        return [s.split(".", 1)[1] for s in self._net.states if s.startswith(self._owner + ".")]

    def _missing(self, var):
        names = self.__dir__()
        return "'%s' has no state '%s'.%s States: %s" % (
            self._owner, var, _did_you_mean(var, names), ", ".join(names))


class StateArray:
    """A live state array of the engine: reading gives NumPy copies, writing (``a[:] = x``,
    ``a[3] = -60``) changes the network's state for the next run."""

    def __init__(self, net, name):
        self._net = net
        self.name = name
        self._java = net._sim.state(name)

    @property
    def unit(self):
        return self._net.unit(self.name)

    def __array__(self, dtype=None, copy=None):
        a = np.asarray(self._java).copy()
        return a if dtype is None else a.astype(dtype)

    def __len__(self):
        return len(self._java)

    @property
    def shape(self):
        return (len(self),)

    def __getitem__(self, index):
        return np.asarray(self)[index]

    def __setitem__(self, index, value):
        a = np.asarray(self)
        a[index] = value
        if a.dtype.kind == "f" and not np.all(np.isfinite(a)):
            raise ValueError("%s: values must be finite" % self.name)
        self._java[:] = a

    def __repr__(self):
        return "StateArray(%s [%s], %r)" % (self.name, self.unit, np.asarray(self))


def load(config, duration=None, dt=None, seed=None, threads=None, backend=None, device=None, plugins=None):
    """Loads a YAML config (a path) and builds it: the options are ``spikeforge run``'s
    (``--duration``, ``--dt``, ``--seed``, ``--threads``, ``--backend``, ``--device``, ``--plugins``)."""
    return Network._loaded(path=config, duration=duration, dt=dt, seed=seed, threads=threads, backend=backend,
                           device=device, plugins=plugins)


def from_yaml(text, name="network", duration=None, dt=None, seed=None, threads=None, backend=None, device=None,
              plugins=None):
    """Builds a network from config text (YAML), as :func:`load` builds one from a file."""
    return Network._loaded(text=text, name=name, duration=duration, dt=dt, seed=seed, threads=threads,
                           backend=backend, device=device, plugins=plugins)
