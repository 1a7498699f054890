"""The state of a pyNN.spikeforge simulation: what the script described, and the SpikeForge network
built from it at the first run.

PyNN describes a network object by object and runs it piece by piece; SpikeForge builds a whole
network once, with its monitors sized for a duration. So the description is collected here, turned
into one SpikeForge network (the config tree the YAML format gives) at the first ``run``, and run
in the engine. A run past the built duration rebuilds the network for twice the time and replays it
from 0 (the engine is deterministic: the same spikes), so that ``run`` in many small pieces costs at
most twice one long run.
"""
import os
import tempfile

import numpy as np
from pyNN import common

import spikeforge as sf

name = "SpikeForge"


class ID(int, common.IDMixin):

    def __init__(self, n):
        int.__init__(n)
        common.IDMixin.__init__(self)


class State(common.control.BaseState):

    def __init__(self):
        common.control.BaseState.__init__(self)
        self.mpi_rank = 0
        self.num_processes = 1
        self.dt = 0.1
        self.seed = None
        self.auto_min_delay = False
        self.threads = None
        self.backend = None
        self.populations = []
        self.projections = []
        self.current_sources = []
        self.clear()

    def clear(self):
        self.populations = []
        self.projections = []
        self.current_sources = []
        self.recorders = set()
        self.id_counter = 0
        self.segment_counter = -1
        self.net = None
        self._files = tempfile.TemporaryDirectory(prefix="pynn-spikeforge-")
        self.reset()

    def reset(self):
        """Back to t = 0: the next run builds the network afresh (a new segment of recordings)."""
        for prj in self.projections:
            prj._reset()
        for p in self.populations:
            p._reset()
        self.actions = []
        self.running = False
        self.t = 0.0
        self.t_start = 0.0
        self.segment_counter += 1
        self.net = None
        self.dirty = False
        self.built_for = 0.0

    # -- running -------------------------------------------------------------------------------------

    def run(self, simtime):
        self.run_until(self.t + simtime)

    def run_until(self, tstop):
        if tstop < self.t:
            raise ValueError("cannot run until %s ms: the simulation is at %s ms" % (tstop, self.t))
        steps = int(round(tstop / self.dt))
        longer = steps > int(round(self.built_for / self.dt))
        if self.net is None or self.dirty or longer:
            self._build(max(tstop, 2 * self.built_for) if longer else self.built_for)
            self._replay()
        self.net.run(tstop - self.t, progress=False)
        self.t = tstop
        self.running = True

    def _replay(self):
        """Runs a freshly built network up to now, applying each change the script made to its state
        between runs (weights, cell parameters) at the time it made it."""
        for t, action in self.actions:
            self._advance(t)
            action(self.net)
        self._advance(self.t)

    def _advance(self, t):
        steps = int(round((t - self.net.t) / self.dt))
        if steps > 0:
            self.net.run(steps * self.dt, progress=False)

    def act(self, action):
        """Applies ``action(net)`` (a change of engine state) now, and again at this time in any replay."""
        self.actions.append((self.t, action))
        action(self.net)

    def changed_since_build(self):
        """Something with a history (a current source's parameters) changed: the next run rebuilds and
        replays the network, whose past is the same since the change acts from now on."""
        self.dirty = True

    def describing(self, what):
        """Lets the script add ``what`` (a population, projection, source): refused once it has run."""
        if self.net is not None and self.t > 0:
            raise NotImplementedError("pyNN.spikeforge: add %s before the first run (or after reset())" % what)
        self.net = None

    def ensure_built(self):
        """Builds the network (for the time run so far, at least one step) when it is not built."""
        if self.net is None:
            self._build(max(self.t, self.dt))
            self._replay()
        return self.net

    def file(self, stem, array):
        """Writes ``array`` as a .npy file for the config to name (per-element values, connections)."""
        path = os.path.join(self._files.name, "%s.npy" % stem)
        np.save(path, np.asarray(array))
        return path

    def _build(self, duration):
        duration = round(max(duration, self.dt) / self.dt) * self.dt
        # What spike sources and currents drawn here cover while they are described, ms.
        self.built_for_next = duration
        self.defined = set()
        net = sf.Network("pynn", dt=self.dt, duration=duration, seed=self.seed, threads=self.threads,
                         backend=self.backend)
        for p in self.populations:
            p._describe(net)
        if not any(getattr(p.celltype, "receptors", None) for p in self.populations):
            # The engine runs networks of neurons: a script of spike sources alone gets one idle neuron.
            net.population("_idle", 1, "LifRef")
        for s in self.current_sources:
            s._describe(net)
        for prj in self.projections:
            prj._describe(net)
        for p in self.populations:
            p.recorder._describe(net)
        net.build()
        if self.auto_min_delay:
            delays = [prj._delay_value() for prj in self.projections if prj._delay_is_number()]
            self.min_delay = min(delays) if delays else self.dt
        for p in self.populations:
            p._initialize(net)
        for p in self.populations:
            p.recorder._remember_initial(net)
        self.net = net
        self.dirty = False
        self.built_for = duration


state = State()
