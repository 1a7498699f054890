"""pyNN.spikeforge: PyNN 0.10's API on SpikeForge. A script describes the network with PyNN; the first
run builds one SpikeForge network from it and the engine runs it in this process.

    import sys; sys.path.insert(0, "python")
    import pyNN.spikeforge as sim
    sim.setup(timestep=0.1)
    p = sim.Population(100, sim.IF_cond_exp(tau_m=20))
    ...

What is mapped and what is not: README, "PyNN".
"""
import logging

from pyNN import common
from pyNN.common.control import DEFAULT_MAX_DELAY, DEFAULT_MIN_DELAY, DEFAULT_TIMESTEP
from pyNN.connectors import *  # noqa: F401,F403
from pyNN.recording import *  # noqa: F401,F403
from pyNN.random import NumpyRNG, RandomDistribution  # noqa: F401
from pyNN.space import Space  # noqa: F401
from pyNN.standardmodels import StandardCellType

from . import simulator
from .electrodes import ACSource, DCSource, NoisyCurrentSource, StepCurrentSource  # noqa: F401
from .populations import Assembly, Population, PopulationView  # noqa: F401
from .projections import Projection
from .standardmodels import *  # noqa: F401,F403
from .standardmodels import StaticSynapse

logger = logging.getLogger("PyNN")


def list_standard_models():
    """The StandardCellType classes this backend maps onto SpikeForge's models."""
    return [obj.__name__ for obj in globals().values()
            if isinstance(obj, type) and issubclass(obj, StandardCellType) and obj is not StandardCellType]


def setup(timestep=DEFAULT_TIMESTEP, min_delay=DEFAULT_MIN_DELAY, **extra_params):
    """Starts a simulation: ``timestep`` (ms), and SpikeForge's ``seed``, ``threads`` and ``backend``."""
    max_delay = extra_params.get("max_delay", DEFAULT_MAX_DELAY)
    common.setup(timestep, min_delay, **extra_params)
    simulator.state.clear()
    simulator.state.dt = timestep
    simulator.state.auto_min_delay = min_delay == "auto"
    simulator.state.min_delay = timestep if min_delay == "auto" else min_delay
    simulator.state.max_delay = max_delay
    simulator.state.seed = extra_params.get("seed", extra_params.get("rng_seed"))
    simulator.state.threads = extra_params.get("threads")
    simulator.state.backend = extra_params.get("backend")
    return 0


def end(compatible_output=True):
    """Writes what was asked to be written at the end."""
    from pyNN.recording import get_io      # PyNN's: it makes the file's folder, as every backend's end() does
    for (population, variables, filename) in simulator.state.write_on_end:
        population.write_data(get_io(filename), variables)
    simulator.state.write_on_end = []


run, run_until = common.build_run(simulator)
run_for = run
reset = common.build_reset(simulator)
initialize = common.initialize
get_current_time, get_time_step, get_min_delay, get_max_delay, num_processes, rank = \
    common.build_state_queries(simulator)
create = common.build_create(Population)
connect = common.build_connect(Projection, FixedProbabilityConnector, StaticSynapse)  # noqa: F405
record = common.build_record(simulator)
set = common.set
