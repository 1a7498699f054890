"""Recording: each recorded variable of a population is one SpikeForge monitor; PyNN's Recorder turns
what it holds into Neo segments."""
import numpy as np
from pyNN import recording

from . import simulator

# PyNN's names of what is recorded, as SpikeForge's monitors name them.
_VARIABLE = {"spikes": "spike"}


class Recorder(recording.Recorder):
    _simulator = simulator

    def _record(self, variable, new_ids, sampling_interval=None):
        self.sampling_interval = sampling_interval or simulator.state.dt
        if simulator.state.net is not None:
            simulator.state.net = None          # a new monitor: built again at the next run (replayed)

    def _describe(self, net):
        pop = self.population
        self._initial = {}
        for variable, ids in self.recorded.items():
            if not ids:
                continue
            var = _VARIABLE.get(variable, variable)
            if var == "spike":
                net.monitor(pop.engine_name, "spike")
            else:
                # Every step: a SpikeForge row is the state after a step (t = (r + 1) dt), PyNN's samples are
                # at t = 0, interval, 2 interval, ...: they are taken from the rows, after the initial values.
                indices = sorted(int(i) for i in pop.id_to_index(np.array(sorted(ids))))
                net.monitor(pop.engine_name, var, indices=indices)
                for name, start, size in self._synapse_parts(var):
                    # the synapse's g, added to the recorded cells it reaches
                    net.monitor(name, "g")

    def _synapse_parts(self, var):
        """The engine projections whose synapse holds part of the cells' ``var`` (TsodyksMarkramSynapse's g:
        PyNN's gsyn_exc is the cell's whole conductance, the sum)."""
        return [part for prj in simulator.state.projections for part in prj.conductance_parts(self.population, var)]

    def _remember_initial(self, net):
        """The recorded variables' values at t = 0, PyNN's first sample."""
        for variable, ids in self.recorded.items():
            if variable != "spikes" and ids:
                name = self._monitor(variable)
                self._initial[variable] = np.asarray(net[self.population.engine_name].__getattr__(
                    _VARIABLE.get(variable, variable)))[list(net._sim.indices(name))].astype(float)

    def _monitor(self, variable):
        return "%s.%s" % (self.population.engine_name, _VARIABLE.get(variable, variable))

    def _get_spiketimes(self, requested_ids, clear=False):
        net = simulator.state.net
        if net is None:
            return np.array([], dtype=int), np.array([])
        t, i = net.spikes(self.population.engine_name)
        ids = np.asarray(self.population.all_cells, dtype=int)[i]
        mask = np.isin(ids, np.asarray(requested_ids, dtype=int))
        # A spike in step s is at s*dt, as pyNN.brian2 reports it (Brian2's clock time of that step).
        return ids[mask], t[mask]

    def _get_all_signals(self, variable, ids, clear=False):
        net = simulator.state.net
        if net is None or not ids:
            return np.zeros((0, len(ids))), None
        name = self._monitor(variable)
        values = np.vstack([self._initial[variable][None, :], net.recorded(name).astype(float)])
        recorded_idx = list(net._sim.indices(name))
        for part, start, size in self._synapse_parts(_VARIABLE.get(variable, variable)):
            # g starts at 0 in every build; one per neuron of the post group, a slice's at their group index
            g = net.recorded("%s.g" % part).astype(float)
            for c, k in enumerate(recorded_idx):
                if start <= k < start + size:
                    values[1:, c] += g[:, k]
        every = int(round(self.sampling_interval / simulator.state.dt))
        samples = int(round(simulator.state.t / self.sampling_interval)) + 1
        values = values[::every][:samples]
        wanted = self.population.id_to_index(np.asarray(ids))
        cols = [recorded_idx.index(int(w)) for w in np.atleast_1d(wanted)]
        return values[:, cols], None

    def _local_count(self, variable, filter_ids=None):
        counts = {int(i): 0 for i in self.filter_recorded(variable, filter_ids)}
        net = simulator.state.net
        if net is None:
            return counts
        _, i = net.spikes(self.population.engine_name)
        for cell, n in zip(*np.unique(i, return_counts=True)):
            gid = int(self.population.all_cells[cell])
            if gid in counts:
                counts[gid] = int(n)
        return counts

    def _clear_simulator(self):
        pass

    def _reset(self):
        pass
